// Dossiers: submission (online and at the desk), lists, one dossier and its history, actions,
// the public lookup and the receipt slip.
import { ApiError, queryString, request, type Query, type Schemas } from './client.ts';

export type Dossier = Schemas['Dossier'];
export type DossierStep = Schemas['DossierStep'];
export type DossierPublic = Schemas['DossierPublic'];
export type DossierEvent = Schemas['DossierEvent'];
export type DossierActionName = Schemas['DossierActionName'];
export type DossierDueState = Schemas['DossierDueState'];
export type DossierSubmission = Schemas['DossierSubmission'];
export type DossierActionRequest = Schemas['DossierActionRequest'];
export type DossierApplicantInput = Schemas['DossierApplicantInput'];
export type DossierForm = Schemas['DossierForm'];
export type DossierQuery = Query<'listDossiers'>;

export function submitDossier(body: DossierSubmission, idempotencyKey: string): Promise<Dossier> {
  return request('/api/v1/dossiers', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function listDossiers(q: DossierQuery, signal?: AbortSignal): Promise<Schemas['DossierPage']> {
  // overdue=false reads as "no filter" here: only the overdue filter is ever asked for.
  return request(`/api/v1/dossiers${queryString({ ...q, overdue: q.overdue ? true : undefined })}`, { signal });
}

const dossierPath = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}`;

export function getDossier(code: string, signal?: AbortSignal): Promise<Dossier> {
  return request(dossierPath(code), { signal });
}

export function getDossierEvents(code: string, signal?: AbortSignal): Promise<Schemas['DossierEventList']> {
  return request(`${dossierPath(code)}/events`, { signal });
}

/** The public lookup by code and ID number: no personal data beyond a masked name. */
export function lookupDossier(code: string, idNumber: string, signal?: AbortSignal): Promise<DossierPublic> {
  const q: Query<'getDossier'> = { id_number: idNumber };
  return request(`${dossierPath(code)}${queryString(q)}`, { signal });
}

export function actOnDossier(code: string, input: DossierActionRequest): Promise<Dossier> {
  return request(`${dossierPath(code)}/actions`, { method: 'POST', body: input });
}

/** The server's receipt slip (form 01); null when the server has none to give. */
/** The address of a form as an A4 PDF (opened in the browser, which prints it). */
export function formPdfUrl(code: string, form: string): string {
  return `${dossierPath(code)}/forms/${encodeURIComponent(form)}?format=pdf`;
}

export async function getReceiptForm(code: string, signal?: AbortSignal): Promise<DossierForm | null> {
  try {
    return await request<DossierForm>(`${dossierPath(code)}/forms/receipt`, { signal });
  } catch (e) {
    // Older servers have no forms endpoint (404 not_found); a form not yet available is a 409.
    // Either way the slip is rendered from the dossier itself.
    if (e instanceof ApiError && e.status !== 0 && e.status !== 401) return null;
    throw e;
  }
}
