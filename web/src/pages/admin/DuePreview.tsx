// "Try a due date": GET /api/v1/calendar/due with a receipt time and a processing time, to see
// what the calendar in effect (with the recorded decisions) does to a deadline.
import { useEffect, useState } from 'preact/hooks';
import { computeDue, type DueQuery } from '../../api/index.ts';
import { Fieldset, SelectField, TextField } from '../../components/Fields.tsx';
import { ErrorMessage } from '../../components/States.tsx';
import { formatDateTime, fromDateTimeLocal } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';

export interface DueSample {
  start: string; // datetime-local value, Vietnam time
  amount: string;
  unit: DueQuery['unit'];
}

export function DuePreview({ sample, round }: { sample: DueSample; round: number }) {
  const { t, lang } = useI18n();
  const [s, setS] = useState(sample);
  const [result, setResult] = useState<{ due_at: string; start_of_counting: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function compute(q: DueSample) {
    const start = fromDateTimeLocal(q.start);
    if (!start || !/^\d+$/.test(q.amount)) {
      setResult(null);
      setError(null);
      return;
    }
    setBusy(true);
    try {
      setResult(await computeDue({ start, amount: Number(q.amount), unit: q.unit }));
      setError(null);
    } catch (e) {
      setError(e);
      setResult(null);
    } finally {
      setBusy(false);
    }
  }

  // A new sample (a decision was just recorded or deleted) is computed at once.
  useEffect(() => {
    setS(sample);
    if (round > 0) void compute(sample);
    // Only a new round recomputes: `sample` changes as its parent re-renders, `compute` is a closure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round]);

  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault();
        void compute(s);
      }}
    >
      <Fieldset legend={t.dueTitle} class="panel">
        <p class="hint">{t.dueIntro}</p>
        <div class="grid-2">
          <TextField id="due-start" type="datetime-local" label={t.dueStart} value={s.start} onInput={(v) => setS({ ...s, start: v })} required />
          <TextField id="due-amount" type="number" inputMode="numeric" min="0" label={t.procAmount} value={s.amount} onInput={(v) => setS({ ...s, amount: v })} required />
          <SelectField
            id="due-unit"
            label={t.procUnit}
            value={s.unit}
            onChange={(v) => setS({ ...s, unit: v as DueQuery['unit'] })}
            options={(['working_days', 'working_hours', 'calendar_days'] as const).map((u) => ({ value: u, label: t.procUnitName[u] }))}
          />
        </div>
        <button type="submit" class="btn btn-secondary" disabled={busy}>
          {t.dueButton}
        </button>
        <div aria-live="polite">
          {result && (
            <p class="due-result" data-testid="due-result">
              <strong>{t.dueResult(formatDateTime(result.due_at, lang))}</strong>
              <br />
              <span class="muted small">{t.dueCounting(formatDateTime(result.start_of_counting, lang))}</span>
            </p>
          )}
        </div>
        {error !== null && <ErrorMessage error={error} />}
      </Fieldset>
    </form>
  );
}
