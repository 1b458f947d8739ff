// Dashboard figures: the 766 index, the ranking, the monthly trend, the plan's indicators
// (public aggregates); the dossiers behind a figure, the internal monthly report and the sync
// reconciliation with the national portal (read_indicators); the public monthly publication of
// ended months.
import { queryString, request, type Query, type Schemas } from './client.ts';

export type Index766 = Schemas['Index766'];
export type IndicatorGroup = Schemas['IndicatorGroup'];
export type IndicatorMetric = Schemas['IndicatorMetric'];
export type RankedAgency = Schemas['RankedAgency'];
export type IndexMonth = Schemas['IndexMonth'];
export type PlanIndicator = Schemas['PlanIndicator'];
export type DrilldownDossier = Schemas['DrilldownDossier'];
export type IndicatorDrilldown = Schemas['IndicatorDrilldown'];
export type DrillQuery = Query<'getIndex766Dossiers'>;
export type DrillFilter = NonNullable<DrillQuery['filter']>;
export type MonthlyReport = Schemas['MonthlyReport'];
export type ReportFieldRow = Schemas['ReportFieldRow'];
export type ReportIndexGroup = Schemas['ReportIndexGroup'];
export type ReportMetric = Schemas['ReportMetric'];
export type ReportPlanRow = Schemas['ReportPlanRow'];
export type SyncReconciliation = Schemas['SyncReconciliation'];
export type SyncTally = Schemas['SyncTally'];
export type SyncGap = Schemas['SyncGap'];
export type SyncGapPage = Schemas['SyncGapPage'];
export type SyncGapQuery = Query<'listSyncGaps'>;

export function getIndex766(agency: string, period: string, signal?: AbortSignal): Promise<Index766> {
  return request(`/api/v1/indicators/766${queryString({ agency, period } satisfies Query<'getIndex766'>)}`, { signal });
}

/** The children of `parent` (default: the province), each over its subtree, best first. */
export function getIndexRanking(period: string, parent?: string, signal?: AbortSignal): Promise<Schemas['IndexRanking']> {
  return request(`/api/v1/indicators/766/ranking${queryString({ period, parent } satisfies Query<'getIndex766Ranking'>)}`, { signal });
}

export function getIndexTrend(agency: string, year: number, signal?: AbortSignal): Promise<Schemas['IndexTrend']> {
  return request(`/api/v1/indicators/766/trend${queryString({ agency, year } satisfies Query<'getIndex766Trend'>)}`, { signal });
}

export function getPlanIndicators(agency: string, year: number, signal?: AbortSignal): Promise<Schemas['PlanIndicators']> {
  return request(`/api/v1/indicators/plan${queryString({ agency, year } satisfies Query<'getPlanIndicators'>)}`, { signal });
}

/** The dossiers behind a dossier-level metric (officials with read_indicators; audited). */
export function getIndicatorDossiers(q: DrillQuery, signal?: AbortSignal): Promise<IndicatorDrilldown> {
  return request(`/api/v1/indicators/766/dossiers${queryString({ ...q })}`, { signal });
}

/** Received, pushed and acknowledged dossiers of an agency's subtree for a period, in total and
 * per agency (read_indicators; the national portal, DVCQG, is the only connector). */
export function getSyncReconciliation(agency: string, period: string, signal?: AbortSignal): Promise<SyncReconciliation> {
  return request(`/api/v1/sync/reconciliation${queryString({ agency, period } satisfies Query<'getSyncReconciliation'>)}`, { signal });
}

/** One page of the dossiers the portal has not acknowledged, with their messages' state
 * (read_indicators; every page is audited). */
export function listSyncGaps(q: SyncGapQuery, signal?: AbortSignal): Promise<SyncGapPage> {
  return request(`/api/v1/sync/reconciliation/gaps${queryString({ ...q })}`, { signal });
}

/** The public monthly publication; a month not yet ended is a 400 period_not_ended. */
export function getPublicReport(month: string, agency?: string, signal?: AbortSignal): Promise<MonthlyReport> {
  return request(`/api/v1/reports/public${queryString({ month, agency } satisfies Query<'getPublicReport'>)}`, { signal });
}

/** Download address of the public publication as a spreadsheet or one CSV section. */
export function publicReportUrl(month: string, agency: string | undefined, format: 'xlsx' | 'csv', section?: string): string {
  return `/api/v1/reports/public${queryString({ month, agency, format, section })}`;
}

/** Download address of the internal monthly report (any month; read_indicators). */
export function monthlyReportUrl(agency: string, month: string, format: 'xlsx' | 'csv' = 'xlsx'): string {
  return `/api/v1/reports/monthly${queryString({ agency, month, format } satisfies Query<'getMonthlyReport'>)}`;
}
