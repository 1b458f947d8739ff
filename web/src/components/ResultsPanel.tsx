// A dossier's electronic results (GET /api/v1/dossiers/{code}/results), newest first: each with
// its state and a link to its public verification page (/xac-minh/{id}). The province
// administrator and the heads of the issuing agency are offered its revocation, with a reason
// shown on that page (POST /api/v1/results/{id}/revocation; others get 403, its message shown).
// Nothing at all when the dossier has no result, or when they cannot be read.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ActionError, listDossierResults, revokeResult, type Dossier, type ResultVerification } from '../api/index.ts';
import { formatDateTime } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { useI18n } from '../i18n/index.ts';
import { checkRevocationReason, mayRevoke, resultReasonText, verificationPath } from '../results.ts';
import { useSession } from '../session.ts';
import { TextField } from './Fields.tsx';
import { Link } from './Link.tsx';
import { focusSoon } from './focus.ts';
import { ActionErrorMessage, problemText } from './States.tsx';

export function ResultsPanel({ dossier: d }: { dossier: Dossier }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  // Asked again whenever the dossier changes (a result issued, say); a failure shows nothing.
  const loaded = useLoad(`${d.code}|${d.event_count}`, (signal) =>
    listDossierResults(d.code, signal).then(
      (r) => r.results,
      (e) => {
        if ((e as Error).name === 'AbortError') throw e;
        return null;
      },
    ),
  );
  const [revoking, setRevoking] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const results = loaded.data;
  if (!results || results.length === 0) return null;

  function revoked(r: ResultVerification) {
    loaded.set(results!.map((x) => (x.id === r.id ? r : x)));
    setRevoking(null);
    setDone(t.eResultRevokedDone(r.title));
    // The form and its button are gone: focus the confirmation instead.
    focusSoon('e-results-done');
  }

  return (
    <section class="panel results-panel" aria-labelledby="e-results-h">
      <h2 id="e-results-h">{t.eResultsTitle}</h2>
      {done && (
        <p id="e-results-done" class="state-ok" role="status" tabIndex={-1}>
          {done}
        </p>
      )}
      <ul class="result-list">
        {results.map((r) => {
          const canRevoke = r.status !== 'revoked' && !!me && mayRevoke(me.roles, r.agency.code);
          return (
            <li key={r.id} class="result-item" data-result-id={r.id} data-status={r.status}>
              <p class="result-head">
                <span class={`badge result-badge result-badge-${r.status}`}>{t.eResultStatus[r.status] ?? r.status}</span>{' '}
                <strong lang="vi">{r.title}</strong>
              </p>
              <p class="muted small">
                {r.signed_at && t.eResultSignedAt(formatDateTime(r.signed_at, lang))}
                {r.revoked_at && (
                  <>
                    {r.signed_at && ' · '}
                    {t.eResultRevokedAt(formatDateTime(r.revoked_at, lang))}
                  </>
                )}
                {r.status === 'invalid' && (
                  <>
                    {r.signed_at && ' · '}
                    {resultReasonText(r.reason, lang)}
                  </>
                )}
              </p>
              {r.revocation_reason && (
                <p class="small prewrap">
                  {t.verifyRevocationReason}: {r.revocation_reason}
                </p>
              )}
              <div class="button-row">
                <Link href={verificationPath(r.id)} class="btn btn-secondary">
                  {t.eResultVerify}
                  <span class="visually-hidden"> {t.eResultOf(r.title)}</span>
                </Link>
                {canRevoke && (
                  <button
                    type="button"
                    id={`revoke-${r.id}-open`}
                    class="btn btn-danger revoke-open"
                    aria-expanded={revoking === r.id}
                    aria-controls={revoking === r.id ? `revoke-${r.id}-form` : undefined}
                    onClick={() => {
                      setRevoking(revoking === r.id ? null : r.id);
                      setDone(null);
                    }}
                  >
                    {t.eResultRevoke}
                    <span class="visually-hidden"> {t.eResultOf(r.title)}</span>
                  </button>
                )}
              </div>
              {canRevoke && revoking === r.id && (
                <RevokeForm
                  result={r}
                  onCancel={() => {
                    setRevoking(null);
                    focusSoon(`revoke-${r.id}-open`);
                  }}
                  onDone={revoked}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RevokeForm({ result: r, onCancel, onDone }: { result: ResultVerification; onCancel: () => void; onDone: (r: ResultVerification) => void }) {
  const { t, lang } = useI18n();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const prefix = `revoke-${r.id}`;

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('textarea')?.focus();
  }, []);

  async function onSubmit(e: Event) {
    e.preventDefault();
    setError(null);
    setFieldError(null);
    const checked = checkRevocationReason(reason);
    if (!checked.ok) {
      setFieldError(checked.problem === 'required' ? t.fieldRequired(t.eResultRevokeReason) : t.eResultRevokeTooLong);
      document.getElementById(`${prefix}-reason`)?.focus();
      return;
    }
    setBusy(true);
    try {
      onDone(await revokeResult(r.id, checked.reason));
    } catch (err) {
      setBusy(false);
      setError(err);
      if (err instanceof ActionError && err.param === 'reason') {
        setFieldError(problemText(err, t, lang));
        document.getElementById(`${prefix}-reason`)?.focus();
      }
    }
  }

  return (
    <form id={`${prefix}-form`} ref={formRef} class="action-form revoke-form" onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-h`}>
      <h3 id={`${prefix}-h`}>{t.eResultRevokeTitle(r.title)}</h3>
      <p class="hint">{t.eResultRevokeHint}</p>
      {error !== null && <ActionErrorMessage error={error} />}
      <TextField
        id={`${prefix}-reason`}
        label={t.eResultRevokeReason}
        value={reason}
        onInput={setReason}
        multiline
        rows={3}
        required
        error={fieldError}
      />
      <div class="form-actions">
        <button type="submit" class="btn btn-danger" disabled={busy}>
          {busy ? t.sending : t.eResultRevokeSubmit}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onCancel} disabled={busy}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
