// Graceful shutdown under load: SIGTERM while 8 keep-alive clients search and read procedures.
// The process must exit 0 within 10 s; every answer that arrived must be complete and correct;
// the data must be intact when the server starts again on the same directory.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { makeTempDir, runDemo, startServer, type RunningServer } from './support/server.ts';

const WORKERS = 8;
const LOAD_MS = 1_500;
const SIGNAL_AT_MS = 750;

const servers: RunningServer[] = [];
after(async () => {
  for (const server of servers) {
    await server.close();
  }
});

async function catalogue(url: string): Promise<{ total: number; first: any; codes: string[] }> {
  const response = await fetch(`${url}/api/v1/procedures?limit=100`);
  assert.equal(response.status, 200);
  const page = await response.json();
  return { total: page.total, first: page.items[0], codes: page.items.map((p: any) => p.code) };
}

test('SIGTERM under load: exit 0, only complete answers, data intact after restart', async (t) => {
  const dataDir = makeTempDir();
  runDemo(dataDir);
  const server = await startServer({ dataDir });
  servers.push(server);

  // Expected answers, read before the load.
  const before = await catalogue(server.url);
  assert.equal(before.total, 66);
  const details = new Map<string, any>();
  for (const code of before.codes.slice(0, 12)) {
    details.set(code, await (await fetch(`${server.url}/api/v1/procedures/${code}`)).json());
  }
  const codes = [...details.keys()];

  let signalled = false;
  let completed = 0;
  let refusedAfterSignal = 0;
  const failures: string[] = [];
  const deadline = Date.now() + LOAD_MS;

  async function worker(id: number): Promise<void> {
    let i = id;
    while (Date.now() < deadline) {
      i += 1;
      const kind = i % 3;
      const code = codes[i % codes.length]!;
      const path = kind === 0 ? `/api/v1/procedures/${code}`
        : kind === 1 ? `/api/v1/procedures?q=${encodeURIComponent('đăng ký khai sinh')}&limit=5`
          : '/api/v1/procedures?limit=100';
      let response: Response;
      try {
        response = await fetch(`${server.url}${path}`);
      } catch (error) {
        // Connection refused or closed before an answer: acceptable once the signal is sent.
        if (!signalled) {
          failures.push(`worker ${id}: ${path}: ${String((error as Error).cause ?? error)} before SIGTERM`);
        }
        if (signalled) {
          refusedAfterSignal += 1;
          return;
        }
        continue;
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        failures.push(`worker ${id}: ${path}: the body was cut off (${String((error as Error).cause ?? error)})`);
        return;
      }
      completed += 1;
      if (response.status !== 200) {
        failures.push(`worker ${id}: ${path}: status ${response.status} ${text.slice(0, 200)}`);
        continue;
      }
      let body: any;
      try {
        body = JSON.parse(text);
      } catch {
        failures.push(`worker ${id}: ${path}: unparseable JSON (${text.length} bytes)`);
        continue;
      }
      if (kind === 0) {
        try {
          assert.deepEqual(body, details.get(code));
        } catch {
          failures.push(`worker ${id}: ${path}: a different procedure detail`);
        }
      } else if (kind === 1) {
        if (body.items?.[0]?.name_vi !== 'Đăng ký khai sinh') {
          failures.push(`worker ${id}: ${path}: first result ${body.items?.[0]?.name_vi}`);
        }
      } else if (body.total !== 66 || body.items?.length !== 66) {
        failures.push(`worker ${id}: ${path}: total ${body.total}, ${body.items?.length} items`);
      }
    }
  }

  const load = Promise.all(Array.from({ length: WORKERS }, (_, id) => worker(id)));
  await sleep(SIGNAL_AT_MS);
  const completedBeforeSignal = completed;
  signalled = true;
  const started = Date.now();
  const exitCode = await server.stop('SIGTERM', 10_000);
  const stopMs = Date.now() - started;
  await load;

  t.diagnostic(`${completedBeforeSignal} answers before SIGTERM, ${completed} in all; ` +
    `${refusedAfterSignal} clients refused after it; exit ${exitCode} after ${stopMs} ms`);
  assert.deepEqual(failures, [], server.logs().slice(-2000));
  assert.ok(completedBeforeSignal >= WORKERS, `the load was too light: ${completedBeforeSignal} answers before SIGTERM`);
  assert.equal(exitCode, 0, `exit code ${exitCode} after ${stopMs} ms:\n${server.logs().slice(-3000)}`);
  assert.ok(stopMs < 10_000);
  assert.match(server.logs(), /signal 15 received/);

  // Same data directory, no demo this time: the catalogue is unchanged.
  const restarted = await startServer({ dataDir, demo: false });
  servers.push(restarted);
  const afterRestart = await catalogue(restarted.url);
  assert.equal(afterRestart.total, before.total);
  assert.deepEqual(afterRestart.first, before.first);
  assert.deepEqual(afterRestart.codes, before.codes);
  const detail = await (await fetch(`${restarted.url}/api/v1/procedures/${codes[0]}`)).json();
  assert.deepEqual(detail, details.get(codes[0]!));
  assert.equal(await restarted.stop('SIGTERM'), 0, restarted.logs());
});

test('SIGINT on an idle server also exits 0', async () => {
  const server = await startServer();
  servers.push(server);
  await (await fetch(`${server.url}/healthz`)).text();
  assert.equal(await server.stop('SIGINT', 10_000), 0, server.logs());
});
