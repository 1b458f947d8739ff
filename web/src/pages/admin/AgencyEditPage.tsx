// /quan-tri/co-quan/{code} and /quan-tri/co-quan/them-moi: one agency, its place in the tree and
// its form. Saving PUTs the agency (PUT /api/v1/agencies/{code}, an upsert by code): the detail as
// loaded with the form's changes, so its history and kept extra fields travel unchanged (records.ts).
import { useMemo, useState } from 'preact/hooks';
import { ApiError, getAgency, getAgencyTree, putAgency, type AgencyDetail, type AgencyTreeNode } from '../../api/index.ts';
import { ErrorSummary, Fieldset, focusErrorsIfAny, SelectField, TextField } from '../../components/Fields.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { localized, useI18n, type Messages } from '../../i18n/index.ts';
import { navigate, useLocation } from '../../router.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { agencyAdminPath } from './AgenciesPage.tsx';
import { focusSoon } from '../../components/focus.ts';
import { Done, describeProblem } from './controls.tsx';
import { RecordProblem, problemWhere } from './RecordProblem.tsx';
import { agencyForm, agencyRecord, validateAgency, type AgencyForm } from './records.ts';
import { useLoad } from '../../hooks.ts';

const NEW = 'them-moi';
const KINDS = ['province', 'department', 'provincial_service_centre', 'commune', 'commune_service_centre'];

export function agencyLabels(t: Messages): Record<string, string> {
  return {
    code: t.agencyCode,
    legacy_code: t.agencyLegacyCode,
    name_vi: t.agencyNameVi,
    name_en: t.agencyNameEn,
    kind: t.agencyKindLabel,
    parent: t.agencyParent,
    admin_unit_code: t.agencyAdminUnit,
    valid_from: t.validFrom,
    valid_to: t.validTo,
    address: t.address,
    phone: t.phone,
    email: t.email,
    history: t.agencyHistory,
  };
}

export function AgencyEditPage({ arg = NEW }: { arg?: string }) {
  const { t, lang } = useI18n();
  const isNew = arg === NEW;
  const detail = useLoad(`agency:${arg}`, (s) => getAgency(arg, s), !isNew);
  const tree = useLoad('tree', (s) => getAgencyTree(s));
  const name = detail.data ? localized(lang, detail.data.name_vi, detail.data.name_en) : arg;
  const title = isNew ? t.agencyNewTitle : t.agencyEditTitle(name);
  return (
    <AdminLayout section="agencies" title={title} catalogue>
      <p>
        <Link href="/quan-tri/co-quan">{t.agencyBack}</Link>
      </p>
      {detail.error !== null && <ErrorMessage error={detail.error} onRetry={detail.reload} notFoundTitle={t.adminAgencyNotFound} />}
      {!isNew && !detail.data && detail.error === null && <Loading />}
      {detail.data && <AgencyFacts a={detail.data} />}
      {(isNew || detail.data) && (
        <AgencyFormPanel key={detail.data?.code ?? NEW} detail={detail.data} tree={tree.data?.items ?? null} onSaved={detail.reload} />
      )}
    </AdminLayout>
  );
}

function AgencyFacts({ a }: { a: AgencyDetail }) {
  const { t, lang } = useI18n();
  return (
    <section class="panel" aria-labelledby="agency-facts-h">
      <h2 id="agency-facts-h">{t.agencyPlace}</h2>
      {a.path.length > 0 && (
        <nav aria-label={t.agencyPath} class="breadcrumb">
          <ol>
            {a.path.map((p) => (
              <li key={p.code}>
                <Link href={agencyAdminPath(p.code)}>{p.name_vi}</Link>
              </li>
            ))}
            <li aria-current="page">{localized(lang, a.name_vi, a.name_en)}</li>
          </ol>
        </nav>
      )}
      <p>
        {t.agencyChildren}: {a.children.length === 0 && t.allowedNone}
      </p>
      {a.children.length > 0 && (
        <ul class="plain-list">
          {a.children.map((c) => (
            <li key={c.code}>
              <Link href={agencyAdminPath(c.code)}>{localized(lang, c.name_vi, c.name_en)}</Link> <span class="code small">{c.code}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="cta">
        <Link href={`/quan-tri/co-quan/them-moi?cap-tren=${encodeURIComponent(a.code)}`} class="btn btn-secondary">
          {t.agencyAddChild}
        </Link>
      </p>
    </section>
  );
}

/** The parent choices: every agency, indented by depth, except `self` and what lies under it. */
function parentOptions(nodes: AgencyTreeNode[] | null, self: string | null, depth = 0, out: { value: string; label: string }[] = []) {
  for (const n of nodes ?? []) {
    if (n.code === self) continue;
    out.push({ value: n.code, label: `${'— '.repeat(depth)}${n.name_vi} (${n.code})` });
    parentOptions(n.children, self, depth + 1, out);
  }
  return out;
}

function AgencyFormPanel({ detail, tree, onSaved }: { detail: AgencyDetail | null; tree: AgencyTreeNode[] | null; onSaved: () => void }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const [f, setF] = useState<AgencyForm>(() => agencyForm(detail as unknown as Record<string, unknown>, search.get('cap-tren') ?? ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const labels = agencyLabels(t);
  const parents = useMemo(() => parentOptions(tree, detail?.code ?? null), [tree, detail]);
  const set = (k: keyof AgencyForm) => (v: string) => setF({ ...f, [k]: v });
  const where = problemWhere(serverError);
  const fieldError = (k: string) => errors[k] ?? (where?.field === k ? t.adminServerRefused : null);

  async function onSubmit(e: Event) {
    e.preventDefault();
    setSaved(false);
    setServerError(null);
    const found: Record<string, string> = {};
    for (const p of validateAgency(f)) found[p.field] ??= describeProblem(t, p.problem, labels[p.field] ?? p.field);
    if (!detail && !found.code) {
      // A PUT is an upsert: a new agency must not silently overwrite an existing one.
      const taken = await getAgency(f.code.trim()).then(
        () => true,
        (err) => !(err instanceof ApiError && err.status === 404),
      );
      if (taken) found.code = t.adminCodeTaken(f.code.trim());
    }
    setErrors(found);
    if (focusErrorsIfAny(Object.values(found))) return;
    setBusy(true);
    try {
      const code = detail?.code ?? f.code.trim();
      await putAgency(code, agencyRecord(detail as unknown as Record<string, unknown>, f));
      if (!detail) {
        navigate(`${agencyAdminPath(code)}?luu=1`);
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

  const options = (values: string[], names: Record<string, string>) => values.map((v) => ({ value: v, label: names[v] ?? v }));
  return (
    <form class="form admin-form" onSubmit={onSubmit} noValidate aria-labelledby="agency-form-h">
      <h2 id="agency-form-h">{detail ? t.agencyEditForm : t.agencyNewTitle}</h2>
      <ErrorSummary errors={Object.values(errors)} />
      {serverError !== null && <RecordProblem error={serverError} labels={labels} />}
      {saved && <Done>{t.adminUpdated}</Done>}
      {!saved && serverError === null && search.get('luu') === '1' && <Done>{t.adminSaved}</Done>}
      <Fieldset legend={t.agencyIdentity} class="panel">
        <div class="grid-2">
          {detail ? (
            <p class="field">
              <span class="label">{t.agencyCode}</span> <span class="code">{detail.code}</span>
            </p>
          ) : (
            <TextField id="ag-code" label={t.agencyCode} hint={t.agencyCodeHint} value={f.code} onInput={(v) => set('code')(v.toUpperCase())} required error={fieldError('code')} autoComplete="off" />
          )}
          <TextField id="ag-legacy" label={t.agencyLegacyCode} value={f.legacy_code} onInput={set('legacy_code')} error={fieldError('legacy_code')} autoComplete="off" />
          <TextField id="ag-name-vi" label={t.agencyNameVi} value={f.name_vi} onInput={set('name_vi')} required error={fieldError('name_vi')} autoComplete="off" />
          <TextField id="ag-name-en" label={t.agencyNameEn} value={f.name_en} onInput={set('name_en')} error={fieldError('name_en')} autoComplete="off" />
          <SelectField id="ag-kind" label={t.agencyKindLabel} value={f.kind} onChange={set('kind')} options={options(KINDS, t.agencyKind)} required error={fieldError('kind')} />
          <SelectField
            id="ag-parent"
            label={t.agencyParent}
            value={f.parent}
            onChange={set('parent')}
            options={[{ value: '', label: t.agencyParentNone }, ...(parents.length ? parents : f.parent ? [{ value: f.parent, label: f.parent }] : [])]}
            required={f.kind !== 'province'}
            error={fieldError('parent')}
          />
          <TextField id="ag-unit" label={t.agencyAdminUnit} hint={t.agencyAdminUnitHint} value={f.admin_unit_code} onInput={set('admin_unit_code')} error={fieldError('admin_unit_code')} inputMode="numeric" autoComplete="off" />
        </div>
      </Fieldset>
      <Fieldset legend={t.agencyValidity} class="panel">
        <div class="grid-2">
          <TextField id="ag-from" type="date" label={t.validFrom} value={f.valid_from} onInput={set('valid_from')} required error={fieldError('valid_from')} />
          <TextField id="ag-to" type="date" label={t.validTo} hint={t.validToHint} value={f.valid_to} onInput={set('valid_to')} error={fieldError('valid_to')} />
        </div>
        {detail && detail.history.length > 0 && <p class="hint">{t.agencyHistoryKept(detail.history.length)}</p>}
      </Fieldset>
      <Fieldset legend={t.agencyContact} class="panel">
        <TextField id="ag-address" label={t.address} value={f.address} onInput={set('address')} error={fieldError('address')} />
        <div class="grid-2">
          <TextField id="ag-phone" type="tel" inputMode="tel" label={t.phone} value={f.phone} onInput={set('phone')} error={fieldError('phone')} />
          <TextField id="ag-email" type="email" label={t.email} value={f.email} onInput={set('email')} error={fieldError('email')} />
        </div>
      </Fieldset>
      <button type="submit" class="btn btn-primary btn-wide" disabled={busy}>
        {busy ? t.adminSaving : t.adminSave}
      </button>
    </form>
  );
}
