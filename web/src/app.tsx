import { useEffect, useMemo, useState } from 'preact/hooks';
import { catalogs, I18nContext, initialLang, persistLang, type I18n, type Lang } from './i18n/index.ts';
import { useLocation } from './router.ts';
import { Header } from './components/Header.tsx';
import { Footer } from './components/Footer.tsx';
import { CataloguePage } from './pages/CataloguePage.tsx';
import { ProcedurePage } from './pages/ProcedurePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

function route(path: string) {
  if (path === '/' || path === '/thu-tuc' || path === '/thu-tuc/') return <CataloguePage />;
  const m = /^\/thu-tuc\/([^/]+)\/?$/.exec(path);
  if (m) {
    let code = m[1];
    try {
      code = decodeURIComponent(code);
    } catch {
      /* keep raw */
    }
    return <ProcedurePage key={code} code={code} />;
  }
  return <NotFoundPage />;
}

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const { path } = useLocation();

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const i18n = useMemo<I18n>(
    () => ({
      lang,
      t: catalogs[lang],
      setLang: (l: Lang) => {
        persistLang(l);
        setLangState(l);
      },
    }),
    [lang],
  );

  return (
    <I18nContext.Provider value={i18n}>
      <a class="skip-link" href="#main">
        {i18n.t.skipToContent}
      </a>
      <Header />
      <main id="main" tabIndex={-1} class="container">
        {route(path)}
      </main>
      <Footer />
    </I18nContext.Provider>
  );
}
