// The outbox to national systems (docs/connectors.md): the dossier events queued for the DVCQG
// simulator, delivered in order with what was sent kept, the portal's acknowledgement recorded as
// the sync_ack fact, dead letters held and released by the province administrator (API and
// console), the queue figures at /metrics, and the reconciliation of received vs pushed vs
// acknowledged dossiers with its gap list.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_LOGINS, FAST_HASHING, WARD, call, login, runCli, type Session } from './support/auth.ts';
import { act, getEvents, submitDossier } from './support/dossiers.ts';
import { databaseEnv, ON_POSTGRES, startServer, type RunningServer } from './support/server.ts';
import { PORTAL, portalEnv, startSimulator, type RunningSimulator } from './support/dvcqg_simulator.ts';
import { assertProblem } from './support/http.ts';

async function receive(server: RunningServer, clerk: Session, n: number): Promise<string> {
  const answer = await submitDossier(server, clerk, {
    channel: 'desk', applicant: { kind: 'citizen', id_number: String(200000000000 + n), name: `Người nộp ${n}` },
  });
  assert.equal(answer.status, 201, answer.text);
  return answer.body.code;
}

async function messages(server: RunningServer, admin: Session, query: string): Promise<any[]> {
  const answer = await call(server, `/api/v1/outbox?${query}`, { session: admin });
  assert.equal(answer.status, 200, answer.text);
  return answer.body.items;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    assert.ok(Date.now() - start < timeoutMs, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function thisMonth(): string {
  const local = new Date(Date.now() + 7 * 3600_000);
  return local.toISOString().slice(0, 7);
}

describe('outbox delivery to the national portal', () => {
  let sim: RunningSimulator;
  let server: RunningServer;
  let clerk: Session;
  let admin: Session;
  let head: Session;

  before(async () => {
    sim = await startSimulator(PORTAL);
    server = await startServer({ demoEnv: FAST_HASHING, env: portalEnv(sim, { MOTCUA_OUTBOX_MAX_ATTEMPTS: '3' }) });
    clerk = await login(server, DEMO_LOGINS.clerk);
    admin = await login(server, DEMO_LOGINS.province_admin);
    head = await login(server, DEMO_LOGINS.head);
  });
  after(async () => {
    await server?.close();
    await sim?.stop();
  });

  test('a reception and its steps reach the portal in order; the acknowledgement is the sync_ack fact', async () => {
    const code = await receive(server, clerk, 1);
    assert.equal((await act(server, clerk, code, 'reuse', { component: 'TP1', source: 'database' })).status, 200);
    assert.equal((await act(server, clerk, code, 'forward')).status, 200);
    const rows = await until('three delivered messages', async () => {
      const items = await messages(server, admin, `dossier=${code}`);
      return items.length === 3 && items.every((row) => row.state === 'delivered') ? items : undefined;
    });
    assert.deepEqual(rows.map((row) => [row.action, row.connector]).reverse(),
      [['receive', 'dvcqg'], ['reuse', 'dvcqg'], ['forward', 'dvcqg']]);
    const first = await call(server, `/api/v1/outbox/${rows.at(-1).id}`, { session: admin });
    assert.equal(first.status, 200, first.text);
    assert.match(first.body.sent, /"service":"DongBoHoSoMC"/);
    assert.match(first.body.sent, /"session":"\*\*\*"/, 'the session token is masked in what is kept');
    assert.ok(!first.body.sent.includes(PORTAL.password));
    const events = (await getEvents(server, clerk, code)).body.items as any[];
    const acks = events.filter((event) => event.action === 'sync_ack');
    assert.equal(acks.length, 1, JSON.stringify(events));
    assert.equal(acks[0].actor_login, 'system:dvcqg connector');
    // The acknowledgement may come before the forward: every other event is a step, in order.
    const held = (await sim.state()).dossiers[code]!;
    assert.equal(held.creates, 1);
    assert.deepEqual(held.steps.map((step) => step.SoThuTu),
      events.filter((event) => event.action !== 'sync_ack').map((event) => event.seq));
    assert.deepEqual(rows.map((row) => row.event_seq).reverse(), held.steps.map((step) => step.SoThuTu));
    assert.equal(held.header.TrangThaiHoSo, 4);
  });

  test('the reconciliation counts received, pushed and acknowledged dossiers and lists the gaps', async () => {
    const before = await call(server, `/api/v1/sync/reconciliation?agency=${WARD}&period=${thisMonth()}`, { session: head });
    assert.equal(before.status, 200, before.text);
    assert.equal(before.body.gaps, 0, before.text);
    assert.equal(before.body.received, before.body.acknowledged);
    await sim.down(true);
    const code = await receive(server, clerk, 2);
    await until('a failed attempt', async () => {
      const [row] = await messages(server, admin, `dossier=${code}`);
      return row?.attempts > 0 ? row : undefined;
    });
    const during = await call(server, `/api/v1/sync/reconciliation?agency=${WARD}&period=${thisMonth()}`, { session: head });
    assert.equal(during.body.received, before.body.received + 1);
    assert.equal(during.body.gaps, 1, during.text);
    const gaps = await call(server, `/api/v1/sync/reconciliation/gaps?agency=${WARD}&period=${thisMonth()}`, { session: head });
    assert.equal(gaps.status, 200, gaps.text);
    assert.deepEqual(gaps.body.items.map((gap: any) => gap.code), [code]);
    assert.equal(gaps.body.items[0].delivered, 0);
    assert.ok(gaps.body.items[0].pending + gaps.body.items[0].dead === 1);
    assert.ok(gaps.body.items[0].last_error, gaps.text);
    // Three attempts (outbox_max_attempts) and the message is dead: the dossier's next one waits.
    const dead = await until('a dead letter', async () => {
      const [row] = await messages(server, admin, `dossier=${code}`);
      return row?.state === 'dead' ? row : undefined;
    });
    assert.equal(dead.attempts, 3);
    assert.equal((await act(server, clerk, code, 'reuse', { component: 'TP1', source: 'database' })).status, 200);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(metrics, /^motcua_outbox_dead\{connector="dvcqg"\} 1$/m);
    assert.match(metrics, /^motcua_outbox_pending\{connector="dvcqg"\} 1$/m);
    assert.match(metrics, /^motcua_outbox_deliveries_total\{connector="dvcqg",outcome="dead"\} 1$/m);
    await sim.down(false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const held = await messages(server, admin, `dossier=${code}`);
    assert.deepEqual(held.map((row) => row.state), ['pending', 'dead'], 'the later message waits behind the dead one');
    // The administrator retries it: both go, in order.
    const retried = await call(server, `/api/v1/outbox/${dead.id}/retry`, { method: 'POST', session: admin });
    assert.equal(retried.status, 200, retried.text);
    assert.equal(retried.body.state, 'pending');
    assert.equal(retried.body.attempts, 0);
    await until('both delivered', async () => {
      const rows = await messages(server, admin, `dossier=${code}`);
      return rows.every((row) => row.state === 'delivered') ? rows : undefined;
    });
    assert.deepEqual((await sim.state()).dossiers[code]!.steps.map((step) => step.SoThuTu), [1, 2]);
    assertProblem(await call(server, `/api/v1/outbox/${dead.id}/skip`, { method: 'POST', session: admin }), 409, 'outbox_message_settled');
    const after = await call(server, `/api/v1/sync/reconciliation?agency=${WARD}&period=${thisMonth()}`, { session: head });
    assert.equal(after.body.gaps, 0, after.text);
  });

  test('only the province administrator steers the outbox; bad parameters are named', async () => {
    assertProblem(await call(server, '/api/v1/outbox', { session: clerk }), 403, 'forbidden');
    assertProblem(await call(server, '/api/v1/outbox'), 401, 'authentication_required');
    assertProblem(await call(server, '/api/v1/outbox?state=lost', { session: admin }), 400, 'invalid_parameter', 'state');
    assertProblem(await call(server, '/api/v1/outbox?cursor=x1', { session: admin }), 400, 'invalid_parameter', 'cursor');
    assertProblem(await call(server, '/api/v1/outbox/999999', { session: admin }), 404, 'outbox_message_not_found');
    assertProblem(await call(server, `/api/v1/sync/reconciliation?agency=H32.99999&period=2026-01`, { session: admin }), 400, 'invalid_parameter', 'agency');
    assertProblem(await call(server, `/api/v1/sync/reconciliation?agency=${WARD}&period=2026-13`, { session: admin }), 400, 'invalid_parameter', 'period');
  });

  test('the console lists, retries and skips messages', async () => {
    await sim.down(true);
    const code = await receive(server, clerk, 3);
    const dead = await until('a dead letter', async () => {
      const [row] = await messages(server, admin, `dossier=${code}`);
      return row?.state === 'dead' ? row : undefined;
    });
    const env = { ...FAST_HASHING, ...(ON_POSTGRES ? databaseEnv(server.dataDir) : {}) };
    const listed = runCli(server.dataDir, ['outbox', 'list', '--state', 'dead', '--dossier', code], { env });
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(`${dead.id}\\s+dvcqg\\s+${code.replace(/\./g, '\\.')}\\s+1\\s+receive\\s+dead\\s+3`));
    const skipped = runCli(server.dataDir, ['outbox', 'skip', String(dead.id)], { env });
    assert.equal(skipped.status, 0, skipped.stderr);
    assert.match(skipped.stdout, /is skipped/);
    const again = runCli(server.dataDir, ['outbox', 'retry', String(dead.id)], { env });
    assert.equal(again.status, 1);
    assert.match(again.stderr, /outbox_message_settled/);
    await sim.down(false);
  });
});

describe('queue mode records what is to be sent and sends nothing', () => {
  test('rows wait with no attempt', async () => {
    const sim = await startSimulator(PORTAL);
    const server = await startServer({ demoEnv: FAST_HASHING, env: portalEnv(sim, { MOTCUA_DVCQG_MODE: 'queue' }) });
    try {
      const clerk = await login(server, DEMO_LOGINS.clerk);
      const admin = await login(server, DEMO_LOGINS.province_admin);
      const code = await receive(server, clerk, 4);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const rows = await messages(server, admin, `dossier=${code}`);
      assert.deepEqual(rows.map((row) => [row.state, row.attempts]), [['pending', 0]]);
      assert.equal((await sim.summary()).counters.requests, 0);
    } finally {
      await server.close();
      await sim.stop();
    }
  });
});
