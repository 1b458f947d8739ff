// Typed client for the MotCua JSON API (same origin; /api/v1).
import type { ProcessingTime } from './format.ts';

export type Level = 'province' | 'commune';
export type OnlineLevel = 'full' | 'partial' | 'none';

export interface ProcedureSummary {
  code: string;
  national_code: string;
  name_vi: string;
  name_en?: string | null;
  field: string;
  field_name_vi: string;
  field_name_en?: string | null;
  level: Level;
  online_level: OnlineLevel;
  competent_agency: string | null;
  competent_agency_name_vi?: string | null;
  processing_time: ProcessingTime;
  fee_total_vnd: number;
}

export interface Fee {
  kind: 'fee' | 'charge';
  name_vi: string;
  name_en?: string | null;
  amount_vnd: number;
}

export interface Component {
  code: string;
  name_vi: string;
  name_en?: string | null;
  originals: number;
  copies: number;
  required: boolean;
  result_of_procedure: string | null;
}

export interface Step {
  name_vi: string;
  name_en?: string | null;
  role: string;
  agency: string | null;
  share_percent: number;
}

export interface Procedure extends ProcedureSummary {
  fees: Fee[];
  components: Component[];
  steps: Step[];
  result: { kind: string; name_vi: string; name_en?: string | null };
  legal_basis: string[];
  applicant_kinds: string[];
  version: number;
  effective_from: string;
  receiving_agency: string | null;
  receiving_agency_name_vi?: string | null;
  description_vi?: string | null;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
  total: number;
}

export interface Field {
  code: string;
  name_vi: string;
  name_en?: string | null;
  procedure_count: number;
}

export interface ProcedureQuery {
  q?: string;
  field?: string;
  level?: string;
  online_level?: string;
  limit?: number;
  cursor?: string | null;
}

/** An API failure; message_vi/message_en come from application/problem+json when available. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message_vi: string | null,
    readonly message_en: string | null,
  ) {
    super(message_en ?? message_vi ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** A GET through the one request path below (errors are ActionError, an ApiError). */
function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>(path, { signal });
}

function queryString(params: Record<string, string | number | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export function listProcedures(query: ProcedureQuery, signal?: AbortSignal): Promise<Page<ProcedureSummary>> {
  return getJson(`/api/v1/procedures${queryString({ ...query })}`, signal);
}

export function getProcedure(code: string, signal?: AbortSignal): Promise<Procedure> {
  return getJson(`/api/v1/procedures/${encodeURIComponent(code)}`, signal);
}

export function listFields(signal?: AbortSignal): Promise<{ items: Field[] }> {
  return getJson('/api/v1/fields', signal);
}

// ---------------------------------------------------------------------------
// Authenticated requests: browser session (HttpOnly cookie) + CSRF token.

const CSRF_KEY = 'motcua.csrf';
let csrfToken: string | null = null;

export function getCsrfToken(): string | null {
  if (csrfToken) return csrfToken;
  try {
    csrfToken = sessionStorage.getItem(CSRF_KEY);
  } catch {
    /* storage unavailable */
  }
  return csrfToken;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  try {
    if (token) sessionStorage.setItem(CSRF_KEY, token);
    else sessionStorage.removeItem(CSRF_KEY);
  } catch {
    /* storage unavailable: memory only */
  }
}

/** An API failure with the problem+json extras the UI uses. */
export class ActionError extends ApiError {
  constructor(
    status: number,
    code: string,
    message_vi: string | null,
    message_en: string | null,
    readonly allowed_actions: string[] | null,
    readonly param: string | null,
    /** problem+json "detail": what a validation error found (e.g. an import's failing record). */
    readonly detail: string | null = null,
  ) {
    super(status, code, message_vi, message_en);
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = getCsrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ActionError(0, 'network', null, null, null, null);
  }
  const type = res.headers.get('Content-Type') ?? '';
  const isJson = /json/i.test(type);
  if (!res.ok) {
    const p = isJson ? ((await res.json().catch(() => null)) as Record<string, unknown> | null) : null;
    const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
    throw new ActionError(
      p && typeof p.status === 'number' ? p.status : res.status,
      (p && str(p.code)) ?? 'http_error',
      p ? str(p.message_vi) : null,
      p ? str(p.message_en) : null,
      p && Array.isArray(p.allowed_actions) ? (p.allowed_actions as string[]) : null,
      p ? str(p.param) : null,
      p ? str(p.detail) : null,
    );
  }
  if (res.status === 204) return undefined as T;
  if (!isJson) throw new ActionError(res.status, 'not_json', null, null, null, null);
  return (await res.json()) as T;
}

export interface Account {
  id: number;
  kind: 'citizen' | 'organisation' | 'officer';
  login: string;
  name: string;
  phone?: string;
  email?: string;
  agency_code: string | null;
  title?: string;
  representative?: string;
  roles: { role: string; agency: string | null }[];
}

export async function login(loginName: string, password: string): Promise<Account> {
  const reply = await request<{ account: Account; csrf_token: string }>('/api/v1/auth/login', {
    method: 'POST',
    body: { login: loginName, password, session: 'cookie' },
  });
  setCsrfToken(reply.csrf_token);
  return reply.account;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('/api/v1/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(null);
  }
}

/** The signed-in account, or null when nobody is signed in. */
export async function getMe(signal?: AbortSignal): Promise<Account | null> {
  try {
    return await request<Account>('/api/v1/me', { signal });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return null;
    throw e;
  }
}

// ---------------------------------------------------------------------------
// Agencies and dossiers.

export interface Agency {
  code: string;
  name_vi: string;
  name_en?: string | null;
  kind: string;
  parent: string | null;
}

export function listAgencies(q: string, kind = 'commune_service_centre', signal?: AbortSignal): Promise<{ items: Agency[] }> {
  return request(`/api/v1/agencies${queryString({ kind, q, limit: 20 })}`, { signal });
}

export type DueState = 'on_time' | 'due_soon' | 'overdue';

export interface DossierStep {
  name_vi: string;
  role?: string;
  agency?: string;
  agency_name_vi: string | null;
  due_at: string | null;
  started_at: string | null;
  completed_at: string | null;
}

export interface Applicant {
  kind: string;
  id_number: string;
  name: string;
  phone: string;
  email: string;
  address: string;
}

export interface Dossier {
  id: number;
  code: string;
  procedure: string;
  procedure_name_vi: string | null;
  receiving_agency: string;
  receiving_agency_name_vi: string | null;
  current_agency_name_vi: string | null;
  channel: string;
  applicant: Applicant;
  status: number;
  status_name_vi: string;
  status_name: string;
  current_step: number;
  steps: DossierStep[];
  components: { code: string; digitized: boolean; reuse_source: string; files: string[] }[];
  submitted_at: string | null;
  received_at: string | null;
  due_at: string | null;
  finished_at: string | null;
  returned_at: string | null;
  due_state: DueState;
  supplement_requests: number;
  extensions: number;
  fee_total: number;
  paid_total: number;
  result_kind: string;
  delivery: string;
  rating: string;
  event_count: number;
  allowed_actions: string[];
}

/** What the public lookup returns: no personal data beyond a masked name. */
export interface PublicDossier {
  code: string;
  procedure: string;
  procedure_name_vi: string | null;
  receiving_agency_name_vi: string | null;
  applicant_name: string;
  status: number;
  status_name_vi: string;
  status_name: string;
  submitted_at: string | null;
  received_at: string | null;
  due_at: string | null;
  finished_at: string | null;
  returned_at: string | null;
  due_state: DueState;
  steps: DossierStep[];
}

export interface DossierEvent {
  seq: number;
  at: string;
  action: string;
  actor_login: string;
  agency: string;
  from_status: number | null;
  to_status: number;
  payload: Record<string, unknown>;
  due_at: string | null;
}

export interface NewDossier {
  procedure: string;
  agency: string;
  channel?: 'online' | 'desk' | 'postal';
  note?: string;
  components?: string[];
  applicant?: Partial<Applicant>;
}

export function submitDossier(body: NewDossier, idempotencyKey: string): Promise<Dossier> {
  return request('/api/v1/dossiers', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

export interface DossierQuery {
  status?: string;
  overdue?: boolean;
  assigned?: boolean;
  order?: 'due' | 'newest';
  limit?: number;
  cursor?: string | null;
}

export function listDossiers(q: DossierQuery, signal?: AbortSignal): Promise<{ items: Dossier[]; next_cursor: string | null }> {
  return request(
    `/api/v1/dossiers${queryString({
      status: q.status,
      overdue: q.overdue ? 'true' : undefined,
      assigned: q.assigned === undefined ? undefined : String(q.assigned),
      order: q.order,
      limit: q.limit,
      cursor: q.cursor,
    })}`,
    { signal },
  );
}

const dossierPath = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}`;

export function getDossier(code: string, signal?: AbortSignal): Promise<Dossier> {
  return request(dossierPath(code), { signal });
}

export function getDossierEvents(code: string, signal?: AbortSignal): Promise<{ items: DossierEvent[] }> {
  return request(`${dossierPath(code)}/events`, { signal });
}

export function lookupDossier(code: string, idNumber: string, signal?: AbortSignal): Promise<PublicDossier> {
  return request(`${dossierPath(code)}${queryString({ id_number: idNumber })}`, { signal });
}

export interface ActionInput {
  action: string;
  reasons?: string[];
  note?: string;
  to_agency?: string;
  new_due_at?: string;
  result_kind?: string;
  delivery?: string;
  rating?: string;
  channel?: string;
  amount?: number;
}

export function actOnDossier(code: string, input: ActionInput): Promise<Dossier> {
  return request(`${dossierPath(code)}/actions`, { method: 'POST', body: input });
}

/** The server's receipt slip (form 01), when the server has the forms endpoint; null otherwise. */
export async function getReceiptForm(code: string, signal?: AbortSignal): Promise<Record<string, unknown> | null> {
  try {
    return await request<Record<string, unknown>>(`${dossierPath(code)}/forms/receipt`, { signal });
  } catch (e) {
    // Older servers have no forms endpoint (404 not_found); a form not yet available is a 409.
    // Either way the slip is rendered from the dossier itself.
    if (e instanceof ApiError && e.status !== 0 && e.status !== 401) return null;
    throw e;
  }
}

// ---------------------------------------------------------------------------
// Administration: agencies and procedures (re-imported one record at a time), the working
// calendar, accounts and roles. Writes carry the CSRF header through request().

export type AgencyKind = 'province' | 'department' | 'provincial_service_centre' | 'commune' | 'commune_service_centre';

export interface AgencyNode {
  code: string;
  legacy_code: string | null;
  name_vi: string;
  name_en: string;
  kind: AgencyKind;
  parent: string | null;
  admin_unit_code: string | null;
  valid_from: string;
  valid_to: string | null;
  child_count: number;
  children: AgencyNode[];
}

export interface AgencyDetail extends Omit<AgencyNode, 'children' | 'child_count'> {
  address?: string;
  phone?: string;
  email?: string;
  history: unknown[];
  extra?: Record<string, unknown>;
  children: Omit<AgencyNode, 'children'>[];
  path: { code: string; name_vi: string }[];
}

/** The whole agency tree (GET /api/v1/agencies?tree=true). */
export function getAgencyTree(signal?: AbortSignal): Promise<{ items: AgencyNode[] }> {
  return request(`/api/v1/agencies${queryString({ tree: 'true' })}`, { signal });
}

export function getAgency(code: string, signal?: AbortSignal): Promise<AgencyDetail> {
  return request(`/api/v1/agencies/${encodeURIComponent(code)}`, { signal });
}

/** What an import did. */
export interface ImportSummary {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Upserts agencies (docs/import-format.md); a bad record fails the whole file with 400 invalid_import. */
export function importAgencies(agencies: Record<string, unknown>[]): Promise<ImportSummary> {
  return request('/api/v1/import/agencies', { method: 'POST', body: { agencies } });
}

/** Upserts procedures (and fields); the file format needs a "fields" array, possibly empty. */
export function importProcedures(procedures: Record<string, unknown>[], fields: Field[] = []): Promise<ImportSummary> {
  const plainFields = fields.map((f) => ({ code: f.code, name_vi: f.name_vi, name_en: f.name_en ?? undefined }));
  return request('/api/v1/import/procedures', { method: 'POST', body: { fields: plainFields, procedures } });
}

/** The procedure as the detail endpoint returns it (derived names and totals included). */
export type ProcedureDetail = Procedure & { extra?: Record<string, unknown> };

export interface CalendarOverride {
  date: string;
  working: boolean;
  reason_vi: string;
  reason_en: string;
  source: string;
  origin: 'published' | 'recorded';
  recorded_by: string | null;
  recorded_at: string | null;
}

export interface CalendarDay {
  date: string;
  working: boolean;
  reason_vi: string;
  reason_en: string;
  source: string;
}

export function listCalendarOverrides(year: number, signal?: AbortSignal): Promise<{ overrides: CalendarOverride[] }> {
  return request(`/api/v1/calendar/overrides${queryString({ year })}`, { signal });
}

export function getCalendarYear(year: number, signal?: AbortSignal): Promise<{ year: number; days: CalendarDay[] }> {
  return request(`/api/v1/calendar/${year}`, { signal });
}

export interface CalendarOverrideInput {
  working: boolean;
  reason_vi: string;
  reason_en?: string;
  source?: string;
}

export function putCalendarOverride(date: string, body: CalendarOverrideInput): Promise<CalendarOverride> {
  return request(`/api/v1/calendar/overrides/${encodeURIComponent(date)}`, { method: 'PUT', body });
}

export function deleteCalendarOverride(date: string): Promise<{ date: string; deleted: true }> {
  return request(`/api/v1/calendar/overrides/${encodeURIComponent(date)}`, { method: 'DELETE' });
}

export interface DueQuery {
  start: string;
  amount: number;
  unit: 'working_days' | 'working_hours' | 'calendar_days';
  cutoff?: string;
}

export function computeDue(q: DueQuery, signal?: AbortSignal): Promise<{ due_at: string; start_of_counting: string }> {
  return request(`/api/v1/calendar/due${queryString({ ...q })}`, { signal });
}

export type Role =
  | 'citizen'
  | 'organisation'
  | 'clerk'
  | 'specialist'
  | 'head'
  | 'cashier'
  | 'feedback_officer'
  | 'agency_admin'
  | 'province_admin'
  | 'auditor';

/** An account as the administration routes return it. */
export interface ManagedAccount extends Account {
  disabled: boolean;
  created_at: string;
  password_changed_at: string;
}

export interface AccountQuery {
  kind?: string;
  agency?: string;
  login_prefix?: string;
  limit?: number;
  cursor?: string | null;
}

export function listAccounts(q: AccountQuery, signal?: AbortSignal): Promise<{ items: ManagedAccount[]; next_cursor: string | null }> {
  return request(`/api/v1/accounts${queryString({ ...q })}`, { signal });
}

export function getAccount(id: number, signal?: AbortSignal): Promise<ManagedAccount> {
  return request(`/api/v1/accounts/${id}`, { signal });
}

export interface NewAccount {
  kind: Account['kind'];
  login: string;
  name: string;
  phone?: string;
  email?: string;
  agency_code?: string;
  title?: string;
  representative?: string;
  password?: string;
  roles?: { role: Role; agency?: string }[];
}

/** generated_password is present (once) when no password was given. */
export function createAccount(body: NewAccount): Promise<{ account: ManagedAccount; generated_password?: string }> {
  return request('/api/v1/accounts', { method: 'POST', body });
}

export function setAccountDisabled(id: number, disabled: boolean): Promise<ManagedAccount> {
  return request(`/api/v1/accounts/${id}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });
}

/** Without a password the server generates one and returns it once. */
export function resetAccountPassword(id: number, password?: string): Promise<{ reset: true; generated_password?: string }> {
  return request(`/api/v1/accounts/${id}/password`, { method: 'POST', body: password ? { password } : {} });
}

export function grantRole(id: number, role: Role, agency?: string): Promise<ManagedAccount> {
  return request(`/api/v1/accounts/${id}/roles`, { method: 'POST', body: agency ? { role, agency } : { role } });
}

export function revokeRole(id: number, role: Role, agency: string | null): Promise<ManagedAccount> {
  return request(`/api/v1/accounts/${id}/roles${queryString({ role, agency })}`, { method: 'DELETE' });
}

// ---------------------------------------------------------------------------
// Dashboard: the 766 index, the province's ranking, the monthly trend, the plan's indicators
// (public aggregates), the dossiers behind a figure and the internal monthly report
// (read_indicators), and the public monthly publication of ended months.

export type FigureStatus = 'ok' | 'no_data';

export interface IndicatorMetric {
  code: string;
  id: string;
  /** Only in the monthly report's copy of the index. */
  name_vi?: string;
  numerator: number;
  denominator: number;
  ratio: number | null;
  score: number | null;
  max_score: number;
  status: FigureStatus;
  note?: string;
}

export interface GroupScore {
  code: string;
  name_vi: string;
  name_en?: string;
  score: number;
  max_score: number;
}

export interface IndicatorGroup extends GroupScore {
  metrics: IndicatorMetric[];
}

export interface Index766 {
  agency: string;
  period: string;
  total_score: number;
  max_score: number;
  groups: IndicatorGroup[];
}

export interface RankedAgency {
  rank: number;
  agency: string;
  name_vi: string;
  total_score: number;
  max_score: number;
  received: number;
  groups: GroupScore[];
}

export interface IndexMonth {
  period: string;
  total_score: number;
  max_score: number;
  received: number;
  groups: GroupScore[];
}

export interface PlanIndicator {
  id: string;
  name_vi: string;
  name_en?: string;
  source?: string;
  target: number | null;
  actual: number | null;
  numerator: number;
  denominator: number;
  met: boolean | null;
  status: FigureStatus;
}

export type DrillFilter = 'all' | 'numerator' | 'not_numerator';

export interface DrillDossier {
  code: string;
  procedure_code: string;
  agency: string;
  status: number;
  status_name: string;
  channel: 'online' | 'desk' | 'postal';
  received_at: string | null;
  due_at: string | null;
  finished_at: string | null;
  in_denominator: boolean;
  in_numerator: boolean;
  reason: string;
  reason_vi: string;
  reason_en: string;
}

export interface IndicatorDrilldown {
  agency: string;
  period: string;
  metric: string;
  metric_name_vi: string;
  metric_name_en: string;
  filter: DrillFilter;
  scanned: number;
  items: DrillDossier[];
  next_cursor: string | null;
}

/** One row of the report's table by field (and the totals row). */
export interface ReportCounts {
  received: number;
  received_online: number;
  received_desk: number;
  received_postal: number;
  finished_on_time: number;
  finished_late: number;
  in_progress_on_time: number;
  in_progress_overdue: number;
  returned: number;
  refused: number;
  withdrawn: number;
  stopped: number;
}

export interface ReportFieldRow extends ReportCounts {
  field_code?: string;
  name_vi: string;
}

export interface MonthlyReport {
  agency: { code: string; name_vi: string };
  period: string;
  generated_at: string | null;
  summary: ReportCounts & {
    on_time_rate: number | null;
    index_total_score: number;
    index_max_score: number;
    plan_with_target: number;
    plan_met: number;
  };
  fields: ReportFieldRow[];
  fields_total: ReportFieldRow;
  index_766: { total_score: number; max_score: number; groups: IndicatorGroup[] };
  plan: PlanIndicator[];
}

export function getIndex766(agency: string, period: string, signal?: AbortSignal): Promise<Index766> {
  return request(`/api/v1/indicators/766${queryString({ agency, period })}`, { signal });
}

/** The children of `parent` (default: the province), each over its subtree, best first. */
export function getIndexRanking(period: string, parent?: string, signal?: AbortSignal): Promise<{ period: string; parent: string; agencies: RankedAgency[] }> {
  return request(`/api/v1/indicators/766/ranking${queryString({ period, parent })}`, { signal });
}

export function getIndexTrend(agency: string, year: number, signal?: AbortSignal): Promise<{ agency: string; year: number; months: IndexMonth[] }> {
  return request(`/api/v1/indicators/766/trend${queryString({ agency, year })}`, { signal });
}

export function getPlanIndicators(agency: string, year: number, signal?: AbortSignal): Promise<{ year: number; agency: string; indicators: PlanIndicator[] }> {
  return request(`/api/v1/indicators/plan${queryString({ agency, year })}`, { signal });
}

export interface DrillQuery {
  agency: string;
  period: string;
  metric: string;
  filter?: DrillFilter;
  cursor?: string | null;
  limit?: number;
}

/** The dossiers behind a dossier-level metric (officials with read_indicators; audited). */
export function getIndicatorDossiers(q: DrillQuery, signal?: AbortSignal): Promise<IndicatorDrilldown> {
  return request(`/api/v1/indicators/766/dossiers${queryString({ ...q })}`, { signal });
}

/** The public monthly publication; a month not yet ended is a 400 period_not_ended. */
export function getPublicReport(month: string, agency?: string, signal?: AbortSignal): Promise<MonthlyReport> {
  return request(`/api/v1/reports/public${queryString({ month, agency })}`, { signal });
}

/** Download address of the public publication as a spreadsheet or one CSV section. */
export function publicReportUrl(month: string, agency: string | undefined, format: 'xlsx' | 'csv', section?: string): string {
  return `/api/v1/reports/public${queryString({ month, agency, format, section })}`;
}

/** Download address of the internal monthly report (any month; read_indicators). */
export function monthlyReportUrl(agency: string, month: string, format: 'xlsx' | 'csv' = 'xlsx'): string {
  return `/api/v1/reports/monthly${queryString({ agency, month, format })}`;
}
