// What MotCua takes in from the national portal (docs/dvcqg.md §3.5): the review queue of
// catalogue differences and portal dossiers that could not be created, the province
// administrator's decisions, and "pull now" (manage_outbox; everything audited).
import { queryString, request, type Query, type Schemas } from './client.ts';

export type PortalReviewItem = Schemas['PortalReviewItem'];
export type PortalReviewPage = Schemas['PortalReviewPage'];
export type PortalReviewQuery = Query<'listPortalReview'>;
export type PortalReviewDecision = Schemas['PortalReviewDecision'];
export type PortalDossierPull = Schemas['PortalDossierPull'];
export type PortalCataloguePull = Schemas['PortalCataloguePull'];

export function listPortalReview(q: PortalReviewQuery, signal?: AbortSignal): Promise<PortalReviewPage> {
  return request(`/api/v1/sync/portal/review${queryString({ ...q })}`, { signal });
}

export function decidePortalReview(id: number, accept: boolean, body: PortalReviewDecision): Promise<PortalReviewItem> {
  return request(`/api/v1/sync/portal/review/${id}/${accept ? 'accept' : 'dismiss'}`, { method: 'POST', body });
}

export function pullPortalDossiers(): Promise<PortalDossierPull> {
  return request('/api/v1/sync/portal/pull-dossiers', { method: 'POST' });
}

export function pullPortalCatalogue(): Promise<PortalCataloguePull> {
  return request('/api/v1/sync/portal/pull-catalogue', { method: 'POST' });
}
