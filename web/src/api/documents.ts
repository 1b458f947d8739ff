// The applicant's data store (kho dữ liệu): documents the state already holds for a citizen or an
// organisation — the signed electronic results of earlier procedures (deposited when a result is
// returned) and papers the desk digitised — listed for their holder, read with their history,
// downloaded, and reused in a new dossier instead of an upload.
import { queryString, request, type Schemas } from './client.ts';
import { actOnDossier, type Dossier, type DossierActionRequest } from './dossiers.ts';

export type StoredDocument = Schemas['StoredDocument'];
export type StoredDocumentFile = Schemas['StoredDocumentFile'];
export type StoredDocumentKind = StoredDocument['kind'];
export type StoredDocumentStatus = StoredDocument['status'];
/** One fact of a document's history: deposited, a file added, reused in a dossier, revoked. */
export type StoredDocumentEvent = Schemas['StoredDocumentEvent'];
export type StoredDocumentAction = StoredDocumentEvent['action'];
/** A document with its history. */
export type StoredDocumentDetail = Schemas['StoredDocumentDetail'];
export type StoredDocumentList = Schemas['StoredDocumentList'];
/** The components of a dossier that the holder's valid stored documents can stand for, or that
 * already reuse one. */
export type ReusableDocuments = Schemas['ReusableDocuments'];
export type ReusableComponent = ReusableDocuments['components'][number];

const documentPath = (id: number) => `/api/v1/documents/${encodeURIComponent(String(id))}`;

/** The signed-in citizen's or organisation's documents, newest first (officers: 403). */
export function listMyDocuments(signal?: AbortSignal): Promise<StoredDocumentList> {
  return request('/api/v1/me/documents', { signal });
}

/** One document with its history: its holder, or an officer naming a dossier of the holder they
 * handle (`dossier`). */
export function getStoredDocument(id: number, dossier?: string, signal?: AbortSignal): Promise<StoredDocumentDetail> {
  return request(`${documentPath(id)}${queryString({ dossier })}`, { signal });
}

/** The address of a document's file (the same access as the document). */
export function storedDocumentFileUrl(id: number, sha256: string, dossier?: string): string {
  return `${documentPath(id)}/files/${encodeURIComponent(sha256)}${queryString({ dossier })}`;
}

/** The address of a file of a dossier (its components' files, reused ones included). */
export function dossierFileUrl(code: string, sha256: string): string {
  return `/api/v1/files/${encodeURIComponent(sha256)}${queryString({ dossier: code })}`;
}

/** The holder's documents that a dossier's components could reuse (its applicant, or an officer
 * who can read it). */
export function listReusableDocuments(code: string, signal?: AbortSignal): Promise<ReusableDocuments> {
  return request(`/api/v1/dossiers/${encodeURIComponent(code)}/reusable-documents`, { signal });
}

/** Takes a stored document as a component of the dossier (the applicant or the receiving desk);
 * the answer is the dossier. 404 document_not_found, 409 document_not_valid (revoked, expired),
 * 400 document_not_matching. */
export function reuseStoredDocument(code: string, component: string, document: number): Promise<Dossier> {
  const body: DossierActionRequest = { action: 'reuse', component, source: 'provincial_store', document };
  return actOnDossier(code, body);
}
