// Bounded resources (issue 13 item 5, docs/security.md V12/V13): the online submission rate per
// applicant account, the storage quota per dossier, the caps on concurrent uploads and open
// connections (503 with Retry-After), the refusal metrics, upload bodies spooled to disk (memory
// does not grow with the upload), and the collection of files no dossier links.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, authHeaders, login, runCli, type Session } from './support/auth.ts';
import { assertProblem, getJson, rawExchange, rawStatus, type JsonAnswer } from './support/http.ts';
import { createDossier, submitDossier } from './support/dossiers.ts';
import { scanPdf, uniqueLabel } from './support/scan_files.ts';

const BOUNDARY = '----motcua-limits-7f3a';
const servers: RunningServer[] = [];

after(async () => {
  for (const server of servers) {
    await server.close();
  }
});

async function start(env: Record<string, string>): Promise<RunningServer> {
  const server = await startServer({ env: { ...FAST_HASHING, ...env }, demoEnv: FAST_HASHING });
  servers.push(server);
  return server;
}

/** A one-page PDF of `size` bytes, distinct from every other one. */
function pdf(size: number, label: string): Buffer {
  return scanPdf(uniqueLabel(label), { size });
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function uploadBody(component: string, file: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="component"\r\n\r\n${component}\r\n`),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n'),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

function upload(server: RunningServer, session: Session, code: string, component: string, file: Buffer): Promise<JsonAnswer> {
  return getJson(`${server.url}/api/v1/dossiers/${encodeURIComponent(code)}/files`, {
    method: 'POST',
    headers: { ...authHeaders(session), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    body: new Uint8Array(uploadBody(component, file)),
  });
}

/** A dossier received at the desk, where the clerk may digitize its components. */
async function deskDossier(server: RunningServer, clerk: Session): Promise<string> {
  const dossier = await createDossier(server, clerk, {
    channel: 'desk',
    applicant: { kind: 'citizen', id_number: '056095001234', name: 'Nguyễn Văn An' },
  });
  return dossier.code;
}

async function refusals(server: RunningServer, code: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const match = new RegExp(`^motcua_limit_refusals_total\\{code="${code}"\\} (\\d+)$`, 'm').exec(text);
  assert.ok(match, `no refusal counter for ${code}`);
  return Number(match[1]);
}

function residentKiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

describe('bounded resources', () => {
  test('an applicant past the submission rate gets 429 too_many_submissions; the desk is not limited', async () => {
    const server = await start({ MOTCUA_SUBMISSIONS_PER_MINUTE: '3', MOTCUA_SUBMISSIONS_PER_DAY: '5' });
    const citizen = await login(server, DEMO_LOGINS.citizen);
    const statuses: number[] = [];
    let refused: JsonAnswer | undefined;
    for (let i = 0; i < 6 && !refused; i++) {
      const answer = await submitDossier(server, citizen);
      statuses.push(answer.status);
      if (answer.status === 429) refused = answer;
    }
    // Three a minute (a fourth only when the minute turned), five a day: the sixth at the latest.
    assert.ok(refused, `never refused: ${statuses.join(',')}`);
    assert.ok(statuses.filter((s) => s === 201).length >= 3, statuses.join(','));
    assertProblem(refused, 429, 'too_many_submissions');
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    const clerk = await login(server, DEMO_LOGINS.clerk);
    for (let i = 0; i < 4; i++) {
      await deskDossier(server, clerk);
    }
    assert.equal(await refusals(server, 'too_many_submissions'), 1);
  });

  test('a dossier over its storage quota gets 413; the refused file is collected, the linked one stays', async () => {
    const server = await start({ MOTCUA_DOSSIER_STORAGE_QUOTA_BYTES: '3000' });
    const clerk = await login(server, DEMO_LOGINS.clerk);
    const code = await deskDossier(server, clerk);
    const first = pdf(2000, 'first');
    const second = pdf(1500, 'second');
    assert.equal((await upload(server, clerk, code, 'TP1', first)).status, 201);
    assertProblem(await upload(server, clerk, code, 'TP2', second), 413, 'storage_quota_exceeded', 'dossier');
    // The same bytes again add nothing to the dossier.
    assert.equal((await upload(server, clerk, code, 'TP2', first)).status, 201);
    assert.equal(await refusals(server, 'storage_quota_exceeded'), 1);
    const stored = (sha: string) => join(server.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);
    assert.ok(existsSync(stored(sha256(second))), 'the refused upload was stored before its link failed');
    await server.stop();
    const collected = runCli(server.dataDir, ['files', 'collect', '--grace-seconds', '0']);
    assert.equal(collected.status, 0, collected.stderr);
    assert.match(collected.stdout, /deleted 1 linked by no dossier/);
    assert.ok(!existsSync(stored(sha256(second))), 'the orphan is deleted');
    assert.ok(existsSync(stored(sha256(first))), 'the linked file stays');
  });

  test('past max_concurrent_uploads the server answers 503 too_many_uploads with Retry-After', async () => {
    const server = await start({ MOTCUA_MAX_CONCURRENT_UPLOADS: '1' });
    const clerk = await login(server, DEMO_LOGINS.clerk);
    const code = await deskDossier(server, clerk);
    const body = uploadBody('TP1', pdf(100_000, 'slow'));
    const head = (length: number) =>
      `POST /api/v1/dossiers/${code}/files HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${clerk.token}\r\n` +
      `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${length}\r\n\r\n`;
    // A slow upload holds the only upload slot: half its body sent, the rest held back.
    const slow = net.connect({ host: server.host, port: server.port });
    await new Promise<void>((resolve) => slow.on('connect', () => resolve()));
    slow.write(Buffer.concat([Buffer.from(head(body.length)), body.subarray(0, body.length / 2)]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await rawExchange(server.host, server.port, Buffer.concat([Buffer.from(head(body.length)), body]));
    assert.equal(rawStatus(second.text), 503, second.text);
    assert.match(second.text, /"code":"too_many_uploads"/);
    assert.match(second.text, /\r\nRetry-After: 1\r\n/i);
    // Once the slow upload ends, the slot is free again.
    slow.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const third = await rawExchange(server.host, server.port, Buffer.concat([Buffer.from(head(body.length)), body]));
    assert.equal(rawStatus(third.text), 201, third.text);
    assert.equal(await refusals(server, 'too_many_uploads'), 1);
  });

  test('past max_connections a new connection gets 503 too_many_connections, then is served again', async () => {
    const server = await start({ MOTCUA_MAX_CONNECTIONS: '2' });
    // Two idle connections fill max_connections (raw sockets only: fetch would keep its own).
    const idle = [net.connect({ host: server.host, port: server.port }), net.connect({ host: server.host, port: server.port })];
    await Promise.all(idle.map((socket) => new Promise<void>((resolve) => socket.on('connect', () => resolve()))));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const third = await rawExchange(server.host, server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.equal(rawStatus(third.text), 503, third.text);
    assert.match(third.text, /"code":"too_many_connections"/);
    assert.match(third.text, /\r\nRetry-After: \d+\r\n/i);
    for (const socket of idle) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(rawStatus((await rawExchange(server.host, server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')).text), 200);
    assert.equal(await refusals(server, 'too_many_connections'), 1);
  });

  test('four concurrent 40 MiB uploads are spooled to disk: the server does not hold them in memory', async () => {
    const size = 40 << 20;
    const server = await start({
      // Under ASan, freed memory waits in a 256 MiB quarantine before reuse: kept small here so
      // that the resident size shows what the server holds, not what it freed.
      ASAN_OPTIONS: `${process.env.ASAN_OPTIONS ?? ''}:quarantine_size_mb=8`,
      MOTCUA_ATTACHMENT_MAX_FILE_BYTES: String(size + 4096),
      MOTCUA_DOSSIER_STORAGE_QUOTA_BYTES: String(8 * size),
    });
    const clerk = await login(server, DEMO_LOGINS.clerk);
    const codes = [await deskDossier(server, clerk), await deskDossier(server, clerk)];
    const before = residentKiB(server.pid);
    let peak = before;
    const sampler = setInterval(() => { peak = Math.max(peak, residentKiB(server.pid)); }, 20);
    const answers = await Promise.all([0, 1, 2, 3].map((i) =>
      upload(server, clerk, codes[i % 2]!, `TP${1 + Math.floor(i / 2)}`, pdf(size, `big-${i}`))));
    clearInterval(sampler);
    for (const answer of answers) {
      assert.equal(answer.status, 201, answer.text);
      assert.equal(answer.body.files[0].size, size);
    }
    // Held in memory, four bodies would add 160 MiB (the review measured 104 → 503 MB).
    const grownMiB = (peak - before) / 1024;
    assert.ok(grownMiB < 64, `the server grew by ${grownMiB.toFixed(1)} MiB`);
  });
});
