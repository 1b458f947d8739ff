// Small accessible form building blocks: every input has a visible <label>, hints and errors
// are tied with aria-describedby, required fields say so in text and to assistive technology.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/index.ts';
import { focusSoon } from './focus.ts';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  required?: boolean;
  type?: string;
  hint?: string;
  error?: string | null;
  autoComplete?: string;
  inputMode?: 'numeric' | 'tel' | 'email' | 'text';
  multiline?: boolean;
  rows?: number;
  min?: string;
}

export function TextField(p: TextFieldProps) {
  const { t } = useI18n();
  const describedBy = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id: p.id,
    name: p.id,
    value: p.value,
    required: p.required,
    'aria-required': p.required ? ('true' as const) : undefined,
    'aria-invalid': p.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    autoComplete: p.autoComplete,
  };
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
      {p.multiline ? (
        <textarea {...common} rows={p.rows ?? 3} onInput={(e) => p.onInput(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          inputMode={p.inputMode}
          min={p.min}
          onInput={(e) => p.onInput(e.currentTarget.value)}
        />
      )}
      {p.error && (
        <p id={`${p.id}-error`} class="field-error">
          {p.error}
        </p>
      )}
    </div>
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
