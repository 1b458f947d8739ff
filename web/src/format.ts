// Pure formatting helpers (no DOM, no Preact) so they run under `node --test`.
import type { components } from './api/schema.ts';
import { catalogs, type Lang } from './i18n/catalog.ts';

type ProcessingTime = components['schemas']['ProcessingTime'];

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

/** 512 → "512 byte"; 48213 → "47,1 KB (48.213 byte)" (vi) / "47.1 KB (48,213 bytes)" (en). */
export function formatFileSize(bytes: number, lang: Lang = 'vi'): string {
  const t = catalogs[lang];
  const exact = t.fileBytes(groupDigits(bytes, t.currencyGroup));
  if (bytes < 1024) return exact;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${value.toFixed(1).replace('.', t.decimalSeparator)} ${unit} (${exact})`;
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

/** Wall-clock parts of an RFC 3339 instant in Vietnam time (UTC+7), without ICU or the host zone. */
function vietnamParts(iso: string): { y: string; mo: string; d: string; h: string; mi: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(iso);
  if (!m) return null;
  if (m[7] === '+07:00' || m[7] === undefined) return { y: m[1], mo: m[2], d: m[3], h: m[4], mi: m[5] };
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const t = new Date(ms + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return {
    y: String(t.getUTCFullYear()),
    mo: p(t.getUTCMonth() + 1),
    d: p(t.getUTCDate()),
    h: p(t.getUTCHours()),
    mi: p(t.getUTCMinutes()),
  };
}

/** "2026-12-02T17:00:00+07:00" → "17:00 02/12/2026" (vi) / "2026-12-02 17:00" (en); Vietnam time. */
export function formatDateTime(iso: string | null | undefined, lang: Lang = 'vi'): string {
  if (!iso) return '—';
  const p = vietnamParts(iso);
  if (!p) return iso;
  return lang === 'vi' ? `${p.h}:${p.mi} ${p.d}/${p.mo}/${p.y}` : `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}`;
}

/** "2026-12-02T10:05:00Z" → "17:05": the time of day in Vietnam. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = vietnamParts(iso);
  return p ? `${p.h}:${p.mi}` : iso;
}

/** An RFC 3339 instant → the value of an <input type="datetime-local"> in Vietnam time. */
export function toDateTimeLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = vietnamParts(iso);
  return p ? `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}` : '';
}

/** "2026-12-05T17:00" (Vietnam wall clock, from datetime-local) → "2026-12-05T17:00:00+07:00". */
export function fromDateTimeLocal(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?$/.exec(value.trim());
  return m ? `${m[1]}T${m[2]}:${m[3] ?? '00'}+07:00` : null;
}

/** Splits a textarea into non-empty trimmed lines (reasons, documents to supplement). */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
