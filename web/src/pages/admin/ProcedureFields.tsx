// The sections of the procedure form (general, time and validity, steps, result and legal basis),
// bound to a ProcedureForm. Errors come from the page: its own checks and the server's.
import type { Field } from '../../api/index.ts';
import { Fieldset, SelectField, TextField } from '../../components/Fields.tsx';
import { localized, useI18n } from '../../i18n/index.ts';
import type { ProcedureForm } from './records.ts';
import { AgencyCodeField, StepsEditor, type StepErrors } from './StepsEditor.tsx';

interface Props {
  f: ProcedureForm;
  setF: (f: ProcedureForm) => void;
  isNew: boolean;
  fields: Field[];
  fieldError: (k: string) => string | null;
  stepErrors: StepErrors;
  /** Counts of what is carried over unchanged (an existing procedure). */
  kept: { fees: number; components: number } | null;
}

const APPLICANTS = ['citizen', 'organisation'];

export function ProcedureFields({ f, setF, isNew, fields, fieldError, stepErrors, kept }: Props) {
  const { t, lang } = useI18n();
  const set = (k: keyof ProcedureForm) => (v: string) => setF({ ...f, [k]: v });
  const opts = (values: string[], names: Record<string, string>) => values.map((v) => ({ value: v, label: names[v] ?? v }));
  const fieldOptions = [{ value: '', label: t.procFieldChoose }, ...fields.map((x) => ({ value: x.code, label: localized(lang, x.name_vi, x.name_en) }))];
  if (f.field && !fields.some((x) => x.code === f.field)) fieldOptions.push({ value: f.field, label: f.field });

  return (
    <>
      <Fieldset legend={t.procSectionGeneral} class="panel">
        <div class="grid-2">
          {isNew ? (
            <TextField id="pr-code" label={t.code} hint={t.procCodeHint} value={f.code} onInput={set('code')} required error={fieldError('code')} autoComplete="off" />
          ) : (
            <p class="field">
              <span class="label">{t.code}</span> <span class="code">{f.code}</span>
            </p>
          )}
          <TextField id="pr-national" label={t.nationalCode} hint={t.procNationalHint} value={f.national_code} onInput={set('national_code')} required error={fieldError('national_code')} autoComplete="off" />
        </div>
        <TextField id="pr-name-vi" label={t.procNameVi} value={f.name_vi} onInput={set('name_vi')} required error={fieldError('name_vi')} multiline rows={2} />
        <TextField id="pr-name-en" label={t.procNameEn} value={f.name_en} onInput={set('name_en')} error={fieldError('name_en')} multiline rows={2} />
        <div class="grid-2">
          <SelectField id="pr-field" label={t.field} value={f.field} onChange={set('field')} options={fieldOptions} required error={fieldError('field')} />
          <SelectField id="pr-level" label={t.levelLabel} value={f.level} onChange={set('level')} options={opts(['commune', 'province'], t.level)} required error={fieldError('level')} />
          <SelectField id="pr-online" label={t.onlineLabel} value={f.online_level} onChange={set('online_level')} options={opts(['full', 'partial', 'none'], t.online)} required error={fieldError('online_level')} />
          <AgencyCodeField id="pr-competent" label={t.procCompetent} hint={t.procCompetentHint} value={f.competent_agency} onInput={set('competent_agency')} required={f.level === 'province'} error={fieldError('competent_agency')} list="agency-codes" />
          <AgencyCodeField id="pr-receiving" label={t.procReceiving} hint={t.procReceivingHint} value={f.receiving_agency} onInput={set('receiving_agency')} error={fieldError('receiving_agency')} list="agency-codes" />
        </div>
      </Fieldset>

      <Fieldset legend={t.procSectionTime} class="panel">
        <div class="grid-2">
          <TextField id="pr-amount" type="number" inputMode="numeric" min="1" label={t.procAmount} value={f.amount} onInput={set('amount')} required error={fieldError('amount')} />
          <SelectField id="pr-unit" label={t.procUnit} value={f.unit} onChange={set('unit')} options={opts(['working_days', 'working_hours', 'calendar_days'], t.procUnitName)} required error={fieldError('unit')} />
          <TextField id="pr-cutoff" type="time" label={t.procCutoff} hint={t.procCutoffHint} value={f.cutoff} onInput={set('cutoff')} error={fieldError('cutoff')} />
          <TextField id="pr-version" type="number" inputMode="numeric" min="1" label={t.procVersion} hint={t.procVersionHint} value={f.version} onInput={set('version')} required error={fieldError('version')} />
          <TextField id="pr-effective" type="date" label={t.procEffective} value={f.effective_from} onInput={set('effective_from')} required error={fieldError('effective_from')} />
        </div>
      </Fieldset>

      <StepsEditor steps={f.steps} onChange={(steps) => setF({ ...f, steps })} errors={stepErrors} agencyList="agency-codes" />

      <Fieldset legend={t.procSectionResult} class="panel">
        <div class="grid-2">
          <SelectField id="pr-result-kind" label={t.procResultKind} value={f.result_kind} onChange={set('result_kind')} options={opts(['document', 'none'], t.procResultKindName)} required error={fieldError('result_kind')} />
          <TextField id="pr-result-name" label={t.procResultName} value={f.result_name_vi} onInput={set('result_name_vi')} required error={fieldError('result_name_vi')} />
          <TextField id="pr-result-name-en" label={t.procResultNameEn} value={f.result_name_en} onInput={set('result_name_en')} />
        </div>
        <fieldset class={`radio-group${fieldError('applicant_kinds') ? ' field-invalid' : ''}`} aria-describedby={fieldError('applicant_kinds') ? 'pr-applicants-error' : undefined}>
          <legend>
            {t.procApplicants} <span class="req">{t.requiredMark}</span>
          </legend>
          {APPLICANTS.map((k) => (
            <div class="check" key={k}>
              <input
                id={`pr-applicant-${k}`}
                type="checkbox"
                checked={f.applicant_kinds.includes(k)}
                onChange={(e) => setF({ ...f, applicant_kinds: e.currentTarget.checked ? [...f.applicant_kinds, k] : f.applicant_kinds.filter((x) => x !== k) })}
              />
              <label for={`pr-applicant-${k}`}>{t.applicantKind[k] ?? k}</label>
            </div>
          ))}
          {fieldError('applicant_kinds') && (
            <p id="pr-applicants-error" class="field-error">
              {fieldError('applicant_kinds')}
            </p>
          )}
        </fieldset>
        <TextField id="pr-legal" label={t.procLegal} hint={t.procLegalHint} value={f.legal_basis} onInput={set('legal_basis')} error={fieldError('legal_basis')} multiline rows={4} />
        <TextField id="pr-description" label={t.procDescription} value={f.description_vi} onInput={set('description_vi')} error={fieldError('description_vi')} multiline rows={4} />
        <p class="hint">{kept ? t.procKept(kept.fees, kept.components) : t.procKeptNew}</p>
      </Fieldset>
    </>
  );
}
