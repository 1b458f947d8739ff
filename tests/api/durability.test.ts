// Durability: while submissions and actions stream in concurrently, the server is killed with
// SIGKILL (no chance to flush anything). After a restart on the same data directory every
// acknowledged (2xx) dossier exists with at least the acknowledged status, its history holds every
// acknowledged event, and the audit log's hash chain still verifies (`motcua audit verify`).
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { makeTempDir, startServer, type RunningServer } from './support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, login, runCli, type Session } from './support/auth.ts';
import { act, getDossier, getEvents, submitDossier } from './support/dossiers.ts';

const WORKERS = 8;
const KILL_AFTER_ACKS = 120;
const KILL_AFTER_MS = 20_000;

// The path every dossier follows: who acts, the action, its fields, the status it leads to.
type Role = 'citizen' | 'clerk' | 'specialist' | 'head';
const PATH: { as: Role; action: string; fields?: Record<string, unknown>; to: number }[] = [
  { as: 'clerk', action: 'accept', to: 2 },
  { as: 'clerk', action: 'forward', to: 4 },
  { as: 'specialist', action: 'forward', to: 4 },
  { as: 'head', action: 'approve', to: 4 },
  { as: 'clerk', action: 'finish', fields: { result_kind: 'paper' }, to: 9 },
  { as: 'clerk', action: 'return_result', fields: { delivery: 'desk' }, to: 10 },
  { as: 'citizen', action: 'rate', fields: { rating: 'satisfied' }, to: 10 },
];
// How far along the path a status is (statuses only move forward on this path).
const RANK: Record<number, number> = { 1: 0, 2: 1, 4: 2, 9: 3, 10: 4 };

interface Acknowledged {
  status: number;
  /** seq → [action, to_status] of every acknowledged event. */
  events: Map<number, [string, number]>;
}

let servers: RunningServer[] = [];

after(async () => {
  for (const server of servers) {
    await server.close();
  }
});

describe('durability across SIGKILL', () => {
  test('every acknowledged submission and action survives kill -9', async () => {
    const dataDir = makeTempDir('motcua-durability-');
    const first = await startServer({ dataDir, demo: true, env: FAST_HASHING, demoEnv: FAST_HASHING });
    servers.push(first);
    const sessions: Record<Role, Session> = {
      citizen: await login(first, DEMO_LOGINS.citizen),
      clerk: await login(first, DEMO_LOGINS.clerk),
      specialist: await login(first, DEMO_LOGINS.specialist),
      head: await login(first, DEMO_LOGINS.head),
    };
    const acknowledged = new Map<string, Acknowledged>();
    let acks = 0;
    let killed = false;
    const record = (body: any, action: string) => {
      const entry = acknowledged.get(body.code) ?? { status: body.status, events: new Map() };
      if (RANK[body.status]! >= RANK[entry.status]!) {
        entry.status = body.status;
      }
      entry.events.set(body.event_count, [action, body.status]);
      acknowledged.set(body.code, entry);
      acks += 1;
    };

    // Each worker submits a dossier and walks it along the path, then starts another, until the
    // server dies under it (a refused connection or a reset ends the worker).
    const worker = async (index: number) => {
      try {
        while (!killed) {
          const submitted = await submitDossier(first, sessions.citizen, { idempotencyKey: `durability-${index}-${acks}-${Math.random()}` });
          if (submitted.status !== 201) {
            assert.fail(`submit: ${submitted.status} ${submitted.text}`);
          }
          record(submitted.body, 'submit');
          for (const step of PATH) {
            if (killed) break;
            const answer = await act(first, sessions[step.as], submitted.body.code, step.action, step.fields);
            if (answer.status !== 200) {
              assert.fail(`${step.action}: ${answer.status} ${answer.text}`);
            }
            assert.equal(answer.body.status, step.to);
            record(answer.body, step.action);
          }
        }
      } catch (error) {
        if (!killed) {
          throw error;
        }
        // The server was killed: requests in flight fail, which is expected.
      }
    };
    const running = Array.from({ length: WORKERS }, (_, i) => worker(i));
    const started = Date.now();
    while (acks < KILL_AFTER_ACKS && Date.now() - started < KILL_AFTER_MS) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    killed = true;
    const exit = await first.stop('SIGKILL');
    assert.equal(exit, null, 'killed by a signal');
    await Promise.all(running);
    assert.ok(acks >= 20, `only ${acks} acknowledged answers before the kill`);
    assert.ok(acknowledged.size >= WORKERS, `only ${acknowledged.size} dossiers`);

    const second = await startServer({ dataDir, demo: false, env: FAST_HASHING });
    servers.push(second);
    const citizen = await login(second, DEMO_LOGINS.citizen);
    const problems: string[] = [];
    for (const [code, expected] of acknowledged) {
      const dossier = await getDossier(second, citizen, code);
      if (dossier.status !== 200) {
        problems.push(`${code}: ${dossier.status} ${dossier.text.slice(0, 200)}`);
        continue;
      }
      if (RANK[dossier.body.status]! < RANK[expected.status]!) {
        problems.push(`${code}: status ${dossier.body.status}, acknowledged ${expected.status}`);
      }
      const events = await getEvents(second, citizen, code);
      assert.equal(events.status, 200, events.text);
      const stored = new Map<number, any>(events.body.items.map((e: any) => [e.seq, e]));
      for (const [seq, [action, to]] of expected.events) {
        const event = stored.get(seq);
        if (!event || event.action !== action || event.to_status !== to) {
          problems.push(`${code}: acknowledged event ${seq} ${action} → ${to}, stored ${JSON.stringify(event)}`);
        }
      }
      const seqs = events.body.items.map((e: any) => e.seq);
      assert.deepEqual(seqs, seqs.map((_: number, i: number) => i + 1), `${code}: gaps in the history`);
      assert.equal(dossier.body.event_count, seqs.length, `${code}: event_count and history disagree`);
      assert.equal(events.body.items.at(-1).to_status, dossier.body.status, `${code}: status and history disagree`);
    }
    assert.deepEqual(problems, [], `${problems.length} acknowledged changes lost after SIGKILL:\n${problems.join('\n')}`);

    // The restarted server keeps working: the next dossier gets a fresh code.
    const next = await submitDossier(second, citizen);
    assert.equal(next.status, 201, next.text);
    assert.ok(!acknowledged.has(next.body.code), `code ${next.body.code} issued twice`);
    assert.equal(await second.stop('SIGTERM'), 0, second.logs());

    const verified = runCli(dataDir, ['audit', 'verify']);
    assert.equal(verified.status, 0, `audit verify after SIGKILL:\n${verified.stdout}\n${verified.stderr}`);
  });
});
