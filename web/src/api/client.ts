// The one request path to the MotCua JSON API (same origin; /api/v1): JSON in (or a file's raw
// bytes) and JSON out, problem+json errors as ActionError, the session cookie and its CSRF token
// on writes.
import type { components, operations } from './schema.ts';

/** The schemas of docs/api/openapi.json (generated into schema.ts by `npm run gen:api`). */
export type Schemas = components['schemas'];

/** The query parameters of a documented operation (by its operationId). */
export type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

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

/** An API failure with the problem+json extras the UI uses. */
export class ActionError extends ApiError {
  constructor(
    status: number,
    code: string,
    message_vi: string | null,
    message_en: string | null,
    readonly allowed_actions: string[] | null,
    readonly param: string | null,
    /** problem+json "detail": what a validation error found (e.g. an import's failing record). */
    readonly detail: string | null = null,
  ) {
    super(status, code, message_vi, message_en);
  }
}

// ---------------------------------------------------------------------------
// Browser session (HttpOnly cookie) + CSRF token, kept in memory and sessionStorage.

const CSRF_KEY = 'motcua.csrf';
let csrfToken: string | null = null;

export function getCsrfToken(): string | null {
  if (csrfToken) return csrfToken;
  try {
    csrfToken = sessionStorage.getItem(CSRF_KEY);
  } catch {
    /* storage unavailable */
  }
  return csrfToken;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  try {
    if (token) sessionStorage.setItem(CSRF_KEY, token);
    else sessionStorage.removeItem(CSRF_KEY);
  } catch {
    /* storage unavailable: memory only */
  }
}

/** `?a=1&b=2` from the parameters that have a value ('' for none). */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** `v` when it is one of `allowed` (an enum of the API), else undefined: URL parameters are
 * untrusted strings. */
export function oneOf<T extends string>(v: string | null | undefined, allowed: readonly T[]): T | undefined {
  return (allowed as readonly (string | null | undefined)[]).includes(v) ? (v as T) : undefined;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (a file's bytes) with its Content-Type, instead of `body` as JSON. */
  raw?: { data: Blob; type: string };
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Sends one request; a non-2xx answer throws ActionError (status 0, code "network" when the
 * request never got an answer). Writes carry X-CSRF-Token. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.raw) headers['Content-Type'] = options.raw.type;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = getCsrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.raw ? options.raw.data : options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ActionError(0, 'network', null, null, null, null);
  }
  const type = res.headers.get('Content-Type') ?? '';
  const isJson = /json/i.test(type);
  if (!res.ok) {
    const p = isJson ? ((await res.json().catch(() => null)) as Record<string, unknown> | null) : null;
    const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
    throw new ActionError(
      p && typeof p.status === 'number' ? p.status : res.status,
      (p && str(p.code)) ?? 'http_error',
      p ? str(p.message_vi) : null,
      p ? str(p.message_en) : null,
      p && Array.isArray(p.allowed_actions) ? (p.allowed_actions as string[]) : null,
      p ? str(p.param) : null,
      p ? str(p.detail) : null,
    );
  }
  if (res.status === 204) return undefined as T;
  if (!isJson) throw new ActionError(res.status, 'not_json', null, null, null, null);
  return (await res.json()) as T;
}
