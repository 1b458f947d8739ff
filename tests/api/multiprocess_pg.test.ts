// Several `motcua serve` processes on one PostgreSQL database (PostgreSQL mode only: the SQLite
// file belongs to one process). Two processes share the database and the data directory (audit
// key, files) on different ports, as behind a reverse proxy: desk receptions spread over both
// get one gap-free sequence of codes; the overdue job, running every second in both, marks each
// overdue dossier once; after kill -9 of one process the other marks what is left and what
// becomes overdue next; and the audit chain both wrote verifies.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ON_POSTGRES, makeTempDir, runDemo, startServer, type RunningServer } from './support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, call, login, runCli, sql, type Session } from './support/auth.ts';
import { getEvents, parseCode, submitDossier, vietnamDay } from './support/dossiers.ts';

const PROCEDURE = '1.001193.000.00.00.H32';  // Đăng ký khai sinh: 1 working day, cut-off 15:00.
const DESK = 'H32.22333.01';
const RECEPTIONS = 100;
const SKIP = ON_POSTGRES ? false : 'several processes share only a PostgreSQL database (MOTCUA_TEST_DATABASE=postgresql)';

let dataDir: string;
let first: RunningServer;
let second: RunningServer;
let clerk: Session;
let admin: Session;

before(async () => {
  if (!ON_POSTGRES) {
    return;
  }
  dataDir = makeTempDir('motcua-multiprocess-');
  runDemo(dataDir, FAST_HASHING);
  const env = { ...FAST_HASHING, MOTCUA_OVERDUE_CHECK_SECONDS: '1' };
  [first, second] = await Promise.all([startServer({ dataDir, env }), startServer({ dataDir, env })]);
  // One session is valid in both processes: sessions are in the database.
  clerk = await login(first, DEMO_LOGINS.clerk);
  admin = await login(second, DEMO_LOGINS.province_admin);
});

after(async () => {
  await first?.close();
  await second?.close();
});

/** An imported history of `count` dossiers received at the desk on `day` (YYYY-MM-DD, a working
 * day of March 2025) and forwarded to processing, with the previous system's appointment three
 * seconds from now: none is overdue when the import returns (the import would record it), and
 * all become overdue for the jobs to mark. */
function overdueHistory(day: string, count: number): { codes: string[]; body: string } {
  const codes: string[] = [];
  const lines: string[] = [];
  const dueAt = new Date(Date.now() + 3_000).toISOString();
  for (let i = 1; i <= count; i += 1) {
    const code = `${DESK}-${day.slice(2).replace(/-/g, '')}-${String(i).padStart(4, '0')}`;
    codes.push(code);
    lines.push(JSON.stringify({
      code, procedure: PROCEDURE, agency: DESK, channel: 'desk', due_at: dueAt,
      applicant: { kind: 'citizen', id_number: `05609500${String(i).padStart(4, '0')}`, name: 'Nguyễn Văn An' },
      events: [
        { at: `${day}T08:00:00+07:00`, action: 'receive' },
        { at: `${day}T09:00:00+07:00`, action: 'forward' },
      ],
    }));
  }
  return { codes, body: lines.join('\n') };
}

async function importHistory(server: RunningServer, history: { codes: string[]; body: string }): Promise<void> {
  const imported = await call(server, '/api/v1/import/dossiers', {
    session: admin, body: history.body, headers: { 'content-type': 'application/x-ndjson' },
  });
  assert.equal(imported.status, 200, imported.text);
  assert.equal(imported.body.imported, history.codes.length, imported.text);
}

/** code → how many mark_overdue events it has, for the dossiers of one imported day. */
function overdueMarks(day: string): Map<string, number> {
  const prefix = `${DESK}-${day.slice(2).replace(/-/g, '')}-`;
  const rows = sql(dataDir, `SELECT d.code, count(e.seq) FROM dossiers d
    LEFT JOIN dossier_events e ON e.dossier_id = d.id AND e.action = 'mark_overdue'
    WHERE d.code LIKE '${prefix}%' GROUP BY d.code ORDER BY d.code`);
  return new Map(rows.split('\n').filter(Boolean).map((row) => {
    const [code, count] = row.split('|');
    return [code!, Number(count)];
  }));
}

/** Waits until every dossier of `codes` has a mark_overdue event, then two more runs of the
 * jobs (a doubled mark would show up then); asserts exactly one event per dossier. */
async function expectMarkedOnce(day: string, codes: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  let marks = overdueMarks(day);
  while ([...marks.values()].some((n) => n === 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    marks = overdueMarks(day);
  }
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  marks = overdueMarks(day);
  assert.deepEqual([...marks.keys()], [...codes].sort());
  const notOnce = [...marks].filter(([, n]) => n !== 1);
  assert.deepEqual(notOnce, [], `dossiers not marked overdue exactly once: ${JSON.stringify(notOnce)}`);
}

/** How many dossiers each process logged as marked overdue. */
function loggedMarks(server: RunningServer): number {
  return [...server.logs().matchAll(/marked (\d+) dossier\(s\) overdue/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

describe('two processes on one PostgreSQL database', { skip: SKIP }, () => {
  test(`${RECEPTIONS} concurrent desk receptions over both processes get consecutive codes`, async (t) => {
    const dayBefore = vietnamDay();
    const answers = await Promise.all(Array.from({ length: RECEPTIONS }, (_, i) => submitDossier(
      i % 2 === 0 ? first : second, clerk,
      { channel: 'desk', applicant: { id_number: `07912345${String(i).padStart(4, '0')}`, name: 'Phan Văn Em' } })));
    assert.deepEqual(answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.text.slice(0, 200)}`), []);
    const codes = answers.map((a) => a.body.code as string);
    const days = new Set(codes.map((code) => parseCode(code).day));
    if (vietnamDay() !== dayBefore || days.size !== 1) {
      t.skip('the run crossed local midnight: sequences restart, nothing to compare');
      return;
    }
    assert.equal(new Set(codes).size, RECEPTIONS, 'duplicate codes');
    const sequences = codes.map((code) => parseCode(code).sequence).sort((a, b) => a - b);
    // The first dossiers of a fresh database on this day: 1..100, whichever process took them.
    assert.deepEqual(sequences, sequences.map((_, i) => i + 1), `not 1..${RECEPTIONS}: ${sequences.join(',')}`);
  });

  test('a logout in one process ends the session in the other within the session cache time', async () => {
    const session = await login(first, DEMO_LOGINS.head);
    assert.equal((await call(second, '/api/v1/me', { session })).status, 200);  // Cached in the second.
    assert.equal((await call(first, '/api/v1/auth/logout', { method: 'POST', session })).status, 204);
    assert.equal((await call(first, '/api/v1/me', { session })).status, 401);  // At once where it ran.
    const loggedOut = Date.now();
    let refusedAfter = -1;
    while (Date.now() - loggedOut < 5000) {
      if ((await call(second, '/api/v1/me', { session })).status === 401) {
        refusedAfter = Date.now() - loggedOut;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // session_cache_ms defaults to 2000.
    assert.ok(refusedAfter >= 0 && refusedAfter <= 2500, `refused after ${refusedAfter} ms`);
  });

  test('the overdue job of both processes marks each overdue dossier once', async () => {
    const history = overdueHistory('2025-03-05', 60);
    await importHistory(first, history);
    await expectMarkedOnce('2025-03-05', history.codes);
    // Seen over the API too: one mark_overdue event in the dossier's history.
    const events = await getEvents(second, clerk, history.codes[0]!);
    assert.equal(events.status, 200, events.text);
    assert.equal(events.body.items.filter((e: any) => e.action === 'mark_overdue').length, 1);
    // What both processes logged as marked adds up to the dossiers, none counted twice.
    assert.equal(loggedMarks(first) + loggedMarks(second), history.codes.length,
      `first: ${loggedMarks(first)}, second: ${loggedMarks(second)}`);
    // And so do their /metrics counters.
    const counted = async (server: RunningServer) => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith('motcua_overdue_marked_total '));
      return Number(line?.split(' ')[1]);
    };
    assert.equal(await counted(first) + await counted(second), history.codes.length);
  });

  test('after kill -9 of one process the other marks what is left and what becomes overdue', async (t) => {
    // Killed while both jobs are marking a larger import: a dossier the killed process was
    // marking is rolled back with its connection and marked by the survivor.
    const during = overdueHistory('2025-03-06', 300);
    await importHistory(first, during);
    const marked = () => [...overdueMarks('2025-03-06').values()].filter((n) => n > 0).length;
    const deadline = Date.now() + 30_000;
    while (marked() < 10 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(await first.stop('SIGKILL'), null, 'killed by a signal');
    const markedAtKill = marked();
    t.diagnostic(`killed with ${markedAtKill} of ${during.codes.length} marked`);
    await expectMarkedOnce('2025-03-06', during.codes);
    // Newly overdue after the kill: only the survivor is left to mark them.
    const afterKill = overdueHistory('2025-03-07', 20);
    const before = loggedMarks(second);
    await importHistory(second, afterKill);
    await expectMarkedOnce('2025-03-07', afterKill.codes);
    assert.equal(loggedMarks(second) - before, afterKill.codes.length);
    // And the survivor still receives dossiers.
    const received = await submitDossier(second, clerk, { channel: 'desk', applicant: { id_number: '079123459999', name: 'Phan Văn Em' } });
    assert.equal(received.status, 201, received.text);
  });

  test('audit verify passes over the chain both processes wrote', async () => {
    assert.equal(await second.stop('SIGTERM'), 0, second.logs());
    const verified = runCli(dataDir, ['audit', 'verify']);
    assert.equal(verified.status, 0, `audit verify:\n${verified.stdout}\n${verified.stderr}`);
  });
});
