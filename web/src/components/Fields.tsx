// Small accessible form building blocks: every input has a visible <label>, hints and errors
// are tied with aria-describedby, required fields say so in text and to assistive technology.
import type { ComponentChildren, Ref } from 'preact';
import { useI18n } from '../i18n/index.ts';
import { focusSoon } from './focus.ts';

/** What every labelled control shares: its id (also its name unless `name` says), label, hint
 * and error. */
interface FieldBase {
  id: string;
  name?: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string | null;
}

/** The aria attributes that tie a control to its hint, error and required state. */
function ariaFor(p: FieldBase) {
  const describedBy = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return {
    id: p.id,
    name: p.name ?? p.id,
    'aria-required': p.required ? ('true' as const) : undefined,
    'aria-invalid': p.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  };
}

/** The label (with the required mark), hint and error around one control. */
function FieldFrame({ p, children }: { p: FieldBase; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class={p.error ? 'field field-invalid' : 'field'}>
      <label for={p.id}>
        {p.label}
        {p.required && <span class="req"> {t.requiredMark}</span>}
      </label>
      {p.hint && (
        <p id={`${p.id}-hint`} class="hint">
          {p.hint}
        </p>
      )}
      {children}
      {p.error && (
        <p id={`${p.id}-error`} class="field-error">
          {p.error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps extends FieldBase {
  value: string;
  onInput: (v: string) => void;
  type?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'tel' | 'email' | 'text';
  placeholder?: string;
  spellcheck?: boolean;
  /** The id of a <datalist> of suggestions. */
  list?: string;
  multiline?: boolean;
  rows?: number;
  min?: string;
  max?: string;
  /** What the value must match (the browser's constraint; the form still checks it itself). */
  pattern?: string;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  onKeyDown?: (e: KeyboardEvent) => void;
}

/** A text input (or a textarea with `multiline`). */
export function TextField(p: TextFieldProps) {
  const common = { ...ariaFor(p), value: p.value, required: p.required, autoComplete: p.autoComplete, placeholder: p.placeholder, spellcheck: p.spellcheck };
  return (
    <FieldFrame p={p}>
      {p.multiline ? (
        <textarea {...common} rows={p.rows ?? 3} onInput={(e) => p.onInput(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          ref={p.inputRef}
          type={p.type ?? 'text'}
          inputMode={p.inputMode}
          min={p.min}
          max={p.max}
          pattern={p.pattern}
          maxLength={p.maxLength}
          list={p.list}
          onKeyDown={p.onKeyDown}
          onInput={(e) => p.onInput(e.currentTarget.value)}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps extends FieldBase {
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
}

/** A <select> with a visible label, hint and error tied to it. */
export function SelectField(p: SelectFieldProps) {
  return (
    <FieldFrame p={p}>
      <select {...ariaFor(p)} value={p.value} onChange={(e) => p.onChange(e.currentTarget.value)}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** The list of problems shown above a form after a failed submit (focused, so it is read). */
export function ErrorSummary({ errors, id = 'form-errors' }: { errors: string[]; id?: string }) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <div id={id} class="state state-error error-summary" role="alert" tabIndex={-1}>
      <p class="state-title">{t.formErrors}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

/** Moves focus to the error summary once it has rendered; true when there are problems to show. */
export function focusErrorsIfAny(problems: string[], id = 'form-errors'): boolean {
  if (problems.length === 0) return false;
  focusSoon(id);
  return true;
}

export function Fieldset({ legend, children, class: cls }: { legend: string; children: ComponentChildren; class?: string }) {
  return (
    <fieldset class={`fieldset ${cls ?? ''}`}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

interface RadioGroupProps<V extends string> {
  name: string;
  legend: string;
  /** value → label, in display order. */
  options: Partial<Record<V, string>>;
  value: V | '';
  onChange: (v: V) => void;
  required?: boolean;
}

/** One choice among a few, as radio buttons in a fieldset whose legend names the question. */
export function RadioGroup<V extends string>(p: RadioGroupProps<V>) {
  const { t } = useI18n();
  return (
    <fieldset class="fieldset radio-group">
      <legend>
        {p.legend}
        {p.required && <span class="req"> {t.requiredMark}</span>}
      </legend>
      {(Object.entries(p.options) as [V, string][]).map(([k, label]) => (
        <label key={k} class="radio-row">
          <input type="radio" name={p.name} value={k} checked={p.value === k} onChange={() => p.onChange(k)} />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** A checkbox with its label after it. */
export function CheckField({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class="check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}
