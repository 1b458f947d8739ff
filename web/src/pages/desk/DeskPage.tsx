// One-stop desk reception, keyboard-first: procedure search (arrow keys pick a result) →
// applicant → components checklist → "Tiếp nhận hồ sơ" (POST /api/v1/dossiers, channel "desk").
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getProcedure, listProcedures, submitDossier, type ProcedureDetail, type ProcedureSummary } from '../../api/index.ts';
import { ComponentChecklist, missingRequired } from '../../components/ComponentChecklist.tsx';
import { ErrorSummary, Fieldset, SelectField, TextField, focusErrorsIfAny } from '../../components/Fields.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatProcessingTime } from '../../format.ts';
import { useDocumentTitle } from '../../hooks.ts';
import { localized, useI18n } from '../../i18n/index.ts';
import { dossierPath, navigate, useLocation } from '../../router.ts';
import { hasRole, randomUuid, useSession } from '../../session.ts';

export function DeskPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { path } = useLocation();
  useDocumentTitle(t.deskTitle);
  useEffect(() => {
    if (me === null) navigate(`/dang-nhap?next=${encodeURIComponent(path)}`, { replace: true });
  }, [me, path]);
  return (
    <section>
      <h1>{t.deskTitle}</h1>
      <p class="muted">{t.deskIntro}</p>
      {me === undefined && <Loading />}
      {me && !hasRole(me, 'clerk') && <p class="state state-error">{t.deskOnlyClerks}</p>}
      {me && hasRole(me, 'clerk') && <DeskForm agency={me.agency_code ?? ''} />}
    </section>
  );
}

function DeskForm({ agency }: { agency: string }) {
  const { t, lang } = useI18n();
  const idempotencyKey = useMemo(randomUuid, []);
  const [q, setQ] = useState('');
  const [results, setResults] = useState<ProcedureSummary[] | null>(null);
  const [chosen, setChosen] = useState<string>('');
  const [proc, setProc] = useState<ProcedureDetail | null>(null);
  const [kind, setKind] = useState<'citizen' | 'organisation'>('citizen');
  const [idNumber, setIdNumber] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<string[]>([]);
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => searchRef.current?.focus(), []);

  useEffect(() => {
    if (q.trim().length < 2) {
      setResults(null);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      listProcedures({ q: q.trim(), limit: 8 }, ctrl.signal).then(
        (r) => setResults(r.items),
        () => {},
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q]);

  useEffect(() => {
    if (!chosen) return;
    const ctrl = new AbortController();
    setProc(null);
    getProcedure(chosen, ctrl.signal).then(
      (p) => {
        setProc(p);
        setChecked(new Set());
      },
      (e) => {
        if ((e as Error).name !== 'AbortError') setServerError(e);
      },
    );
    return () => ctrl.abort();
  }, [chosen]);

  async function onSubmit(e: Event) {
    e.preventDefault();
    const problems: string[] = [];
    if (!chosen) problems.push(t.procedureRequired);
    if (!idNumber.trim()) problems.push(t.fieldRequired(t.idNumber));
    if (!name.trim()) problems.push(t.fieldRequired(t.fullName));
    if (proc) {
      const missing = missingRequired(proc.components ?? [], checked, lang);
      if (missing.length) problems.push(t.componentsMissing(missing.join('; ')));
    }
    setErrors(problems);
    setServerError(null);
    if (focusErrorsIfAny(problems)) return;
    setBusy(true);
    try {
      const d = await submitDossier(
        {
          procedure: chosen,
          agency,
          channel: 'desk',
          components: [...checked],
          note: note.trim() || undefined,
          applicant: {
            kind,
            id_number: idNumber.trim(),
            name: name.trim(),
            phone: phone.trim(),
            email: email.trim(),
            address: address.trim(),
          },
        },
        idempotencyKey,
      );
      navigate(`${dossierPath(d.code)}?moi=1`);
    } catch (err) {
      setServerError(err);
      setBusy(false);
    }
  }

  const shown = results ?? [];
  return (
    <form class="form desk-form" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} />
      {serverError !== null && <ErrorMessage error={serverError} />}

      <Fieldset legend={t.deskProcedure} class="panel">
        <TextField
          id="desk-q"
          inputRef={searchRef}
          type="search"
          label={t.procedureSearch}
          hint={t.searchMin}
          autoComplete="off"
          value={q}
          onInput={setQ}
          onKeyDown={(e) => {
            // Down arrow jumps into the results (then arrows move within the radio group).
            if (e.key === 'ArrowDown' && shown.length) {
              e.preventDefault();
              const first = document.querySelector<HTMLInputElement>('input[name=procedure]');
              first?.focus();
              if (first && !chosen) first.click();
            }
          }}
        />
        <div role="radiogroup" aria-label={t.chooseProcedure} class="radio-list" aria-live="polite">
          {results && shown.length === 0 && <p class="muted">{t.empty}</p>}
          {shown.map((p) => (
            <label key={p.code} class="radio-row">
              <input type="radio" name="procedure" value={p.code} checked={chosen === p.code} onChange={() => setChosen(p.code)} />
              <span>
                {localized(lang, p.name_vi, p.name_en)}{' '}
                <span class="muted small">
                  <span class="code">{p.code}</span> · {formatProcessingTime(p.processing_time, lang)}
                </span>
              </span>
            </label>
          ))}
        </div>
        {proc && (
          <p class="selected-proc" role="status">
            {t.procedure}: <strong>{localized(lang, proc.name_vi, proc.name_en)}</strong>
          </p>
        )}
      </Fieldset>

      <Fieldset legend={t.deskApplicant} class="panel">
        <div class="grid-2">
          <SelectField
            id="desk-kind"
            label={t.applicantKindLabel}
            value={kind}
            onChange={(v) => setKind(v === 'organisation' ? 'organisation' : 'citizen')}
            options={[
              { value: 'citizen', label: t.applicantKind.citizen },
              { value: 'organisation', label: t.applicantKind.organisation },
            ]}
          />
          <TextField id="desk-id" label={t.idNumber} value={idNumber} onInput={setIdNumber} required inputMode="numeric" autoComplete="off" />
          <TextField id="desk-name" label={t.fullName} value={name} onInput={setName} required autoComplete="off" />
          <TextField id="desk-phone" label={t.phone} value={phone} onInput={setPhone} type="tel" inputMode="tel" autoComplete="off" />
          <TextField id="desk-email" label={t.email} value={email} onInput={setEmail} type="email" autoComplete="off" />
          <TextField id="desk-address" label={t.address} value={address} onInput={setAddress} autoComplete="off" />
        </div>
      </Fieldset>

      <Fieldset legend={t.deskComponents} class="panel">
        {!chosen ? (
          <p class="muted">{t.procedureRequired}</p>
        ) : !proc ? (
          <Loading />
        ) : (
          <ComponentChecklist
            idPrefix="desk-tp"
            components={proc.components ?? []}
            checked={checked}
            onToggle={(c, on) => {
              const next = new Set(checked);
              if (on) next.add(c);
              else next.delete(c);
              setChecked(next);
            }}
          />
        )}
        <TextField id="desk-note" label={t.note} value={note} onInput={setNote} multiline rows={2} />
      </Fieldset>

      <button type="submit" class="btn btn-primary btn-wide" disabled={busy}>
        {busy ? t.sending : t.receiveButton}
      </button>
    </form>
  );
}
