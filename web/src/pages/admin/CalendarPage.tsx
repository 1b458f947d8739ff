// /quan-tri/lich: the working-calendar decisions of a year (GET /api/v1/calendar/overrides and
// /calendar/{year}), recording one (OverrideForm), deleting a recorded one, and a due-date check.
import { useState } from 'preact/hooks';
import { deleteCalendarOverride, getCalendarYear, listCalendarOverrides, type CalendarOverride } from '../../api/index.ts';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { localized, useI18n } from '../../i18n/index.ts';
import { navigate, useLocation } from '../../router.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { addDays, weekday } from './calendarDates.ts';
import { Done } from './controls.tsx';
import { focusSoon } from '../../components/focus.ts';
import { DuePreview, type DueSample } from './DuePreview.tsx';
import { OverrideForm } from './OverrideForm.tsx';
import { SelectField } from '../../components/Fields.tsx';
import { useLoad } from '../../hooks.ts';

const thisYear = () => new Date().getFullYear();

export function CalendarPage() {
  const { t, lang } = useI18n();
  const { path, search } = useLocation();
  const requested = Number(search.get('nam'));
  const year = requested >= 1970 && requested <= 2100 ? requested : thisYear();
  const overrides = useLoad(`ov:${year}`, (s) => listCalendarOverrides(year, s));
  const days = useLoad(`days:${year}`, (s) => getCalendarYear(year, s));
  const [done, setDone] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const [sample, setSample] = useState<DueSample>({ start: `${year}-01-05T09:00`, amount: '1', unit: 'working_days' });
  const [round, setRound] = useState(0);

  const years = [thisYear() - 1, thisYear(), thisYear() + 1, thisYear() + 2];
  if (!years.includes(year)) years.push(year);

  function changed(message: string, date: string) {
    setDone(message);
    overrides.reload();
    days.reload();
    // The effect on a deadline: one working day counted from the day before the decided date.
    setSample({ start: `${addDays(date, -1)}T09:00`, amount: '1', unit: 'working_days' });
    setRound((r) => r + 1);
    focusSoon('calendar-done');
  }

  function onSaved(o: CalendarOverride) {
    setDeleteError(null);
    const y = Number(o.date.slice(0, 4));
    if (y !== year) navigate(`${path}?nam=${y}`, { replace: true });
    changed(t.overrideSaved(formatDate(o.date, lang)), o.date);
  }

  async function onDelete(date: string) {
    setDeleteError(null);
    try {
      await deleteCalendarOverride(date);
      changed(t.overrideDeleted(formatDate(date, lang)), date);
    } catch (e) {
      setDeleteError(e);
    }
  }

  const off = days.data?.days.filter((d) => !d.working).length ?? 0;
  const work = days.data?.days.filter((d) => d.working).length ?? 0;
  return (
    <AdminLayout section="calendar" title={t.calendarTitle} intro={t.calendarIntro} catalogue>
      <div class="admin-toolbar year-bar">
        <SelectField
          id="cal-year"
          label={t.calendarYear}
          value={String(year)}
          onChange={(v) => navigate(`${path}?nam=${v}`, { replace: true })}
          options={years.sort().map((y) => ({ value: String(y), label: String(y) }))}
        />
      </div>
      <div id="calendar-done" tabIndex={-1} class="focus-target">
        {done && <Done>{done}</Done>}
      </div>
      {deleteError !== null && <ErrorMessage error={deleteError} />}
      <section class="panel" aria-labelledby="ov-h">
        <h2 id="ov-h">{t.overridesTitle(year)}</h2>
        {days.data && <p>{t.yearSummary(off, work)}</p>}
        {overrides.error !== null && <ErrorMessage error={overrides.error} onRetry={overrides.reload} />}
        {!overrides.data && overrides.error === null && <Loading />}
        {overrides.data && overrides.data.overrides.length === 0 && <p class="muted">{t.overridesEmpty}</p>}
        {overrides.data && overrides.data.overrides.length > 0 && (
          <OverrideTable items={overrides.data.overrides} onDelete={onDelete} />
        )}
      </section>
      <OverrideForm onSaved={onSaved} />
      <DuePreview sample={sample} round={round} />
    </AdminLayout>
  );
}

function OverrideTable({ items, onDelete }: { items: CalendarOverride[]; onDelete: (date: string) => Promise<void> }) {
  const { t, lang } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div class="table-wrap" role="region" aria-labelledby="ov-h" tabIndex={0}>
      <table class="stack admin-table calendar-table">
        <thead>
          <tr>
            <th scope="col">{t.overrideDate}</th>
            <th scope="col">{t.overrideKind}</th>
            <th scope="col">{t.overrideReason}</th>
            <th scope="col">{t.overrideSource}</th>
            <th scope="col">{t.overrideOrigin}</th>
            <th scope="col">{t.adminActions}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.date} data-date={o.date}>
              <td class="name">
                {formatDate(o.date, lang)} <span class="note">{t.weekdayName[weekday(o.date)]}</span>
              </td>
              <td data-label={t.overrideKind}>
                <span class={o.working ? 'badge badge-working' : 'badge badge-off'}>{o.working ? t.workingDay : t.dayOff}</span>
              </td>
              <td data-label={t.overrideReason}>{localized(lang, o.reason_vi, o.reason_en)}</td>
              <td data-label={t.overrideSource}>{o.source || '—'}</td>
              <td data-label={t.overrideOrigin}>
                {o.origin === 'recorded' ? t.originRecorded(o.recorded_by ?? '', formatDateTime(o.recorded_at, lang)) : t.originPublished}
              </td>
              <td data-label={t.adminActions}>
                {o.origin !== 'recorded' ? (
                  '—'
                ) : confirming === o.date ? (
                  <span class="form-actions">
                    <button
                      type="button"
                      id={`ov-confirm-${o.date}`}
                      class="btn btn-danger"
                      disabled={busy}
                      onClick={async () => {
                        setBusy(true);
                        await onDelete(o.date);
                        setBusy(false);
                        setConfirming(null);
                      }}
                    >
                      {t.overrideDeleteConfirm(formatDate(o.date, lang))}
                    </button>
                    <button type="button" class="btn btn-secondary" onClick={() => setConfirming(null)}>
                      {t.cancel}
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => {
                      setConfirming(o.date);
                      focusSoon(`ov-confirm-${o.date}`);
                    }}
                  >
                    {t.overrideDelete}
                    <span class="visually-hidden"> {formatDate(o.date, lang)}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
