// `motcua audit verify`: the audit log's keyed hash chain holds after real activity, and any edit
// made behind the server's back (a changed row, a deleted last row) is found and named.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeTempDir, runDemo, startServer, type RunningServer } from './support/server.ts';
import {
  DEMO_LOGINS, FAST_HASHING, WARD, WARD_CENTRE, call, createOfficer, login, runCli, sql, tryLogin,
} from './support/auth.ts';

let dataDir: string;
let server: RunningServer;

before(async () => {
  dataDir = makeTempDir();
  runDemo(dataDir, FAST_HASHING);
  // The head is anchored outside the database every second (audit-anchors.log).
  server = await startServer({ dataDir, env: { ...FAST_HASHING, MOTCUA_AUDIT_ANCHOR_SECONDS: '1' } });
  // Some activity of every kind: logins right and wrong, reads, a refusal, account changes.
  const admin = await login(server, DEMO_LOGINS.province_admin);
  await tryLogin(server, DEMO_LOGINS.clerk, 'Sai-MatKhau#1');
  const clerk = await login(server, DEMO_LOGINS.clerk);
  await call(server, `/api/v1/accounts/${admin.account.id}`, { session: clerk });
  const account = await createOfficer(server, admin, 'verify.one', WARD_CENTRE, [{ role: 'clerk', agency: WARD }]);
  await call(server, `/api/v1/accounts/${account.id}/disable`, { method: 'POST', session: admin });
  await call(server, `/api/v1/accounts/${account.id}/password`, { session: admin, body: {} });
  const auditor = await login(server, DEMO_LOGINS.auditor);
  await call(server, '/api/v1/audit', { session: auditor });
  await call(server, '/api/v1/auth/logout', { method: 'POST', session: clerk });
});
after(async () => {
  await server?.close();
});

function verify() {
  return runCli(dataDir, ['audit', 'verify']);
}

/** The newest line of <data_dir>/audit-anchors.log: "<UTC> <seq> <hash>". */
function lastAnchor(): { seq: number; hash: string } | undefined {
  const path = join(dataDir, 'audit-anchors.log');
  if (!existsSync(path)) {
    return undefined;
  }
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const [, seq, hash] = lines.at(-1)!.split(' ');
  return { seq: Number(seq), hash: hash! };
}

function rowCount(): number {
  return Number(sql(dataDir, 'SELECT count(*) FROM audit_log'));
}

describe('motcua audit verify', () => {
  test('the chain key lives in <data_dir>/audit-chain.key, readable by the owner only', () => {
    const stat = statSync(join(dataDir, 'audit-chain.key'));
    assert.ok(stat.size >= 32, `key of ${stat.size} bytes`);
    assert.equal(stat.mode & 0o077, 0, `mode ${(stat.mode & 0o777).toString(8)}`);
  });

  test('passes after activity, while the server runs (SQLite WAL)', () => {
    const rows = rowCount();
    assert.ok(rows >= 15, `only ${rows} audit rows`);
    const result = verify();
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /audit log intact: \d+ rows/);
  });

  test('passes after a clean shutdown', async () => {
    // Wait for the anchor job to anchor the head the activity left.
    const deadline = Date.now() + 10_000;
    while (lastAnchor()?.seq !== rowCount() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(lastAnchor()?.seq, rowCount(), 'the head was not anchored within 10 s');
    assert.equal(await server.stop(), 0);
    const result = verify();
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    const rows = rowCount();
    assert.match(result.stdout, new RegExp(`audit log intact: ${rows} rows, chain and head verified, [1-9]\\d* anchors found`));
    // The head is printed so that it can be kept off-box (trailing deletion, docs/security.md).
    const head = /; head (\d+) ([0-9a-f]{64})$/m.exec(result.stdout);
    assert.ok(head, result.stdout);
    assert.equal(Number(head[1]), rows);
  });

  test('fails naming the row when one row is altered, and passes again once it is restored', () => {
    const seq = Math.floor(rowCount() / 2);
    const original = sql(dataDir, `SELECT actor_login FROM audit_log WHERE seq = ${seq}`);
    sql(dataDir, `UPDATE audit_log SET actor_login = 'ke.gia.mao' WHERE seq = ${seq}`);
    const broken = verify();
    assert.equal(broken.status, 1, `${broken.stdout}${broken.stderr}`);
    assert.match(broken.stderr, new RegExp(`BROKEN at row ${seq}\\b`), broken.stderr);
    sql(dataDir, `UPDATE audit_log SET actor_login = '${original.replace(/'/g, "''")}' WHERE seq = ${seq}`);
    const restored = verify();
    assert.equal(restored.status, 0, `${restored.stdout}${restored.stderr}`);
  });

  test('fails when an outcome is rewritten (denied made ok)', () => {
    const seq = Number(sql(dataDir, `SELECT min(seq) FROM audit_log WHERE outcome = 'denied'`));
    assert.ok(seq > 0, 'no denied row to alter');
    sql(dataDir, `UPDATE audit_log SET outcome = 'ok' WHERE seq = ${seq}`);
    const broken = verify();
    assert.equal(broken.status, 1, `${broken.stdout}${broken.stderr}`);
    assert.match(broken.stderr, new RegExp(`BROKEN at row ${seq}\\b`), broken.stderr);
    sql(dataDir, `UPDATE audit_log SET outcome = 'denied' WHERE seq = ${seq}`);
    assert.equal(verify().status, 0);
  });

  test('fails when the newest rows are deleted and the head rolled back to match: the anchor names them', () => {
    // Inside the database the rest is consistent: rows 1..n-2 chain, and the head is row n-2's.
    const anchor = lastAnchor()!;
    assert.equal(anchor.seq, rowCount());
    const keep = anchor.seq - 2;
    sql(dataDir, `DELETE FROM audit_log WHERE seq > ${keep}`);
    sql(dataDir, `UPDATE audit_head SET seq = ${keep}, hash = (SELECT hash FROM audit_log WHERE seq = ${keep})`);
    const broken = verify();
    assert.equal(broken.status, 1, `${broken.stdout}${broken.stderr}`);
    assert.match(broken.stderr, new RegExp(`BROKEN at row ${keep + 1}: missing: the anchor of \\S+ names row ${anchor.seq}, the log ends at row ${keep}`),
      broken.stderr);
  });

  test('fails when the last row is deleted', () => {
    const last = Number(sql(dataDir, 'SELECT max(seq) FROM audit_log'));
    sql(dataDir, `DELETE FROM audit_log WHERE seq = ${last}`);
    const broken = verify();
    assert.equal(broken.status, 1, `${broken.stdout}${broken.stderr}`);
    assert.match(broken.stderr, /BROKEN at row \d+/, broken.stderr);
  });
});
