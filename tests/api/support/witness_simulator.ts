// Starts the audit witness simulator (tests/simulators/witness/, the witness of docs/connectors.md
// §6) for a black-box test: on a free port of 127.0.0.1, with the given token and fault plan. The
// URL is read from the one line it prints when it listens. The control routes (/_sim/…) are
// wrapped for the tests; every witness is killed when the test file ends, also when it fails.
//
// The binary comes from MOTCUA_WITNESS_SIM, else from the debug build.
import {
  simulatorBin, simulatorControls, simulatorFlags, startSimulatorProcess, type CommonSimulatorOptions,
  type FaultKind, type SimulatorControls, type SimulatorProcess,
} from './simulator_process.ts';

export const WITNESS_SIM_BIN = simulatorBin('witness', process.env.MOTCUA_WITNESS_SIM);
const READY_LINE = /Witness simulator listening at (http:\/\/127\.0\.0\.1:(\d+))/;

/** The bearer token every /v1/ call carries: the simulator's default, and the tests'. */
export const WITNESS_TOKEN = 'witness-token-for-tests';

export interface WitnessOptions extends CommonSimulatorOptions {
  /** The bearer token the witness accepts (default WITNESS_TOKEN). */
  token?: string;
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

export interface RunningWitness extends SimulatorProcess, SimulatorControls<WitnessState> {
  /** The bearer token it accepts. */
  token: string;
  /** Forgets every anchor, zeroes the counters, restores the start-up fault plan, lifts an
   * outage. */
  reset(): Promise<void>;
}

export async function startWitness(options: WitnessOptions = {}): Promise<RunningWitness> {
  const sim = await startSimulatorProcess({
    name: 'the witness simulator',
    bin: WITNESS_SIM_BIN,
    missingHint: 'build the witness_simulator target or set MOTCUA_WITNESS_SIM',
    args: simulatorFlags(options, [['--token', options.token]]),
    readyLine: READY_LINE,
  });
  return {
    ...sim,
    ...simulatorControls<WitnessState>(sim.url),
    token: options.token ?? WITNESS_TOKEN,
  };
}
