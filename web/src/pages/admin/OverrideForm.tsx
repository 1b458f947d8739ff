// Record the decision for one date (PUT /api/v1/calendar/overrides/{date}): a day off or a
// working day (a make-up Saturday). A decision for a date that has one replaces it.
import { useState } from 'preact/hooks';
import { putCalendarOverride, type CalendarOverride } from '../../api/index.ts';
import { ErrorSummary, Fieldset, TextField, focusErrorsIfAny } from '../../components/Fields.tsx';
import { ErrorMessage } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.ts';
import { isDate, weekday } from './calendarDates.ts';
import { focusSoon } from '../../components/focus.ts';

export function OverrideForm({ onSaved }: { onSaved: (o: CalendarOverride) => void }) {
  const { t } = useI18n();
  const [date, setDate] = useState('');
  const [working, setWorking] = useState(false);
  const [reasonVi, setReasonVi] = useState('');
  const [reasonEn, setReasonEn] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const day = isDate(date) ? weekday(date) : null;
  const weekend = day === 0 || day === 6;
  const dateHint = day === null ? t.overrideDateHint : `${t.weekdayName[day]}. ${working && !weekend ? t.overrideWorkingWeekday : !working && weekend ? t.overrideOffWeekend : ''}`.trim();

  async function onSubmit(e: Event) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!date) found.date = t.fieldRequired(t.overrideDate);
    else if (!isDate(date)) found.date = t.adminFieldFormat(t.overrideDate);
    if (!reasonVi.trim()) found.reason_vi = t.fieldRequired(t.reasonVi);
    setErrors(found);
    setServerError(null);
    if (focusErrorsIfAny(Object.values(found), 'override-errors')) return;
    setBusy(true);
    try {
      const saved = await putCalendarOverride(date, {
        working,
        reason_vi: reasonVi.trim(),
        reason_en: reasonEn.trim() || undefined,
        source: source.trim() || undefined,
      });
      setDate('');
      setReasonVi('');
      setReasonEn('');
      setSource('');
      onSaved(saved);
    } catch (err) {
      setServerError(err);
      focusSoon('override-server-error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form" onSubmit={onSubmit} noValidate>
      <Fieldset legend={t.overrideAdd} class="panel">
        <ErrorSummary errors={Object.values(errors)} id="override-errors" />
        {serverError !== null && (
          <div id="override-server-error" tabIndex={-1}>
            <ErrorMessage error={serverError} />
          </div>
        )}
        <p class="hint">{t.overrideReplaceHint}</p>
        <div class="grid-2">
          <TextField id="ov-date" type="date" label={t.overrideDate} hint={dateHint} value={date} onInput={setDate} required error={errors.date} />
          <fieldset class="radio-group">
            <legend>
              {t.overrideKind} <span class="req">{t.requiredMark}</span>
            </legend>
            <label class="radio-row">
              <input type="radio" name="ov-working" checked={!working} onChange={() => setWorking(false)} />
              <span>{t.dayOff}</span>
            </label>
            <label class="radio-row">
              <input type="radio" name="ov-working" checked={working} onChange={() => setWorking(true)} />
              <span>{t.workingDay}</span>
            </label>
          </fieldset>
        </div>
        <TextField id="ov-reason-vi" label={t.reasonVi} value={reasonVi} onInput={setReasonVi} required error={errors.reason_vi} autoComplete="off" />
        <div class="grid-2">
          <TextField id="ov-reason-en" label={t.reasonEn} value={reasonEn} onInput={setReasonEn} autoComplete="off" />
          <TextField id="ov-source" label={t.overrideSource} hint={t.overrideSourceHint} value={source} onInput={setSource} autoComplete="off" />
        </div>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t.adminSaving : t.overrideSave}
        </button>
      </Fieldset>
    </form>
  );
}
