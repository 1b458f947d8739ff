// Starts the RFC 3161 time-stamp authority simulator (tests/simulators/tsa/) for a black-box
// test: a TSA CA and a TSA certificate (extendedKeyUsage critical timeStamping) made with the
// `openssl` CLI in a temporary directory, then the simulator on a free port of 127.0.0.1 with that
// certificate, its key and the CA. The URL is read from the one line it prints when it listens.
// The control routes (/_sim/…) are wrapped for the tests; every simulator is killed and its
// directory removed when the test file ends, also when it fails.
//
// The binary comes from MOTCUA_TSA_SIM, else from the debug build.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from './server.ts';
import {
  control, simulatorBin, simulatorControls, simulatorFlags, startSimulatorProcess, type CommonSimulatorOptions,
  type FaultKind, type SimulatorControls, type SimulatorProcess,
} from './simulator_process.ts';

export const TSA_SIM_BIN = simulatorBin('tsa', process.env.MOTCUA_TSA_SIM);
const READY_LINE = /TSA simulator listening at (http:\/\/127\.0\.0\.1:(\d+))/;

/** The simulator's default policy OID, on every token unless `policy` says otherwise. */
export const TSA_POLICY = '1.3.6.1.4.1.99999.1';

/** What the TSA answers a well-formed call (POST /_sim/answer). */
export type TsaAnswer =
  /** A granted token for the request as sent. */
  | 'stamp'
  /** PKIStatus rejection (2), failInfo badRequest, no token. */
  | 'rejection'
  /** A granted token over another message imprint. */
  | 'wrong_imprint'
  /** A granted token with another nonce. */
  | 'wrong_nonce'
  /** HTTP 200 application/timestamp-reply of bytes that are not DER. */
  | 'garbage'
  /** HTTP 200 application/timestamp-reply: the first half of a granted answer. */
  | 'truncated';

export interface TsaOptions extends CommonSimulatorOptions {
  /** The policy OID of every token (default TSA_POLICY). */
  policy?: string;
  /** Include the CA certificate in every token (--chain; default true). */
  includeChain?: boolean;
}

/** One token the TSA signed, as GET /_sim/state shows it. */
export interface TsaStamp {
  serial: number;
  /** The token's genTime as encoded, e.g. 20261206030000Z. */
  gen_time: string;
  policy: string;
  /** The stamped message imprint, lower-case hex. */
  imprint: string;
  /** The token's nonce, lower-case hex (null without one). */
  nonce: string | null;
  /** 'stamp', or the spoiled answer it was signed for (wrong_imprint, wrong_nonce, truncated). */
  answer: TsaAnswer;
}

export interface TsaCounters {
  /** Calls to /tsa received, faulted or refused. */
  requests: number;
  /** Granted tokens for the request as sent: stamps issued. */
  issued: number;
  /** Rejections answered under the 'rejection' answer. */
  rejected: number;
  /** Requests OpenSSL refused for themselves (not a TimeStampReq, not SHA-256) and bodies over
   * 1 MiB. */
  invalid: number;
  /** wrong_imprint, wrong_nonce, garbage and truncated answers. */
  spoiled: number;
  /** 503 answered during an outage. */
  down_refused: number;
  faults: Record<FaultKind, number>;
}

/** GET /_sim/state. */
export interface TsaState {
  answer: TsaAnswer;
  policy: string;
  next_serial: number;
  counters: TsaCounters;
  /** Oldest first (at most the last 1000). */
  stamps: TsaStamp[];
}

export interface RunningTsa extends SimulatorProcess, SimulatorControls<TsaState> {
  /** Where MotCua posts its TimeStampReq: `${url}/tsa`. */
  tsaUrl: string;
  /** The TSA CA's certificate (PEM): the trust anchor of `openssl ts -verify -CAfile`. */
  caFile: string;
  /** The TSA's certificate (PEM): for `openssl ts -verify -untrusted`. */
  certFile: string;
  /** The policy OID on every token. */
  policy: string;
  /** The answer to every well-formed call from now on. */
  setAnswer(answer: TsaAnswer): Promise<void>;
  /** The stamps issued so far (counters.issued). */
  issued(): Promise<number>;
}

/** Makes, with the openssl CLI in `dir`, a TSA CA (tsa-ca.pem) and a TSA certificate signed by it
 * (tsa.pem, key tsa.key) for RFC 3161: keyUsage digitalSignature, extendedKeyUsage critical
 * timeStamping only. */
export function makeTsaCertificates(dir: string): { caFile: string; certFile: string; keyFile: string } {
  const file = (name: string) => join(dir, name);
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(['req', '-x509', ...ecKey, '-keyout', file('tsa-ca.key'), '-out', file('tsa-ca.pem'), '-days', '30',
    '-subj', '/CN=MotCua test TSA CA/O=MotCua/C=VN',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(['req', '-new', ...ecKey, '-keyout', file('tsa.key'), '-out', file('tsa.csr'),
    '-subj', '/CN=MotCua test TSA/O=MotCua/C=VN']);
  writeFileSync(file('tsa-ext.cnf'), [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature,nonRepudiation',
    'extendedKeyUsage=critical,timeStamping',
    'subjectKeyIdentifier=hash',
    'authorityKeyIdentifier=keyid',
  ].join('\n') + '\n');
  openssl(['x509', '-req', '-in', file('tsa.csr'), '-CA', file('tsa-ca.pem'), '-CAkey', file('tsa-ca.key'),
    '-set_serial', '2', '-days', '30', '-extfile', file('tsa-ext.cnf'), '-out', file('tsa.pem')]);
  return { caFile: file('tsa-ca.pem'), certFile: file('tsa.pem'), keyFile: file('tsa.key') };
}

export async function startTsa(options: TsaOptions = {}): Promise<RunningTsa> {
  const dir = makeTempDir('motcua-tsa-');
  const { caFile, certFile, keyFile } = makeTsaCertificates(dir);
  const sim = await startSimulatorProcess({
    name: 'the TSA simulator',
    bin: TSA_SIM_BIN,
    missingHint: 'build the tsa_simulator target or set MOTCUA_TSA_SIM',
    args: simulatorFlags(options, [
      ['--cert', certFile], ['--key', keyFile],
      ['--chain', options.includeChain === false ? undefined : caFile],
      ['--policy', options.policy],
    ]),
    readyLine: READY_LINE,
  });
  const controls = simulatorControls<TsaState>(sim.url);
  return {
    ...sim,
    ...controls,
    tsaUrl: `${sim.url}/tsa`,
    caFile,
    certFile,
    policy: options.policy ?? TSA_POLICY,
    async setAnswer(answer) {
      await control(`${sim.url}/_sim/answer`, 'POST', { answer });
    },
    async issued() {
      return (await controls.state()).counters.issued;
    },
  };
}
