// Small HTTP helpers for the black-box tests: fetch for ordinary requests, node:http for targets
// that fetch would normalise (dot segments, odd methods), and raw TCP for malformed requests.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';

export interface JsonAnswer<T = any> {
  status: number;
  headers: Headers;
  contentType: string;
  body: T;
  text: string;
}

/** GET (or another method) with fetch; parses the body as JSON when it is JSON (and not empty). */
export async function getJson<T = any>(url: string, init?: RequestInit): Promise<JsonAnswer<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let body: any = undefined;
  if (/json/.test(contentType) && text !== '') {  // A 204 has no body to parse.
    body = JSON.parse(text);
  }
  return { status: response.status, headers: response.headers, contentType, body, text };
}

/** Builds a URL with query parameters, encoding them like a browser form would. */
export function withQuery(base: string, params: Record<string, string | number | boolean> | [string, string][]): string {
  const url = new URL(base);
  const entries = Array.isArray(params) ? params : Object.entries(params);
  for (const [key, value] of entries) {
    url.searchParams.append(key, String(value));
  }
  return url.toString();
}

/** Asserts a problem+json answer with the given status and code (and param, when given). */
export function assertProblem(answer: JsonAnswer, status: number, code: string, param?: string): void {
  const context = `${answer.status} ${answer.text}`;
  assert.equal(answer.status, status, context);
  assert.match(answer.contentType, /^application\/problem\+json/, context);
  assert.equal(answer.body.status, status, context);
  assert.equal(answer.body.code, code, context);
  assert.equal(typeof answer.body.title, 'string', context);
  assert.equal(typeof answer.body.type, 'string', context);
  assert.ok(typeof answer.body.message_vi === 'string' && answer.body.message_vi.length > 0, context);
  assert.ok(typeof answer.body.message_en === 'string' && answer.body.message_en.length > 0, context);
  if (param !== undefined) {
    assert.equal(answer.body.param, param, context);
  }
  if (answer.headers) {
    // An error is about one request: never stored by a browser or a proxy.
    assert.equal(answer.headers.get('cache-control'), 'no-store', context);
  }
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request through node:http with the target sent exactly as given (no normalisation). */
export function rawRequest(host: string, port: number, method: string, target: string,
  headers: Record<string, string> = {}, body?: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host, port, method, path: target, headers, agent: false, timeout: 15_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }));
        response.on('error', reject);
      });
    request.on('timeout', () => request.destroy(new Error(`timeout on ${method} ${target}`)));
    request.on('error', reject);
    if (body !== undefined) {
      request.write(body);
    }
    request.end();
  });
}

/** Whether `data` holds a whole HTTP response with a Content-Length body. */
function hasCompleteResponse(data: Buffer): boolean {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) {
    return false;
  }
  const length = /\r\ncontent-length: *(\d+)/i.exec(data.subarray(0, end).toString('latin1'));
  return length !== null && data.length >= end + 4 + Number(length[1]);
}

/** Writes `data` on a fresh TCP connection and returns everything read until the server closes it,
 * a whole response has arrived, `timeoutMs` passes, or the connection is reset. */
export function rawExchange(host: string, port: number, data: string | Buffer, timeoutMs = 5_000):
  Promise<{ text: string; closed: boolean; reset: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (closed: boolean, reset: boolean) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed, reset });
    };
    const timer = setTimeout(() => finish(false, false), timeoutMs);
    socket.on('connect', () => socket.write(data));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (hasCompleteResponse(Buffer.concat(chunks))) {
        finish(false, false);
      }
    });
    socket.on('end', () => finish(true, false));
    socket.on('error', () => finish(true, true));
  });
}

/** Status code of the first response line of a raw HTTP answer, or 0. */
export function rawStatus(text: string): number {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  return match ? Number(match[1]) : 0;
}
