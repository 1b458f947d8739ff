// The monthly report, its public publication, the dashboard's ranking and trend, and the
// drill-down to the dossiers behind a figure — over HTTP and from the console, from a known
// imported history whose figures are computed by hand below.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { OpenApiDocument } from './support/openapi.ts';
import { assertProblem, getJson } from './support/http.ts';
import { FAST_HASHING, call, login, readAudit, runCli, type Session } from './support/auth.ts';

const PROCEDURE = '1.001193.000.00.00.H32';  // Đăng ký khai sinh: 1 working day, cut-off 15:00.
const DESK = 'H32.22333.01';
const applicant = { kind: 'citizen', id_number: '056095001234', name: 'Nguyễn Văn An' };

function line(code: string, channel: string, events: object[]): string {
  return JSON.stringify({ code, procedure: PROCEDURE, agency: DESK, channel, applicant, events });
}

// March 2025 at Bắc Nha Trang's desk, as they stood at the end of March:
//  A desk:   received Mon 03/03, finished 04/03 10:00 (due 04/03 17:00), returned 05/03 → on time.
//  B online: accepted 03/03, finished Mon 10/03 (due 04/03) → finished late.
//  C desk:   received Wed 05/03 (due 06/03), still processing → running, overdue.
//  D online: refused at reception → refused only.
//  E postal: received Mon 31/03 14:00 (due Tue 01/04 17:00), still processing → running, on time.
//  F desk:   received Thu 06/03, withdrawn the same day → withdrawn.
const A = 'H32.22333.01-250303-0001';
const B = 'H32.22333.01-250303-0002';
const C = 'H32.22333.01-250305-0001';
const E = 'H32.22333.01-250331-0001';
const F = 'H32.22333.01-250306-0001';
const HISTORY = [
  line(A, 'desk', [
    { at: '2025-03-03T08:00:00+07:00', action: 'receive' },
    { at: '2025-03-03T09:00:00+07:00', action: 'forward' },
    { at: '2025-03-03T11:00:00+07:00', action: 'forward' },
    { at: '2025-03-04T10:00:00+07:00', action: 'finish', result_kind: 'paper' },
    { at: '2025-03-05T09:00:00+07:00', action: 'return_result', delivery: 'desk' }]),
  line(B, 'online', [
    { at: '2025-03-03T09:00:00+07:00', action: 'submit' },
    { at: '2025-03-03T10:00:00+07:00', action: 'accept' },
    { at: '2025-03-03T11:00:00+07:00', action: 'forward' },
    { at: '2025-03-03T12:00:00+07:00', action: 'forward' },
    { at: '2025-03-10T10:00:00+07:00', action: 'finish', result_kind: 'paper' }]),
  line(C, 'desk', [
    { at: '2025-03-05T08:00:00+07:00', action: 'receive' },
    { at: '2025-03-05T09:00:00+07:00', action: 'forward' }]),
  line('H32.22333.01-250305-0002', 'online', [
    { at: '2025-03-05T08:00:00+07:00', action: 'submit' },
    { at: '2025-03-05T09:00:00+07:00', action: 'refuse', reasons: ['Thiếu giấy chứng sinh'] }]),
  line(E, 'postal', [
    { at: '2025-03-31T14:00:00+07:00', action: 'receive' },
    { at: '2025-03-31T14:30:00+07:00', action: 'forward' }]),
  line(F, 'desk', [
    { at: '2025-03-06T08:00:00+07:00', action: 'receive' },
    { at: '2025-03-06T10:00:00+07:00', action: 'withdraw' }]),
].join('\n');

let server: RunningServer;
let auditor: Session;
let wardHead: Session;

async function index766(agency: string, period: string): Promise<any> {
  const answer = await getJson(`${server.url}/api/v1/indicators/766?agency=${agency}&period=${period}`);
  assert.equal(answer.status, 200, answer.text);
  return answer.body;
}

function metric(body: any, code: string): any {
  return body.groups.flatMap((group: any) => group.metrics).find((m: any) => m.code === code);
}

before(async () => {
  server = await startServer({ env: { ...FAST_HASHING, MOTCUA_OVERDUE_CHECK_SECONDS: '1' }, demoEnv: FAST_HASHING });
  const admin = await login(server, 'quantri.tinh');
  const imported = await call(server, '/api/v1/import/dossiers', {
    session: admin, body: HISTORY, headers: { 'content-type': 'application/x-ndjson' },
  });
  assert.equal(imported.status, 200, imported.text);
  assert.equal(imported.body.imported, 6, imported.text);
  auditor = await login(server, 'kiemtra.tinh');
  wardHead = await login(server, 'lanhdao.bnt');
  // The overdue job (every second) records C's and E's overdue moments after the import.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (metric(await index766('H32', '2025'), 'PROGRESS_ON_TIME').numerator === 2) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

after(async () => {
  await server?.close();
});

describe('the monthly report', () => {
  test('counts the month’s dossiers by channel and as they stood at the month’s end', async () => {
    const answer = await call(server, '/api/v1/reports/monthly?agency=H32&month=2025-03', { session: auditor });
    assert.equal(answer.status, 200, answer.text);
    const report = answer.body;
    assert.equal(report.period, '2025-03');
    assert.equal(report.agency.code, 'H32');
    assert.equal(report.fields.length, 1);
    const total = report.fields_total;
    assert.deepEqual(
      [total.received, total.received_online, total.received_desk, total.received_postal],
      [5, 1, 3, 1]);
    assert.equal(total.finished_on_time, 1);     // A
    assert.equal(total.finished_late, 1);        // B
    assert.equal(total.in_progress_overdue, 1);  // C
    assert.equal(total.in_progress_on_time, 1);  // E: overdue only from 1 April
    assert.equal(total.withdrawn, 1);            // F
    assert.equal(total.returned, 1);             // A
    assert.equal(total.refused, 1);              // D
    assert.equal(total.stopped, 0);
    assert.equal(report.summary.on_time_rate, 50);
    assert.equal(report.index_766.groups.length, 6);
    assert.equal(report.plan.length, 12);
  });

  test('the JSON answer fits the document’s MonthlyReport, a closed schema that lists every field', async () => {
    const doc = new OpenApiDocument(JSON.parse(readFileSync(new URL('../../docs/api/openapi.json', import.meta.url), 'utf8')));
    // Every object in the schema lists its fields and allows no other (no open object).
    const open: string[] = [];
    const visit = (node: any, where: string, seen: Set<string>) => {
      if (node?.$ref) {
        if (!seen.has(node.$ref)) {
          visit(doc.resolve(node), node.$ref, new Set([...seen, node.$ref]));
        }
        return;
      }
      if ([node?.type].flat().includes('object') && (node.additionalProperties !== false || !node.properties)) {
        open.push(where);
      }
      for (const [key, child] of Object.entries<any>(node?.properties ?? {})) {
        visit(child, `${where}.${key}`, seen);
      }
      for (const child of [node?.items, ...(node?.anyOf ?? []), ...(node?.oneOf ?? [])]) {
        if (child) visit(child, `${where}[]`, seen);
      }
    };
    visit({ $ref: '#/components/schemas/MonthlyReport' }, 'MonthlyReport', new Set());
    assert.deepEqual(open, []);
    const schema = { $ref: '#/components/schemas/MonthlyReport' };
    for (const agency of ['H32', 'H32.22333', 'H32.22333.01']) {
      const answer = await call(server, `/api/v1/reports/monthly?agency=${agency}&month=2025-03`, { session: auditor });
      assert.equal(answer.status, 200, answer.text);
      assert.equal(doc.check(schema, answer.body), '', `${agency}: ${answer.text.slice(0, 500)}`);
    }
    const published = await call(server, '/api/v1/reports/public?month=2025-03');
    assert.equal(published.status, 200, published.text);
    assert.equal(doc.check(schema, published.body), '');
  });

  test('the year judges the same dossiers at the year’s end', async () => {
    // The counters keep the year-end view too: E turned overdue on 1 April.
    const march = await index766('H32', '2025-03');
    const year = await index766('H32', '2025');
    assert.equal(metric(march, 'PROGRESS_ON_TIME').numerator, 3);  // A, E, F
    assert.equal(metric(year, 'PROGRESS_ON_TIME').numerator, 2);   // A, F
  });

  test('XLSX and CSV downloads carry the same figures', async () => {
    const xlsx = await fetch(`${server.url}/api/v1/reports/monthly?agency=H32&month=2025-03&format=xlsx`, {
      headers: { cookie: `motcua_session=${auditor.token}` },
    });
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(xlsx.headers.get('content-disposition') ?? '', /attachment; filename="bao-cao-H32-2025-03\.xlsx"/);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    assert.equal(String.fromCharCode(bytes[0]!, bytes[1]!), 'PK');
    const csv = await call(server, '/api/v1/reports/monthly?agency=H32&month=2025-03&section=fields', { session: auditor });
    assert.equal(csv.status, 200);
    assert.match(csv.contentType, /^text\/csv/);
    const totalRow = csv.text.trim().split('\r\n').at(-1)!;
    assert.match(totalRow, /^,,Tổng cộng,5,1,3,1,1,1,1,1,1,1,1,0$/);  // STT, code, name, the columns.
  });

  test('officials outside the agency, and the public, may not read it; bad months are named', async () => {
    assertProblem(await call(server, '/api/v1/reports/monthly?agency=H32.22366&month=2025-03', { session: wardHead }), 403, 'forbidden');
    assertProblem(await call(server, '/api/v1/reports/monthly?agency=H32&month=2025-03'), 401, 'authentication_required');
    assert.equal((await call(server, '/api/v1/reports/monthly?agency=H32.22333&month=2025-03', { session: wardHead })).status, 200);
    assertProblem(await call(server, '/api/v1/reports/monthly?agency=H32&month=2025-Q1', { session: auditor }), 400, 'invalid_parameter', 'month');
    assertProblem(await call(server, '/api/v1/reports/monthly?agency=H32&month=2025-03&format=pdf', { session: auditor }), 400, 'invalid_parameter', 'format');
    assertProblem(await call(server, '/api/v1/reports/monthly?agency=H32&month=2025-03&format=json&section=plan', { session: auditor }), 400, 'invalid_parameter', 'section');
  });

  test('the public publication has the same aggregates, for ended months only, and no personal data', async () => {
    const published = await getJson(`${server.url}/api/v1/reports/public?month=2025-03`);
    assert.equal(published.status, 200, published.text);
    assert.equal(published.body.fields_total.received, 5);
    assert.ok(!published.text.includes(applicant.id_number));
    assert.ok(!published.text.includes(applicant.name));
    assert.ok(!published.text.includes(A));
    const now = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 7);
    assertProblem(await getJson(`${server.url}/api/v1/reports/public?month=${now}`), 400, 'period_not_ended');
  });

  test('`motcua report monthly` writes the same report as a file', () => {
    const out = mkdtempSync(join(tmpdir(), 'motcua-report-'));
    try {
      const json = runCli(server.dataDir, ['report', 'monthly', '--month', '2025-03', '--format', 'json', '--output', join(out, 'r.json')]);
      assert.equal(json.status, 0, json.stderr);
      const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8'));
      assert.equal(report.fields_total.received, 5);
      assert.equal(report.agency.code, 'H32');
      const xlsx = runCli(server.dataDir, ['report', 'monthly', '--month', '2025-03', '--agency', 'H32.22333', '--format', 'xlsx', '--output', join(out, 'r.xlsx')]);
      assert.equal(xlsx.status, 0, xlsx.stderr);
      assert.equal(readFileSync(join(out, 'r.xlsx')).subarray(0, 2).toString(), 'PK');
      const bad = runCli(server.dataDir, ['report', 'monthly', '--month', '2025-13']);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /month/);
      // Bad input is refused before anything is built or written.
      const badFormat = runCli(server.dataDir, ['report', 'monthly', '--month', '2025-03', '--format', 'pdf', '--output', join(out, 'r.pdf')]);
      assert.equal(badFormat.status, 2);
      assert.match(badFormat.stderr, /--format/);
      const badAgency = runCli(server.dataDir, ['report', 'monthly', '--month', '2025-03', '--agency', 'NOPE', '--output', join(out, 'n.json')]);
      assert.equal(badAgency.status, 2);
      assert.match(badAgency.stderr, /agency/);
      assert.deepEqual(readdirSync(out).sort(), ['r.json', 'r.xlsx']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the dashboard', () => {
  test('ranking: the province’s children, each on its subtree, best first with ranks', async () => {
    const answer = await getJson(`${server.url}/api/v1/indicators/766/ranking?period=2025-03`);
    assert.equal(answer.status, 200, answer.text);
    const ward = answer.body.agencies.find((a: any) => a.agency === 'H32.22333');
    assert.ok(ward, 'the ward is ranked');
    assert.equal(ward.received, 5);
    assert.equal(ward.total_score, (await index766('H32.22333', '2025-03')).total_score);
    const scores = answer.body.agencies.map((a: any) => a.total_score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    assert.equal(answer.body.agencies[0].rank, 1);
  });

  test('trend: twelve months, March holding the dossiers', async () => {
    const answer = await getJson(`${server.url}/api/v1/indicators/766/trend?agency=H32&year=2025`);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.months.length, 12);
    assert.deepEqual(answer.body.months.map((m: any) => m.received), [0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.equal(answer.body.months[2].period, '2025-03');
  });
});

describe('the drill-down behind a figure', () => {
  async function drill(query: string, session: Session = auditor): Promise<any> {
    const answer = await call(server, `/api/v1/indicators/766/dossiers?${query}`, { session });
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  }

  test('lists exactly the dossiers of the figure, with the reason each is out', async () => {
    const figure = metric(await index766('H32', '2025-03'), 'PROGRESS_ON_TIME');
    const all = await drill('agency=H32&period=2025-03&metric=PROGRESS_ON_TIME');
    assert.equal(all.items.length, figure.denominator);
    assert.equal(all.items.filter((i: any) => i.in_numerator).length, figure.numerator);
    const late = await drill('agency=H32&period=2025-03&metric=PROGRESS_ON_TIME&filter=not_numerator');
    assert.deepEqual(late.items.map((i: any) => i.code).sort(), [B, C].sort());
    assert.ok(late.items.every((i: any) => i.reason === 'overdue_at_period_end' && i.reason_vi.length > 0));
    // At the year's end E is late too.
    const year = await drill('agency=H32&period=2025&metric=PROGRESS_ON_TIME&filter=not_numerator');
    assert.deepEqual(year.items.map((i: any) => i.code).sort(), [B, C, E].sort());
  });

  test('pages with a cursor through the whole cohort', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page: any = await drill(`agency=H32&period=2025-03&metric=DOSSIER_SYNC&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.items.map((i: any) => i.code));
      cursor = page.next_cursor;
      pages += 1;
      assert.ok(pages < 50, 'the cursor ends');
    }
    assert.deepEqual(seen.sort(), [A, B, C, E, F].sort());
  });

  test('is for officials over the agency only, names bad input, and is audited', async () => {
    assertProblem(await call(server, '/api/v1/indicators/766/dossiers?agency=H32&period=2025-03&metric=PROGRESS_ON_TIME', { session: wardHead }), 403, 'forbidden');
    assertProblem(await call(server, '/api/v1/indicators/766/dossiers?agency=H32&period=2025-03&metric=PROGRESS_ON_TIME'), 401, 'authentication_required');
    assert.equal((await drill('agency=H32.22333&period=2025-03&metric=PROGRESS_ON_TIME', wardHead)).items.length, 5);
    assertProblem(await call(server, '/api/v1/indicators/766/dossiers?agency=H32&period=2025-03&metric=ONLINE_SERVICE_PROVIDED', { session: auditor }), 400, 'invalid_parameter', 'metric');
    assertProblem(await call(server, '/api/v1/indicators/766/dossiers?agency=H32&period=2025-03&metric=DOSSIER_SYNC&cursor=x', { session: auditor }), 400, 'invalid_parameter', 'cursor');
    assertProblem(await call(server, '/api/v1/indicators/766/dossiers?agency=H32&period=2025-03&metric=DOSSIER_SYNC&filter=late', { session: auditor }), 400, 'invalid_parameter', 'filter');
    for (const limit of ['0', '501']) {
      assertProblem(await call(server, `/api/v1/indicators/766/dossiers?agency=H32&period=2025-03&metric=DOSSIER_SYNC&limit=${limit}`, { session: auditor }), 400, 'invalid_parameter', 'limit');
    }
    const records = await readAudit(server, auditor, 'action=indicators.drilldown');
    assert.ok(records.length >= 3, `${records.length} drill-down reads audited`);
  });
});
