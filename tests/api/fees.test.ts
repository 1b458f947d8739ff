// The amount due (docs/domain.md §9.1): per-copy items count the copies, an exemption waives only
// the items that offer it, and the preview (GET /api/v1/procedures/{code}/fees) is exactly what a
// dossier submitted with the same copies and exemption owes. Bad requests are refused, not
// ignored.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { assertProblem } from './support/http.ts';
import { DEMO_LOGINS, FAST_HASHING, call, login, type Session } from './support/auth.ts';
import { submitDossier } from './support/dossiers.ts';

// Cấp bản sao trích lục hộ tịch: 8,000 đồng a copy (commune level, online).
const EXTRACT_COPY = '2.000635.000.00.00.H32';
// Đăng ký lại khai sinh: a 5,000 đồng fee that poor households do not pay.
const BIRTH_REREGISTRATION = '1.004884.000.00.00.H32';
const COMMUNE = 'H32.22333.01';

let server: RunningServer;
let citizen: Session;

before(async () => {
  server = await startServer({ env: FAST_HASHING, demoEnv: FAST_HASHING });
  citizen = await login(server, DEMO_LOGINS.citizen);
});
after(async () => {
  await server?.close();
});

const feesPath = (code: string, query = '') =>
  `/api/v1/procedures/${encodeURIComponent(code)}/fees${query}`;

describe('GET /api/v1/procedures/{code}/fees', () => {
  test('a per-copy charge is multiplied by the copies; one copy by default', async () => {
    const one = await call(server, feesPath(EXTRACT_COPY));
    assert.equal(one.status, 200, one.text);
    assert.equal(one.body.copies, 1);
    assert.equal(one.body.exemption, null);
    assert.equal(one.body.total_vnd, 8000);
    const three = await call(server, feesPath(EXTRACT_COPY, '?copies=3'));
    assert.equal(three.status, 200, three.text);
    assert.deepEqual(three.body.lines.map((line: any) => [line.kind, line.unit_amount_vnd, line.quantity,
      line.amount_vnd, line.exempt]), [['charge', 8000, 3, 24000, false]]);
    assert.equal(three.body.charges_vnd, 24000);
    assert.equal(three.body.fees_vnd, 0);
    assert.equal(three.body.total_vnd, 24000);
  });

  test('an exemption waives the items that offer it; copies do not change a per-dossier fee', async () => {
    const full = await call(server, feesPath(BIRTH_REREGISTRATION, '?copies=4'));
    assert.equal(full.status, 200, full.text);
    assert.equal(full.body.total_vnd, 5000);
    assert.equal(full.body.lines[0].quantity, 1);
    const exempt = await call(server, feesPath(BIRTH_REREGISTRATION, '?exemption=poor_household'));
    assert.equal(exempt.status, 200, exempt.text);
    assert.equal(exempt.body.exemption, 'poor_household');
    assert.equal(exempt.body.lines[0].exempt, true);
    assert.equal(exempt.body.lines[0].amount_vnd, 0);
    assert.equal(exempt.body.total_vnd, 0);
  });

  test('copies out of range, an exemption no item offers, unknown parameters and procedures are refused', async () => {
    for (const copies of ['0', '1001', '-2']) {
      assertProblem(await call(server, feesPath(EXTRACT_COPY, `?copies=${copies}`)), 400, 'invalid_fee_request', 'copies');
    }
    assertProblem(await call(server, feesPath(EXTRACT_COPY, '?copies=two')), 400, 'invalid_parameter', 'copies');
    assertProblem(await call(server, feesPath(EXTRACT_COPY, '?exemption=poor_household')), 400,
      'invalid_fee_request', 'exemption');
    assertProblem(await call(server, feesPath(EXTRACT_COPY, '?exemption=')), 400, 'invalid_parameter', 'exemption');
    assertProblem(await call(server, feesPath(EXTRACT_COPY, '?copy=2')), 400, 'invalid_parameter', 'copy');
    const missing = await call(server, feesPath('9.999999.000.00.00.H32'));
    assert.equal(missing.status, 404, missing.text);
  });
});

describe('POST /api/v1/dossiers with copies and an exemption', () => {
  test('the dossier owes what the preview showed, and keeps the copies and the exemption', async () => {
    const preview = await call(server, feesPath(EXTRACT_COPY, '?copies=2'));
    const submitted = await submitDossier(server, citizen, { procedure: EXTRACT_COPY, agency: COMMUNE, copies: 2 });
    assert.equal(submitted.status, 201, submitted.text);
    assert.equal(submitted.body.fee_total, preview.body.total_vnd);
    assert.equal(submitted.body.fee_total, 16000);
    assert.equal(submitted.body.fee_copies, 2);
    assert.equal(submitted.body.fee_exemption, null);

    const exempt = await submitDossier(server, citizen,
      { procedure: BIRTH_REREGISTRATION, agency: COMMUNE, exemption: 'poor_household' });
    assert.equal(exempt.status, 201, exempt.text);
    assert.equal(exempt.body.fee_total, 0);
    assert.equal(exempt.body.fee_exemption, 'poor_household');
    const again = await call(server, `/api/v1/dossiers/${encodeURIComponent(exempt.body.code)}`, { session: citizen });
    assert.equal(again.body.fee_exemption, 'poor_household');

    const plain = await submitDossier(server, citizen, { procedure: BIRTH_REREGISTRATION, agency: COMMUNE });
    assert.equal(plain.body.fee_total, 5000);
    assert.equal(plain.body.fee_copies, 1);
  });

  test('bad copies and exemptions are refused and create nothing', async () => {
    const before = await call(server, '/api/v1/dossiers?limit=100', { session: citizen });
    assertProblem(await submitDossier(server, citizen, { procedure: EXTRACT_COPY, agency: COMMUNE, copies: 0 }),
      400, 'invalid_fee_request', 'copies');
    assertProblem(await submitDossier(server, citizen, { procedure: EXTRACT_COPY, agency: COMMUNE, copies: '2' }),
      400, 'invalid_parameter', 'copies');
    assertProblem(await submitDossier(server, citizen, { procedure: EXTRACT_COPY, agency: COMMUNE, copies: 2.5 }),
      400, 'invalid_parameter', 'copies');
    assertProblem(await submitDossier(server, citizen,
      { procedure: EXTRACT_COPY, agency: COMMUNE, exemption: 'poor_household' }), 400, 'invalid_fee_request', 'exemption');
    assertProblem(await submitDossier(server, citizen, { procedure: EXTRACT_COPY, agency: COMMUNE, exemption: 7 }),
      400, 'invalid_parameter', 'exemption');
    const afterwards = await call(server, '/api/v1/dossiers?limit=100', { session: citizen });
    assert.equal(afterwards.body.items.length, before.body.items.length);
  });
});
