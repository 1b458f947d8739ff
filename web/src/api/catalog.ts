// The public catalogue: procedures, fields and agencies; their administration by re-import
// (one record at a time, docs/import-format.md).
import { queryString, request, type Query, type Schemas } from './client.ts';

export type ProcedureLevel = Schemas['ProcedureLevel'];
export type OnlineLevel = Schemas['OnlineLevel'];
export type ProcessingTime = Schemas['ProcessingTime'];
export type ProcedureSummary = Schemas['ProcedureSummary'];
export type ProcedureDetail = Schemas['ProcedureDetail'];
export type ProcedurePage = Schemas['ProcedurePage'];
export type Component = Schemas['Component'];
export type Field = Schemas['Field'];
export type AgencyKind = Schemas['AgencyKind'];
export type AgencySummary = Schemas['AgencySummary'];
export type AgencyTreeNode = Schemas['AgencyTreeNode'];
export type AgencyDetail = Schemas['AgencyDetail'];
export type ImportSummary = Schemas['ImportSummary'];
export type ProcedureQuery = Query<'listProcedures'>;

export function listProcedures(query: ProcedureQuery, signal?: AbortSignal): Promise<ProcedurePage> {
  return request(`/api/v1/procedures${queryString({ ...query })}`, { signal });
}

export function getProcedure(code: string, signal?: AbortSignal): Promise<ProcedureDetail> {
  return request(`/api/v1/procedures/${encodeURIComponent(code)}`, { signal });
}

export function listFields(signal?: AbortSignal): Promise<Schemas['FieldList']> {
  return request('/api/v1/fields', { signal });
}

/** Agencies matching `q` of one kind (the commune service centres by default), 20 at most. */
export function listAgencies(q: string, kind: AgencyKind = 'commune_service_centre', signal?: AbortSignal): Promise<Schemas['AgencyPage']> {
  return request(`/api/v1/agencies${queryString({ kind, q, limit: 20 } satisfies Query<'listAgencies'>)}`, { signal });
}

/** The whole agency tree (GET /api/v1/agencies?tree=true). */
export function getAgencyTree(signal?: AbortSignal): Promise<Schemas['AgencyTree']> {
  return request(`/api/v1/agencies${queryString({ tree: true } satisfies Query<'listAgencies'>)}`, { signal });
}

export function getAgency(code: string, signal?: AbortSignal): Promise<AgencyDetail> {
  return request(`/api/v1/agencies/${encodeURIComponent(code)}`, { signal });
}

/** Upserts agencies; a bad record fails the whole file with 400 invalid_import. */
export function importAgencies(agencies: Record<string, unknown>[]): Promise<ImportSummary> {
  return request('/api/v1/import/agencies', { method: 'POST', body: { agencies } satisfies Schemas['AgencyImportFile'] });
}

/** Upserts procedures (and fields); the file format needs a "fields" array, possibly empty. */
export function importProcedures(procedures: Record<string, unknown>[], fields: Field[] = []): Promise<ImportSummary> {
  const plainFields = fields.map((f) => ({ code: f.code, name_vi: f.name_vi, name_en: f.name_en ?? undefined }));
  return request('/api/v1/import/procedures', { method: 'POST', body: { fields: plainFields, procedures } satisfies Schemas['ProcedureImportFile'] });
}
