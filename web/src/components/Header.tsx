import { useState } from 'preact/hooks';
import { catalogs, useI18n, type Lang } from '../i18n/index.ts';
import { hasRole, isApplicant, isOfficer, useSession } from '../session.ts';
import { navigate, useLocation } from '../router.ts';
import { Link } from './Link.tsx';
import { DOCUMENTS_PATH } from '../documents.ts';
import { DAYBOOK_NAV_ROLES, DAYBOOK_PATH } from '../pages/desk/daybook.ts';
import { RECONCILIATION_PATH, RECONCILIATION_ROLES } from '../pages/desk/reconciliation.ts';

const LANGS: Lang[] = ['vi', 'en'];

export function Header() {
  const { t, lang, setLang } = useI18n();
  const { me, signOut } = useSession();
  const { path } = useLocation();
  const [busy, setBusy] = useState(false);

  const links: { href: string; label: string }[] = [{ href: '/thu-tuc', label: t.navCatalogue }];
  if (isApplicant(me)) links.push({ href: '/ho-so-cua-toi', label: t.navMyDossiers }, { href: DOCUMENTS_PATH, label: t.navMyDocuments });
  if (hasRole(me, 'clerk')) links.push({ href: '/mot-cua/tiep-nhan', label: t.navDesk });
  if (hasRole(me, ...DAYBOOK_NAV_ROLES)) links.push({ href: DAYBOOK_PATH, label: t.navDaybook });
  if (hasRole(me, ...RECONCILIATION_ROLES)) links.push({ href: RECONCILIATION_PATH, label: t.navReconciliation });
  if (isOfficer(me)) links.push({ href: '/can-bo/ho-so', label: t.navInbox });
  if (hasRole(me, 'province_admin', 'agency_admin')) links.push({ href: '/quan-tri', label: t.navAdmin });
  links.push({ href: '/tra-cuu', label: t.navLookup });
  links.push({ href: '/bang-dieu-khien', label: t.navDashboard }, { href: '/cong-khai/bao-cao', label: t.navPublication });

  const current = (href: string) =>
    path === href || (href === '/thu-tuc' && (path === '/' || path.startsWith('/thu-tuc/'))) || (href === '/quan-tri' && path.startsWith('/quan-tri/')) ||
    (href === '/bang-dieu-khien' && path.startsWith('/bang-dieu-khien/'));

  async function onSignOut() {
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
      navigate('/');
    }
  }

  return (
    <header class="site-header">
      <div class="container header-inner">
        <Link href="/" class="brand">
          <span class="brand-mark" aria-hidden="true">M</span>
          <span class="brand-text">
            <span class="brand-name">{t.productName}</span>
            <span class="brand-sep" aria-hidden="true"> — </span>
            <span class="brand-portal">{t.portalName}</span>
          </span>
        </Link>
        <div class="header-tools">
          <div class="account" aria-live="polite">
            {me ? (
              <>
                <span class="account-name">
                  <span class="visually-hidden">{t.signedInAs}: </span>
                  <span data-testid="signed-in-name">{me.name}</span>
                </span>
                <Link href="/doi-mat-khau" class="btn-header">
                  {t.passwordLink}
                </Link>
                <button type="button" class="btn-header" onClick={onSignOut} disabled={busy}>
                  {t.signOut}
                </button>
              </>
            ) : me === null ? (
              <Link href={`/dang-nhap?next=${encodeURIComponent(path)}`} class="btn-header">
                {t.signIn}
              </Link>
            ) : null}
          </div>
          <div class="lang-switch" role="group" aria-label={t.languageSwitch}>
            {LANGS.map((l) => (
              <button
                type="button"
                key={l}
                lang={l}
                aria-pressed={lang === l}
                title={catalogs[l].langName}
                onClick={() => setLang(l)}
              >
                {l.toUpperCase()}
              </button>
            ))}
          </div>
        </div>
      </div>
      <nav aria-label={t.navMain} class="main-nav">
        <ul class="container">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} class="nav-link" aria-current={current(l.href) ? 'page' : undefined}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
