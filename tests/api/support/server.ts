// Starts the real motcua binary for a black-box test: a fresh temporary data directory, the demo
// province (`motcua demo`), then `motcua serve` on a free port (127.0.0.1:0). The URL is read from
// the one line the server prints when it is ready. Every server and temporary directory is removed
// when the test file ends, also when it fails or is interrupted.
//
// MOTCUA_TEST_DATABASE=postgresql (with PGHOST, PGPORT, PGUSER of a PostgreSQL 15 server, e.g.
// scripts/pg_test_server.sh) runs the same servers on PostgreSQL: each data directory gets its own
// fresh database (createdb, the first time a server, the demo or the CLI runs on it), passed as
// MOTCUA_DATABASE, and dropped with the directory. The data directory still holds the audit key
// and the stored files.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

export const MOTCUA_BIN = process.env.MOTCUA_BIN ?? '';
/** True when the servers run on PostgreSQL (MOTCUA_TEST_DATABASE=postgresql). */
export const ON_POSTGRES = process.env.MOTCUA_TEST_DATABASE === 'postgresql';
const PG_BIN = process.env.MOTCUA_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const READY_LINE = /MotCua is serving \S+ at (http:\/\/127\.0\.0\.1:(\d+))\/?/;
const START_TIMEOUT_MS = 30_000;

export interface StartOptions {
  /** Reuse this data directory (not removed by this server) instead of a fresh one. */
  dataDir?: string;
  /** Run `motcua demo` first (default: true for a fresh directory, false for a reused one). */
  demo?: boolean;
  /** Extra MOTCUA_* settings, e.g. { MOTCUA_WEB_ROOT: dir, MOTCUA_BODY_LIMIT_BYTES: '4096' }. */
  env?: Record<string, string>;
  /** MOTCUA_* settings for `motcua demo` (e.g. { MOTCUA_PASSWORD_HASH_COST: 'minimum' } to hash
   * the demo accounts' passwords fast); the demo runs with the defaults otherwise. */
  demoEnv?: Record<string, string>;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  host: string;
  port: number;
  dataDir: string;
  /** The server's process id (to read its memory in /proc). */
  pid: number;
  /** Everything the server wrote to stdout and stderr so far. */
  logs(): string;
  /** Whether the process is still running. */
  running(): boolean;
  /** Sends `signal` and waits for the exit; resolves to the exit code (null if killed by a signal). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
  /** Kills the server if it still runs and removes its own temporary directory. */
  close(): Promise<void>;
}

const liveProcesses = new Set<ChildProcess>();
const tempDirs = new Set<string>();
/** PostgreSQL mode: data directory → its database's name. */
const databases = new Map<string, string>();
let databaseCount = 0;

/** A PostgreSQL client program (psql, pg_dump, …) of the version the tests use. */
export function pgTool(name: string): string {
  return join(PG_BIN, name);
}

function runPgTool(tool: string, args: string[]): void {
  const result = spawnSync(pgTool(tool), args, { encoding: 'utf8', timeout: 60_000 });
  if (result.error || result.status !== 0) {
    throw new Error(`${tool} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.error ?? ''}`);
  }
}

/** PostgreSQL mode: the name of the data directory's database, created the first time. */
export function databaseName(dataDir: string): string {
  let name = databases.get(dataDir);
  if (name === undefined) {
    if (!process.env.PGHOST) {
      throw new Error('MOTCUA_TEST_DATABASE=postgresql needs PGHOST (and PGPORT, PGUSER) of a PostgreSQL server');
    }
    databaseCount += 1;
    name = `motcua_api_${process.pid}_${databaseCount}`;
    runPgTool('createdb', [name]);  // PGHOST, PGPORT, PGUSER come from the environment.
    databases.set(dataDir, name);
  }
  return name;
}

/** The MOTCUA_* settings that point a motcua process at the data directory's database: nothing
 * on SQLite (the default, <data_dir>/motcua.db), MOTCUA_DATABASE on PostgreSQL. */
export function databaseEnv(dataDir: string): Record<string, string> {
  // libpq fills in the host, port and user from PGHOST, PGPORT and PGUSER.
  return ON_POSTGRES ? { MOTCUA_DATABASE: `postgresql:///${databaseName(dataDir)}` } : {};
}

function dropDatabase(dataDir: string): void {
  const name = databases.get(dataDir);
  if (name !== undefined) {
    databases.delete(dataDir);
    // --force ends the connections of a server that is still being killed.
    runPgTool('dropdb', ['--force', '--if-exists', name]);
  }
}

function cleanUpNow(): void {
  for (const child of liveProcesses) {
    child.kill('SIGKILL');
  }
  liveProcesses.clear();
  for (const dir of tempDirs) {
    rmSync(dir, { recursive: true, force: true });
  }
  tempDirs.clear();
  for (const dir of [...databases.keys()]) {
    try {
      dropDatabase(dir);
    } catch (error) {
      console.error(String(error));
    }
  }
}

// Last resort for a test file that ends without closing its servers (or is interrupted).
process.once('exit', cleanUpNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUpNow();
    process.exit(130);
  });
}
after(() => cleanUpNow());

/** A temporary directory removed when the test file ends. */
export function makeTempDir(prefix = 'motcua-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
  dropDatabase(dir);
}

/** The environment of a motcua child: ours without any MOTCUA_* variable (the server rejects
 * unknown MOTCUA_* settings, and MOTCUA_BIN / MOTCUA_WEB_DIST are meant for the tests), plus `extra`. */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('MOTCUA_')) {
      env[key] = value;
    }
  }
  return { ...env, ...extra };
}

function requireBinary(): string {
  if (!MOTCUA_BIN) {
    throw new Error('MOTCUA_BIN must name the motcua binary (e.g. build/debug/src/motcua)');
  }
  return MOTCUA_BIN;
}

export function runDemo(dataDir: string, env: Record<string, string> = {}): void {
  const result = spawnSync(requireBinary(), ['demo'], {
    cwd: dataDir,
    env: childEnvironment({ MOTCUA_DATA_DIR: dataDir, ...databaseEnv(dataDir), ...env }),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    throw new Error(`motcua demo failed (status ${result.status}, signal ${result.signal}):\n` +
      `${result.stdout}\n${result.stderr}\n${result.error ?? ''}`);
  }
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const binary = requireBinary();
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? makeTempDir();
  const demo = options.demo ?? ownsDir;
  if (demo) {
    runDemo(dataDir, options.demoEnv);
  }
  const env = childEnvironment({
    MOTCUA_DATA_DIR: dataDir,
    ...databaseEnv(dataDir),
    // Serving the demo province is demo mode, as scripts/start.sh runs it.
    ...(demo ? { MOTCUA_DEMO_MODE: 'true' } : {}),
    MOTCUA_LISTEN: '127.0.0.1:0',
    // No web application unless the test asks for one (the default, web/dist, is relative to the
    // working directory, which is the data directory here).
    MOTCUA_WEB_ROOT: join(dataDir, 'no-web-root'),
    // Suites submit many dossiers as one demo citizen: no submission rate unless a test sets one
    // (limits.test.ts does).
    MOTCUA_SUBMISSIONS_PER_MINUTE: '0',
    MOTCUA_SUBMISSIONS_PER_DAY: '0',
    ...options.env,
  });
  // cwd: the data directory, so that nothing relative resolves into the repository.
  const child = spawn(binary, ['serve'], { cwd: dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  liveProcesses.add(child);
  const output: string[] = [];
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exitCode = code;
      liveProcesses.delete(child);
      resolve(code);
    });
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => output.push(chunk));

  const url = await new Promise<string>((resolve, reject) => {
    let stdoutText = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`motcua serve did not print its URL within ${START_TIMEOUT_MS} ms:\n${output.join('')}`));
    }, START_TIMEOUT_MS);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      output.push(chunk);
      stdoutText += chunk;
      const match = READY_LINE.exec(stdoutText);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`motcua serve exited with ${code} before it was ready:\n${output.join('')}`));
    });
  });
  const parsed = new URL(url);

  const server: RunningServer = {
    url,
    host: parsed.hostname,
    port: Number(parsed.port),
    dataDir,
    pid: child.pid ?? 0,
    logs: () => output.join(''),
    running: () => exitCode === undefined,
    async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 10_000) {
      if (exitCode !== undefined) {
        return exitCode;
      }
      child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        child.kill('SIGKILL');
        await exited;
        throw new Error(`motcua did not exit within ${timeoutMs} ms of ${signal}:\n${output.join('')}`);
      }
      return outcome;
    },
    async close() {
      if (exitCode === undefined) {
        child.kill('SIGKILL');
        await exited;
      }
      if (ownsDir) {
        removeTempDir(dataDir);
      }
    },
  };
  return server;
}
