// /quan-tri/tai-khoan/{id}: one account — disable or enable it, reset its password (a generated
// one is shown once), and its roles (RolesPanel). Nobody changes their own account here.
import { useState } from 'preact/hooks';
import { getAccount, resetAccountPassword, setAccountDisabled, type Account } from '../../api/index.ts';
import { Fieldset, TextField } from '../../components/Fields.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';
import { useSession } from '../../session.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { Done } from './controls.tsx';
import { focusSoon } from '../../components/focus.ts';
import { RolesPanel } from './RolesPanel.tsx';
import { useLoad } from '../../hooks.ts';

export function AccountPage({ arg = '' }: { arg?: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const id = /^\d+$/.test(arg) ? Number(arg) : 0;
  const account = useLoad(`account:${id}`, (s) => getAccount(id, s), id > 0 && !!me);
  const a = account.data;
  return (
    <AdminLayout section="accounts" title={a ? t.accountPageTitle(a.login) : t.accountsTitle}>
      <p>
        <Link href="/quan-tri/tai-khoan">{t.accountsBack}</Link>
      </p>
      {account.error !== null && <ErrorMessage error={account.error} onRetry={account.reload} notFoundTitle={t.adminAccountNotFound} />}
      {!a && account.error === null && <Loading />}
      {a && me && (
        <>
          <AccountFacts a={a} />
          {a.id === me.id && <p class="state notice">{t.accountSelfNote}</p>}
          {a.id !== me.id && <AccountState account={a} onChange={account.set} />}
          <RolesPanel account={a} me={me} onChange={account.set} />
          {a.id !== me.id && <PasswordReset account={a} />}
        </>
      )}
    </AdminLayout>
  );
}

function AccountFacts({ a }: { a: Account }) {
  const { t, lang } = useI18n();
  const rows: [string, string][] = [
    [t.accountName, a.name],
    [t.accountKindLabel, t.accountKind[a.kind]],
    [t.accountAgency, a.agency_code ?? '—'],
    [t.accountJobTitle, a.title || '—'],
    [t.phone, a.phone || '—'],
    [t.email, a.email || '—'],
    [t.accountCreatedAt, formatDateTime(a.created_at, lang)],
    [t.accountPasswordChangedAt, formatDateTime(a.password_changed_at, lang)],
  ];
  return (
    <section class="panel" aria-labelledby="facts-h">
      <h2 id="facts-h">{t.accountIdentity}</h2>
      <dl class="summary">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        <div>
          <dt>{t.status}</dt>
          <dd>
            <span class={a.disabled ? 'badge badge-off' : 'badge badge-working'} data-testid="account-state">
              {a.disabled ? t.accountDisabled : t.accountActive}
            </span>
          </dd>
        </div>
      </dl>
    </section>
  );
}

function AccountState({ account, onChange }: { account: Account; onChange: (a: Account) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  async function toggle() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const next = await setAccountDisabled(account.id, !account.disabled);
      onChange(next);
      setDone(next.disabled ? t.accountDisabledDone : t.accountEnabledDone);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      focusSoon('state-toggle');
    }
  }
  return (
    <section class="panel" aria-labelledby="state-h">
      <h2 id="state-h">{t.accountStateTitle}</h2>
      {done && <Done>{done}</Done>}
      {error !== null && <ErrorMessage error={error} />}
      <p class="hint">{account.disabled ? t.accountEnableHint : t.accountDisableHint}</p>
      <button type="button" id="state-toggle" class={account.disabled ? 'btn btn-primary' : 'btn btn-danger'} disabled={busy} onClick={toggle}>
        {account.disabled ? t.accountEnable : t.accountDisable}
      </button>
    </section>
  );
}

function PasswordReset({ account }: { account: Account }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ generated_password?: string } | null>(null);
  async function onSubmit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await resetAccountPassword(account.id, password || undefined));
      setPassword('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      focusSoon('reset-status');
    }
  }
  return (
    <form class="form" onSubmit={onSubmit} noValidate>
      <Fieldset legend={t.resetTitle} class="panel">
        <div id="reset-status" tabIndex={-1} class="focus-target">
          {result && <Done>{t.resetDone}</Done>}
          {result?.generated_password && (
            <p>
              {t.generatedPassword}: <code class="secret" data-testid="reset-password-value">{result.generated_password}</code>
              <br />
              <span class="hint">{t.generatedPasswordNote}</span>
            </p>
          )}
          {error !== null && <ErrorMessage error={error} />}
        </div>
        <TextField id="reset-password" type="password" label={t.newPassword} hint={t.accountPasswordHint} value={password} onInput={setPassword} autoComplete="new-password" />
        <button type="submit" class="btn btn-secondary" disabled={busy}>
          {t.resetButton}
        </button>
      </Fieldset>
    </form>
  );
}
