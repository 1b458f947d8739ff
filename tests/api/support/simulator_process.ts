// What every simulator wrapper shares (dvcqg_simulator.ts, witness_simulator.ts, vnpay_simulator.ts,
// payment_platform_simulator.ts): where the program is, the fault plan's types and flags, starting
// the program on a free port of 127.0.0.1 and reading its URL from the one line it prints when it
// listens, stopping it, and calling its control routes (/_sim/…), those every simulator has
// included. Every simulator started here is killed when the test file ends, also when it fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;

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

/** The start-up options every simulator takes (tests/simulators/common/fault_options.hpp). */
export interface CommonSimulatorOptions {
  faultRate?: number;
  /** Enabled fault kinds (default: all of them). */
  faults?: FaultKind[];
  seed?: number;
  slowMs?: number;
  timeoutMs?: number;
  threads?: number;
}

/** The control routes every simulator has (tests/simulators/common/switches.hpp). */
export interface SimulatorControls<State> {
  /** GET /_sim/state. */
  state(): Promise<State>;
  /** The whole fault plan. */
  faults(): Promise<Required<FaultPlan>>;
  /** Changes the given fields of the fault plan (a `seed` restarts the draws); answers the plan. */
  setFaults(plan: FaultPlan): Promise<Required<FaultPlan>>;
  /** Down until `setDown(false)`, or for `ms` milliseconds; answers whether it is down. */
  setDown(down: boolean, ms?: number): Promise<boolean>;
  /** Forgets what it received, zeroes the counters, restores the start-up settings and fault
   * plan, lifts an outage. */
  reset(): Promise<void>;
}

/** A started simulator program. */
export interface SimulatorProcess {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  port: number;
  pid: number;
  /** Everything the simulator wrote to stdout and stderr so far. */
  logs(): string;
  /** SIGTERM and wait; resolves to the exit code. */
  stop(): Promise<number | null>;
}

/** How to start one simulator program. */
export interface SimulatorLaunch {
  /** For messages, e.g. "the DVCQG simulator". */
  name: string;
  /** The binary, and the target or variable that provides it when it is missing. */
  bin: string;
  missingHint: string;
  args: string[];
  /** The line it prints when it listens; group 1 is the URL. */
  readyLine: RegExp;
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

/** The command-line flags of `options`, with `--port 0` and the options every simulator takes
 * first; `extra` adds a simulator's own flags (undefined values are left out). */
export function simulatorFlags(options: CommonSimulatorOptions,
                               extra: Array<[string, string | number | undefined]> = []): string[] {
  const args = ['--port', '0'];
  const pairs: Array<[string, string | number | undefined]> = [
    ['--fault-rate', options.faultRate],
    ['--faults', options.faults?.join(',')],
    ['--seed', options.seed],
    ['--slow-ms', options.slowMs],
    ['--timeout-ms', options.timeoutMs],
    ...extra,
    ['--threads', options.threads],
  ];
  for (const [flag, value] of pairs) {
    if (value !== undefined) {
      args.push(flag, String(value));
    }
  }
  return args;
}

/** The program of the simulator in tests/simulators/`dir`/: `fromEnv` (the test's variable) when set,
 * else the debug build's, build/debug/tests/simulators/`dir`/`dir`_simulator. */
export function simulatorBin(dir: string, fromEnv: string | undefined): string {
  return fromEnv ?? fileURLToPath(new URL(
    `../../../build/debug/tests/simulators/${dir}/${dir}_simulator`, import.meta.url));
}

/** Calls a control route; throws on anything but 200 and answers the parsed body. */
export async function control<T>(url: string, method: 'GET' | 'POST', body?: unknown): Promise<T> {
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

/** The control routes every simulator has, of the simulator at `url`. */
export function simulatorControls<State>(url: string): SimulatorControls<State> {
  return {
    state: () => control<State>(`${url}/_sim/state`, 'GET'),
    faults: () => control<Required<FaultPlan>>(`${url}/_sim/faults`, 'GET'),
    setFaults: (plan) => control<Required<FaultPlan>>(`${url}/_sim/faults`, 'POST', plan),
    async setDown(down, ms) {
      const body = down && ms !== undefined ? { seconds: ms / 1000 } : { down };
      return (await control<{ down: boolean }>(`${url}/_sim/down`, 'POST', body)).down;
    },
    async reset() {
      await control(`${url}/_sim/reset`, 'POST', {});
    },
  };
}

/** Starts the program and waits for its ready line. */
export async function startSimulatorProcess(launch: SimulatorLaunch): Promise<SimulatorProcess> {
  const { name, bin } = launch;
  if (!existsSync(bin)) {
    throw new Error(`no ${name} at ${bin}: ${launch.missingHint}`);
  }
  const child = spawn(bin, launch.args, { stdio: ['ignore', 'pipe', 'pipe'] });
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
      reject(new Error(`${name} did not print its URL within ${START_TIMEOUT_MS} ms:\n${output.join('')}`));
    }, START_TIMEOUT_MS);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      output.push(chunk);
      stdoutText += chunk;
      const match = launch.readyLine.exec(stdoutText);
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
      reject(new Error(`${name} exited with ${code} before it was ready:\n${output.join('')}`));
    });
  });

  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid ?? 0,
    logs: () => output.join(''),
    async stop() {
      if (exitCode !== undefined) {
        return exitCode;
      }
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS);
      });
      const outcome = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        child.kill('SIGKILL');
        await exited;
        throw new Error(`${name} did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM:\n${output.join('')}`);
      }
      return outcome;
    },
  };
}
