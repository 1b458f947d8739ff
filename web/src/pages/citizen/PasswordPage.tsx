// Changing one's own password (POST /api/v1/me/password). After an administrator's reset the
// account signs in with a one-time password and the application shows only this page until the
// holder has chosen their own (the API refuses everything else: 403 password_change_required).
import { useState } from 'preact/hooks';
import { changeMyPassword, getMe } from '../../api/index.ts';
import { useDocumentTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { useSession } from '../../session.ts';
import { ErrorMessage } from '../../components/States.tsx';
import { TextField } from '../../components/Fields.tsx';

export function PasswordPage({ onChanged }: { onChanged: (account: Awaited<ReturnType<typeof getMe>>) => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  useDocumentTitle(t.passwordTitle);

  if (!me) {
    return (
      <section class="narrow">
        <h1>{t.passwordTitle}</h1>
        <p role="status">{t.loginRequired}</p>
      </section>
    );
  }
  const mismatch = repeat !== '' && repeat !== next;

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    try {
      await changeMyPassword(current, next);
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
      onChanged(await getMe());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="narrow">
      <h1>{t.passwordTitle}</h1>
      {me.must_change_password && <p role="alert" class="notice">{t.passwordMustChange}</p>}
      <p class="muted">{t.passwordRules}</p>
      {done && <p role="status">{t.passwordChanged}</p>}
      <form class="form panel" onSubmit={onSubmit} noValidate>
        {error !== null && <ErrorMessage error={error} />}
        <TextField id="password-current" name="current_password" type="password" label={t.passwordCurrent} autoComplete="current-password" required value={current} onInput={setCurrent} />
        <TextField id="password-new" name="new_password" type="password" label={t.passwordNew} autoComplete="new-password" required value={next} onInput={setNext} />
        <TextField
          id="password-repeat" name="repeat_password" type="password" label={t.passwordRepeat} autoComplete="new-password" required
          value={repeat} onInput={setRepeat} error={mismatch ? t.passwordMismatch : undefined}
        />
        <button type="submit" class="btn btn-primary" disabled={busy || !current || !next || next !== repeat}>
          {busy ? t.sending : t.passwordButton}
        </button>
      </form>
    </section>
  );
}
