// Pure formatting helpers (no DOM, no Preact) so they run under `node --test`.
import { catalogs, type Lang } from './i18n/catalog.ts';

export type TimeUnit = 'working_days' | 'working_hours' | 'calendar_days';

export interface ProcessingTime {
  amount: number;
  unit: TimeUnit;
  cutoff: string | null;
}

/** Group digits by thousands without relying on the runtime's ICU data. */
function groupDigits(n: number, sep: string): string {
  const s = String(Math.trunc(Math.abs(n)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return n < 0 ? `-${grouped}` : grouped;
}

/** 200000 → "200.000 ₫" (vi) / "200,000 ₫" (en); 0 → "Miễn phí" / "Free". */
export function formatVnd(amount: number, lang: Lang = 'vi'): string {
  const t = catalogs[lang];
  if (!amount) return t.free;
  return t.currencyFormat(groupDigits(amount, t.currencyGroup));
}

/**
 * Legal processing time in words.
 * A same-day procedure (0 units, or 1 working day with a cutoff) reads
 * "trong ngày, nhận trước 15:00"; otherwise "5 ngày làm việc", "8 giờ làm việc",
 * "15 ngày". With `withCutoffNote`, a cutoff on a multi-day procedure is
 * explained ("hồ sơ nhận sau 15:00 được tính từ ngày làm việc tiếp theo").
 */
export function formatProcessingTime(
  pt: ProcessingTime | null | undefined,
  lang: Lang = 'vi',
  withCutoffNote = false,
): string {
  const t = catalogs[lang];
  if (!pt) return '—';
  const cutoff = pt.cutoff ?? null;
  if (pt.amount <= 0 || (pt.unit === 'working_days' && pt.amount === 1 && cutoff)) {
    return t.timeSameDay(cutoff);
  }
  let base: string;
  switch (pt.unit) {
    case 'working_hours':
      base = t.timeWorkingHours(pt.amount);
      break;
    case 'calendar_days':
      base = t.timeCalendarDays(pt.amount);
      break;
    case 'working_days':
    default:
      base = t.timeWorkingDays(pt.amount);
  }
  return withCutoffNote && cutoff ? `${base} (${t.timeCutoffNote(cutoff)})` : base;
}

/** "2025-07-01" → "01/07/2025" (vi) / "2025-07-01" (en, ISO). */
export function formatDate(iso: string | null | undefined, lang: Lang = 'vi'): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}
