// Starts the DVCQG simulator (tests/simulators/dvcqg/, the national portal of docs/dvcqg.md) for a
// black-box test: on a free port of 127.0.0.1, with the given fault plan and credentials. The URL
// is read from the one line it prints when it listens. The control routes (/_sim/…) are wrapped
// for the tests; every simulator is killed when the test file ends, also when it fails.
//
// The binary comes from MOTCUA_DVCQG_SIM (ctest sets it), else from the debug build.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';
import { FAST_HASHING } from './auth.ts';

export const DVCQG_SIM_BIN = process.env.MOTCUA_DVCQG_SIM
  ?? fileURLToPath(new URL('../../../build/debug/tests/simulators/dvcqg/dvcqg_simulator', import.meta.url));
const READY_LINE = /DVCQG simulator listening at (http:\/\/127\.0\.0\.1:(\d+))/;
const START_TIMEOUT_MS = 15_000;

/** The province's account at the simulated portal, as the tests configure both sides with it. */
export const PORTAL = { unit: 'H32', username: 'motcua-h32', password: 'portal-secret-for-tests' };

/** The settings of a server that delivers to `sim` (deliver mode, quick polls and retries, fast
 * password hashing), with `extra` over them. */
export function portalEnv(sim: { url: string }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...FAST_HASHING,
    MOTCUA_DVCQG_MODE: 'deliver', MOTCUA_DVCQG_URL: sim.url, MOTCUA_DVCQG_UNIT_CODE: PORTAL.unit,
    MOTCUA_DVCQG_USERNAME: PORTAL.username, MOTCUA_DVCQG_PASSWORD: PORTAL.password,
    MOTCUA_DVCQG_TIMEOUT_MS: '2000', MOTCUA_OUTBOX_POLL_MS: '50',
    MOTCUA_OUTBOX_BACKOFF_BASE_MS: '50', MOTCUA_OUTBOX_BACKOFF_CAP_MS: '200',
    ...extra,
  };
}

export type FaultKind =
  'timeout' | 'http_500' | 'drop_ack' | 'slow' | 'invalid_json' | 'huge_body' | 'wrong_types' | 'close';
export const ALL_FAULT_KINDS: readonly FaultKind[] =
  ['timeout', 'http_500', 'drop_ack', 'slow', 'invalid_json', 'huge_body', 'wrong_types', 'close'];

/** The fault plan (POST /_sim/faults takes any subset; GET answers all of it). */
export interface FaultPlan {
  rate?: number;
  kinds?: FaultKind[];
  slow_ms?: number;
  timeout_ms?: number;
  seed?: number;
}

export interface SimulatorOptions {
  faultRate?: number;
  /** Enabled fault kinds (default: all of them). */
  faults?: FaultKind[];
  seed?: number;
  slowMs?: number;
  timeoutMs?: number;
  username?: string;
  password?: string;
  /** The madonvi every call must carry (default H40). */
  unit?: string;
  sessionSeconds?: number;
  /** A JSON file {"procedures": […], "agencies": […]} for the catalogue pulls. */
  catalog?: string;
  threads?: number;
}

/** What the portal holds of one dossier (GET /_sim/state). */
export interface SimDossier {
  /** The `data` object of the last DongBoHoSoMC applied (create or update). */
  header: Record<string, unknown>;
  creates: number;
  updates: number;
  /** Each CapNhatTienDoHoSoMC step object as received, in arrival order. */
  steps: Record<string, any>[];
  checks: { increasing: boolean; out_of_order: number; steps_before_create: number };
}

export interface SimCounters {
  requests: number;
  auth: number;
  auth_failed: number;
  session_errors: number;
  unit_errors: number;
  invalid: number;
  too_large: number;
  duplicates: number;
  unkeyed: number;
  creates: number;
  updates: number;
  steps: number;
  exists: number;
  unknown_dossier: number;
  steps_before_create: number;
  out_of_order: number;
  down_refused: number;
  by_service: Record<string, number>;
  faults: Record<FaultKind, number>;
}

export interface SimState {
  dossiers: Record<string, SimDossier>;
  /** Steps answered "-2" (no such dossier yet), by MaHoSo. */
  orphan_steps: Record<string, number>;
  portal_dossiers: Record<string, unknown>[];
  counters: SimCounters;
}

export interface SimSummary {
  counters: SimCounters;
  dossiers: number;
  steps: number;
  portal_dossiers: number;
  down: boolean;
  fault_plan: Required<FaultPlan>;
}

export interface RunningSimulator {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  port: number;
  pid: number;
  state(): Promise<SimState>;
  summary(): Promise<SimSummary>;
  /** Changes the given fields of the fault plan (a `seed` restarts the draws); answers the plan. */
  setFaults(plan: FaultPlan): Promise<Required<FaultPlan>>;
  /** Down for `seconds`, or until `down(false)`. */
  down(downFor: number | boolean): Promise<void>;
  /** Adds dossiers submitted on the portal (numbered on from the last); answers the total. */
  addPortalDossiers(dossiers: Record<string, unknown>[]): Promise<number>;
  /** Forgets everything received, zeroes the counters, restores the start-up fault plan, lifts
   * an outage. Sessions stay valid. */
  reset(): Promise<void>;
  /** Forgets every session token: the next call of each client is answered "-9". */
  expireSessions(): Promise<void>;
  /** Everything the simulator wrote to stdout and stderr so far. */
  logs(): string;
  /** SIGTERM and wait; resolves to the exit code. */
  stop(): Promise<number | null>;
}

const live = new Set<ChildProcess>();
function killAll(): void {
  for (const child of live) {
    child.kill('SIGKILL');
  }
  live.clear();
}
process.once('exit', killAll);
after(() => killAll());

async function control<T>(url: string, method: 'GET' | 'POST', body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`${method} ${url}: ${response.status} ${text}`);
  }
  return JSON.parse(text) as T;
}

function flags(options: SimulatorOptions): string[] {
  const args = ['--port', '0'];
  const add = (flag: string, value: string | number | undefined) => {
    if (value !== undefined) {
      args.push(flag, String(value));
    }
  };
  add('--fault-rate', options.faultRate);
  add('--faults', options.faults?.join(','));
  add('--seed', options.seed);
  add('--slow-ms', options.slowMs);
  add('--timeout-ms', options.timeoutMs);
  add('--username', options.username);
  add('--password', options.password);
  add('--unit', options.unit);
  add('--session-seconds', options.sessionSeconds);
  add('--catalog', options.catalog);
  add('--threads', options.threads);
  return args;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  if (!existsSync(DVCQG_SIM_BIN)) {
    throw new Error(`no DVCQG simulator at ${DVCQG_SIM_BIN}: build the dvcqg_simulator target or set MOTCUA_DVCQG_SIM`);
  }
  const child = spawn(DVCQG_SIM_BIN, flags(options), { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  const output: string[] = [];
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exitCode = code;
      live.delete(child);
      resolve(code);
    });
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => output.push(chunk));

  const url = await new Promise<string>((resolve, reject) => {
    let stdoutText = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the DVCQG simulator did not print its URL within ${START_TIMEOUT_MS} ms:\n${output.join('')}`));
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
      reject(new Error(`the DVCQG simulator exited with ${code} before it was ready:\n${output.join('')}`));
    });
  });

  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid ?? 0,
    state: () => control<SimState>(`${url}/_sim/state`, 'GET'),
    summary: () => control<SimSummary>(`${url}/_sim/summary`, 'GET'),
    setFaults: (plan) => control<Required<FaultPlan>>(`${url}/_sim/faults`, 'POST', plan),
    async down(downFor) {
      await control(`${url}/_sim/down`, 'POST',
        typeof downFor === 'boolean' ? { down: downFor } : { seconds: downFor });
    },
    async addPortalDossiers(dossiers) {
      return (await control<{ total: number }>(`${url}/_sim/portal_dossiers`, 'POST', { dossiers })).total;
    },
    async reset() {
      await control(`${url}/_sim/reset`, 'POST', {});
    },
    async expireSessions() {
      await control(`${url}/_sim/expire_sessions`, 'POST', {});
    },
    logs: () => output.join(''),
    async stop() {
      if (exitCode !== undefined) {
        return exitCode;
      }
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), 10_000);
      });
      const outcome = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        child.kill('SIGKILL');
        await exited;
        throw new Error(`the DVCQG simulator did not exit within 10 s of SIGTERM:\n${output.join('')}`);
      }
      return outcome;
    },
  };
}
