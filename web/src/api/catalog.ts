// The public catalogue: procedures, fields and agencies; their administration one record at a
// time (PUT of the record as GET returns it).
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

/** Creates (201) or replaces (200) the agency `code` with `agency`, its detail as GET returns it
 * (the derived children and path are ignored); answers the stored agency. A refused record is a
 * 400 invalid_import (or code_mismatch) whose param names the field. */
export function putAgency(code: string, agency: Record<string, unknown>): Promise<AgencyDetail> {
  return request(`/api/v1/agencies/${encodeURIComponent(code)}`, { method: 'PUT', body: agency });
}

/** Creates or replaces the procedure `code`, as putAgency does; answers the stored procedure. */
export function putProcedure(code: string, procedure: Record<string, unknown>): Promise<ProcedureDetail> {
  return request(`/api/v1/procedures/${encodeURIComponent(code)}`, { method: 'PUT', body: procedure });
}
