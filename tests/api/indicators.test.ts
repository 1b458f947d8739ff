// The 766 index and the plan's indicators over HTTP, from a known imported history: the figures
// are computed by hand from the dossiers below (docs/domain.md §1.4 group 2: on time iff processing
// ended by the due time; unfinished dossiers are judged at the period's end).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { assertProblem, getJson } from './support/http.ts';
import { FAST_HASHING, call, login } from './support/auth.ts';

const PROCEDURE = '1.001193.000.00.00.H32';  // Đăng ký khai sinh: 1 working day, cut-off 15:00.
const DESK = 'H32.22333.01';
const applicant = { kind: 'citizen', id_number: '056095001234', name: 'Nguyễn Văn An' };

function line(code: string, channel: string, events: object[]): string {
  return JSON.stringify({ code, procedure: PROCEDURE, agency: DESK, channel, applicant, events });
}

// March 2025 at Bắc Nha Trang's desk:
//  A: received Mon 03/03 08:00 (due Tue 04/03 17:00), finished 04/03 10:00 → on time.
//  B: online, accepted 03/03 10:00 (due 04/03 17:00), finished Mon 10/03 → late.
//  C: received Wed 05/03 (due Thu 06/03 17:00), still in processing at the month's end → late.
//  D: online, refused at reception → never received, counts nowhere.
const HISTORY = [
  line('H32.22333.01-250303-0001', 'desk', [
    { at: '2025-03-03T08:00:00+07:00', action: 'receive' },
    { at: '2025-03-03T09:00:00+07:00', action: 'forward' },
    { at: '2025-03-03T11:00:00+07:00', action: 'forward' },
    { at: '2025-03-04T10:00:00+07:00', action: 'finish', result_kind: 'paper' }]),
  line('H32.22333.01-250303-0002', 'online', [
    { at: '2025-03-03T09:00:00+07:00', action: 'submit' },
    { at: '2025-03-03T10:00:00+07:00', action: 'accept' },
    { at: '2025-03-03T11:00:00+07:00', action: 'forward' },
    { at: '2025-03-03T12:00:00+07:00', action: 'forward' },
    { at: '2025-03-10T10:00:00+07:00', action: 'finish', result_kind: 'paper' }]),
  line('H32.22333.01-250305-0001', 'desk', [
    { at: '2025-03-05T08:00:00+07:00', action: 'receive' },
    { at: '2025-03-05T09:00:00+07:00', action: 'forward' }]),
  line('H32.22333.01-250305-0002', 'online', [
    { at: '2025-03-05T08:00:00+07:00', action: 'submit' },
    { at: '2025-03-05T09:00:00+07:00', action: 'refuse', reasons: ['Thiếu giấy chứng sinh'] }]),
].join('\n');

let server: RunningServer;

before(async () => {
  // The overdue job runs an hour from now: C's overdue moment must be recorded by the import
  // itself, so that the figures are right as soon as it returns.
  server = await startServer({ env: { ...FAST_HASHING, MOTCUA_OVERDUE_CHECK_SECONDS: '3600' }, demoEnv: FAST_HASHING });
  const admin = await login(server, 'quantri.tinh');
  const imported = await call(server, '/api/v1/import/dossiers', {
    session: admin, body: HISTORY, headers: { 'content-type': 'application/x-ndjson' },
  });
  assert.equal(imported.status, 200, imported.text);
  assert.equal(imported.body.imported, 4, imported.text);
});

after(async () => {
  await server?.close();
});

async function index(agency: string, period: string): Promise<any> {
  const answer = await getJson(`${server.url}/api/v1/indicators/766?agency=${agency}&period=${period}`);
  assert.equal(answer.status, 200, answer.text);
  // Scores and ratios are written as people read them (18, 81.82), never 1.8E1 or 0E0.
  assert.doesNotMatch(answer.text, /[:\[,]-?\d+(\.\d+)?[eE][+-]?\d/, answer.text);
  return answer.body;
}

function metric(body: any, code: string): any {
  const found = body.groups.flatMap((group: any) => group.metrics).find((m: any) => m.code === code);
  assert.ok(found, `no metric ${code}`);
  return found;
}

describe('the 766 index from the counters', () => {
  test('progress: one of three received dossiers was on time (2.1), scored 20 × 1/3', async () => {
    // Wait for the overdue job to record C (it runs every second).
    let body: any;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      body = await index('H32', '2025-03');
      if (metric(body, 'PROGRESS_ON_TIME').numerator === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const progress = metric(body, 'PROGRESS_ON_TIME');
    assert.equal(progress.denominator, 3);  // D was never received.
    assert.equal(progress.numerator, 1);
    assert.equal(progress.score, 6.67);
    assert.equal(body.groups.length, 6);
    assert.equal(body.period, '2025-03');
  });

  test('the quarter and the year count the same dossiers; another month counts none', async () => {
    assert.equal(metric(await index('H32', '2025-Q1'), 'PROGRESS_ON_TIME').denominator, 3);
    assert.equal(metric(await index('H32', '2025'), 'PROGRESS_ON_TIME').denominator, 3);
    assert.equal(metric(await index('H32', '2025-04'), 'PROGRESS_ON_TIME').denominator, 0);
  });

  test("a ward's subtree holds its desk's dossiers; another ward has none", async () => {
    assert.equal(metric(await index('H32.22333', '2025-03'), 'PROGRESS_ON_TIME').denominator, 3);
    assert.equal(metric(await index('H32.22366', '2025-03'), 'PROGRESS_ON_TIME').denominator, 0);
  });

  test('metrics without inputs are no_data, never 0 or 100', async () => {
    const body = await index('H32', '2025-03');
    assert.equal(metric(body, 'PUBLISH_ON_TIME').status, 'no_data');
    assert.equal(metric(body, 'PETITION_PROCESSING_ON_TIME').status, 'no_data');
  });

  test('a history line dated before its procedure took effect is refused and counts nowhere', async () => {
    // The demo's birth registration is in effect from 2024-07-01: a June 2024 dossier is invented.
    const admin = await login(server, 'quantri.tinh');
    const early = line('H32.22333.01-240614-0001', 'desk', [
      { at: '2024-06-14T08:00:00+07:00', action: 'receive' },
      { at: '2024-06-14T09:00:00+07:00', action: 'forward' }]);
    const imported = await call(server, '/api/v1/import/dossiers', {
      session: admin, body: early, headers: { 'content-type': 'application/x-ndjson' },
    });
    assert.equal(imported.status, 200, imported.text);
    assert.equal(imported.body.imported, 0, imported.text);
    assert.equal(imported.body.errors[0].code, 'invalid_import');
    assert.equal(imported.body.errors[0].param, 'events[0].at');
    assert.match(imported.body.errors[0].detail, /2024-07-01/);
    assert.equal(metric(await index('H32', '2024-06'), 'PROGRESS_ON_TIME').denominator, 0);
  });

  test('bad parameters are named', async () => {
    assertProblem(await getJson(`${server.url}/api/v1/indicators/766?agency=H32&period=2025-13`), 400, 'invalid_parameter', 'period');
    assertProblem(await getJson(`${server.url}/api/v1/indicators/766?agency=NOPE&period=2025-03`), 400, 'invalid_parameter', 'agency');
    assertProblem(await getJson(`${server.url}/api/v1/indicators/766?period=2025-03`), 400, 'invalid_parameter', 'agency');
    assertProblem(await getJson(`${server.url}/api/v1/indicators/plan?agency=H32&year=1800`), 400, 'invalid_parameter', 'year');
  });
});

describe("the plan's indicators", () => {
  test('I.3 online dossiers: one of three received was online, against the 60% target', async () => {
    const answer = await getJson(`${server.url}/api/v1/indicators/plan?agency=H32&year=2025`);
    assert.equal(answer.status, 200, answer.text);
    const ids = answer.body.indicators.map((i: any) => i.id);
    assert.deepEqual(ids, ['I.1', 'I.2', 'I.3', 'I.4', 'I.5', 'II.1', 'II.2', 'II.3', 'II.4', 'III.1', 'III.2', 'III.3']);
    const online = answer.body.indicators.find((i: any) => i.id === 'I.3');
    assert.equal(online.numerator, 1);
    assert.equal(online.denominator, 3);
    assert.equal(online.actual, 33.33);
    assert.equal(online.target, 60);
    assert.equal(online.met, false);
    const documents = answer.body.indicators.find((i: any) => i.id === 'III.1');
    assert.equal(documents.status, 'no_data');
    assert.equal(documents.actual, null);
  });
});
