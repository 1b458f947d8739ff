// Electronic results (kết quả điện tử): the public verification of a signed result (the QR code on
// its PDF leads to /xac-minh/{id}), the check of a PDF file against it, its revocation, and the
// results of a dossier.
import { request, type Schemas } from './client.ts';

export type ResultVerification = Schemas['ResultVerification'];
export type ResultFileCheck = Schemas['ResultFileCheck'];
export type ResultFileFacts = ResultFileCheck['file'];
export type ResultStatus = ResultVerification['status'];
/** Why a result is not valid (revoked, or its signature does not verify). */
export type ResultReason = NonNullable<ResultVerification['reason']>;
export type ResultSigner = NonNullable<ResultVerification['signer']>;
export type ResultRevocationRequest = Schemas['ResultRevocationRequest'];
export type DossierResults = Schemas['DossierResults'];

const resultPath = (id: string) => `/api/v1/results/${encodeURIComponent(id)}`;

/** Whether the result is valid, revoked or not validly signed, with its signer (public). */
export function getResultVerification(id: string, signal?: AbortSignal): Promise<ResultVerification> {
  return request(`${resultPath(id)}/verification`, { signal });
}

/** Sends a PDF file's bytes (never stored) to be compared with the registered result and its
 * signature checked (public). 400 empty_file, 413 over 20 MiB. */
export function checkResultFile(id: string, file: File): Promise<ResultFileCheck> {
  return request(`${resultPath(id)}/verification`, { method: 'POST', raw: { data: file, type: 'application/pdf' } });
}

/** Revokes a result with its public reason (the issuing agency's heads and the province
 * administrator; others: 403); 409 already_revoked. The answer is the result, now revoked. */
export function revokeResult(id: string, reason: string): Promise<ResultVerification> {
  const body: ResultRevocationRequest = { reason };
  return request(`${resultPath(id)}/revocation`, { method: 'POST', body });
}

/** The results issued for a dossier, newest first (whoever may read the dossier). */
export function listDossierResults(code: string, signal?: AbortSignal): Promise<DossierResults> {
  return request(`/api/v1/dossiers/${encodeURIComponent(code)}/results`, { signal });
}
