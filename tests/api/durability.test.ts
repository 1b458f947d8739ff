// Durability: while submissions, uploads and actions stream in concurrently, the server is killed
// with SIGKILL (no chance to flush anything), MOTCUA_KILL_ROUNDS times (20 by default) on the same
// data directory. After each kill, with no server running: `motcua audit verify` passes, and
// `motcua files collect --grace-seconds 0` leaves no orphan (a second run finds nothing to delete).
// After each restart every acknowledged (2xx) dossier exists with at least the acknowledged
// status, its history holds every acknowledged event, and every acknowledged upload downloads with
// the bytes sent — the collection deleted no linked file.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { makeTempDir, startServer, type RunningServer } from './support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, authHeaders, login, runCli, type Session } from './support/auth.ts';
import { getJson, type JsonAnswer } from './support/http.ts';
import { act, getDossier, getEvents, submitDossier } from './support/dossiers.ts';
import { scanPdf, uniqueLabel } from './support/scan_files.ts';

const ROUNDS = Number(process.env.MOTCUA_KILL_ROUNDS ?? 20);
const WORKERS = 8;
const KILL_AFTER_MS = 15_000;
const BOUNDARY = '----motcua-durability-5c1e';

// The path every dossier follows after its submission and the applicant's attachment: who acts,
// the action, its fields, the status it leads to.
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
  /** SHA-256 of every acknowledged upload. */
  files: Set<string>;
}

const servers: RunningServer[] = [];

after(async () => {
  for (const server of servers) {
    await server.close();
  }
});

/** A PDF of 32 KiB to 1.5 MiB, distinct from every other one (a kill often lands mid-upload). */
function scan(): Buffer {
  const size = 32 * 1024 + Math.floor(Math.random() * 1536 * 1024);
  return scanPdf(uniqueLabel('durability'), { size, fill: 'random' });
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function attach(server: RunningServer, session: Session, code: string, content: Buffer): Promise<JsonAnswer> {
  const body = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="component"\r\n\r\nTP1\r\n`),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="to-khai.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n'),
    content,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return getJson(`${server.url}/api/v1/dossiers/${encodeURIComponent(code)}/files`, {
    method: 'POST',
    headers: { ...authHeaders(session), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    body: new Uint8Array(body),
  });
}

async function loginAll(server: RunningServer): Promise<Record<Role, Session>> {
  return {
    citizen: await login(server, DEMO_LOGINS.citizen),
    clerk: await login(server, DEMO_LOGINS.clerk),
    specialist: await login(server, DEMO_LOGINS.specialist),
    head: await login(server, DEMO_LOGINS.head),
  };
}

/** Runs the mixed writes on `server` and kills it with SIGKILL at a random moment. */
async function writeAndKill(server: RunningServer, acknowledged: Map<string, Acknowledged>, round: number): Promise<number> {
  const sessions = await loginAll(server);
  let acks = 0;
  let killed = false;
  const record = (body: any, action: string) => {
    const entry = acknowledged.get(body.code) ?? { status: body.status, events: new Map(), files: new Set<string>() };
    if (RANK[body.status]! >= RANK[entry.status]!) {
      entry.status = body.status;
    }
    entry.events.set(body.event_count, [action, body.status]);
    acknowledged.set(body.code, entry);
    acks += 1;
  };

  // Each worker submits a dossier, attaches a scan and walks it along the path, then starts
  // another, until the server dies under it (a refused connection or a reset ends the worker).
  const worker = async (index: number) => {
    try {
      while (!killed) {
        const submitted = await submitDossier(server, sessions.citizen, { idempotencyKey: `durability-${round}-${index}-${acks}-${Math.random()}` });
        if (submitted.status !== 201) {
          assert.fail(`submit: ${submitted.status} ${submitted.text}`);
        }
        const code: string = submitted.body.code;
        record(submitted.body, 'submit');
        const content = scan();
        const attached = await attach(server, sessions.citizen, code, content);
        if (attached.status !== 201) {
          assert.fail(`attach: ${attached.status} ${attached.text}`);
        }
        assert.equal(attached.body.files[0].sha256, sha256(content));
        record(attached.body.dossier, 'attach');
        acknowledged.get(code)!.files.add(sha256(content));
        for (const step of PATH) {
          if (killed) break;
          const answer = await act(server, sessions[step.as], code, step.action, step.fields);
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
  // Kill after 20 to 80 acknowledged answers: at varied points of submissions, uploads, actions.
  const killAfter = 20 + Math.floor(Math.random() * 60);
  const started = Date.now();
  while (acks < killAfter && Date.now() - started < KILL_AFTER_MS) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  killed = true;
  const exit = await server.stop('SIGKILL');
  assert.equal(exit, null, 'killed by a signal');
  await Promise.all(running);
  return acks;
}

/** Every acknowledged dossier, event and upload of `codes` as `server` has them now. */
async function lostWrites(server: RunningServer, acknowledged: Map<string, Acknowledged>, codes: Iterable<string>): Promise<string[]> {
  const citizen = await login(server, DEMO_LOGINS.citizen);
  const problems: string[] = [];
  for (const code of codes) {
    const expected = acknowledged.get(code)!;
    const dossier = await getDossier(server, citizen, code);
    if (dossier.status !== 200) {
      problems.push(`${code}: ${dossier.status} ${dossier.text.slice(0, 200)}`);
      continue;
    }
    if (RANK[dossier.body.status]! < RANK[expected.status]!) {
      problems.push(`${code}: status ${dossier.body.status}, acknowledged ${expected.status}`);
    }
    const events = await getEvents(server, citizen, code);
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
    for (const sha of expected.files) {
      const response = await fetch(`${server.url}/api/v1/files/${sha}?dossier=${encodeURIComponent(code)}`,
        { headers: authHeaders(citizen) });
      const bytes = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200 || sha256(bytes) !== sha) {
        problems.push(`${code}: acknowledged upload ${sha}: ${response.status}, ${bytes.length} bytes`);
      }
    }
  }
  return problems;
}

/** With no server running: the audit chain verifies and the collection leaves no orphan. */
function checkStopped(dataDir: string, round: number): { collected: number } {
  const verified = runCli(dataDir, ['audit', 'verify']);
  assert.equal(verified.status, 0, `round ${round}: audit verify after SIGKILL:\n${verified.stdout}\n${verified.stderr}`);
  const collect = () => {
    const result = runCli(dataDir, ['files', 'collect', '--grace-seconds', '0']);
    assert.equal(result.status, 0, `round ${round}: files collect: ${result.stderr}`);
    const match = /deleted (\d+) linked by no dossier and (\d+) temporary files/.exec(result.stdout);
    assert.ok(match, result.stdout);
    return Number(match[1]) + Number(match[2]);
  };
  const collected = collect();
  assert.equal(collect(), 0, `round ${round}: an orphan survived the collection`);
  const incoming = join(dataDir, 'files', '.incoming');
  assert.ok(!existsSync(incoming) || readdirSync(incoming).length === 0, `round ${round}: temporary files left`);
  return { collected };
}

describe('durability across SIGKILL', () => {
  test(`every acknowledged submission, upload and action survives ${ROUNDS} rounds of kill -9`, async () => {
    const dataDir = makeTempDir('motcua-durability-');
    const acknowledged = new Map<string, Acknowledged>();
    let totalAcks = 0;
    let totalCollected = 0;
    let server = await startServer({ dataDir, demo: true, env: FAST_HASHING, demoEnv: FAST_HASHING });
    servers.push(server);
    for (let round = 1; round <= ROUNDS; round++) {
      const before = new Set(acknowledged.keys());
      const acks = await writeAndKill(server, acknowledged, round);
      assert.ok(acks >= 10, `round ${round}: only ${acks} acknowledged answers before the kill`);
      totalAcks += acks;
      totalCollected += checkStopped(dataDir, round).collected;

      server = await startServer({ dataDir, demo: false, env: FAST_HASHING });
      servers.push(server);
      // The dossiers this round touched (new ones and those whose walk went on) are checked now;
      // all of them once more after the last round.
      const touched = [...acknowledged.keys()].filter((code) => !before.has(code) || round === ROUNDS);
      const problems = await lostWrites(server, acknowledged, round === ROUNDS ? acknowledged.keys() : touched);
      assert.deepEqual(problems, [], `round ${round}: ${problems.length} acknowledged changes lost after SIGKILL:\n${problems.join('\n')}`);
    }
    const files = [...acknowledged.values()].reduce((n, entry) => n + entry.files.size, 0);
    console.log(`durability: ${ROUNDS} rounds, ${totalAcks} acknowledged writes, ${acknowledged.size} dossiers, ` +
      `${files} uploads kept, ${totalCollected} orphans and temporaries collected`);
    assert.ok(files >= ROUNDS, `only ${files} acknowledged uploads`);

    // The restarted server keeps working: the next dossier gets a fresh code.
    const citizen = await login(server, DEMO_LOGINS.citizen);
    const next = await submitDossier(server, citizen);
    assert.equal(next.status, 201, next.text);
    assert.ok(!acknowledged.has(next.body.code), `code ${next.body.code} issued twice`);
    assert.equal(await server.stop('SIGTERM'), 0, server.logs());
    const verified = runCli(dataDir, ['audit', 'verify']);
    assert.equal(verified.status, 0, `audit verify at the end:\n${verified.stdout}\n${verified.stderr}`);
  });
});
