// Dossier helpers for the black-box tests: submit a dossier, take an action, read it, its events
// and whole listings, dossier codes and their local day (Vietnam, UTC+7), and throwaway citizens.
import assert from 'node:assert/strict';
import type { RunningServer } from './server.ts';
import { call, type Session } from './auth.ts';
import type { JsonAnswer } from './http.ts';

/** Đăng ký khai sinh: commune level, 1 working day, cut-off 15:00, steps clerk → specialist →
 * head → clerk, components TP1..TP5. */
export const BIRTH_REGISTRATION = '1.001193.000.00.00.H32';
/** Codes of dossiers received at the Bắc Nha Trang centre: agency-YYMMDD-NNNN. */
export const CENTRE_CODE = /^H32\.22333\.01-(\d{6})-(\d{4})$/;
export const OTHER_WARD_CODE = /^H32\.22366-(\d{6})-(\d{4})$/;
/** Dossier times: RFC 3339 in Vietnam time. */
export const VIETNAM_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

export interface SubmitOptions {
  procedure?: string;
  agency?: string;
  channel?: 'online' | 'desk' | 'postal';
  applicant?: Record<string, string>;
  note?: string;
  /** Copies asked for and the fee exemption claimed (docs/domain.md §9.1); sent as given. */
  copies?: unknown;
  exemption?: unknown;
  idempotencyKey?: string;
}

/** POST /api/v1/dossiers as `session` (online at the Bắc Nha Trang centre unless told). */
export function submitDossier(server: RunningServer, session: Session | undefined,
  options: SubmitOptions = {}): Promise<JsonAnswer> {
  const body: Record<string, unknown> = {
    procedure: options.procedure ?? BIRTH_REGISTRATION,
    agency: options.agency ?? 'H32.22333.01',
  };
  if (options.channel) body.channel = options.channel;
  if (options.applicant) body.applicant = options.applicant;
  if (options.note) body.note = options.note;
  if (options.copies !== undefined) body.copies = options.copies;
  if (options.exemption !== undefined) body.exemption = options.exemption;
  const headers: Record<string, string> = {};
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  return call(server, '/api/v1/dossiers', { session, body, headers });
}

/** Submits and returns the created dossier; fails the test unless the answer is 201. */
export async function createDossier(server: RunningServer, session: Session, options: SubmitOptions = {}): Promise<any> {
  const answer = await submitDossier(server, session, options);
  assert.equal(answer.status, 201, `submit: ${answer.text}`);
  return answer.body;
}

/** POST /api/v1/dossiers/{code}/actions. */
export function act(server: RunningServer, session: Session | undefined, code: string, action: string,
  fields: Record<string, unknown> = {}): Promise<JsonAnswer> {
  return call(server, `/api/v1/dossiers/${encodeURIComponent(code)}/actions`, { session, body: { action, ...fields } });
}

/** Takes an action that must succeed (200); returns the dossier after it. */
export async function actOk(server: RunningServer, session: Session, code: string, action: string,
  fields: Record<string, unknown> = {}): Promise<any> {
  const answer = await act(server, session, code, action, fields);
  assert.equal(answer.status, 200, `${action} on ${code} as ${session.login}: ${answer.text}`);
  return answer.body;
}

export function getDossier(server: RunningServer, session: Session | undefined, code: string,
  headers: Record<string, string> = {}): Promise<JsonAnswer> {
  return call(server, `/api/v1/dossiers/${encodeURIComponent(code)}`, { session, headers });
}

/** The public lookup: code and the applicant's ID number, no session. */
export function lookupDossier(server: RunningServer, code: string, idNumber: string): Promise<JsonAnswer> {
  return call(server, `/api/v1/dossiers/${encodeURIComponent(code)}?id_number=${encodeURIComponent(idNumber)}`);
}

export function getEvents(server: RunningServer, session: Session | undefined, code: string): Promise<JsonAnswer> {
  return call(server, `/api/v1/dossiers/${encodeURIComponent(code)}/events`, { session });
}

/** Every dossier of a listing, following next_cursor; fails on a repeated page or item. */
export async function listAll(server: RunningServer, session: Session, query: Record<string, string> = {}): Promise<any[]> {
  const items: any[] = [];
  const seenCursors = new Set<string>();
  let cursor: string | null = null;
  for (;;) {
    const params = new URLSearchParams(query);
    if (cursor) params.set('cursor', cursor);
    const answer = await call(server, `/api/v1/dossiers${params.size > 0 ? `?${params}` : ''}`, { session });
    assert.equal(answer.status, 200, `list ${params}: ${answer.text}`);
    items.push(...answer.body.items);
    cursor = answer.body.next_cursor;
    if (!cursor) break;
    assert.ok(!seenCursors.has(cursor), `cursor ${cursor} came back twice`);
    seenCursors.add(cursor);
  }
  return items;
}

/** The parts of a dossier code: agency, day (YYMMDD) and sequence number. */
export function parseCode(code: string): { agency: string; day: string; sequence: number } {
  const match = /^(.+)-(\d{6})-(\d{4})$/.exec(code);
  assert.ok(match, `not a dossier code: ${code}`);
  return { agency: match[1]!, day: match[2]!, sequence: Number(match[3]) };
}

/** The local (Vietnam, UTC+7) day of `at` as YYMMDD, as dossier codes spell it. */
export function vietnamDay(at: Date = new Date()): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCFullYear() % 100)}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}`;
}

/** Minutes since local midnight (Vietnam time) of an RFC 3339 time. */
export function vietnamMinuteOfDay(text: string): number {
  const local = new Date(Date.parse(text) + 7 * 3600_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60;
}

let citizenCounter = 0;
/** A fresh citizen login (12 digits) that no demo account uses. */
export function freshCitizenLogin(seed = process.pid): string {
  citizenCounter += 1;
  return `0790${String(seed % 10000).padStart(4, '0')}${String(citizenCounter).padStart(4, '0')}`;
}

/** Creates a citizen account as the province administrator `admin`; returns its login. */
export async function createCitizen(server: RunningServer, admin: Session, loginName: string,
  password: string, name = 'Công dân thử nghiệm'): Promise<string> {
  const answer = await call(server, '/api/v1/accounts', {
    session: admin, body: { kind: 'citizen', login: loginName, name, password },
  });
  assert.equal(answer.status, 201, `create citizen ${loginName}: ${answer.text}`);
  return loginName;
}
