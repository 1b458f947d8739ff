// The OpenAPI document (served at /api/v1/openapi.json, source in docs/api/openapi.json) against
// the running server: it is a valid OpenAPI 3.1 document, it documents every route, and every
// documented operation answers with a documented status and a body that fits the documented schema.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startServer, type RunningServer } from './support/server.ts';
import { OpenApiDocument, mediaType, type Operation } from './support/openapi.ts';
import { DEMO_LOGINS, FAST_HASHING, authHeaders, login, type DemoRole, type Session } from './support/auth.ts';

// The routes of the HTTP contract (docs/architecture.md §6) that exist today.
const CONTRACT_ROUTES = [
  'GET /healthz',
  'GET /metrics',
  'GET /api/v1/openapi.json',
  'GET /api/v1/agencies',
  'GET /api/v1/agencies/{code}',
  'PUT /api/v1/agencies/{code}',
  'GET /api/v1/fields',
  'GET /api/v1/procedures',
  'GET /api/v1/procedures/{code}',
  'PUT /api/v1/procedures/{code}',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/me',
  'POST /api/v1/me/password',
  'GET /api/v1/accounts',
  'POST /api/v1/accounts',
  'GET /api/v1/accounts/{id}',
  'POST /api/v1/accounts/{id}/disable',
  'POST /api/v1/accounts/{id}/enable',
  'POST /api/v1/accounts/{id}/password',
  'POST /api/v1/accounts/{id}/roles',
  'DELETE /api/v1/accounts/{id}/roles',
  'GET /api/v1/audit',
  'POST /api/v1/dossiers',
  'GET /api/v1/dossiers',
  'GET /api/v1/dossiers/{code}',
  'POST /api/v1/dossiers/{code}/actions',
  'GET /api/v1/dossiers/{code}/events',
  'GET /api/v1/dossiers/{code}/forms/{form}',
  'POST /api/v1/dossiers/{code}/files',
  'POST /api/v1/dossiers/{code}/e-result',
  'GET /api/v1/files/{sha256}',
  'POST /api/v1/import/agencies',
  'POST /api/v1/import/dossiers',
  'POST /api/v1/import/procedures',
  'GET /api/v1/calendar/{year}',
  'GET /api/v1/calendar/due',
  'GET /api/v1/indicators/766',
  'GET /api/v1/indicators/plan',
  'GET /api/v1/indicators/766/ranking',
  'GET /api/v1/indicators/766/trend',
  'GET /api/v1/indicators/766/dossiers',
  'GET /api/v1/reports/monthly',
  'GET /api/v1/reports/public',
];

// Who calls the operations that need a session (those documenting `security`): a demo account
// allowed to. `fresh`: a session of its own (the call ends it, or ends the others). `query`: added
// to every request of the operation (DELETE …/roles needs the role's agency for an officer).
// `status`: the 2xx expected when it is not the first documented one.
const CALLERS: Record<string, { as: DemoRole; fresh?: boolean; query?: Record<string, string>; status?: number }> = {
  'POST /api/v1/auth/logout': { as: 'head', fresh: true },
  'GET /api/v1/me': { as: 'province_admin' },
  'POST /api/v1/me/password': { as: 'citizen', fresh: true },
  'GET /api/v1/accounts': { as: 'province_admin' },
  'POST /api/v1/accounts': { as: 'province_admin' },
  'GET /api/v1/accounts/{id}': { as: 'province_admin' },
  'POST /api/v1/accounts/{id}/disable': { as: 'province_admin' },
  'POST /api/v1/accounts/{id}/enable': { as: 'province_admin' },
  'POST /api/v1/accounts/{id}/password': { as: 'province_admin' },
  'POST /api/v1/accounts/{id}/roles': { as: 'province_admin' },
  'DELETE /api/v1/accounts/{id}/roles': { as: 'province_admin', query: { agency: 'H32.22333' } },
  'GET /api/v1/audit': { as: 'auditor' },
  // The dossier examples name DOSSIER_EXAMPLE_CODE, replaced by a dossier the organisation submits
  // and the clerk accepts in before() (codes hold the day). The organisation: the calls above
  // change the citizen's and the clerk's passwords.
  'POST /api/v1/dossiers': { as: 'organisation', status: 201 },
  'GET /api/v1/dossiers': { as: 'organisation' },
  'GET /api/v1/dossiers/{code}': { as: 'organisation' },
  'POST /api/v1/dossiers/{code}/actions': { as: 'organisation' },
  'GET /api/v1/dossiers/{code}/events': { as: 'organisation' },
  // The example dossier is received, not awaiting payment: the documented 409 no_payment_order;
  // payments_vnpay.test.ts pays for real.
  'GET /api/v1/dossiers/{code}/payments': { as: 'organisation' },
  'POST /api/v1/dossiers/{code}/payments': { as: 'organisation', status: 409 },
  'GET /api/v1/payments/daybook': { as: 'auditor' },
  // No payment is recorded here: the example payment is the documented 404 (payments_desk.test.ts
  // refunds and reads receipts for real). VNPay is configured at an address nobody answers: the
  // reconciliation's documented 503 (payments_reconciliation.test.ts reads the simulator's report).
  'GET /api/v1/payments/{id}/receipts': { as: 'organisation', status: 404 },
  'POST /api/v1/payments/{id}/refunds': { as: 'cashier', status: 404 },
  'POST /api/v1/payments/daybook/closings': { as: 'cashier' },
  // No result is issued here: the example id is the documented 404, and the generic test sends no
  // PDF, so the file check is the documented 415 (e_results.test.ts issues, checks and revokes).
  // `as` only matters for the revocation: the two verification operations are public.
  'GET /api/v1/results/{id}/verification': { as: 'citizen', status: 404 },
  'POST /api/v1/results/{id}/verification': { as: 'citizen', status: 415 },
  'POST /api/v1/results/{id}/revocation': { as: 'head', status: 404 },
  'GET /api/v1/dossiers/{code}/results': { as: 'organisation' },
  // The organisation holds no stored document here: its store is empty, the example document is
  // the documented 404 and the example dossier has nothing to reuse (data_store.test.ts deposits
  // and reuses for real).
  'GET /api/v1/me/documents': { as: 'organisation' },
  'GET /api/v1/documents/{id}': { as: 'organisation', status: 404 },
  'GET /api/v1/documents/{id}/files/{sha256}': { as: 'organisation', status: 404 },
  'GET /api/v1/dossiers/{code}/reusable-documents': { as: 'organisation' },
  'GET /api/v1/payments/reconciliation': { as: 'auditor', status: 503 },
  // The example form (control_slip) applies to the example dossier once it is accepted.
  'GET /api/v1/dossiers/{code}/forms/{form}': { as: 'organisation' },
  // A multipart route: this generic test sends no body (it only builds JSON bodies), so the upload
  // answers its documented 415 multipart_required; dossier_files.test.ts uploads for real.
  'POST /api/v1/dossiers/{code}/files': { as: 'organisation', status: 415 },
  'POST /api/v1/dossiers/{code}/e-result': { as: 'organisation', status: 415 },
  // The example sha256 is no file of the example dossier's query value (the query example is not
  // replaced by PATH_VALUES): the documented 404; dossier_files.test.ts downloads for real.
  'GET /api/v1/files/{sha256}': { as: 'organisation', status: 404 },
  // The example bodies are the records as GET returns them: written back unchanged (200).
  'PUT /api/v1/agencies/{code}': { as: 'province_admin' },
  'PUT /api/v1/procedures/{code}': { as: 'province_admin' },
  'POST /api/v1/import/agencies': { as: 'province_admin' },
  'POST /api/v1/import/procedures': { as: 'province_admin' },
  'POST /api/v1/import/dossiers': { as: 'province_admin' },
  'PUT /api/v1/calendar/overrides/{date}': { as: 'province_admin' },
  'GET /api/v1/indicators/766/dossiers': { as: 'auditor' },
  'GET /api/v1/reports/monthly': { as: 'auditor' },
  'DELETE /api/v1/calendar/overrides/{date}': { as: 'province_admin' },
  // This server queues nothing for national systems (dvcqg_mode off): the example message is no
  // message here, the documented 404; outbox.test.ts lists, retries and skips real ones.
  'GET /api/v1/outbox': { as: 'province_admin' },
  'GET /api/v1/outbox/{id}': { as: 'province_admin', status: 404 },
  'POST /api/v1/outbox/{id}/retry': { as: 'province_admin', status: 404 },
  'POST /api/v1/outbox/{id}/skip': { as: 'province_admin', status: 404 },
  'GET /api/v1/sync/reconciliation': { as: 'auditor' },
  'GET /api/v1/sync/reconciliation/gaps': { as: 'auditor' },
  // No portal here either: the review queue is empty (the example item is the documented 404) and
  // the pulls answer the documented 409; portal_intake.test.ts pulls from the simulator.
  'GET /api/v1/sync/portal/review': { as: 'province_admin' },
  'POST /api/v1/sync/portal/review/{id}/accept': { as: 'province_admin', status: 404 },
  'POST /api/v1/sync/portal/review/{id}/dismiss': { as: 'province_admin', status: 404 },
  'POST /api/v1/sync/portal/pull-dossiers': { as: 'province_admin', status: 409 },
  'POST /api/v1/sync/portal/pull-catalogue': { as: 'province_admin', status: 409 },
};

const DOC_ON_DISK = new URL('../../docs/api/openapi.json', import.meta.url);
const DOSSIER_EXAMPLE_CODE = 'H32.22333.01-260105-0001';
/** Path examples that stand for records made in before(): the example → the real value. */
const PATH_VALUES = new Map<string, string>();

let server: RunningServer;
let served: any;
let document: OpenApiDocument;
const sessions = new Map<DemoRole, Session>();

before(async () => {
  // VNPay offered (its checks only queued; a pay URL calls no one): the callback examples reach it.
  server = await startServer({
    env: {
      ...FAST_HASHING, MOTCUA_VNPAY_MODE: 'queue', MOTCUA_VNPAY_URL: 'http://127.0.0.1:9',
      MOTCUA_VNPAY_TMN_CODE: 'OA000001', MOTCUA_VNPAY_SECRET: 'openapi-vnpay-secret',
    },
    demoEnv: FAST_HASHING,
  });
  const response = await fetch(`${server.url}/api/v1/openapi.json`);
  assert.equal(response.status, 200);
  assert.equal(mediaType(response.headers.get('content-type')), 'application/json');
  served = await response.json();
  // The checks below read docs/api/openapi.json, the source (the served copy is embedded at build
  // time; the second test tells when the binary is older than the file).
  document = new OpenApiDocument(JSON.parse(readFileSync(DOC_ON_DISK, 'utf8')));
  const organisation = await login(server, DEMO_LOGINS.organisation);
  sessions.set('organisation', organisation);
  const submitted = await fetch(`${server.url}/api/v1/dossiers`, {
    method: 'POST',
    headers: { ...authHeaders(organisation), 'content-type': 'application/json' },
    body: JSON.stringify({ procedure: '1.001809.000.00.00.H32', agency: 'H32.22333.01' }),
  });
  assert.equal(submitted.status, 201, await submitted.clone().text());
  const code: string = (await submitted.json()).code;
  PATH_VALUES.set(DOSSIER_EXAMPLE_CODE, code);
  // Accepted by the clerk (status 2, received): the forms example (control_slip) applies to it.
  const clerk = await login(server, DEMO_LOGINS.clerk);
  const accepted = await fetch(`${server.url}/api/v1/dossiers/${encodeURIComponent(code)}/actions`, {
    method: 'POST',
    headers: { ...authHeaders(clerk), 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'accept' }),
  });
  assert.equal(accepted.status, 200, await accepted.clone().text());
});

after(async () => {
  await server?.close();
});

/** Whether the generic requests can carry the operation's body: none, or a JSON example (a
 * multipart upload cannot be built from the document). */
function sendsItsBody(op: Operation): boolean {
  const content = document.resolve(op.operation.requestBody ?? {}).content;
  return content === undefined || content['application/json'] !== undefined;
}

/** Whether an API operation takes query parameters (and so must refuse unknown ones). */
function takesQueryParameters(op: Operation): boolean {
  return op.path.startsWith('/api/') && (op.method === 'GET' || op.parameters.some((p) => p.in === 'query'));
}

async function validateOpenApi(doc: unknown): Promise<void> {
  const result = await new Validator().validate(doc as Parameters<Validator["validate"]>[0]);
  assert.equal(result.valid, true, `not a valid OpenAPI document:\n${JSON.stringify(result.errors, null, 2)}`);
}

function exampleOf(parameter: any): unknown {
  if (parameter.example !== undefined) {
    return parameter.example;
  }
  const first = Object.values<any>(parameter.examples ?? {})[0];
  return first?.value;
}

// The requests made for one operation: the bare call (with the required query parameters), then
// each optional query parameter added alone with its example value. Path parameters always take
// their example (a real code or id of the demo data).
function requestsFor(op: Operation): { label: string; path: string }[] {
  let path = op.path;
  for (const parameter of op.parameters.filter((p) => p.in === 'path')) {
    const example = exampleOf(parameter);
    assert.notEqual(example, undefined, `${op.method} ${op.path}: path parameter ${parameter.name} has no example`);
    const value = PATH_VALUES.get(String(example)) ?? String(example);
    path = path.replace(`{${parameter.name}}`, encodeURIComponent(value));
  }
  const base = new URLSearchParams(CALLERS[`${op.method} ${op.path}`]?.query ?? {});
  const queryParameters = op.parameters.filter((p) => p.in === 'query');
  for (const parameter of queryParameters) {
    const example = exampleOf(parameter);
    assert.notEqual(example, undefined, `${op.method} ${op.path}: query parameter ${parameter.name} has no example`);
    if (parameter.required) {
      base.set(parameter.name, String(example));
    }
  }
  const withQuery = (query: URLSearchParams) => (query.size > 0 ? `${path}?${query}` : path);
  const requests = [{ label: 'no query', path: withQuery(base) }];
  for (const parameter of queryParameters.filter((p) => !p.required && !base.has(p.name))) {
    const example = exampleOf(parameter);
    const query = new URLSearchParams(base);
    query.set(parameter.name, String(example));
    requests.push({ label: `${parameter.name}=${example}`, path: withQuery(query) });
  }
  return requests;
}

/** The headers and body of a call to `op`: a session when it documents `security`, and the
 * first example of its request body. */
/** The path parameter that an operation documents a 400 for (its 400 answer has an example naming
 * it): a malformed value there (a year, a date) is a bad request rather than an unknown record. */
function validatedPathParameter(op: Operation): any | undefined {
  const answer = document.resolve(op.operation.responses['400'] ?? {});
  const examples = Object.values<any>(answer.content?.['application/problem+json']?.examples ?? {});
  const named = new Set(examples.map((example) => document.resolve(example).value?.param));
  return op.parameters.find((p) => p.in === 'path' && named.has(p.name));
}

async function requestInit(op: Operation): Promise<RequestInit> {
  const name = `${op.method} ${op.path}`;
  const headers: Record<string, string> = {};
  if ((op.operation.security ?? []).length > 0) {
    const caller = CALLERS[name];
    assert.ok(caller, `${name} documents security but openapi.test.ts names no caller for it`);
    let session = caller.fresh ? undefined : sessions.get(caller.as);
    if (!session) {
      session = await login(server, DEMO_LOGINS[caller.as]);
      if (!caller.fresh) {
        sessions.set(caller.as, session);
      }
    }
    Object.assign(headers, authHeaders(session));
  }
  let body: string | undefined;
  const content = document.resolve(op.operation.requestBody ?? {}).content?.['application/json'];
  if (content) {
    const example = Object.values<any>(content.examples ?? {})[0];
    assert.ok(example, `${name}: the request body has no example`);
    body = JSON.stringify(document.resolve(example).value);
    headers['content-type'] = 'application/json';
  }
  return { method: op.method, headers, body };
}

/** The status an operation answers when it succeeds: its first documented 2xx. */
function successStatus(op: Operation): number {
  const caller = CALLERS[`${op.method} ${op.path}`];
  if (caller?.status !== undefined) {
    return caller.status;
  }
  const status = Object.keys(op.operation.responses).find((code) => /^2\d\d$/.test(code));
  assert.ok(status, `${op.method} ${op.path} documents no 2xx answer`);
  return Number(status);
}

async function checkAnswer(op: Operation, path: string, expectStatus?: number, init?: RequestInit): Promise<number> {
  const response = await fetch(`${server.url}${path}`, init ?? await requestInit(op));
  const text = await response.text();
  const where = `${op.method} ${path} → ${response.status}`;
  if (expectStatus !== undefined) {
    assert.equal(response.status, expectStatus, `${where}: ${text.slice(0, 500)}`);
  }
  const documented = document.responseFor(op.operation, response.status);
  assert.ok(documented, `${where}: status ${response.status} is not documented`);
  if (response.status === 204) {
    assert.equal(text, '', `${where}: a 204 with a body`);
    assert.equal(documented.content, undefined, `${where}: a 204 documented with content`);
    return response.status;
  }
  const type = mediaType(response.headers.get('content-type'));
  const content = documented.content?.[type];
  assert.ok(content, `${where}: content type ${type} is not documented (documented: ${Object.keys(documented.content ?? {})})`);
  assert.ok(content.schema, `${where}: no schema for ${type}`);
  const value = type.endsWith('json') ? JSON.parse(text) : text;
  const errors = document.check(content.schema, value);
  assert.equal(errors, '', `${where}: the body does not fit the documented schema:\n${errors}\n${text.slice(0, 1000)}`);
  return response.status;
}

describe('the OpenAPI document', () => {
  test('the served document is a valid OpenAPI 3.1 document', async () => {
    assert.match(served.openapi, /^3\.1\.\d+$/);
    await validateOpenApi(served);
    assert.ok(served.info.description.length > 0, 'info.description is empty');
    assert.deepEqual(served.servers, [{ url: '/', description: served.servers?.[0]?.description }]);
  });

  test('docs/api/openapi.json is valid and has the paths of the served one (rebuild the binary if not)', async () => {
    const onDisk = JSON.parse(readFileSync(DOC_ON_DISK, 'utf8'));
    await validateOpenApi(onDisk);
    assert.deepEqual(new OpenApiDocument(onDisk).routeNames(), document.routeNames(),
      'the served document is not the one in docs/api: the binary is older than the file');
    assert.deepEqual(Object.keys(onDisk.components.schemas).sort(), Object.keys(served.components.schemas).sort());
  });

  test('documents every route of the HTTP contract', () => {
    const documented = new Set(document.routeNames());
    const missing = CONTRACT_ROUTES.filter((route) => !documented.has(route));
    assert.deepEqual(missing, [], `undocumented routes: ${missing.join(', ')}`);
  });

  test('documents every route the server has (as listed by /metrics)', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const routes = new Set<string>();
    for (const match of text.matchAll(/_bucket\{route="([^"]+)"/g)) {
      routes.add(match[1]!);
    }
    routes.delete('static');
    routes.delete('unmatched');
    assert.ok(routes.size >= CONTRACT_ROUTES.length, `too few routes in /metrics: ${[...routes]}`);
    const documented = new Set(document.routeNames());
    const missing = [...routes].filter((route) => !documented.has(route));
    assert.deepEqual(missing, [], `routes of the server that the document lacks: ${missing.join(', ')}`);
  });

  test('every schema allows or forbids extra properties deliberately', () => {
    for (const [name, schema] of Object.entries<any>(served.components.schemas)) {
      if (schema.type === 'object') {
        assert.ok('additionalProperties' in schema || 'unevaluatedProperties' in schema,
          `components.schemas.${name} does not set additionalProperties`);
      }
    }
  });

  test('every example in the document fits its schema', () => {
    let checked = 0;
    for (const op of document.operations()) {
      for (const parameter of op.parameters) {
        const example = exampleOf(parameter);
        if (example !== undefined) {
          assert.equal(document.check(parameter.schema, example), '', `${op.method} ${op.path} parameter ${parameter.name}`);
          checked += 1;
        }
      }
      for (const [status, response] of Object.entries<any>(op.operation.responses)) {
        for (const [type, content] of Object.entries<any>(document.resolve(response).content ?? {})) {
          for (const [name, example] of Object.entries<any>(content.examples ?? {})) {
            const errors = document.check(content.schema, document.resolve(example).value);
            assert.equal(errors, '', `${op.method} ${op.path} ${status} ${type} example ${name}:\n${errors}`);
            checked += 1;
          }
        }
      }
    }
    assert.ok(checked >= 20, `only ${checked} examples checked`);
  });

  test('every documented operation answers its examples with a documented status and schema', async () => {
    const operations = document.operations();
    assert.ok(operations.length >= CONTRACT_ROUTES.length);
    const failures: string[] = [];
    let checked = 0;
    for (const op of operations) {
      for (const { path } of requestsFor(op)) {
        checked += 1;
        await checkAnswer(op, path, successStatus(op)).catch((error: Error) => failures.push(error.message));
      }
    }
    assert.ok(checked >= 15, `only ${checked} requests made`);
    assert.deepEqual(failures, []);
  });

  test('an unknown parameter of an API operation is a documented 400 invalid_parameter', async () => {
    const failures: string[] = [];
    for (const op of document.operations().filter(takesQueryParameters)) {
      const first = requestsFor(op)[0]!.path;
      const path = `${first}${first.includes('?') ? '&' : '?'}no_such_parameter=1`;
      try {
        await checkAnswer(op, path, 400);
        const body = await (await fetch(`${server.url}${path}`, await requestInit(op))).json();
        assert.equal(body.code, 'invalid_parameter', path);
        assert.equal(body.param, 'no_such_parameter', path);
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('the operations with a body but no query parameters also refuse an unknown parameter', async () => {
    const accepted: string[] = [];
    for (const op of document.operations().filter((o) => o.path.startsWith('/api/') && !takesQueryParameters(o))) {
      // With an empty object for a body: nothing can change, and a handler that checked its query
      // first (as the GET handlers do) would answer 400 invalid_parameter no_such_parameter. The
      // operations that need a session answer the anonymous 401 before anything else, so those
      // are sent signed in.
      const hasBody = op.operation.requestBody !== undefined;
      // (The organisation's session: the examples run before change the other demo passwords.)
      const needsSession = (op.operation.security ?? []).length > 0;
      const signedIn = needsSession ? authHeaders(await login(server, DEMO_LOGINS.organisation)) : {};
      const response = await fetch(`${server.url}${requestsFor(op)[0]!.path}?no_such_parameter=1`, {
        method: op.method,
        headers: { ...signedIn, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
        body: hasBody ? '{}' : undefined,
      });
      const body = await response.json().catch(() => ({}));
      if (response.status !== 400 || body.param !== 'no_such_parameter') {
        accepted.push(`${op.method} ${op.path} → ${response.status}`);
      }
    }
    assert.deepEqual(accepted, []);
  });

  test('an unknown code in a path is a documented 404', async () => {
    const failures: string[] = [];
    // Without its body a multipart upload is a 400 before any lookup; dossier_files.test.ts checks
    // the 404 of an upload to an unknown dossier.
    for (const op of document.operations().filter(
      (o) => o.parameters.some((p) => p.in === 'path') && !validatedPathParameter(o) && sendsItsBody(o))) {
      // The required query parameters with their examples (GET /api/v1/files/{sha256} needs ?dossier=).
      const required = new URLSearchParams();
      for (const parameter of op.parameters.filter((p) => p.in === 'query' && p.required)) {
        required.set(parameter.name, String(exampleOf(parameter)));
      }
      const bare = op.path.replace(/\{[^}]+\}/g, 'khong-ton-tai');
      const unknown = required.size > 0 ? `${bare}?${required}` : bare;
      await checkAnswer(op, unknown, 404).catch((error: Error) => failures.push(error.message));
    }
    assert.deepEqual(failures, []);
  });

  test('a malformed year or date in a path is a documented 400 naming it', async () => {
    const failures: string[] = [];
    const operations = document.operations().filter((o) => validatedPathParameter(o));
    assert.ok(operations.length >= 3, `only ${operations.length} operations validate a path parameter`);
    for (const op of operations) {
      const parameter = validatedPathParameter(op);
      const malformed = op.path.replace(/\{[^}]+\}/g, 'khong-ton-tai');
      try {
        await checkAnswer(op, malformed, 400);
        const body = await (await fetch(`${server.url}${malformed}`, await requestInit(op))).json();
        assert.equal(body.param, parameter.name, `${op.method} ${malformed}`);
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('a wrong method is answered with a documented 405', async () => {
    for (const op of document.operations()) {
      const path = requestsFor(op)[0]!.path;
      const item = served.paths[op.path];
      const method = ['DELETE', 'PUT', 'PATCH'].find((m) => item[m.toLowerCase()] === undefined)!;
      const response = await fetch(`${server.url}${path}`, { method });
      const text = await response.text();
      assert.equal(response.status, 405, `${method} ${path}: ${text}`);
      const documented = document.responseFor(op.operation, 405);
      assert.ok(documented, `${op.method} ${op.path} does not document 405`);
      const content = documented.content[mediaType(response.headers.get('content-type'))];
      assert.ok(content, `${method} ${path}: undocumented content type`);
      assert.equal(document.check(content.schema, JSON.parse(text)), '');
    }
  });

  test('every operation that needs a session documents 401, and Bearer or cookie (+ CSRF on writes) security', () => {
    for (const op of document.operations()) {
      const security = op.operation.security;
      if (!security || security.length === 0) {
        continue;
      }
      assert.ok(document.responseFor(op.operation, 401)?.content?.['application/problem+json'], `${op.method} ${op.path} lacks 401`);
      // `{}` first: the session is optional (GET /api/v1/dossiers/{code}: the public lookup).
      const optional = Object.keys(security[0]).length === 0;
      const schemes = security.slice(optional ? 1 : 0).map((requirement: any) => Object.keys(requirement).sort().join('+'));
      const expected = op.method === 'GET' ? ['bearerAuth', 'sessionCookie'] : ['bearerAuth', 'csrfHeader+sessionCookie'];
      assert.deepEqual(schemes, expected, `${op.method} ${op.path}`);
      for (const name of Object.keys(Object.assign({}, ...security))) {
        assert.ok(served.components.securitySchemes[name], `unknown security scheme ${name}`);
      }
    }
  });

  test('an operation that needs a session answers the anonymous 401 before it validates anything', async () => {
    // Malformed bodies, unknown parameters, unknown codes: a 400 or 404 would tell the anonymous
    // caller the route's rules. GET /api/v1/dossiers/{code} is also the public lookup.
    const answered: string[] = [];
    for (const op of document.operations().filter((o) => (o.operation.security ?? []).length > 0 &&
      !(o.method === 'GET' && o.path === '/api/v1/dossiers/{code}'))) {
      const path = op.path.replace(/\{[^}]+\}/g, 'khong-ton-tai');
      for (const [query, body] of [['?no_such_parameter=1', '{"x":'], ['', '{"action":"accept","action":"refuse"}'], ['', 'not json']]) {
        const write = op.method !== 'GET' && op.method !== 'DELETE';
        const response = await fetch(`${server.url}${path}${query}`, {
          method: op.method,
          headers: write ? { 'content-type': 'application/json' } : {},
          body: write ? body : undefined,
        });
        const problem = await response.json().catch(() => ({}));
        if (response.status !== 401 || problem.code !== 'authentication_required') {
          answered.push(`${op.method} ${op.path}${query} → ${response.status} ${problem.code}`);
        }
      }
    }
    assert.deepEqual(answered, []);
  });

  test('the 429 answer documents Retry-After', () => {
    const login = document.operations().find((op) => op.path === '/api/v1/auth/login')!;
    const response = document.responseFor(login.operation, 429);
    assert.ok(response?.headers?.['Retry-After'], 'POST /api/v1/auth/login 429 lacks Retry-After');
  });

  test('every operation documents the problem+json answers 400, 405, 413, 431 and 503', () => {
    for (const op of document.operations()) {
      for (const status of [400, 405, 413, 431, 503]) {
        const response = document.responseFor(op.operation, status);
        assert.ok(response?.content?.['application/problem+json'], `${op.method} ${op.path} lacks ${status}`);
      }
    }
  });
});
