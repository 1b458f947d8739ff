import { useState } from 'preact/hooks';
import { useDocumentTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { navigate, useLocation } from '../../router.ts';
import { isOfficer, hasRole, useSession } from '../../session.ts';
import { ErrorMessage } from '../../components/States.tsx';
import { TextField } from '../../components/Fields.tsx';

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && next !== '/dang-nhap' ? next : null;
}

export function LoginPage() {
  const { t } = useI18n();
  const { me, signIn } = useSession();
  const { search } = useLocation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(t.loginTitle);

  async function onSubmit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const account = await signIn(name.trim(), password);
      const next = safeNext(search.get('next'));
      const home = hasRole(account, 'clerk')
        ? '/mot-cua/tiep-nhan'
        : hasRole(account, 'province_admin', 'agency_admin')
          ? '/quan-tri'
          : isOfficer(account)
            ? '/can-bo/ho-so'
            : '/ho-so-cua-toi';
      navigate(next && next !== '/' ? next : home);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <section class="narrow">
      <h1>{t.loginTitle}</h1>
      <p class="muted">{t.loginIntro}</p>
      {me && <p role="status">{t.loginAs(me.name)}</p>}
      {search.get('next') && !me && <p role="status">{t.loginRequired}</p>}
      <form class="form panel" onSubmit={onSubmit} noValidate>
        {error !== null && <ErrorMessage error={error} />}
        <TextField id="login-name" name="login" label={t.loginName} autoComplete="username" required value={name} onInput={setName} />
        <TextField id="login-password" name="password" type="password" label={t.password} autoComplete="current-password" required value={password} onInput={setPassword} />
        <button type="submit" class="btn btn-primary" disabled={busy || !name || !password}>
          {busy ? t.sending : t.loginButton}
        </button>
      </form>
    </section>
  );
}
