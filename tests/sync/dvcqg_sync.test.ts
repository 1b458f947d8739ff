// The national portal sync under faults (issue 14): the real server delivers its outbox to the
// DVCQG simulator (tests/simulators/dvcqg/) while the simulator injects 10 % faults of every
// kind; afterwards the portal holds exactly one copy of every dossier, every step in order, and
// the acknowledgement of each dossier is recorded as its sync_ack fact. Then the portal goes
// down while dossiers keep changing, and the backlog drains by itself once it is back.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_LOGINS, FAST_HASHING, login, type Session } from '../api/support/auth.ts';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { ALL_FAULT_KINDS, PORTAL, portalEnv, startSimulator, type RunningSimulator } from '../api/support/dvcqg_simulator.ts';
import { CONCURRENCY, assertPortalMatches, drained, oneDossier, pool, queue } from './support.ts';

const DOSSIERS = Number(process.env.SYNC_DOSSIERS ?? 1850);  // × 11 events: 20,350.

describe('DVCQG sync through the outbox', () => {
  let sim: RunningSimulator;
  let server: RunningServer;
  let clerk: Session;
  const codes: string[] = [];

  before(async () => {
    sim = await startSimulator({
      ...PORTAL, faultRate: 0.1, faults: [...ALL_FAULT_KINDS], seed: 14, slowMs: 200, timeoutMs: 700,
    });
    server = await startServer({
      demoEnv: FAST_HASHING,
      env: portalEnv(sim, {
        MOTCUA_DVCQG_TIMEOUT_MS: '600', MOTCUA_OUTBOX_WORKERS: '8', MOTCUA_OUTBOX_BACKOFF_CAP_MS: '1000',
        MOTCUA_OUTBOX_MAX_ATTEMPTS: '1000',
      }),
    });
    clerk = await login(server, DEMO_LOGINS.clerk);
  });
  after(async () => {
    await server?.close();
    await sim?.stop();
  });

  test('every dossier and every step reaches the portal once, in order, despite 10 % faults', async () => {
    const started = Date.now();
    await pool(Array.from({ length: DOSSIERS }, (_, i) => i), CONCURRENCY, async (n) => {
      codes.push(await oneDossier(server, clerk, n));
    });
    const produced = Date.now();
    await drained(server, 300_000);
    console.log(`${codes.length * 11} events in ${produced - started} ms; drained ${Date.now() - produced} ms later`);
    await assertPortalMatches(server, clerk, sim, codes);
    const summary = await sim.summary();
    for (const kind of ALL_FAULT_KINDS) {
      assert.ok(summary.counters.faults[kind] > 0, `no ${kind} fault was injected`);
    }
  });

  test('while the portal is down the rows wait; once it is back the backlog drains by itself', async () => {
    await sim.setFaults({ rate: 0 });
    await sim.down(true);
    const later: string[] = [];
    await pool(Array.from({ length: 100 }, (_, i) => DOSSIERS + i), CONCURRENCY, async (n) => {
      later.push(await oneDossier(server, clerk, n));
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const waiting = await queue(server);
    assert.ok(waiting.pending >= 100, `only ${waiting.pending} rows wait while the portal is down`);
    await sim.down(false);
    await drained(server, 120_000);
    codes.push(...later);
    await assertPortalMatches(server, clerk, sim, codes);
  });
});
