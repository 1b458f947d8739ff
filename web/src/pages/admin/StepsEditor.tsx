// The procedure's internal steps (who acts, at which agency, with what share of the processing
// time), as rows that can be added, removed and reordered from the keyboard. The running total of
// the shares is announced; it must be 100 (domain: a dossier's step deadlines split the time).
import { Fieldset, SelectField, TextField } from '../../components/Fields.tsx';
import { focusSoon } from '../../components/focus.ts';
import { useI18n } from '../../i18n/index.ts';
import { emptyStep, shareTotal, type StepForm } from './records.ts';

const ROLES = ['clerk', 'specialist', 'head', 'cashier'];

export interface StepErrors {
  /** About the whole group (no step, shares not summing to 100, a server error without a row). */
  group: string | null;
  rows: Record<number, Partial<Record<'name_vi' | 'share' | 'agency' | 'role', string>>>;
}

interface Props {
  steps: StepForm[];
  onChange: (steps: StepForm[]) => void;
  errors: StepErrors;
  /** id of a <datalist> of agency codes. */
  agencyList?: string;
}

export function StepsEditor({ steps, onChange, errors, agencyList }: Props) {
  const { t } = useI18n();
  const total = shareTotal(steps);
  const update = (i: number, patch: Partial<StepForm>) => onChange(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...steps];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
    focusSoon(`step-${i + by}-${by < 0 ? 'up' : 'down'}`);
  };
  const remove = (i: number) => {
    onChange(steps.filter((_, j) => j !== i));
    focusSoon(steps.length > 1 ? `step-${Math.max(0, i - 1)}-name` : 'step-add');
  };
  const add = () => {
    onChange([...steps, emptyStep()]);
    focusSoon(`step-${steps.length}-name`);
  };

  return (
    <Fieldset legend={t.procSectionSteps} class={`panel steps-editor${errors.group ? ' field-invalid' : ''}`}>
      <p class="hint" id="steps-hint">
        {t.stepsHint}
      </p>
      <ol class="step-rows">
        {steps.map((s, i) => {
          const e = errors.rows[i] ?? {};
          const n = i + 1;
          return (
            <li key={i} class="step-row">
              <Fieldset legend={t.stepRow(n)}>
                <div class="grid-2">
                  <TextField id={`step-${i}-name`} label={t.stepName} value={s.name_vi} onInput={(v) => update(i, { name_vi: v })} required error={e.name_vi} multiline rows={2} />
                  <TextField id={`step-${i}-name-en`} label={t.stepNameEn} value={s.name_en} onInput={(v) => update(i, { name_en: v })} multiline rows={2} />
                </div>
                <div class="step-grid">
                  <SelectField
                    id={`step-${i}-role`}
                    label={t.stepRole}
                    value={s.role}
                    onChange={(v) => update(i, { role: v })}
                    options={ROLES.map((r) => ({ value: r, label: t.stepRoleName[r] ?? r }))}
                    error={e.role}
                  />
                  <AgencyCodeField id={`step-${i}-agency`} label={t.stepAgency} hint={t.stepAgencyHint} value={s.agency} onInput={(v) => update(i, { agency: v })} error={e.agency} list={agencyList} />
                  <TextField id={`step-${i}-share`} type="number" inputMode="numeric" min="0" label={t.stepShareLabel} value={s.share} onInput={(v) => update(i, { share: v })} required error={e.share} />
                </div>
                <div class="form-actions step-actions">
                  <button type="button" id={`step-${i}-up`} class="btn btn-secondary" disabled={i === 0} onClick={() => move(i, -1)}>
                    {t.stepUp}
                    <span class="visually-hidden"> ({t.stepRow(n)})</span>
                  </button>
                  <button type="button" id={`step-${i}-down`} class="btn btn-secondary" disabled={i === steps.length - 1} onClick={() => move(i, 1)}>
                    {t.stepDown}
                    <span class="visually-hidden"> ({t.stepRow(n)})</span>
                  </button>
                  <button type="button" class="btn btn-secondary" disabled={steps.length === 1} onClick={() => remove(i)}>
                    {t.stepRemove}
                    <span class="visually-hidden"> ({t.stepRow(n)})</span>
                  </button>
                </div>
              </Fieldset>
            </li>
          );
        })}
      </ol>
      <p class={Number.isNaN(total) || total !== 100 ? 'share-total share-total-bad' : 'share-total'} role="status" data-testid="share-total">
        {Number.isNaN(total) ? t.sharesUnknown : t.sharesTotal(total)}
      </p>
      {errors.group && (
        <p id="steps-error" class="field-error">
          {errors.group}
        </p>
      )}
      <button type="button" id="step-add" class="btn btn-secondary" onClick={add}>
        {t.stepAdd}
      </button>
    </Fieldset>
  );
}

interface AgencyCodeProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onInput: (v: string) => void;
  error?: string | null;
  list?: string;
  required?: boolean;
}

/** A text input for an agency code with the agencies offered as suggestions (a <datalist>). */
export function AgencyCodeField(p: AgencyCodeProps) {
  return <TextField {...p} autoComplete="off" spellcheck={false} onInput={(v) => p.onInput(v.toUpperCase())} />;
}
