// The outbox under the two ways a province's servers really fail (issue 14): a server killed
// (SIGKILL) in the middle of delivering loses no message and repeats none at the portal once it is
// back; and two server processes on one PostgreSQL database deliver each message once, sharing the
// rows (PostgreSQL only: a SQLite file belongs to one process).
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { DEMO_LOGINS, FAST_HASHING, login } from '../api/support/auth.ts';
import { ON_POSTGRES, makeTempDir, runDemo, startServer, type RunningServer } from '../api/support/server.ts';
import { PORTAL, portalEnv as deliveringTo, startSimulator, type RunningSimulator } from '../api/support/dvcqg_simulator.ts';
import { CONCURRENCY, assertPortalMatches, drained, oneDossier, pool, queue } from './support.ts';

// Many workers, quick retries and no dead letters: kills and restarts must not lose a row.
const portalEnv = (sim: RunningSimulator) => deliveringTo(sim, {
  MOTCUA_OUTBOX_WORKERS: '8', MOTCUA_OUTBOX_POLL_MS: '20', MOTCUA_OUTBOX_BACKOFF_CAP_MS: '500',
  MOTCUA_OUTBOX_MAX_ATTEMPTS: '1000', MOTCUA_OUTBOX_LEASE_SECONDS: '10',
});

const servers: RunningServer[] = [];
const simulators: RunningSimulator[] = [];
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await Promise.all(simulators.map((sim) => sim.stop()));
});

describe('a server killed while delivering', () => {
  test('loses no message and repeats no effect at the portal', async () => {
    // Slow answers keep deliveries under way when the kill comes.
    const sim = await startSimulator({ ...PORTAL, faultRate: 0.5, faults: ['slow'], slowMs: 40 });
    simulators.push(sim);
    const dataDir = makeTempDir('motcua-outbox-kill-');
    runDemo(dataDir, FAST_HASHING);
    const codes: string[] = [];
    let server = await startServer({ dataDir, env: portalEnv(sim) });
    servers.push(server);
    for (let round = 0; round < 3; round += 1) {
      const clerk = await login(server, DEMO_LOGINS.clerk);
      await pool(Array.from({ length: 60 }, (_, i) => round * 60 + i), CONCURRENCY, async (n) => {
        codes.push(await oneDossier(server, clerk, n));
      });
      // Kill while the backlog is being delivered.
      const waiting = await queue(server);
      assert.ok(waiting.pending > 0, 'the kill must come while messages wait');
      await server.stop('SIGKILL');
      server = await startServer({ dataDir, env: portalEnv(sim) });
      servers.push(server);
    }
    await drained(server, 120_000);
    await assertPortalMatches(server, await login(server, DEMO_LOGINS.clerk), sim, codes);
    const summary = await sim.summary();
    console.log(`after 3 kills: ${summary.counters.requests} requests, ${summary.counters.duplicates} repeated deliveries absorbed by their keys`);
  });
});

describe('two processes on one PostgreSQL database', { skip: ON_POSTGRES ? false : 'PostgreSQL only (MOTCUA_TEST_DATABASE=postgresql)' }, () => {
  test('deliver each message once between them', async () => {
    const sim = await startSimulator(PORTAL);
    simulators.push(sim);
    const dataDir = makeTempDir('motcua-outbox-two-');
    runDemo(dataDir, FAST_HASHING);
    const [first, second] = await Promise.all([
      startServer({ dataDir, env: portalEnv(sim) }), startServer({ dataDir, env: portalEnv(sim) }),
    ]);
    servers.push(first, second);
    const clerks = [await login(first, DEMO_LOGINS.clerk), await login(second, DEMO_LOGINS.clerk)];
    const codes: string[] = [];
    await pool(Array.from({ length: 300 }, (_, i) => i), CONCURRENCY, async (n) => {
      const server = n % 2 === 0 ? first : second;
      codes.push(await oneDossier(server, clerks[n % 2]!, n));
    });
    await drained(first, 120_000);
    await assertPortalMatches(first, clerks[0]!, sim, codes);
    const summary = await sim.summary();
    // No fault was injected: any repeated delivery would be a message both processes sent.
    assert.equal(summary.counters.duplicates, 0, JSON.stringify(summary.counters));
    const ok = async (server: RunningServer) => Number(/^motcua_outbox_deliveries_total\{connector="dvcqg",outcome="ok"\} (\d+)/m
      .exec(await (await fetch(`${server.url}/metrics`)).text())?.[1] ?? 0);
    const [byFirst, bySecond] = [await ok(first), await ok(second)];
    assert.equal(byFirst + bySecond, codes.length * 11, 'each message delivered once between the two');
    assert.ok(byFirst > 0 && bySecond > 0, `both processes delivered (${byFirst}, ${bySecond})`);
  });
});
