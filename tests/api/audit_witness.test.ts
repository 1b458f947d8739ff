// The audit witness (docs/connectors.md §6): every anchor of the audit log's head goes through the
// outbox to a witness outside the machine (tests/simulators/witness/), through an outage and
// faults, exactly as the anchor file holds it; `motcua audit verify` reads it back, so deleting
// the newest rows, rolling the head back *and* rewriting the anchor file is still caught.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeTempDir, runDemo, startServer, type RunningServer } from './support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, login, runCli, sql, tryLogin } from './support/auth.ts';
import { startWitness, WITNESS_TOKEN, type RunningWitness } from './support/witness_simulator.ts';

const SOURCE = 'motcua-test';
let dataDir: string;
let witness: RunningWitness;
let server: RunningServer;

function witnessEnv(): Record<string, string> {
  return {
    ...FAST_HASHING,
    MOTCUA_WITNESS_MODE: 'deliver', MOTCUA_WITNESS_URL: witness.url, MOTCUA_WITNESS_TOKEN: WITNESS_TOKEN,
    MOTCUA_WITNESS_SOURCE: SOURCE, MOTCUA_WITNESS_TIMEOUT_MS: '1000',
  };
}

before(async () => {
  dataDir = makeTempDir();
  runDemo(dataDir, FAST_HASHING);
  witness = await startWitness();
  server = await startServer({
    dataDir,
    env: {
      ...witnessEnv(), MOTCUA_AUDIT_ANCHOR_SECONDS: '1', MOTCUA_OUTBOX_POLL_MS: '50',
      MOTCUA_OUTBOX_BACKOFF_BASE_MS: '50', MOTCUA_OUTBOX_BACKOFF_CAP_MS: '200',
    },
  });
});
after(async () => {
  await server?.close();
});

/** The anchor file's lines as [seq, hash], oldest first. */
function fileAnchors(): Array<[number, string]> {
  return readFileSync(join(dataDir, 'audit-anchors.log'), 'utf8').trim().split('\n')
    .map((line) => line.split(' ')).map(([, seq, hash]) => [Number(seq), hash!]);
}

async function witnessAnchors(): Promise<Array<[number, string]>> {
  const state = await witness.state();
  return (state.anchors[SOURCE] ?? []).map((anchor) => [anchor.seq, anchor.hash]);
}

/** Some audited activity: a failed and a good login. */
async function activity(): Promise<void> {
  await tryLogin(server, DEMO_LOGINS.clerk, 'Sai-MatKhau#1');
  await login(server, DEMO_LOGINS.clerk);
}

/** Waits until the witness holds exactly what the anchor file holds, and the file has at least
 * `least` anchors. */
async function waitForWitness(least: number, what: string): Promise<Array<[number, string]>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const file = fileAnchors();
    const held = await witnessAnchors();
    if (file.length >= least && JSON.stringify(held) === JSON.stringify(file)) {
      return held;
    }
    if (Date.now() > deadline) {
      assert.fail(`${what}: the witness holds ${JSON.stringify(held.at(-1))} of ${held.length}, the file ${JSON.stringify(file.at(-1))} of ${file.length}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function verify() {
  return runCli(dataDir, ['audit', 'verify'], { env: witnessEnv() });
}

describe('audit witness', () => {
  test('every anchor reaches the witness, exactly as the anchor file holds it', async () => {
    await activity();
    const held = await waitForWitness(1, 'first anchors');
    assert.ok(held.at(-1)![0] > 1);
    const rows = Number(sql(dataDir, 'SELECT count(*) FROM audit_log'));
    assert.ok(held.at(-1)![0] <= rows);
  });

  test('anchors written while the witness is down wait in the outbox and go once it is back', async () => {
    const before = fileAnchors().length;
    await witness.setDown(true);
    await activity();
    const deadline = Date.now() + 10_000;
    while (fileAnchors().length === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(fileAnchors().length > before, 'no new anchor within 10 s');
    const pending = runCli(dataDir, ['outbox', 'list', '--connector', 'witness', '--state', 'pending']);
    assert.equal(pending.status, 0, pending.stderr);
    assert.match(pending.stdout, /audit_anchor/);
    assert.ok((await witness.state()).counters.down_refused > 0);
    await witness.setDown(false);
    await waitForWitness(before + 1, 'after the outage');
  });

  test('under faults (dropped answers, 500s, garbage, timeouts) each anchor is held once, unchanged', async () => {
    await witness.setFaults({ rate: 0.5, timeout_ms: 300, slow_ms: 100 });
    const before = fileAnchors().length;
    for (let round = 0; round < 4; ++round) {
      await activity();
      await new Promise((resolve) => setTimeout(resolve, 1_100));
    }
    await witness.setFaults({ rate: 0 });
    await waitForWitness(before + 3, 'after the faults');
    const state = await witness.state();
    assert.ok(Object.values(state.counters.faults).reduce((sum, n) => sum + n, 0) > 0, 'no fault drawn');
    assert.equal(state.counters.conflicts, 0);
  });

  test('audit verify reads the witness back and passes', async () => {
    const held = await waitForWitness(1, 'before the stop');
    assert.equal(await server.stop(), 0);
    const result = verify();
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    assert.match(result.stdout, new RegExp(`audit log intact: \\d+ rows, chain and head verified, \\d+ anchors found \\(${held.length} held by the witness\\)`));
  });

  test('a deleted tail is caught by the witness even when the anchor file was rewritten to match', () => {
    const anchors = fileAnchors();
    const [newest] = anchors.at(-1)!;
    const keep = anchors.at(-2)![0];
    assert.ok(keep < newest);
    // The intruder deletes the newest rows, rolls the head back, and rewrites the anchor file.
    sql(dataDir, `DELETE FROM audit_log WHERE seq > ${keep}`);
    sql(dataDir, `UPDATE audit_head SET seq = ${keep}, hash = (SELECT hash FROM audit_log WHERE seq = ${keep})`);
    const path = join(dataDir, 'audit-anchors.log');
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    writeFileSync(path, `${lines.filter((line) => Number(line.split(' ')[1]) <= keep).join('\n')}\n`);
    const broken = verify();
    assert.equal(broken.status, 1, `${broken.stdout}${broken.stderr}`);
    assert.match(broken.stderr, new RegExp(`BROKEN at row ${keep + 1}: missing: the witness's anchor of \\S+ names row ${newest}, the log ends at row ${keep}`),
      broken.stderr);
    // Without the witness the rewrite would have passed: the local evidence is consistent.
    const local = runCli(dataDir, ['audit', 'verify']);
    assert.equal(local.status, 0, `${local.stdout}${local.stderr}`);
  });

  test('a witness that cannot be reached fails the verification instead of passing it', async () => {
    await witness.stop();
    const result = verify();
    assert.equal(result.status, 1, `${result.stdout}${result.stderr}`);
    assert.match(result.stderr, /motcua: witness: list: connect/);
  });
});
