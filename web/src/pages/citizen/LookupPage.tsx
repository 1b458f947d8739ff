// Public lookup: dossier code + the applicant's ID number, no sign-in (GET /api/v1/dossiers/{code}?id_number=).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, lookupDossier, type DossierPublic } from '../../api/index.ts';
import { DueBadge, StatusBadge } from '../../components/Badges.tsx';
import { ErrorSummary, TextField, focusErrorsIfAny } from '../../components/Fields.tsx';
import { ErrorMessage } from '../../components/States.tsx';
import { formatDateTime } from '../../format.ts';
import { useDocumentTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { useLocation } from '../../router.ts';
import { StepList } from '../officer/DossierPage.tsx';

const OPEN = new Set([1, 2, 4, 5, 6, 9]);

export function LookupPage() {
  const { t, lang } = useI18n();
  const { search } = useLocation();
  const [code, setCode] = useState(search.get('ma') ?? '');
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [result, setResult] = useState<DossierPublic | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLElement>(null);
  useDocumentTitle(t.lookupTitle);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  async function onSubmit(e: Event) {
    e.preventDefault();
    const problems: string[] = [];
    if (!code.trim()) problems.push(t.fieldRequired(t.dossierCode));
    if (!idNumber.trim()) problems.push(t.fieldRequired(t.idNumber));
    setErrors(problems);
    setError(null);
    setResult(null);
    if (focusErrorsIfAny(problems)) return;
    setBusy(true);
    try {
      setResult(await lookupDossier(code.trim(), idNumber.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
  const throttled = error instanceof ApiError && error.status === 429;
  return (
    <section>
      <h1>{t.lookupTitle}</h1>
      <p class="muted">{t.lookupIntro}</p>
      <form class="panel form lookup-form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        <TextField id="lookup-code" label={t.dossierCode} value={code} onInput={setCode} required autoComplete="off" />
        <TextField id="lookup-id" label={t.idNumber} value={idNumber} onInput={setIdNumber} required inputMode="numeric" autoComplete="off" />
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t.loading : t.lookupButton}
        </button>
      </form>
      {notFound && (
        <p class="state state-error" role="alert">
          {t.lookupNotFound}
        </p>
      )}
      {throttled && (
        <p class="state state-error" role="alert">
          {t.lookupThrottled}
        </p>
      )}
      {error !== null && !notFound && !throttled && <ErrorMessage error={error} />}
      {result && (
        <section class="panel lookup-result" aria-labelledby="lookup-result-h" tabIndex={-1} ref={resultRef}>
          <h2 id="lookup-result-h">
            {t.dossierCode} <span class="code">{result.code}</span>
          </h2>
          <div class="badges">
            <StatusBadge status={result.status} name_vi={result.status_name_vi} />
            {OPEN.has(result.status) && result.due_at && <DueBadge state={result.due_state} />}
          </div>
          <dl class="summary">
            <div>
              <dt>{t.procedure}</dt>
              <dd>{result.procedure_name_vi ?? result.procedure}</dd>
            </div>
            <div>
              <dt>{t.applicant}</dt>
              <dd>{result.applicant_name}</dd>
            </div>
            <div>
              <dt>{t.receivingAgency}</dt>
              <dd>{result.receiving_agency_name_vi}</dd>
            </div>
            <div>
              <dt>{t.receivedAt}</dt>
              <dd>{formatDateTime(result.received_at, lang)}</dd>
            </div>
            <div>
              <dt>{t.dueAt}</dt>
              <dd>{formatDateTime(result.due_at, lang)}</dd>
            </div>
            {result.returned_at && (
              <div>
                <dt>{t.returnedAt}</dt>
                <dd>{formatDateTime(result.returned_at, lang)}</dd>
              </div>
            )}
          </dl>
          <h3>{t.stepsTitle}</h3>
          <StepList steps={result.steps} current={-1} />
        </section>
      )}
    </section>
  );
}
