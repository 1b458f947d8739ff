// Starts the DVCQG simulator (tests/simulators/dvcqg/, the national portal of docs/dvcqg.md) for a
// black-box test: on a free port of 127.0.0.1, with the given fault plan and credentials. The URL
// is read from the one line it prints when it listens. The control routes (/_sim/…) are wrapped
// for the tests; every simulator is killed when the test file ends, also when it fails.
//
// The binary comes from MOTCUA_DVCQG_SIM (ctest sets it), else from the debug build.
import { FAST_HASHING } from './auth.ts';
import {
  control, simulatorBin, simulatorControls, simulatorFlags, startSimulatorProcess,
  type CommonSimulatorOptions, type FaultKind, type FaultPlan, type SimulatorControls,
  type SimulatorProcess,
} from './simulator_process.ts';

export { ALL_FAULT_KINDS, type FaultKind, type FaultPlan } from './simulator_process.ts';

export const DVCQG_SIM_BIN = simulatorBin('dvcqg', process.env.MOTCUA_DVCQG_SIM);
const READY_LINE = /DVCQG simulator listening at (http:\/\/127\.0\.0\.1:(\d+))/;

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

export interface SimulatorOptions extends CommonSimulatorOptions {
  username?: string;
  password?: string;
  /** The madonvi every call must carry (default H40). */
  unit?: string;
  sessionSeconds?: number;
  /** A JSON file {"procedures": […], "agencies": […]} for the catalogue pulls. */
  catalog?: string;
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

export interface RunningSimulator extends SimulatorProcess, SimulatorControls<SimState> {
  summary(): Promise<SimSummary>;
  /** Down for `seconds`, or until `down(false)`. */
  down(downFor: number | boolean): Promise<void>;
  /** Adds dossiers submitted on the portal (numbered on from the last); answers the total. */
  addPortalDossiers(dossiers: Record<string, unknown>[]): Promise<number>;
  /** Forgets everything received, zeroes the counters, restores the start-up fault plan, lifts
   * an outage. Sessions stay valid. */
  reset(): Promise<void>;
  /** Forgets every session token: the next call of each client is answered "-9". */
  expireSessions(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const sim = await startSimulatorProcess({
    name: 'the DVCQG simulator',
    bin: DVCQG_SIM_BIN,
    missingHint: 'build the dvcqg_simulator target or set MOTCUA_DVCQG_SIM',
    args: simulatorFlags(options, [
      ['--username', options.username],
      ['--password', options.password],
      ['--unit', options.unit],
      ['--session-seconds', options.sessionSeconds],
      ['--catalog', options.catalog],
    ]),
    readyLine: READY_LINE,
  });
  const { url } = sim;
  const controls = simulatorControls<SimState>(url);
  return {
    ...sim,
    ...controls,
    summary: () => control<SimSummary>(`${url}/_sim/summary`, 'GET'),
    async down(downFor) {
      await controls.setDown(downFor !== false, typeof downFor === 'number' ? downFor * 1000 : undefined);
    },
    async addPortalDossiers(dossiers) {
      return (await control<{ total: number }>(`${url}/_sim/portal_dossiers`, 'POST', { dossiers })).total;
    },
    async expireSessions() {
      await control(`${url}/_sim/expire_sessions`, 'POST', {});
    },
  };
}
