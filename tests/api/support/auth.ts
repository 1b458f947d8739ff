// Signing in for the black-box tests: the demo accounts (`motcua demo`, all with DEMO_PASSWORD),
// Bearer and cookie sessions, requests made as one of them, and the console tools the tests need
// beside HTTP (the `motcua` CLI on a data directory, the `sqlite3` shell on its database).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MOTCUA_BIN, ON_POSTGRES, childEnvironment, databaseEnv, databaseName, pgTool, type RunningServer } from './server.ts';
import { getJson, type JsonAnswer } from './http.ts';

export const DEMO_PASSWORD = 'MotCua@2026';

/** The roles of the permission table, each with the demo account that holds it. */
export const DEMO_LOGINS = {
  citizen: '056095001234',
  organisation: '4201234567',
  clerk: 'tiepnhan.bnt',
  specialist: 'chuyenvien.bnt',
  head: 'lanhdao.bnt',
  cashier: 'thuphi.bnt',
  feedback_officer: 'pakn.tinh',
  agency_admin: 'quantri.bnt',
  province_admin: 'quantri.tinh',
  auditor: 'kiemtra.tinh',
} as const;
export type DemoRole = keyof typeof DEMO_LOGINS;
/** The clerk of the other demo ward (H32.22366), for scope tests. */
export const OTHER_WARD_CLERK = 'tiepnhan.khac';
/** Bắc Nha Trang ward, its public-service centre, and the other demo ward. */
export const WARD = 'H32.22333';
export const WARD_CENTRE = 'H32.22333.01';
export const OTHER_WARD = 'H32.22366';

/** A server setting that makes password hashing fast (argon2id at its minimum cost). */
export const FAST_HASHING = { MOTCUA_PASSWORD_HASH_COST: 'minimum' } as const;

export interface Session {
  login: string;
  kind: 'bearer' | 'cookie';
  /** The Bearer token, or the cookie's value. */
  token: string;
  /** Cookie sessions: the X-CSRF-Token value. */
  csrf?: string;
  account: any;
  /** The whole login answer. */
  answer: JsonAnswer;
}

export interface CallOptions {
  method?: string;
  /** A JSON body (serialised) or a string sent as is. */
  body?: unknown;
  session?: Session;
  /** Cookie sessions: send this X-CSRF-Token instead of the session's (null: none). */
  csrf?: string | null;
  headers?: Record<string, string>;
}

/** Signs in; returns the answer whatever it is (see login() for one that must succeed). */
export async function tryLogin(server: RunningServer, login: string, password: string,
  kind: 'bearer' | 'cookie' = 'bearer', headers: Record<string, string> = {}): Promise<JsonAnswer> {
  return getJson(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ login, password, session: kind }),
  });
}

/** Signs in and returns the session; fails the test when the login is refused. */
export async function login(server: RunningServer, loginName: string, password = DEMO_PASSWORD,
  kind: 'bearer' | 'cookie' = 'bearer'): Promise<Session> {
  const answer = await tryLogin(server, loginName, password, kind);
  assert.equal(answer.status, 200, `login ${loginName}: ${answer.text}`);
  if (kind === 'bearer') {
    return { login: loginName, kind, token: answer.body.token, account: answer.body.account, answer };
  }
  const cookie = sessionCookie(answer.headers);
  assert.ok(cookie, `login ${loginName}: no motcua_session cookie`);
  return { login: loginName, kind, token: cookie, csrf: answer.body.csrf_token, account: answer.body.account, answer };
}

/** The value of the motcua_session cookie set by an answer, if any. */
export function sessionCookie(headers: Headers): string | undefined {
  for (const line of headers.getSetCookie()) {
    const match = /^motcua_session=([^;]*)/.exec(line);
    if (match) {
      return match[1];
    }
  }
  return undefined;
}

/** The headers that authenticate as `session` (with the CSRF header for cookie sessions). */
export function authHeaders(session: Session | undefined, csrf?: string | null): Record<string, string> {
  if (!session) {
    return {};
  }
  if (session.kind === 'bearer') {
    return { authorization: `Bearer ${session.token}` };
  }
  const headers: Record<string, string> = { cookie: `motcua_session=${session.token}` };
  const token = csrf === undefined ? session.csrf : csrf;
  if (token !== null && token !== undefined) {
    headers['x-csrf-token'] = token;
  }
  return headers;
}

/** One API request, optionally as a signed-in session. */
export async function call(server: RunningServer, path: string, options: CallOptions = {}): Promise<JsonAnswer> {
  const headers: Record<string, string> = { ...authHeaders(options.session, options.csrf), ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  return getJson(`${server.url}${path}`, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
}

/** Creates an officer account as `admin` (a province admin session) and returns it. */
export async function createOfficer(server: RunningServer, admin: Session, loginName: string, agency: string,
  roles: { role: string; agency: string }[] = [], password?: string): Promise<any> {
  const answer = await call(server, '/api/v1/accounts', {
    session: admin,
    body: { kind: 'officer', login: loginName, name: `Tài khoản thử ${loginName}`, agency_code: agency, roles, password },
  });
  assert.equal(answer.status, 201, `create ${loginName}: ${answer.text}`);
  return answer.body.account;
}

/** Every audit record the auditor `session` can read (all pages), newest first. */
export async function readAudit(server: RunningServer, session: Session, query = ''): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('limit', '500');
    if (cursor) {
      params.set('cursor', cursor);
    }
    const answer = await call(server, `/api/v1/audit?${params}`, { session });
    assert.equal(answer.status, 200, answer.text);
    items.push(...answer.body.items);
    cursor = answer.body.next_cursor;
  } while (cursor);
  return items;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `motcua <args>` on a data directory (its database and audit key). */
export function runCli(dataDir: string, args: string[], options: { env?: Record<string, string>; input?: string } = {}): CliResult {
  const result = spawnSync(MOTCUA_BIN, args, {
    cwd: dataDir,
    env: childEnvironment({ MOTCUA_DATA_DIR: dataDir, ...databaseEnv(dataDir), ...options.env }),
    input: options.input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The SQLite file of a data directory. */
export function databasePath(dataDir: string): string {
  return join(dataDir, 'motcua.db');
}

/** Runs SQL with the `sqlite3` shell on the data directory's database; returns its output. */
export function sqlite(dataDir: string, sql: string): string {
  const result = spawnSync('sqlite3', ['-bail', databasePath(dataDir), sql], { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) {
    throw new Error(`sqlite3 failed (${result.status}): ${result.stderr}${result.error ?? ''}`);
  }
  return result.stdout.trim();
}

/** Runs SQL on the data directory's database, whichever the backend (the `sqlite3` shell, or
 * `psql` in PostgreSQL mode); returns its output: one row a line, columns separated by `|`. Use
 * SQL both understand (e.g. `UPDATE … RETURNING`, not `changes()`). */
export function sql(dataDir: string, text: string): string {
  if (!ON_POSTGRES) {
    return sqlite(dataDir, text);
  }
  const result = spawnSync(pgTool('psql'), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', databaseName(dataDir), '-c', text],
    { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) {
    throw new Error(`psql failed (${result.status}): ${result.stderr}${result.error ?? ''}`);
  }
  return result.stdout.trim();
}

/** The SQL expression that sets fields of the JSON text column `column`, whichever the backend:
 * e.g. jsonSet('doc', [[['steps', 0, 'due_at'], '2026-01-05T03:00:00.000000Z']]). Values are
 * strings. */
export function jsonSet(column: string, assignments: [(string | number)[], string][]): string {
  const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
  if (!ON_POSTGRES) {
    const paths = assignments.map(([path, value]) =>
      `${quote('$' + path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join(''))}, ${quote(value)}`);
    return `json_set(${column}, ${paths.join(', ')})`;
  }
  let expression = `${column}::jsonb`;
  for (const [path, value] of assignments) {
    expression = `jsonb_set(${expression}, ${quote(`{${path.join(',')}}`)}, to_jsonb(${quote(value)}::text))`;
  }
  return `${expression}::text`;
}
