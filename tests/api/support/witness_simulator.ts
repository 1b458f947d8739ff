// Starts the audit witness simulator (tests/simulators/witness/, the witness of docs/connectors.md
// §6) for a black-box test: on a free port of 127.0.0.1, with the given token and fault plan. The
// URL is read from the one line it prints when it listens. The control routes (/_sim/…) are
// wrapped for the tests; every witness is killed when the test file ends, also when it fails.
//
// The binary comes from MOTCUA_WITNESS_SIM, else from the debug build.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';
import type { FaultKind, FaultPlan } from './dvcqg_simulator.ts';

export const WITNESS_SIM_BIN = process.env.MOTCUA_WITNESS_SIM
  ?? fileURLToPath(new URL('../../../build/debug/tests/simulators/witness/witness_simulator', import.meta.url));
const READY_LINE = /Witness simulator listening at (http:\/\/127\.0\.0\.1:(\d+))/;
const START_TIMEOUT_MS = 15_000;

/** The bearer token every /v1/ call carries: the simulator's default, and the tests'. */
export const WITNESS_TOKEN = 'witness-token-for-tests';

export interface WitnessOptions {
  /** The bearer token the witness accepts (default WITNESS_TOKEN). */
  token?: string;
  faultRate?: number;
  /** Enabled fault kinds (default: all of them). */
  faults?: FaultKind[];
  seed?: number;
  slowMs?: number;
  timeoutMs?: number;
  threads?: number;
}

/** One anchor as the witness holds it (and as POST /v1/anchors/list answers it). */
export interface WitnessAnchor {
  seq: number;
  hash: string;
  /** As the client sent it. */
  anchored_at: string;
  /** When the witness first received it (UTC, microseconds). */
  received_at: string;
}

export interface WitnessCounters {
  /** Calls to /v1/anchors and /v1/anchors/list received, faulted or refused. */
  requests: number;
  /** 201 answered: a new anchor held. */
  recorded: number;
  /** 200 "held": the same hash again (a retry). */
  held: number;
  /** 409: another hash for a held seq (history rewritten). */
  conflicts: number;
  /** 400 or 413 answered. */
  invalid: number;
  /** 401 answered. */
  unauthorized: number;
  /** 503 answered during an outage. */
  down_refused: number;
  faults: Record<FaultKind, number>;
}

/** GET /_sim/state. */
export interface WitnessState {
  /** By source, ascending by seq. */
  anchors: Record<string, WitnessAnchor[]>;
  counters: WitnessCounters;
}

export interface RunningWitness {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  port: number;
  pid: number;
  /** The bearer token it accepts. */
  token: string;
  state(): Promise<WitnessState>;
  /** The whole fault plan. */
  faults(): Promise<Required<FaultPlan>>;
  /** Changes the given fields of the fault plan (a `seed` restarts the draws); answers the plan. */
  setFaults(plan: FaultPlan): Promise<Required<FaultPlan>>;
  /** Down until `setDown(false)`, or for `ms` milliseconds; answers whether it is down. */
  setDown(down: boolean, ms?: number): Promise<boolean>;
  /** Forgets every anchor, zeroes the counters, restores the start-up fault plan, lifts an
   * outage. */
  reset(): Promise<void>;
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

function flags(options: WitnessOptions): string[] {
  const args = ['--port', '0'];
  const add = (flag: string, value: string | number | undefined) => {
    if (value !== undefined) {
      args.push(flag, String(value));
    }
  };
  add('--token', options.token);
  add('--fault-rate', options.faultRate);
  add('--faults', options.faults?.join(','));
  add('--seed', options.seed);
  add('--slow-ms', options.slowMs);
  add('--timeout-ms', options.timeoutMs);
  add('--threads', options.threads);
  return args;
}

export async function startWitness(options: WitnessOptions = {}): Promise<RunningWitness> {
  if (!existsSync(WITNESS_SIM_BIN)) {
    throw new Error(`no witness simulator at ${WITNESS_SIM_BIN}: build the witness_simulator target or set MOTCUA_WITNESS_SIM`);
  }
  const child = spawn(WITNESS_SIM_BIN, flags(options), { stdio: ['ignore', 'pipe', 'pipe'] });
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
      reject(new Error(`the witness simulator did not print its URL within ${START_TIMEOUT_MS} ms:\n${output.join('')}`));
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
      reject(new Error(`the witness simulator exited with ${code} before it was ready:\n${output.join('')}`));
    });
  });

  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid ?? 0,
    token: options.token ?? WITNESS_TOKEN,
    state: () => control<WitnessState>(`${url}/_sim/state`, 'GET'),
    faults: () => control<Required<FaultPlan>>(`${url}/_sim/faults`, 'GET'),
    setFaults: (plan) => control<Required<FaultPlan>>(`${url}/_sim/faults`, 'POST', plan),
    async setDown(down, ms) {
      const body = down && ms !== undefined ? { seconds: ms / 1000 } : { down };
      return (await control<{ down: boolean }>(`${url}/_sim/down`, 'POST', body)).down;
    },
    async reset() {
      await control(`${url}/_sim/reset`, 'POST', {});
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
        throw new Error(`the witness simulator did not exit within 10 s of SIGTERM:\n${output.join('')}`);
      }
      return outcome;
    },
  };
}
