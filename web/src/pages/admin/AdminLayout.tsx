// Frame of every administration screen: sign-in and role check, the section navigation, the title.
// Catalogue changes (agencies, procedures, calendar) need the province administrator; accounts
// are also managed by agency administrators within their agency (docs/permissions.md).
import type { ComponentChildren } from 'preact';
import type { Account } from '../../api/index.ts';
import { Link } from '../../components/Link.tsx';
import { Loading } from '../../components/States.tsx';
import { useDocumentTitle, useSignInFirst } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { hasRole, useSession } from '../../session.ts';

export type Section = 'home' | 'agencies' | 'procedures' | 'calendar' | 'accounts';

export const canManageCatalogue = (me: Account | null | undefined): boolean => hasRole(me, 'province_admin');
export const canManageAccounts = (me: Account | null | undefined): boolean => hasRole(me, 'province_admin', 'agency_admin');

const SECTIONS: { section: Section; href: string; catalogue: boolean }[] = [
  { section: 'agencies', href: '/quan-tri/co-quan', catalogue: true },
  { section: 'procedures', href: '/quan-tri/thu-tuc', catalogue: true },
  { section: 'calendar', href: '/quan-tri/lich', catalogue: true },
  { section: 'accounts', href: '/quan-tri/tai-khoan', catalogue: false },
];

export function useSectionLinks(): { section: Section; href: string; label: string }[] {
  const { t } = useI18n();
  const { me } = useSession();
  return SECTIONS.filter((s) => (s.catalogue ? canManageCatalogue(me) : canManageAccounts(me))).map((s) => ({
    ...s,
    label: t.adminSection[s.section],
  }));
}

interface Props {
  section: Section;
  title: string;
  intro?: string;
  /** The screen changes the catalogue: only the province administrator may open it. */
  catalogue?: boolean;
  children: ComponentChildren;
}

export function AdminLayout({ section, title, intro, catalogue = false, children }: Props) {
  const { t } = useI18n();
  const { me } = useSession();
  const links = useSectionLinks();
  useDocumentTitle(title);
  useSignInFirst(me);

  const allowed = catalogue ? canManageCatalogue(me) : canManageAccounts(me);
  return (
    <section class="admin">
      {me && canManageAccounts(me) && (
        <nav aria-label={t.adminNav} class="admin-nav">
          <ul>
            <li>
              <Link href="/quan-tri" aria-current={section === 'home' ? 'page' : undefined}>
                {t.adminHome}
              </Link>
            </li>
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} aria-current={section === l.section ? 'page' : undefined}>
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <h1>{title}</h1>
      {intro && <p class="muted">{intro}</p>}
      {me === undefined && <Loading />}
      {me && !allowed && (
        <p class="state state-error" role="alert">
          {catalogue && canManageAccounts(me) ? t.adminProvinceOnly : t.adminOnly}
        </p>
      )}
      {me && allowed && children}
    </section>
  );
}
