// Starts the VNPay simulator (tests/simulators/vnpay/, the payment gateway of issue 15) for a
// black-box test: on a free port of 127.0.0.1, with the given merchant, callback scenario and
// fault plan. The URL is read from the one line it prints when it listens. The control routes
// (/_sim/…) are wrapped for the tests; every simulator is killed when the test file ends, also
// when it fails.
//
// The binary comes from MOTCUA_VNPAY_SIM, else from the debug build.
import {
  control, simulatorBin, simulatorControls, simulatorFlags, startSimulatorProcess,
  type CommonSimulatorOptions, type FaultKind, type SimulatorControls, type SimulatorProcess,
} from './simulator_process.ts';

export const VNPAY_SIM_BIN = simulatorBin('vnpay', process.env.MOTCUA_VNPAY_SIM);
const READY_LINE = /VNPay simulator listening at (http:\/\/127\.0\.0\.1:(\d+))/;

/** The simulator's defaults, and the tests'. */
export const VNPAY_TMN_CODE = 'MOTCUA01';
export const VNPAY_HASH_SECRET = 'vnpay-secret-for-tests';

export type VnpayScenario = 'normal' | 'lost' | 'repeated' | 'before_return' | 'after_return';
export type VnpayOutcome = 'success' | 'cancel' | 'insufficient' | 'timeout';
export type VnpayTamper = 'none' | 'amount' | 'signature';

export interface VnpayOptions extends CommonSimulatorOptions {
  tmnCode?: string;
  hashSecret?: string;
  ipnUrl?: string;
  callback?: VnpayScenario;
  ipnRetries?: number;
  ipnRetryMs?: number;
  ipnTimeoutMs?: number;
}

/** One IPN call and the merchant's answer. */
export interface VnpayIpnAttempt {
  kind: 'ipn' | 'replay';
  tamper: VnpayTamper;
  /** yyyyMMddHHmmss, GMT+7. */
  at: string;
  /** 0 when the merchant did not answer. */
  status: number;
  body: string;
  error: string;
  rsp_code: string;
  /** RspCode 00 or 02 with HTTP 200. */
  confirmed: boolean;
}

/** A transaction as the gateway holds it. */
export interface VnpayTransaction {
  tmn_code: string;
  txn_ref: string;
  /** In đồng. */
  amount: number;
  order_info: string;
  order_type: string;
  locale: string;
  return_url: string;
  ip_addr: string;
  create_date: string;
  expire_date: string;
  bank_code: string;
  status: 'pending' | 'paid' | 'failed';
  injected: boolean;
  response_code: string;
  transaction_status: string;
  transaction_no: string;
  bank_tran_no: string;
  card_type: string;
  pay_date: string;
  ipn: VnpayIpnAttempt[];
}

export interface VnpayCounters {
  pay_pages: number;
  pay_errors: number;
  settled: number;
  ipn_attempts: number;
  ipn_confirmed: number;
  ipn_gave_up: number;
  ipn_skipped: number;
  api_requests: number;
  querydr: number;
  reports: number;
  down_refused: number;
  faults: Record<FaultKind, number>;
}

/** GET /_sim/state. */
export interface VnpayState {
  ipn_url: string;
  scenario: VnpayScenario;
  /** In the order they came. */
  transactions: VnpayTransaction[];
  counters: VnpayCounters;
}

export interface VnpaySettlement {
  transaction: VnpayTransaction;
  /** The signed redirect to the merchant's return URL. */
  return_url: string;
}

export interface VnpayInjection {
  txn_ref: string;
  /** In đồng. */
  amount: number;
  outcome?: VnpayOutcome;
  order_info?: string;
  /** yyyyMMddHHmmss GMT+7 (default now). */
  pay_date?: string;
}

export interface RunningVnpay extends SimulatorProcess, SimulatorControls<VnpayState> {
  tmnCode: string;
  hashSecret: string;
  /** Forgets every transaction, zeroes the counters, restores the start-up settings. */
  reset(): Promise<void>;
  /** The merchant's IPN URL ('' for none). */
  setMerchant(ipnUrl: string): Promise<void>;
  /** The default callback scenario. */
  setCallback(scenario: VnpayScenario): Promise<void>;
  /** What the pay button does, without a browser; resolves once the synchronous IPN calls are
   * answered. */
  settle(txnRef: string, outcome: VnpayOutcome, scenario?: VnpayScenario): Promise<VnpaySettlement>;
  /** A settled transaction the merchant never saw. */
  injectTransaction(transaction: VnpayInjection): Promise<VnpayTransaction>;
  /** Sends the stored IPN once more (tampered or not); answers the call. */
  replayIpn(txnRef: string, tamper?: VnpayTamper): Promise<VnpayIpnAttempt>;
}

export async function startVnpay(options: VnpayOptions = {}): Promise<RunningVnpay> {
  const sim = await startSimulatorProcess({
    name: 'the VNPay simulator',
    bin: VNPAY_SIM_BIN,
    missingHint: 'build the vnpay_simulator target or set MOTCUA_VNPAY_SIM',
    args: simulatorFlags(options, [
      ['--tmn-code', options.tmnCode],
      ['--hash-secret', options.hashSecret],
      ['--ipn-url', options.ipnUrl],
      ['--callback', options.callback],
      ['--ipn-retries', options.ipnRetries],
      ['--ipn-retry-ms', options.ipnRetryMs],
      ['--ipn-timeout-ms', options.ipnTimeoutMs],
    ]),
    readyLine: READY_LINE,
  });
  const { url } = sim;
  return {
    ...sim,
    ...simulatorControls<VnpayState>(url),
    tmnCode: options.tmnCode ?? VNPAY_TMN_CODE,
    hashSecret: options.hashSecret ?? VNPAY_HASH_SECRET,
    async setMerchant(ipnUrl) {
      await control(`${url}/_sim/merchant`, 'POST', { ipn_url: ipnUrl });
    },
    async setCallback(scenario) {
      await control(`${url}/_sim/callback`, 'POST', { scenario });
    },
    settle: (txnRef, outcome, scenario) =>
      control<VnpaySettlement>(`${url}/_sim/settle`, 'POST', { txn_ref: txnRef, outcome, scenario }),
    async injectTransaction(transaction) {
      return (await control<{ transaction: VnpayTransaction }>(
        `${url}/_sim/inject_transaction`, 'POST', transaction)).transaction;
    },
    async replayIpn(txnRef, tamper = 'none') {
      return (await control<{ ipn: VnpayIpnAttempt }>(
        `${url}/_sim/replay_ipn`, 'POST', { txn_ref: txnRef, tamper })).ipn;
    },
  };
}
