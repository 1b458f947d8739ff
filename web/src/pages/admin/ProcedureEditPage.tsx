// /quan-tri/thu-tuc/{code} and /quan-tri/thu-tuc/them-moi: one procedure's form. Saving PUTs the
// procedure (PUT /api/v1/procedures/{code}, an upsert by code): the detail as loaded with the form's
// changes. Fees and components are not edited here; they travel unchanged (records.ts).
import { useMemo, useState } from 'preact/hooks';
import { ApiError, getAgencyTree, getProcedure, listFields, putProcedure, type AgencyTreeNode, type ProcedureDetail } from '../../api/index.ts';
import { ErrorSummary, focusErrorsIfAny } from '../../components/Fields.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { localized, useI18n, type Messages } from '../../i18n/index.ts';
import { navigate, procedurePath, useLocation } from '../../router.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { focusSoon } from '../../components/focus.ts';
import { Done, describeProblem } from './controls.tsx';
import { RecordProblem, problemWhere } from './RecordProblem.tsx';
import { ProcedureFields } from './ProcedureFields.tsx';
import { procedureAdminPath } from './ProceduresPage.tsx';
import { procedureForm, procedureRecord, shareTotal, validateProcedure, type ProcedureForm } from './records.ts';
import type { StepErrors } from './StepsEditor.tsx';
import { useLoad } from '../../hooks.ts';

const NEW = 'them-moi';

/** Labels by form field and by record path (the server names the latter). */
export function procedureLabels(t: Messages): Record<string, string> {
  return {
    code: t.code,
    national_code: t.nationalCode,
    name_vi: t.procNameVi,
    name_en: t.procNameEn,
    field: t.field,
    level: t.levelLabel,
    online_level: t.onlineLabel,
    competent_agency: t.procCompetent,
    receiving_agency: t.procReceiving,
    processing_time: t.processingTime,
    amount: t.procAmount,
    'processing_time.amount': t.procAmount,
    unit: t.procUnit,
    'processing_time.unit': t.procUnit,
    cutoff: t.procCutoff,
    'processing_time.cutoff': t.procCutoff,
    version: t.procVersion,
    effective_from: t.procEffective,
    description_vi: t.procDescription,
    legal_basis: t.procLegal,
    applicant_kinds: t.procApplicants,
    result: t.procResult,
    result_kind: t.procResultKind,
    'result.kind': t.procResultKind,
    result_name_vi: t.procResultName,
    'result.name_vi': t.procResultName,
    steps: t.procSectionSteps,
    'steps.share_percent': t.stepShareLabel,
    'steps.agency': t.stepAgency,
    'steps.name_vi': t.stepName,
    'steps.role': t.stepRole,
    step_name_vi: t.stepName,
    step_share: t.stepShareLabel,
    fees: t.fee,
    components: t.componentsTitle,
  };
}

/** Record paths that name a form field of their own. */
const PATH_TO_FIELD: Record<string, string> = {
  'processing_time.amount': 'amount',
  'processing_time.unit': 'unit',
  'processing_time.cutoff': 'cutoff',
  processing_time: 'amount',
  'result.kind': 'result_kind',
  'result.name_vi': 'result_name_vi',
  result: 'result_name_vi',
};

export function ProcedureEditPage({ arg = NEW }: { arg?: string }) {
  const { t, lang } = useI18n();
  const isNew = arg === NEW;
  const detail = useLoad(`proc:${arg}`, (s) => getProcedure(arg, s) as Promise<ProcedureDetail>, !isNew);
  const name = detail.data ? localized(lang, detail.data.name_vi, detail.data.name_en) : arg;
  return (
    <AdminLayout section="procedures" title={isNew ? t.procedureNewTitle : t.procedureEditTitle(name)} catalogue>
      <p class="admin-links">
        <Link href="/quan-tri/thu-tuc">{t.procedureBack}</Link>
        {detail.data && <Link href={procedurePath(detail.data.code)}>{t.adminPublicPage}</Link>}
      </p>
      {detail.error !== null && <ErrorMessage error={detail.error} onRetry={detail.reload} />}
      {!isNew && !detail.data && detail.error === null && <Loading />}
      {(isNew || detail.data) && <ProcedureEditor key={detail.data?.code ?? NEW} detail={detail.data} onSaved={detail.reload} />}
    </AdminLayout>
  );
}

function agencyOptions(nodes: AgencyTreeNode[], out: AgencyTreeNode[] = []): AgencyTreeNode[] {
  for (const n of nodes) {
    out.push(n);
    agencyOptions(n.children, out);
  }
  return out;
}

function ProcedureEditor({ detail, onSaved }: { detail: ProcedureDetail | null; onSaved: () => void }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const fields = useLoad('fields', (s) => listFields(s).then((r) => r.items));
  const tree = useLoad('tree', (s) => getAgencyTree(s));
  const agencies = useMemo(() => agencyOptions(tree.data?.items ?? []), [tree.data]);
  const asJson = detail as unknown as Record<string, unknown> | null;
  const [f, setF] = useState<ProcedureForm>(() => procedureForm(asJson));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stepErrors, setStepErrors] = useState<StepErrors>({ group: null, rows: {} });
  const [summary, setSummary] = useState<string[]>([]);
  const [serverError, setServerError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const labels = procedureLabels(t);

  // A refused record marks the field it names (and the step row, when it names one).
  const where = problemWhere(serverError);
  const serverField = where ? PATH_TO_FIELD[where.path] ?? where.field : null;
  const fieldError = (k: string) => errors[k] ?? (serverField === k ? t.adminServerRefused : null);
  const shownStepErrors: StepErrors =
    where && where.field === 'steps'
      ? where.item !== null
        ? { ...stepErrors, rows: { ...stepErrors.rows, [where.item]: { share: t.adminServerRefused } } }
        : { ...stepErrors, group: stepErrors.group ?? t.adminServerRefused }
      : stepErrors;

  async function onSubmit(e: Event) {
    e.preventDefault();
    setSaved(false);
    setServerError(null);
    const found: Record<string, string> = {};
    const steps: StepErrors = { group: null, rows: {} };
    const list: string[] = [];
    for (const p of validateProcedure(f)) {
      const message = describeProblem(t, p.problem, labels[p.field] ?? p.field, shareTotal(f.steps));
      if (p.item !== undefined) {
        const row = (steps.rows[p.item] ??= {});
        row[p.field === 'step_share' ? 'share' : 'name_vi'] = message;
        list.push(`${t.stepRow(p.item + 1)}: ${message}`);
      } else if (p.field === 'steps') {
        steps.group = message;
        list.push(message);
      } else {
        found[p.field] ??= message;
        list.push(message);
      }
    }
    if (!detail && !found.code) {
      // A PUT is an upsert: a new procedure must not silently replace an existing one.
      const taken = await getProcedure(f.code.trim()).then(
        () => true,
        (err) => !(err instanceof ApiError && err.status === 404),
      );
      if (taken) list.push((found.code = t.adminCodeTaken(f.code.trim())));
    }
    setErrors(found);
    setStepErrors(steps);
    setSummary(list);
    if (focusErrorsIfAny(list)) return;
    setBusy(true);
    try {
      const code = detail?.code ?? f.code.trim();
      await putProcedure(code, procedureRecord(asJson, f));
      if (!detail) {
        navigate(`${procedureAdminPath(code)}?luu=1`);
        return;
      }
      setSaved(true);
      onSaved();
    } catch (err) {
      setServerError(err);
      focusSoon('record-problem');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form admin-form" onSubmit={onSubmit} noValidate aria-labelledby="proc-form-h">
      <h2 id="proc-form-h">{detail ? t.procedureEditForm : t.procedureNewTitle}</h2>
      <ErrorSummary errors={summary} />
      {serverError !== null && <RecordProblem error={serverError} labels={labels} />}
      {saved && <Done>{t.adminUpdated}</Done>}
      {!saved && serverError === null && search.get('luu') === '1' && <Done>{t.adminSaved}</Done>}
      {fields.error !== null && <ErrorMessage error={fields.error} onRetry={fields.reload} />}
      <datalist id="agency-codes">
        {agencies.map((a) => (
          <option key={a.code} value={a.code}>
            {a.name_vi}
          </option>
        ))}
      </datalist>
      <ProcedureFields
        f={f}
        setF={setF}
        isNew={!detail}
        fields={fields.data ?? []}
        fieldError={fieldError}
        stepErrors={shownStepErrors}
        kept={detail ? { fees: detail.fees.length, components: detail.components.length } : null}
      />
      <button type="submit" class="btn btn-primary btn-wide" disabled={busy}>
        {busy ? t.adminSaving : t.adminSave}
      </button>
    </form>
  );
}
