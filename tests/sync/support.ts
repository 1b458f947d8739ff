// Shared by the sync tests: producing dossier events over HTTP, waiting for the outbox to drain
// (its /metrics figures), and comparing what the DVCQG simulator holds with MotCua's events.
import assert from 'node:assert/strict';
import { type Session } from '../api/support/auth.ts';
import { act, getEvents, submitDossier } from '../api/support/dossiers.ts';
import { type RunningServer } from '../api/support/server.ts';
import { type RunningSimulator } from '../api/support/dvcqg_simulator.ts';

export const CONCURRENCY = 16;
// receive, 9 × reuse, forward: 11 events a dossier (20,350 for 1,850 dossiers).
const COMPONENTS = ['TP1', 'TP2', 'TP3', 'TP4', 'TP5'];

/** Runs `work` over `items` with at most `limit` at once. */
export async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  }));
}

async function okAction(server: RunningServer, clerk: Session, code: string, action: string, fields: Record<string, unknown>): Promise<void> {
  const answer = await act(server, clerk, code, action, fields);
  assert.equal(answer.status, 200, `${action} ${code}: ${answer.text}`);
}

/** A desk reception and its ten later events; returns the dossier's code. */
export async function oneDossier(server: RunningServer, clerk: Session, n: number): Promise<string> {
  const received = await submitDossier(server, clerk, {
    channel: 'desk',
    applicant: { kind: 'citizen', id_number: String(100000000000 + n), name: `Người nộp ${n}` },
  });
  assert.equal(received.status, 201, received.text);
  const code = received.body.code as string;
  for (const component of [...COMPONENTS, ...COMPONENTS.slice(0, 4)]) {
    await okAction(server, clerk, code, 'reuse', { component, source: 'database' });
  }
  await okAction(server, clerk, code, 'forward', {});
  return code;
}

/** The queue figures of /metrics for the dvcqg connector. */
export async function queue(server: RunningServer): Promise<{ pending: number; dead: number }> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const figure = (name: string) => Number(new RegExp(`^${name}\\{connector="dvcqg"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { pending: figure('motcua_outbox_pending'), dead: figure('motcua_outbox_dead') };
}

export async function drained(server: RunningServer, timeoutMs: number): Promise<void> {
  const start = Date.now();
  for (;;) {
    const figures = await queue(server);
    assert.equal(figures.dead, 0, 'no message may die in this test');
    if (figures.pending === 0) {
      return;
    }
    assert.ok(Date.now() - start < timeoutMs, `the outbox did not drain in ${timeoutMs} ms: ${figures.pending} waiting`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Compares what the portal holds with each dossier's events at MotCua. */
export async function assertPortalMatches(server: RunningServer, clerk: Session, sim: RunningSimulator, codes: string[]): Promise<void> {
  const state = await sim.state();
  let steps = 0;
  await pool(codes, CONCURRENCY, async (code) => {
    const events = await getEvents(server, clerk, code);
    assert.equal(events.status, 200, events.text);
    const items = events.body.items as any[];
    const sent = items.filter((event) => event.action !== 'sync_ack');
    const held = state.dossiers[code];
    assert.ok(held, `the portal lacks ${code}`);
    assert.equal(held.creates, 1, `${code} created ${held.creates} times`);
    assert.deepEqual(held.steps.map((step) => step.SoThuTu), sent.map((event) => event.seq), `${code}: steps`);
    assert.equal(held.header.TrangThaiHoSo, sent.at(-1).to_status, `${code}: status`);
    assert.equal(items.filter((event) => event.action === 'sync_ack').length, 1, `${code}: one sync_ack`);
    steps += held.steps.length;
  });
  assert.equal(Object.keys(state.dossiers).length, codes.length, 'the portal holds dossiers MotCua does not');
  assert.equal(state.counters.out_of_order, 0);
  console.log(`portal: ${codes.length} dossiers, ${steps} steps; ${state.counters.requests} requests, ` +
    `${state.counters.duplicates} duplicates ignored, faults ${JSON.stringify(state.counters.faults)}`);
}
