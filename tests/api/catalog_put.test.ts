// PUT /api/v1/agencies/{code} and PUT /api/v1/procedures/{code}: the record as GET returns it,
// written back (201 created, 200 replaced); the derived fields of the GET are ignored, unknown
// ones kept under extra; the same rules, permission and audit as the imports.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { assertProblem } from './support/http.ts';
import { DEMO_LOGINS, FAST_HASHING, call, login, readAudit, type Session } from './support/auth.ts';

const JUSTICE = 'H32.02';
const BIRTH = '1.001193.000.00.00.H32';

let server: RunningServer;
let admin: Session;
let auditor: Session;

before(async () => {
  server = await startServer({ env: FAST_HASHING, demoEnv: FAST_HASHING });
  admin = await login(server, DEMO_LOGINS.province_admin);
  auditor = await login(server, DEMO_LOGINS.auditor);
});
after(async () => {
  await server?.close();
});

const agencyPath = (code: string) => `/api/v1/agencies/${encodeURIComponent(code)}`;
const procedurePath = (code: string) => `/api/v1/procedures/${encodeURIComponent(code)}`;

async function get(path: string): Promise<any> {
  const answer = await call(server, path);
  assert.equal(answer.status, 200, `${path}: ${answer.text}`);
  return answer.body;
}

/** As `session` (the province admin by default; null: anonymous). */
function put(path: string, body: unknown, session: Session | null = admin, headers: Record<string, string> = {}) {
  return call(server, path, { method: 'PUT', session: session ?? undefined, body, headers });
}

describe('PUT /api/v1/agencies/{code}', () => {
  const CODE = 'H32.02.77';

  test('creates (201), replaces (200), re-PUT unchanged (200); GET returns what was PUT', async () => {
    const record = {
      code: CODE, legacy_code: null, name_vi: 'Phòng thử nghiệm', name_en: 'Trial office', kind: 'department',
      parent: JUSTICE, admin_unit_code: null, valid_from: '2026-01-01', valid_to: null, history: [],
      phone: '0258 3822 000',
    };
    const created = await put(agencyPath(CODE), record);
    assert.equal(created.status, 201, created.text);
    assert.match(created.contentType, /^application\/json/);
    assert.equal(created.body.name_vi, 'Phòng thử nghiệm');
    assert.deepEqual(created.body.path.map((p: any) => p.code), ['H32', JUSTICE]);
    assert.deepEqual(created.body, await get(agencyPath(CODE)));
    assert.ok((await get(agencyPath(JUSTICE))).children.some((c: any) => c.code === CODE));

    // Read, change, write back: the whole GET shape, derived children and path included.
    const current = await get(agencyPath(CODE));
    current.name_en = 'Trial office (renamed)';
    delete current.phone;
    const replaced = await put(agencyPath(CODE), current);
    assert.equal(replaced.status, 200, replaced.text);
    assert.equal(replaced.body.name_en, 'Trial office (renamed)');
    assert.equal('phone' in replaced.body, false, 'a field left out is cleared');
    assert.equal('extra' in replaced.body, false, 'children and path are not kept under extra');
    assert.deepEqual(await get(agencyPath(CODE)), replaced.body);

    const again = await put(agencyPath(CODE), replaced.body);
    assert.equal(again.status, 200, again.text);
    assert.deepEqual(again.body, replaced.body);
  });

  test('a body without a code takes the path\'s; unknown fields are kept under extra', async () => {
    const current = await get(agencyPath(CODE));
    delete current.code;
    current.website = 'https://example.vn';
    const answer = await put(agencyPath(CODE), current);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.code, CODE);
    assert.deepEqual(answer.body.extra, { website: 'https://example.vn' });
    // Written back as GET renders it (extra included), nothing more is added.
    const back = await put(agencyPath(CODE), answer.body);
    assert.deepEqual(back.body.extra, { website: 'https://example.vn' });
  });

  test('a code that is not the path\'s is a 400 code_mismatch naming "code"', async () => {
    const justice = await get(agencyPath(JUSTICE));
    assertProblem(await put(agencyPath(CODE), justice), 400, 'code_mismatch', 'code');
    assertProblem(await put(agencyPath(CODE), { ...justice, code: 7 }), 400, 'code_mismatch', 'code');
    assert.equal((await get(agencyPath(JUSTICE))).name_vi, justice.name_vi);
  });

  test('a broken rule is a 400 invalid_import whose param names the field; nothing is stored', async () => {
    const current = await get(agencyPath(CODE));
    assertProblem(await put(agencyPath(CODE), { ...current, kind: 'province' }), 400, 'invalid_import', 'parent');
    assertProblem(await put(agencyPath(CODE), { ...current, valid_from: '2026-02-30' }), 400, 'invalid_import', 'valid_from');
    assertProblem(await put(agencyPath(CODE), { ...current, parent: 'H32.999' }), 400, 'invalid_import', 'parent');
    assertProblem(await put(agencyPath(CODE), { ...current, history: [{ date: 'x', event: 'e', from: [] }] }), 400, 'invalid_import', 'history.date');
    // Its own legacy code belongs to another agency.
    assertProblem(await put(agencyPath(CODE), { ...current, legacy_code: '000.00.02.H32' }), 400, 'invalid_import', 'legacy_code');
    // Moving the ministry of justice under its own child would make a cycle.
    const justice = await get(agencyPath(JUSTICE));
    assertProblem(await put(agencyPath(JUSTICE), { ...justice, parent: CODE }), 400, 'invalid_import', 'parent');
    assert.deepEqual(await get(agencyPath(CODE)), current);
    assert.equal((await get(agencyPath(JUSTICE))).parent, 'H32');
  });

  test('not JSON: 415 unsupported_media_type, 400 invalid_json or duplicate_key', async () => {
    const current = await get(agencyPath(CODE));
    assertProblem(await put(agencyPath(CODE), JSON.stringify(current), admin, { 'content-type': 'text/plain' }), 415,
      'unsupported_media_type', 'content-type');
    assertProblem(await put(agencyPath(CODE), '{"code": ', admin), 400, 'invalid_json');
    assertProblem(await put(agencyPath(CODE), '[]', admin), 400, 'invalid_json');
    // Two names for one field: refused rather than the last one silently kept.
    const twice = JSON.stringify(current).replace(/^\{/, '{"name_vi":"Tên khác",');
    assertProblem(await put(agencyPath(CODE), twice, admin), 400, 'duplicate_key', 'name_vi');
    assert.deepEqual(await get(agencyPath(CODE)), current);
  });

  test('anonymous: 401; a signed-in officer without manage_agencies: 403; nothing is stored', async () => {
    const current = await get(agencyPath(CODE));
    const changed = { ...current, name_vi: 'Không được đổi' };
    assertProblem(await put(agencyPath(CODE), changed, null), 401, 'authentication_required');
    for (const role of ['agency_admin', 'clerk', 'auditor'] as const) {
      const session = await login(server, DEMO_LOGINS[role]);
      assertProblem(await put(agencyPath(CODE), changed, session), 403, 'forbidden');
    }
    assert.equal((await get(agencyPath(CODE))).name_vi, current.name_vi);
  });

  test('each PUT is audited as catalog.put_agency with the code as target', async () => {
    const records = await readAudit(server, auditor, `action=catalog.put_agency&target_id=${CODE}`);
    const ok = records.filter((r: any) => r.outcome === 'ok');
    assert.ok(ok.length >= 4, `${ok.length} ok records`);
    assert.ok(ok.every((r: any) => r.actor_login === DEMO_LOGINS.province_admin && r.target_kind === 'agency'));
    assert.ok(ok.some((r: any) => JSON.stringify(r.detail ?? '').includes('inserted')), JSON.stringify(ok[0]));
    assert.ok(records.some((r: any) => r.outcome === 'denied'), 'the refused calls are audited too');
  });
});

describe('PUT /api/v1/procedures/{code}', () => {
  const CODE = '1.001193.000.00.00.H32.TEST';

  test('creates (201) from a GET shape, replaces (200), re-PUT unchanged (200)', async () => {
    const birth = await get(procedurePath(BIRTH));
    const created = await put(procedurePath(CODE), { ...birth, code: CODE, name_vi: 'Đăng ký khai sinh (thử)' });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.code, CODE);
    assert.equal(created.body.field_name_vi, birth.field_name_vi);
    assert.equal('extra' in created.body, false, 'derived names and totals are not kept under extra');
    assert.deepEqual(await get(procedurePath(CODE)), created.body);

    const current = await get(procedurePath(CODE));
    current.steps[0].share_percent += 5;
    current.steps[1].share_percent -= 5;
    current.fee_total_vnd = 999_999;  // Derived: ignored.
    current.field_name_vi = 'Không phải tên lĩnh vực';
    const replaced = await put(procedurePath(CODE), current);
    assert.equal(replaced.status, 200, replaced.text);
    assert.equal(replaced.body.steps[0].share_percent, birth.steps[0].share_percent + 5);
    assert.equal(replaced.body.fee_total_vnd, birth.fee_total_vnd);
    assert.equal(replaced.body.field_name_vi, birth.field_name_vi);
    assert.equal('extra' in replaced.body, false);
    assert.deepEqual(await get(procedurePath(CODE)), replaced.body);

    const again = await put(procedurePath(CODE), replaced.body);
    assert.equal(again.status, 200, again.text);
    assert.deepEqual(again.body, replaced.body);
    // The catalogue search sees it at once.
    const page = await get(`/api/v1/procedures?q=${encodeURIComponent('khai sinh (thử)')}`);
    assert.ok(page.items.some((p: any) => p.code === CODE));
  });

  test('errors: code mismatch, broken rules naming the field, not JSON', async () => {
    const current = await get(procedurePath(CODE));
    assertProblem(await put(procedurePath(BIRTH), current), 400, 'code_mismatch', 'code');
    const shares = structuredClone(current);
    shares.steps[0].share_percent += 10;
    assertProblem(await put(procedurePath(CODE), shares), 400, 'invalid_import', 'steps.share_percent');
    const agency = structuredClone(current);
    agency.steps[1].agency = 'H32.999';
    assertProblem(await put(procedurePath(CODE), agency), 400, 'invalid_import', 'steps.agency');
    assertProblem(await put(procedurePath(CODE), { ...current, field: 'khong_co' }), 400, 'invalid_import', 'field');
    assertProblem(await put(procedurePath(CODE), { ...current, national_code: '1.2' }), 400, 'invalid_import', 'national_code');
    const time = { ...current, processing_time: { ...current.processing_time, cutoff: '25:00' } };
    assertProblem(await put(procedurePath(CODE), time), 400, 'invalid_import', 'processing_time.cutoff');
    const role = structuredClone(current);
    role.steps[2].role = 'boss';
    assertProblem(await put(procedurePath(CODE), role), 400, 'invalid_import', 'steps[2].role');
    assertProblem(await put(procedurePath(CODE), JSON.stringify(current), admin, { 'content-type': 'text/plain' }), 415,
      'unsupported_media_type', 'content-type');
    assertProblem(await put(procedurePath(CODE), 'nope', admin), 400, 'invalid_json');
    assert.deepEqual(await get(procedurePath(CODE)), current);
  });

  test('anonymous: 401; without import_catalog: 403; audited as catalog.put_procedure', async () => {
    const current = await get(procedurePath(CODE));
    assertProblem(await put(procedurePath(CODE), current, null), 401, 'authentication_required');
    const head = await login(server, DEMO_LOGINS.head);
    assertProblem(await put(procedurePath(CODE), current, head), 403, 'forbidden');
    const records = await readAudit(server, auditor, `action=catalog.put_procedure&target_id=${CODE}`);
    assert.ok(records.filter((r: any) => r.outcome === 'ok').length >= 3);
    assert.ok(records.every((r: any) => r.target_kind === 'procedure'));
    assert.ok(records.some((r: any) => r.outcome === 'denied' && r.actor_login === DEMO_LOGINS.head));
  });
});
