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

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', null, null);
  }
  const type = res.headers.get('Content-Type') ?? '';
  const isJson = /json/i.test(type);
  if (!res.ok) {
    if (isJson) {
      const p = (await res.json().catch(() => null)) as Record<string, unknown> | null;
      if (p) {
        throw new ApiError(
          typeof p.status === 'number' ? p.status : res.status,
          typeof p.code === 'string' ? p.code : 'http_error',
          typeof p.message_vi === 'string' ? p.message_vi : null,
          typeof p.message_en === 'string' ? p.message_en : null,
        );
      }
    }
    throw new ApiError(res.status, 'http_error', null, null);
  }
  // e.g. the SPA fallback answering index.html because the API is not there.
  if (!isJson) throw new ApiError(res.status, 'not_json', null, null);
  return (await res.json()) as T;
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
