// Pure helpers of the dashboard (no DOM, no Preact; they run under `node --test`): the report
// periods (YYYY-MM, YYYY-Qn, YYYY) and figures in words. Periods are civil months in Vietnam
// time (UTC+7), as the server counts them.
import { catalogs, type Lang } from '../../i18n/catalog.ts';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1–12 for a month, 1–4 for a quarter, 0 for a year. */
  part: number;
}

/** The dossier-level metrics: the drill-down lists the dossiers behind these (openapi enum). */
export const DRILLABLE_METRICS: ReadonlySet<string> = new Set([
  'DOSSIER_SYNC',
  'PROGRESS_ON_TIME',
  'ONLINE_DOSSIER_SHARE',
  'FULL_ONLINE_DOSSIER_SHARE',
  'ONLINE_PAYMENT_DOSSIER',
  'ORIGINAL_RESULT_AVAILABLE',
  'SO_HOA_GIAY_TO_GIAI_QUYET',
  'REUSED_DIGITIZED_DATA',
  'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
  'CITIZEN_DATA_CONNECTED_DOSSIER',
  'DOSSIER_RECEIVING_SATISFACTION',
]);

/** "2026-03" → month, "2026-Q1" → quarter, "2026" → year; anything else → null. */
export function parsePeriod(text: string | null | undefined): Period | null {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/.exec((text ?? '').trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'month', year, part: Number(m[2]) };
  if (m[3]) return { kind: 'quarter', year, part: Number(m[3]) };
  return { kind: 'year', year, part: 0 };
}

export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${String(p.part).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.part}`;
    case 'year':
      return String(p.year);
  }
}

/** The period in words: "tháng 3/2026", "quý I/2026", "năm 2026". */
export function periodLabel(p: Period, lang: Lang = 'vi'): string {
  const t = catalogs[lang];
  switch (p.kind) {
    case 'month':
      return t.dashMonthOf(p.part, p.year);
    case 'quarter':
      return t.dashQuarterOf(p.part, p.year);
    case 'year':
      return t.dashYearOf(p.year);
  }
}

/** The month (YYYY-MM) in Vietnam at `nowMs`. */
export function currentMonth(nowMs: number = Date.now()): string {
  return new Date(nowMs + 7 * 3600_000).toISOString().slice(0, 7);
}

/** "2026-01" → "2025-12". */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Whether `month` ended before `current` (both YYYY-MM; string order is time order). */
export function monthEnded(month: string, current: string): boolean {
  return month < current;
}

/** The month whose internal report belongs to a period: the month itself, else the period's last
 * month, but not past the current month. */
export function reportMonthOf(p: Period, current: string): string {
  const last = p.kind === 'month' ? p.part : p.kind === 'quarter' ? p.part * 3 : 12;
  const month = `${p.year}-${String(last).padStart(2, '0')}`;
  return month > current ? current : month;
}

/** Up to `digits` decimals, trailing zeros dropped, the language's separators: 81.8181 →
 * "81,82" (vi) / "81.82" (en); 1234 → "1.234" / "1,234". */
export function formatNumber(n: number, lang: Lang = 'vi', digits = 2): string {
  const factor = 10 ** digits;
  const rounded = Math.round(Math.abs(n) * factor) / factor;
  const [whole, frac = ''] = rounded.toFixed(digits).split('.') as [string, string?];
  const t = catalogs[lang];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, t.currencyGroup);
  const decimals = frac.replace(/0+$/, '');
  const sign = n < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${decimals ? `${t.dashDecimal}${decimals}` : ''}`;
}

/** A percentage ratio in words ("81,82%"); null (no denominator) → "—". */
export function formatPercent(ratio: number | null, lang: Lang = 'vi'): string {
  return ratio === null ? '—' : `${formatNumber(ratio, lang)}%`;
}

/** A score against its maximum: "4,5/6". */
export function formatScore(score: number, max: number, lang: Lang = 'vi'): string {
  return `${formatNumber(score, lang)}/${formatNumber(max, lang)}`;
}

/** Whether an officer's roles give read_indicators over `agency` (head and agency administrator
 * over their subtree, province administrator and auditor everywhere — docs/permissions.md).
 * Agency codes nest by prefix (H32 ⊃ H32.22333 ⊃ H32.22333.01); the server has the last word. */
export function canReadIndicators(roles: { role: string; agency: string | null }[] | undefined, agency: string): boolean {
  return (roles ?? []).some((r) => {
    if (r.role === 'province_admin' || r.role === 'auditor') return true;
    if (r.role !== 'head' && r.role !== 'agency_admin') return false;
    return r.agency === null || agency === r.agency || agency.startsWith(`${r.agency}.`);
  });
}

/** The agency a page of read_indicators opens on: `root` (the province) when the roles reach it,
 * else the agency of the first head or agency administrator role (their own subtree). */
export function readableAgency(roles: { role: string; agency: string | null }[] | undefined, root: string): string {
  if (canReadIndicators(roles, root)) return root;
  const own = (roles ?? []).find((r) => (r.role === 'head' || r.role === 'agency_admin') && r.agency);
  return own?.agency ?? root;
}

/** Acknowledged dossiers as a percentage of those received; null when none were received. */
export function acknowledgedRatio(received: number, acknowledged: number): number | null {
  return received > 0 ? (acknowledged * 100) / received : null;
}

/** The monthly report's table by field, column by column, in the order of the report. */
export const REPORT_COLUMNS = [
  'received',
  'received_online',
  'received_desk',
  'received_postal',
  'finished_on_time',
  'finished_late',
  'in_progress_on_time',
  'in_progress_overdue',
  'returned',
  'refused',
  'withdrawn',
  'stopped',
] as const;

/** The dashboard of an agency for a period (both optional: the province, the current month). */
export function dashboardHref(agency?: string | null, period?: string | null): string {
  const sp = new URLSearchParams();
  if (agency) sp.set('co-quan', agency);
  if (period) sp.set('ky', period);
  const q = sp.toString();
  return q ? `/bang-dieu-khien?${q}` : '/bang-dieu-khien';
}

/** The dossiers behind one metric of an agency's period. */
export function drillHref(agency: string, period: string, metric: string, filter?: string): string {
  const sp = new URLSearchParams({ 'co-quan': agency, ky: period, 'chi-so': metric });
  if (filter && filter !== 'all') sp.set('loc', filter);
  return `/bang-dieu-khien/ho-so?${sp.toString()}`;
}

/** The sync reconciliation with the national portal of an agency for a period. */
export function syncHref(agency?: string | null, period?: string | null): string {
  const sp = new URLSearchParams();
  if (agency) sp.set('co-quan', agency);
  if (period) sp.set('ky', period);
  const q = sp.toString();
  return q ? `/bang-dieu-khien/dong-bo?${q}` : '/bang-dieu-khien/dong-bo';
}

/** The public monthly publication of a month (and an agency; the province by default). */
export function publicationHref(month?: string | null, agency?: string | null): string {
  const sp = new URLSearchParams();
  if (agency) sp.set('co-quan', agency);
  if (month) sp.set('thang', month);
  const q = sp.toString();
  return q ? `/cong-khai/bao-cao?${q}` : '/cong-khai/bao-cao';
}
