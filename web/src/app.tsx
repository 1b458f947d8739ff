import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getMe, login, logout, type Account } from './api/index.ts';
import { catalogs, I18nContext, initialLang, persistLang, type I18n, type Lang } from './i18n/index.ts';
import { useLocation } from './router.ts';
import { SessionContext, type Session } from './session.ts';
import { Header } from './components/Header.tsx';
import { Footer } from './components/Footer.tsx';
import { CataloguePage } from './pages/citizen/CataloguePage.tsx';
import { ProcedurePage } from './pages/citizen/ProcedurePage.tsx';
import { NotFoundPage } from './pages/citizen/NotFoundPage.tsx';
import { LoginPage } from './pages/citizen/LoginPage.tsx';
import { PasswordPage } from './pages/citizen/PasswordPage.tsx';
import { SubmitPage } from './pages/citizen/SubmitPage.tsx';
import { DossierListPage } from './pages/officer/DossierListPage.tsx';
import { DossierPage } from './pages/officer/DossierPage.tsx';
import { ReceiptPage } from './pages/desk/ReceiptPage.tsx';
import { LookupPage } from './pages/citizen/LookupPage.tsx';
import { VerificationPage } from './pages/citizen/VerificationPage.tsx';
import { DocumentsPage } from './pages/citizen/DocumentsPage.tsx';
import { DOCUMENTS_PATH } from './documents.ts';
import { resultIdFromPath } from './results.ts';
import { DeskPage } from './pages/desk/DeskPage.tsx';
import { DaybookPage } from './pages/desk/DaybookPage.tsx';
import { DAYBOOK_PATH } from './pages/desk/daybook.ts';
import { PaymentReceiptPage } from './pages/desk/PaymentReceiptPage.tsx';
import { paymentIdFromPath } from './pages/desk/paymentReceipt.ts';
import { ReconciliationPage } from './pages/desk/ReconciliationPage.tsx';
import { RECONCILIATION_PATH } from './pages/desk/reconciliation.ts';
import { AdminScreen } from './pages/admin/lazy.tsx';
import { DashboardScreen } from './pages/dashboard/lazy.tsx';

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function route(path: string, onPasswordChanged: (account: Account | null) => void) {
  if (path === '/' || path === '/thu-tuc' || path === '/thu-tuc/') return <CataloguePage />;
  if (path === '/dang-nhap') return <LoginPage />;
  if (path === '/doi-mat-khau') return <PasswordPage onChanged={onPasswordChanged} />;
  if (path === '/tra-cuu') return <LookupPage />;
  // The public verification of an electronic result (the QR code on its PDF): no sign-in.
  const resultId = resultIdFromPath(path);
  if (resultId !== null) return <VerificationPage key={resultId} id={resultId} />;
  if (path === '/ho-so-cua-toi') return <DossierListPage mode="mine" />;
  if (path === DOCUMENTS_PATH || path === `${DOCUMENTS_PATH}/`) return <DocumentsPage />;
  if (path === '/can-bo/ho-so') return <DossierListPage mode="inbox" />;
  if (path === '/mot-cua/tiep-nhan') return <DeskPage />;
  if (path === DAYBOOK_PATH || path === `${DAYBOOK_PATH}/`) return <DaybookPage />;
  if (path === RECONCILIATION_PATH || path === `${RECONCILIATION_PATH}/`) return <ReconciliationPage />;
  const paymentId = paymentIdFromPath(path);
  if (paymentId !== null) return <PaymentReceiptPage key={paymentId} id={paymentId} />;
  // Dashboard and public publication (a chunk of their own, loaded on the first visit).
  if (path === '/bang-dieu-khien' || path === '/bang-dieu-khien/') return <DashboardScreen name="dashboard" />;
  if (path === '/bang-dieu-khien/ho-so') return <DashboardScreen name="drilldown" />;
  if (path === '/bang-dieu-khien/dong-bo') return <DashboardScreen name="sync" />;
  if (path === '/cong-khai/bao-cao' || path === '/cong-khai/bao-cao/') return <DashboardScreen name="publication" />;
  // Administration (a chunk of its own, loaded on the first visit).
  if (path === '/quan-tri' || path === '/quan-tri/') return <AdminScreen name="home" />;
  if (path === '/quan-tri/co-quan') return <AdminScreen name="agencies" />;
  if (path === '/quan-tri/thu-tuc') return <AdminScreen name="procedures" />;
  if (path === '/quan-tri/lich') return <AdminScreen name="calendar" />;
  if (path === '/quan-tri/tai-khoan') return <AdminScreen name="accounts" />;
  if (path === '/quan-tri/tai-khoan/them-moi') return <AdminScreen name="accountNew" />;
  let a = /^\/quan-tri\/co-quan\/([^/]+)\/?$/.exec(path);
  if (a) return <AdminScreen key={a[1]} name="agency" arg={decode(a[1])} />;
  a = /^\/quan-tri\/thu-tuc\/([^/]+)\/?$/.exec(path);
  if (a) return <AdminScreen key={a[1]} name="procedure" arg={decode(a[1])} />;
  a = /^\/quan-tri\/tai-khoan\/(\d+)\/?$/.exec(path);
  if (a) return <AdminScreen key={a[1]} name="account" arg={a[1]} />;
  let m = /^\/thu-tuc\/([^/]+)\/nop-truc-tuyen\/?$/.exec(path);
  if (m) return <SubmitPage key={m[1]} code={decode(m[1])} />;
  m = /^\/thu-tuc\/([^/]+)\/?$/.exec(path);
  if (m) return <ProcedurePage key={m[1]} code={decode(m[1])} />;
  m = /^\/ho-so\/([^/]+)\/giay-tiep-nhan\/?$/.exec(path);
  if (m) return <ReceiptPage key={m[1]} code={decode(m[1])} />;
  m = /^\/ho-so\/([^/]+)\/?$/.exec(path);
  if (m) return <DossierPage key={m[1]} code={decode(m[1])} />;
  return <NotFoundPage />;
}

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [me, setMe] = useState<Account | null | undefined>(undefined);
  const { path } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(path);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    const ctrl = new AbortController();
    getMe(ctrl.signal).then(setMe, (e) => {
      if ((e as Error).name !== 'AbortError') setMe(null);
    });
    return () => ctrl.abort();
  }, []);

  // After client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = '';
    // A page that focused its own first field (the desk form) keeps it.
    if (mainRef.current && !mainRef.current.contains(document.activeElement)) mainRef.current.focus({ preventScroll: true });
  }, [path]);

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

  const signIn = useCallback(async (name: string, password: string) => {
    // The sign-in answer carries the account as /me does (the same JSON, grants included).
    const account = await login(name, password);
    setMe(account);
    return account;
  }, []);
  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setMe(null);
    }
  }, []);
  const session = useMemo<Session>(() => ({ me, signIn, signOut }), [me, signIn, signOut]);

  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={session}>
        <a class="skip-link" href="#main">
          {i18n.t.skipToContent}
        </a>
        <Header />
        <main id="main" ref={mainRef} tabIndex={-1} class="container">
          {/* A one-time password (an administrator's reset) opens nothing but its replacement. */}
          {me?.must_change_password ? <PasswordPage onChanged={setMe} /> : route(path, setMe)}
        </main>
        <Footer />
      </SessionContext.Provider>
    </I18nContext.Provider>
  );
}
