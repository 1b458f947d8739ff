// The working calendar: a year's days, the recorded overrides, and due-date computation.
import { queryString, request, type Query, type Schemas } from './client.ts';

export type CalendarDay = Schemas['CalendarDay'];
export type CalendarOverride = Schemas['CalendarOverride'];
export type CalendarOverrideRequest = Schemas['CalendarOverrideRequest'];
export type DueQuery = Query<'computeDue'>;

export function listCalendarOverrides(year: number, signal?: AbortSignal): Promise<Schemas['CalendarOverrideList']> {
  return request(`/api/v1/calendar/overrides${queryString({ year } satisfies Query<'listCalendarOverrides'>)}`, { signal });
}

export function getCalendarYear(year: number, signal?: AbortSignal): Promise<Schemas['CalendarYear']> {
  return request(`/api/v1/calendar/${year}`, { signal });
}

export function putCalendarOverride(date: string, body: CalendarOverrideRequest): Promise<CalendarOverride> {
  return request(`/api/v1/calendar/overrides/${encodeURIComponent(date)}`, { method: 'PUT', body });
}

export function deleteCalendarOverride(date: string): Promise<Schemas['CalendarOverrideDeleted']> {
  return request(`/api/v1/calendar/overrides/${encodeURIComponent(date)}`, { method: 'DELETE' });
}

export function computeDue(q: DueQuery, signal?: AbortSignal): Promise<Schemas['CalendarDue']> {
  return request(`/api/v1/calendar/due${queryString({ ...q })}`, { signal });
}
