import { catalogs, useI18n, type Lang } from '../i18n/index.ts';
import { Link } from './Link.tsx';

const LANGS: Lang[] = ['vi', 'en'];

export function Header() {
  const { t, lang, setLang } = useI18n();
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
          <nav aria-label={t.navMain}>
            <Link href="/thu-tuc" class="nav-link">
              {t.navCatalogue}
            </Link>
          </nav>
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
    </header>
  );
}

