// Online submission (citizen / organisation): where to file, the applicant (the signed-in
// account), the components checklist and a note. One Idempotency-Key per form: a retried or
// double-clicked submit creates one dossier.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getProcedure, listAgencies, submitDossier, type AgencySummary, type ProcedureDetail } from '../../api/index.ts';
import { ComponentChecklist, missingRequired } from '../../components/ComponentChecklist.tsx';
import { ErrorSummary, Fieldset, TextField, focusErrorsIfAny } from '../../components/Fields.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { localized, useI18n } from '../../i18n/index.ts';
import { dossierPath, navigate, procedurePath } from '../../router.ts';
import { isApplicant, randomUuid, useSession } from '../../session.ts';

export function SubmitPage({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const loaded = useLoad(code, (s) => getProcedure(code, s));
  const proc = loaded.data;
  const loadError = loaded.error;
  useDocumentTitle(t.submitTitle);

  useEffect(() => {
    if (me === null) navigate(`/dang-nhap?next=${encodeURIComponent(`${procedurePath(code)}/nop-truc-tuyen`)}`, { replace: true });
  }, [me, code]);

  return (
    <section>
      <nav aria-label={t.breadcrumb} class="breadcrumb">
        <ol>
          <li>
            <Link href="/thu-tuc">{t.navCatalogue}</Link>
          </li>
          <li>
            <Link href={procedurePath(code)}>{proc ? localized(lang, proc.name_vi, proc.name_en) : code}</Link>
          </li>
          <li aria-current="page">{t.submitTitle}</li>
        </ol>
      </nav>
      <h1>
        {t.submitTitle}
        {proc && <span class="h1-sub">{localized(lang, proc.name_vi, proc.name_en)}</span>}
      </h1>
      {loadError !== null && <ErrorMessage error={loadError} />}
      {(me === undefined || (!proc && loadError === null)) && <Loading />}
      {me && !isApplicant(me) && <p class="state state-error">{t.onlyApplicants}</p>}
      {me && isApplicant(me) && proc && proc.online_level === 'none' && <p class="state state-error">{t.notOnline}</p>}
      {me && isApplicant(me) && proc && proc.online_level !== 'none' && <SubmitForm proc={proc} />}
    </section>
  );
}

function SubmitForm({ proc }: { proc: ProcedureDetail }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const idempotencyKey = useMemo(randomUuid, []);
  const commune = proc.level === 'commune' || !(proc.receiving_agency ?? proc.competent_agency);
  const [agency, setAgency] = useState<string>(commune ? '' : (proc.receiving_agency ?? proc.competent_agency)!);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  async function onSubmit(e: Event) {
    e.preventDefault();
    const problems: string[] = [];
    if (!agency) problems.push(t.agencyRequired);
    const missing = missingRequired(proc.components ?? [], checked, lang);
    if (missing.length) problems.push(t.componentsMissing(missing.join('; ')));
    setErrors(problems);
    setServerError(null);
    if (focusErrorsIfAny(problems)) return;
    setBusy(true);
    try {
      const d = await submitDossier(
        { procedure: proc.code, agency, channel: 'online', components: [...checked], note: note.trim() || undefined },
        idempotencyKey,
      );
      navigate(`${dossierPath(d.code)}?moi=1`);
    } catch (err) {
      setServerError(err);
      setBusy(false);
      setTimeout(() => summaryRef.current?.querySelector<HTMLElement>('[role=alert]')?.focus(), 0);
    }
  }

  return (
    <form class="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} />
      <div ref={summaryRef}>{serverError !== null && <ErrorMessage error={serverError} />}</div>

      <Fieldset legend={t.chooseAgency} class="panel">
        {commune ? (
          <AgencyPicker value={agency} onChange={setAgency} />
        ) : (
          <p>
            {t.sentTo}: <strong>{proc.receiving_agency_name_vi ?? proc.competent_agency_name_vi ?? agency}</strong>
          </p>
        )}
      </Fieldset>

      <Fieldset legend={t.applicantInfo} class="panel">
        <dl class="summary">
          <div>
            <dt>{t.fullName}</dt>
            <dd>{me?.name}</dd>
          </div>
          <div>
            <dt>{t.idNumber}</dt>
            <dd class="code">{me?.login}</dd>
          </div>
          {me?.phone && (
            <div>
              <dt>{t.phone}</dt>
              <dd>{me.phone}</dd>
            </div>
          )}
          {me?.email && (
            <div>
              <dt>{t.email}</dt>
              <dd>{me.email}</dd>
            </div>
          )}
        </dl>
      </Fieldset>

      <Fieldset legend={t.componentsChecklist} class="panel">
        <p class="hint">{t.componentsHint}</p>
        <ComponentChecklist
          idPrefix="tp"
          components={proc.components ?? []}
          checked={checked}
          onToggle={(c, on) => {
            const next = new Set(checked);
            if (on) next.add(c);
            else next.delete(c);
            setChecked(next);
          }}
        />
      </Fieldset>

      <div class="panel">
        <TextField id="note" label={t.note} value={note} onInput={setNote} multiline />
      </div>

      <button type="submit" class="btn btn-primary" disabled={busy}>
        {busy ? t.sending : t.submitButton}
      </button>
    </form>
  );
}

/** Search box + radio list of commune service centres (GET /api/v1/agencies?kind=…&q=). */
function AgencyPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const found = useLoad(q.trim(), (s) => listAgencies(q.trim(), 'commune_service_centre', s), true, 250);
  const items = found.data?.items ?? null;
  const error = found.error;
  const [chosen, setChosen] = useState<AgencySummary | null>(null);

  const shown = items ? (chosen && !items.some((a) => a.code === chosen.code) ? [chosen, ...items] : items) : [];
  return (
    <div>
      <TextField id="agency-q" type="search" label={t.agencySearch} hint={t.agencySearchHint} value={q} onInput={setQ} />
      {error !== null && <ErrorMessage error={error} />}
      <div role="radiogroup" aria-label={t.chooseAgency} class="radio-list" aria-live="polite">
        {items && shown.length === 0 && <p class="muted">{t.agencyNone}</p>}
        {shown.map((a) => (
          <label key={a.code} class="radio-row">
            <input
              type="radio"
              name="agency"
              value={a.code}
              checked={value === a.code}
              onChange={() => {
                setChosen(a);
                onChange(a.code);
              }}
            />
            <span>
              {localized(lang, a.name_vi, a.name_en)} <span class="muted code small">{a.code}</span>
            </span>
          </label>
        ))}
      </div>
    </div>
  );
}
