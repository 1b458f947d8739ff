// Starts the payment platform simulator (tests/simulators/payment_platform/, the national payment
// platform of docs/payment_platform.md) for a black-box test: on a free port of 127.0.0.1, with
// the given merchant, confirm URL, callback scenario and fault plan. The URL is read from the one
// line it prints when it listens. The control routes (/_sim/…) are wrapped for the tests; every
// simulator is killed when the test file ends, also when it fails.
//
// The binary comes from MOTCUA_PAYMENT_PLATFORM_SIM, else from the debug build.
import {
  control, simulatorBin, simulatorControls, simulatorFlags, startSimulatorProcess,
  type CommonSimulatorOptions, type FaultKind, type SimulatorControls, type SimulatorProcess,
} from './simulator_process.ts';

export const PAYMENT_PLATFORM_SIM_BIN =
  simulatorBin('payment_platform', process.env.MOTCUA_PAYMENT_PLATFORM_SIM);
const READY_LINE = /Payment platform simulator listening at (http:\/\/127\.0\.0\.1:(\d+))/;

/** The simulator's defaults, and the tests'. */
export const PLATFORM_PARTNER_CODE = 'MOTCUA-H32';
export const PLATFORM_SECRET = 'platform-secret-for-tests';

/** How the platform calls MotCua back after a payment (README.md "Callback scenarios"). */
export type CallbackScenario = 'normal' | 'lost' | 'repeated' | 'after_return';
/** The buttons of the payment page. */
export type PaymentOutcome = 'success' | 'cancel' | 'insufficient' | 'timeout';
/** MaLoi of each outcome. */
export const OUTCOME_RESULT: Record<PaymentOutcome, string> =
  { success: '00', cancel: '24', insufficient: '51', timeout: '11' };

export interface PaymentPlatformOptions extends CommonSimulatorOptions {
  partnerCode?: string;
  secret?: string;
  /** MotCua's confirm endpoint (may be set later with setMerchant). */
  confirmUrl?: string;
  confirmRetries?: number;
  confirmRetryMs?: number;
  callback?: CallbackScenario;
}

/** One transaction as GET /_sim/state shows it. */
export interface PlatformTransaction {
  reference: string;
  amount: number;
  info: string;
  status: 'pending' | 'paid' | 'failed';
  /** MaLoi ("01" while pending). */
  result: string;
  transaction_id: string;
  created_gd: string;
  settled_gd: string;
  return_url: string;
  injected: boolean;
  /** ThongTinBienLai as received ({} for an injected one). */
  receipt: Record<string, unknown>;
}

/** One confirm callback sent, and MotCua's answer. */
export interface ConfirmAttempt {
  reference: string;
  delivery: number;
  attempt: number;
  url: string;
  tamper: 'none' | 'amount' | 'signature';
  /** 0: no answer. */
  status: number;
  /** MotCua's error_code ("" when unreadable). */
  error_code: string;
  reply: string;
  error: string;
}

export interface PlatformCounters {
  requests: number;
  inits: number;
  queries: number;
  receipts: number;
  reports: number;
  refused: number;
  down_refused: number;
  settled: number;
  confirms_sent: number;
  confirms_accepted: number;
  confirms_refused: number;
  confirms_failed: number;
  confirms_lost: number;
  faults: Record<FaultKind, number>;
}

/** GET /_sim/state. */
export interface PlatformState {
  confirm_url: string;
  scenario: CallbackScenario;
  /** By reference. */
  transactions: PlatformTransaction[];
  /** In the order sent. */
  confirms: ConfirmAttempt[];
  counters: PlatformCounters;
}

export interface RunningPaymentPlatform extends SimulatorProcess, SimulatorControls<PlatformState> {
  partnerCode: string;
  secret: string;
  /** Forgets every transaction and confirm, zeroes the counters, restores the start-up confirm
   * URL, scenario and fault plan, lifts an outage. */
  reset(): Promise<void>;
  setMerchant(merchant: { confirm_url: string }): Promise<void>;
  setCallback(scenario: CallbackScenario): Promise<void>;
  /** What a button of the payment page does, without a browser. */
  settle(reference: string, outcome: PaymentOutcome, scenario?: CallbackScenario):
    Promise<{ transaction: PlatformTransaction; confirms: ConfirmAttempt[] }>;
  /** A paid transaction MotCua never saw (for reconciliation). */
  injectTransaction(transaction: { reference: string; amount: number; info?: string; time_gd?: string }):
    Promise<PlatformTransaction>;
  /** Sends the confirm of a settled transaction once more, possibly tampered. */
  replayConfirm(reference: string, tamper?: 'none' | 'amount' | 'signature'): Promise<ConfirmAttempt>;
}

export async function startPaymentPlatform(options: PaymentPlatformOptions = {}): Promise<RunningPaymentPlatform> {
  const sim = await startSimulatorProcess({
    name: 'the payment platform simulator',
    bin: PAYMENT_PLATFORM_SIM_BIN,
    missingHint: 'build the payment_platform_simulator target or set MOTCUA_PAYMENT_PLATFORM_SIM',
    args: simulatorFlags(options, [
      ['--partner-code', options.partnerCode],
      ['--secret', options.secret],
      ['--confirm-url', options.confirmUrl],
      ['--confirm-retries', options.confirmRetries],
      ['--confirm-retry-ms', options.confirmRetryMs],
      ['--callback', options.callback],
    ]),
    readyLine: READY_LINE,
  });
  const { url } = sim;
  return {
    ...sim,
    ...simulatorControls<PlatformState>(url),
    partnerCode: options.partnerCode ?? PLATFORM_PARTNER_CODE,
    secret: options.secret ?? PLATFORM_SECRET,
    async setMerchant(merchant) {
      await control(`${url}/_sim/merchant`, 'POST', merchant);
    },
    async setCallback(scenario) {
      await control(`${url}/_sim/callback`, 'POST', { scenario });
    },
    settle: (reference, outcome, scenario) =>
      control(`${url}/_sim/settle`, 'POST', scenario === undefined
        ? { reference, outcome } : { reference, outcome, scenario }),
    async injectTransaction(transaction) {
      return (await control<{ transaction: PlatformTransaction }>(
        `${url}/_sim/inject_transaction`, 'POST', transaction)).transaction;
    },
    async replayConfirm(reference, tamper = 'none') {
      return (await control<{ confirm: ConfirmAttempt }>(
        `${url}/_sim/replay_confirm`, 'POST', { reference, tamper })).confirm;
    },
  };
}
