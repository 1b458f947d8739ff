// /metrics: Prometheus counters by route and status, and the latency histogram.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

function sample(text: string, name: string, labels?: string): number | undefined {
  const prefix = labels === undefined ? `${name} ` : `${name}{${labels}} `;
  const line = text.split('\n').find((l) => l.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

test('counts requests by route and status, with a histogram per route', async () => {
  for (const q of ['khai sinh', 'kết hôn', 'đất đai']) {
    const response = await fetch(`${server.url}/api/v1/procedures?q=${encodeURIComponent(q)}`);
    assert.equal(response.status, 200);
    await response.text();
  }
  const bad = await fetch(`${server.url}/api/v1/procedures?limit=0`);
  assert.equal(bad.status, 400);
  await bad.text();
  const detail = await fetch(`${server.url}/api/v1/procedures/1.001193.000.00.00.H32`);
  await detail.text();
  const missing = await fetch(`${server.url}/no/such/route`);
  await missing.text();

  const response = await fetch(`${server.url}/metrics`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  assert.match(text, /^# TYPE motcua_http_requests_total counter$/m);
  assert.match(text, /^# TYPE motcua_http_request_duration_seconds histogram$/m);

  const route = 'route="GET /api/v1/procedures"';
  assert.equal(sample(text, 'motcua_http_requests_total', `${route},status="200"`), 3);
  assert.equal(sample(text, 'motcua_http_requests_total', `${route},status="400"`), 1);
  assert.equal(sample(text, 'motcua_http_requests_total', 'route="GET /api/v1/procedures/{code}",status="200"'), 1);
  assert.equal(sample(text, 'motcua_http_requests_total', 'route="unmatched",status="404"'), 1);
  // No request to the agencies yet: no counter line for it.
  assert.equal(sample(text, 'motcua_http_requests_total', 'route="GET /api/v1/agencies",status="200"'), undefined);

  // The histogram: cumulative buckets, ending with +Inf = _count = every answer of the route.
  const buckets = [...text.matchAll(/^motcua_http_request_duration_seconds_bucket\{route="GET \/api\/v1\/procedures",le="([^"]+)"\} (\d+)$/gm)]
    .map((m) => ({ le: m[1]!, count: Number(m[2]) }));
  assert.ok(buckets.length >= 5, `too few buckets: ${buckets.length}`);
  assert.equal(buckets.at(-1)!.le, '+Inf');
  for (let i = 1; i < buckets.length; i += 1) {
    assert.ok(buckets[i]!.count >= buckets[i - 1]!.count, 'buckets are not cumulative');
    if (i < buckets.length - 1) {
      assert.ok(Number(buckets[i]!.le) > Number(buckets[i - 1]!.le), 'bucket bounds are not increasing');
    }
  }
  assert.equal(buckets.at(-1)!.count, 4);
  assert.equal(sample(text, 'motcua_http_request_duration_seconds_count', route), 4);
  const sum = sample(text, 'motcua_http_request_duration_seconds_sum', route);
  assert.ok(sum !== undefined && sum > 0 && sum < 60, `sum ${sum}`);
});

test('the counters grow with later requests', async () => {
  const before = await (await fetch(`${server.url}/metrics`)).text();
  const count = sample(before, 'motcua_http_requests_total', 'route="GET /healthz",status="200"') ?? 0;
  for (let i = 0; i < 5; i += 1) {
    await (await fetch(`${server.url}/healthz`)).text();
  }
  const after = await (await fetch(`${server.url}/metrics`)).text();
  assert.equal(sample(after, 'motcua_http_requests_total', 'route="GET /healthz",status="200"'), count + 5);
  // The earlier /metrics scrape is itself counted.
  assert.ok((sample(after, 'motcua_http_requests_total', 'route="GET /metrics",status="200"') ?? 0) >= 2);
});

test('the overdue job reports its runs, what it marked and when it last finished', async () => {
  // The job runs at start (and then every overdue_check_seconds).
  let text = '';
  for (let tries = 0; tries < 50; tries += 1) {
    text = await (await fetch(`${server.url}/metrics`)).text();
    if ((sample(text, 'motcua_overdue_job_runs_total', 'outcome="ok"') ?? 0) >= 1) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.match(text, /^# TYPE motcua_overdue_job_runs_total counter$/m);
  assert.match(text, /^# TYPE motcua_overdue_job_last_success_seconds gauge$/m);
  assert.ok((sample(text, 'motcua_overdue_job_runs_total', 'outcome="ok"') ?? 0) >= 1, text);
  assert.equal(sample(text, 'motcua_overdue_job_runs_total', 'outcome="failed"'), 0);
  const marked = sample(text, 'motcua_overdue_marked_total');
  assert.ok(marked !== undefined && Number.isInteger(marked) && marked >= 0, `marked ${marked}`);
  const last = sample(text, 'motcua_overdue_job_last_success_seconds')!;
  assert.ok(Math.abs(last - Date.now() / 1000) < 120, `last success ${last}`);
});

test('only the allowed addresses, or a scraper with the metrics token, read /metrics', async () => {
  // The login failure counts are not for everyone: loopback by default; here loopback is not
  // listed, so only the token opens it.
  const token = 'mx-metrics-token-7f3a9c2e51d84b06';
  const guarded = await startServer({ env: { MOTCUA_METRICS_ALLOW: '10.9.9.9', MOTCUA_METRICS_TOKEN: token } });
  try {
    const refused = await fetch(`${guarded.url}/metrics`);
    assert.equal(refused.status, 403);
    assert.equal((await refused.json()).code, 'forbidden');
    const wrong = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${token}x` } });
    assert.equal(wrong.status, 403);
    await wrong.text();
    const scraped = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(scraped.status, 200);
    assert.match(await scraped.text(), /motcua_http_requests_total/);
  } finally {
    await guarded.close();
  }
  const closed = await startServer({ env: { MOTCUA_METRICS_ALLOW: '' } });
  try {
    const refused = await fetch(`${closed.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(refused.status, 403);  // No token configured: none accepted.
    await refused.text();
  } finally {
    await closed.close();
  }
});
