// `motcua backup` and `motcua restore` round trip (docs/OPERATIONS.md, "Backup and restore"): a
// backup taken while the server keeps accepting dossiers is a consistent snapshot; restored into a
// fresh data directory with the installation's audit key, every dossier acknowledged before the
// backup is there with its events and files, and `motcua audit verify` passes. Restore refuses a
// database a server is using, one that holds data (without --force), a file that is not a MotCua
// database, and a missing key; on PostgreSQL both commands name pg_dump / pg_restore instead.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ON_POSTGRES, childEnvironment, makeTempDir, MOTCUA_BIN, runDemo, startServer, type RunningServer } from './support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, authHeaders, call, login, runCli, type CliResult, type Session } from './support/auth.ts';
import { actOk, createDossier, getEvents, listAll } from './support/dossiers.ts';
import { getJson } from './support/http.ts';
import { scanPdf, uniqueLabel } from './support/scan_files.ts';

// The commands work on the SQLite file; the PostgreSQL mode of the suite skips the round trip.
const SQLITE_ONLY = ON_POSTGRES ? 'backs up and restores the SQLite file; PostgreSQL mode' : false;

let dataDir: string;
let server: RunningServer | undefined;
let restoredServer: RunningServer | undefined;
let citizen: Session;
let clerk: Session;
/** Dossiers acknowledged before the backup started: code → number of events then. */
const beforeBackup = new Map<string, number>();
/** Every dossier code the server acknowledged, before, during or after the backup. */
const acknowledged = new Set<string>();
const PDF = scanPdf(uniqueLabel('backup test'));
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');
let fileDossier = '';
let backupDir = '';
let backupOutput: CliResult;

/** `motcua <args>` without blocking the event loop, so that requests keep flowing meanwhile. */
function runCliAsync(dir: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(MOTCUA_BIN, args, { cwd: dir, env: childEnvironment({ MOTCUA_DATA_DIR: dir }) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.once('error', reject);
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

async function uploadPdf(session: Session, code: string): Promise<void> {
  const boundary = '----motcua-backup-test';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="component"\r\n\r\nTP1\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="to-khai.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n'),
    PDF, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const answer = await getJson(`${server!.url}/api/v1/dossiers/${encodeURIComponent(code)}/files`, {
    method: 'POST',
    headers: { ...authHeaders(session), 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: new Uint8Array(body),
  });
  assert.equal(answer.status, 201, answer.text);
}

before(async () => {
  if (SQLITE_ONLY) return;
  dataDir = makeTempDir();
  runDemo(dataDir, FAST_HASHING);
  server = await startServer({ dataDir, env: FAST_HASHING });
  [citizen, clerk] = await Promise.all([login(server, DEMO_LOGINS.citizen), login(server, DEMO_LOGINS.clerk)]);
  for (let i = 0; i < 6; i++) {
    const dossier = await createDossier(server, citizen);
    acknowledged.add(dossier.code);
    if (i % 2 === 0) {
      await actOk(server, clerk, dossier.code, 'accept', { note: `Tiếp nhận ${i}` });
    }
  }
  fileDossier = [...acknowledged][1]!;
  await uploadPdf(citizen, fileDossier);
  for (const code of acknowledged) {
    const events = await getEvents(server, clerk, code);
    assert.equal(events.status, 200, events.text);
    beforeBackup.set(code, events.body.items.length);
  }
});

after(async () => {
  await server?.close();
  await restoredServer?.close();
});

describe('motcua backup and restore', { skip: SQLITE_ONLY }, () => {
  test('backup while the server keeps accepting dossiers', async () => {
    backupDir = join(makeTempDir('motcua-backup-'), 'backup-1');
    let writing = true;
    let during = 0;
    const writers = [0, 1].map(async () => {
      while (writing) {
        const dossier = await createDossier(server!, citizen);
        acknowledged.add(dossier.code);
        during += 1;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 100));  // The writes are under way.
    backupOutput = await runCliAsync(dataDir, ['backup', '--output', backupDir]);
    writing = false;
    await Promise.all(writers);
    assert.equal(backupOutput.status, 0, `${backupOutput.stdout}${backupOutput.stderr}`);
    assert.ok(during > 0, 'no dossier was written around the backup');
    assert.match(backupOutput.stdout, /motcua\.db: \d+ pages of \d+ bytes, schema version \d+: \d+ dossiers/);
    assert.match(backupOutput.stdout, /files\/: 1 files/);
    assert.match(backupOutput.stdout, /Not included: the audit chain key .*audit-chain\.key/);
    assert.deepEqual(readdirSync(backupDir).sort(), ['files', 'manifest.txt', 'motcua.db']);
    assert.ok(!readdirSync(join(backupDir, '..')).some((name) => name.includes('.partial')));
    // An existing backup is never overwritten.
    const again = runCli(dataDir, ['backup', '--output', backupDir]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists/);
  });

  test('restore refuses the data directory of a running server', () => {
    const refused = runCli(dataDir, ['restore', '--input', backupDir, '--force']);
    assert.equal(refused.status, 1, `${refused.stdout}${refused.stderr}`);
    assert.match(refused.stderr, /refused: .*motcua\.db is in use by another process.*stop the server/);
  });

  test('restore refuses a file that is not a MotCua database, and a missing key', () => {
    const target = makeTempDir();
    const key = join(dataDir, 'audit-chain.key');
    const text = join(target, 'notes.txt');
    writeFileSync(text, 'Đây không phải là bản sao lưu.\n'.repeat(10));
    const notSqlite = runCli(target, ['restore', '--input', text, '--audit-key', key]);
    assert.equal(notSqlite.status, 1);
    assert.match(notSqlite.stderr, /notes\.txt is not a MotCua backup \(not a SQLite file\)/);
    const foreign = join(target, 'foreign.db');
    const made = spawnSync('sqlite3', ['-bail', foreign, 'CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES (1);']);
    assert.equal(made.status, 0, String(made.stderr));
    const notMotcua = runCli(target, ['restore', '--input', foreign, '--audit-key', key]);
    assert.equal(notMotcua.status, 1);
    assert.match(notMotcua.stderr, /foreign\.db is not a MotCua backup \(no schema_migrations table\)/);
    const noKey = runCli(makeTempDir(), ['restore', '--input', backupDir]);
    assert.equal(noKey.status, 1);
    assert.match(noKey.stderr, /audit chain key is needed: pass --audit-key FILE/);
    assert.ok(!existsSync(join(target, 'motcua.db')), 'a refused restore installed a database');
  });

  test('round trip: restored into a fresh data directory, every acknowledged dossier is there', async () => {
    assert.equal(await server!.stop(), 0);
    const snapshotCount = Number(/schema version \d+: (\d+) dossiers/.exec(backupOutput.stdout)![1]);
    assert.ok(snapshotCount >= beforeBackup.size);
    const fresh = makeTempDir();
    const restored = runCli(fresh, ['restore', '--input', backupDir, '--audit-key', join(dataDir, 'audit-chain.key')]);
    assert.equal(restored.status, 0, `${restored.stdout}${restored.stderr}`);
    assert.match(restored.stdout, /audit log intact: \d+ rows/);
    assert.match(restored.stdout, new RegExp(`restored .* ${snapshotCount} dossiers`));
    assert.match(restored.stdout, /files: 1 copied/);
    const verified = runCli(fresh, ['audit', 'verify']);
    assert.equal(verified.status, 0, `${verified.stdout}${verified.stderr}`);

    restoredServer = await startServer({ dataDir: fresh, env: FAST_HASHING });
    const restoredClerk = await login(restoredServer, DEMO_LOGINS.clerk);
    for (const [code, events] of beforeBackup) {
      const answer = await call(restoredServer, `/api/v1/dossiers/${encodeURIComponent(code)}`, { session: restoredClerk });
      assert.equal(answer.status, 200, `${code}: ${answer.text}`);
      const restoredEvents = await getEvents(restoredServer, restoredClerk, code);
      assert.equal(restoredEvents.body.items.length, events, code);
    }
    // The snapshot holds only dossiers the server acknowledged (none half-written), as many as
    // the backup reported.
    const codes: string[] = (await listAll(restoredServer, restoredClerk)).map((item: any) => item.code);
    assert.equal(codes.length, snapshotCount);
    for (const code of codes) {
      assert.ok(acknowledged.has(code), `${code} was never acknowledged`);
    }
    const file = await fetch(`${restoredServer.url}/api/v1/files/${PDF_SHA}?dossier=${encodeURIComponent(fileDossier)}`,
      { headers: authHeaders(restoredClerk) });
    assert.equal(file.status, 200);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), PDF);

    // A running server's directory is refused; stopped, it holds data: refused unless --force.
    const busy = runCli(fresh, ['restore', '--input', backupDir]);
    assert.equal(busy.status, 1);
    assert.match(busy.stderr, /in use by another process/);
    assert.equal(await restoredServer.stop(), 0);
    const full = runCli(fresh, ['restore', '--input', backupDir]);
    assert.equal(full.status, 1);
    assert.match(full.stderr, /already holds data .*pass --force/);
    const forced = runCli(fresh, ['restore', '--input', backupDir, '--force']);
    assert.equal(forced.status, 0, `${forced.stdout}${forced.stderr}`);
    assert.match(forced.stdout, /previous database is kept as .*motcua\.db\.before-restore-/);
    assert.match(forced.stdout, /files: 0 copied \(0 bytes\), 1 already present/);
    assert.equal(runCli(fresh, ['audit', 'verify']).status, 0);
  });
});

describe('on PostgreSQL', () => {
  test('backup and restore name pg_dump and pg_restore and exit 2', () => {
    const dir = makeTempDir();
    const env = { MOTCUA_DATABASE: 'postgresql://motcua@db.invalid:5432/motcua' };
    const backup = runCli(dir, ['backup', '--output', join(dir, 'b')], { env });
    assert.equal(backup.status, 2, `${backup.stdout}${backup.stderr}`);
    assert.match(backup.stderr, /pg_dump --format=custom/);
    const restore = runCli(dir, ['restore', '--input', join(dir, 'b')], { env });
    assert.equal(restore.status, 2, `${restore.stdout}${restore.stderr}`);
    assert.match(restore.stderr, /pg_restore /);
  });
});
