// Form pieces and a loading hook shared by the administration screens.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n, type Messages } from '../../i18n/index.ts';
import type { FieldProblem } from './records.ts';

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  required?: boolean;
  hint?: string;
  error?: string | null;
}

/** A <select> with a visible label, hint and error tied to it (as TextField does for inputs). */
export function SelectField(p: SelectFieldProps) {
  const { t } = useI18n();
  const describedBy = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;
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
      <select
        id={p.id}
        name={p.id}
        value={p.value}
        aria-required={p.required ? 'true' : undefined}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy}
        onChange={(e) => p.onChange(e.currentTarget.value)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {p.error && (
        <p id={`${p.id}-error`} class="field-error">
          {p.error}
        </p>
      )}
    </div>
  );
}

/** A success message, announced politely. */
export function Done({ children }: { children: ComponentChildren }) {
  return (
    <p class="state state-ok" role="status">
      {children}
    </p>
  );
}

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  reload: () => void;
  set: (data: T) => void;
}

/** Runs `load` when `key` changes (and on reload()), aborting the previous request. */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>, enabled = true): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const ctrl = new AbortController();
    setError(null);
    load(ctrl.signal).then(setData, (e) => {
      if ((e as Error).name !== 'AbortError') setError(e);
    });
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round, enabled]);
  return { data, error, reload: () => setRound((r) => r + 1), set: setData };
}

/** One validation problem in words: `label` is the field's label, `total` the steps' share sum. */
export function describeProblem(t: Messages, problem: FieldProblem['problem'], label: string, total = 0): string {
  switch (problem) {
    case 'required':
      return t.fieldRequired(label);
    case 'format':
      return t.adminFieldFormat(label);
    case 'order':
      return t.adminDateOrder(label);
    case 'sum':
      return t.adminSharesSum(total);
  }
}
