// Signed results with an RFC 3161 signature-time-stamp (docs/e-results.md): with signing_tsa_url
// set, the finish that issues an electronic result asks the time-stamp authority (the simulator
// of tests/simulators/tsa/, a real OpenSSL TSA) for a token over the SHA-256 of the CMS signature
// value and carries it as the signer's one id-aa-signatureTimeStampToken unsigned attribute.
// Checked with tools that share no code with MotCua: `openssl ts -verify` of the token over the
// signature value's bytes against the TSA's CA, `openssl ts -reply -text` for its policy and time,
// and pdfsig and `openssl cms -verify` for the signature, which the unsigned attribute must not
// break. When the authority fails in any way (HTTP 500, an outage, a timeout, garbage, a
// rejection, a token for another imprint or nonce) the finish answers 503 timestamp_unavailable
// and nothing is written: same status, no issue_e_result event, no result; once the authority is
// back the same finish succeeds.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, authHeaders, call, login, type Session } from './support/auth.ts';
import { assertProblem } from './support/http.ts';
import { act, actOk, createDossier, getDossier, getEvents } from './support/dossiers.ts';
import { fetchPdf } from './support/pdf.ts';
import {
  cmsSignedAttributes, cmsUnsignedAttributes, opensslCmsVerify, opensslTsVerify, pdfsig, signatureTimestamps,
  timestampTokenInfo,
} from './support/signatures.ts';
import { startTsa, type RunningTsa, type TsaAnswer } from './support/tsa_simulator.ts';
import type { FaultKind } from './support/simulator_process.ts';

/** The server's longest wait for the authority (signing_tsa_timeout_ms): short, so that the
 * timeout cases are quick; the simulator holds its timeout fault well past it. */
const TSA_TIMEOUT_MS = 1500;
const HELD_MS = 5000;

let tsa: RunningTsa;
let server: RunningServer;
let citizen: Session;
let clerk: Session;
let specialist: Session;
let head: Session;

interface Issued { code: string; id: string; pdf: Buffer }

const caFile = () => join(server.dataDir, 'keys', 'trusted', 'demo-ca.pem');
const resultsOf = (code: string) => call(server, `/api/v1/dossiers/${encodeURIComponent(code)}/results`, { session: citizen });

/** A new dossier taken as far as the head's approval: the next step is the clerk's finish. */
async function approvedDossier(): Promise<string> {
  const dossier = await createDossier(server, citizen);
  await actOk(server, clerk, dossier.code, 'accept');
  await actOk(server, clerk, dossier.code, 'forward', { note: 'Chuyển thẩm định' });
  await actOk(server, specialist, dossier.code, 'forward');
  await actOk(server, head, dossier.code, 'approve');
  return dossier.code;
}

const finish = (code: string) => act(server, clerk, code, 'finish', { result_kind: 'electronic' });

/** Finishes `code` (electronic) and fetches the one result it issued. */
async function finishAndFetch(code: string): Promise<Issued> {
  const finished = await finish(code);
  assert.equal(finished.status, 200, `finish ${code}: ${finished.text}`);
  const listed = await resultsOf(code);
  assert.equal(listed.status, 200, listed.text);
  assert.equal(listed.body.results.length, 1, listed.text);
  const [result] = listed.body.results;
  const file = await fetchPdf(`${server.url}/api/v1/files/${result.sha256}?dossier=${encodeURIComponent(code)}`,
    authHeaders(citizen));
  assert.equal(file.status, 200);
  return { code, id: result.id, pdf: file.bytes };
}

before(async () => {
  tsa = await startTsa();
  server = await startServer({
    env: { ...FAST_HASHING, MOTCUA_SIGNING_TSA_URL: tsa.tsaUrl, MOTCUA_SIGNING_TSA_TIMEOUT_MS: String(TSA_TIMEOUT_MS) },
    demoEnv: FAST_HASHING,
  });
  [citizen, clerk, specialist, head] = await Promise.all([
    login(server, DEMO_LOGINS.citizen), login(server, DEMO_LOGINS.clerk), login(server, DEMO_LOGINS.specialist),
    login(server, DEMO_LOGINS.head),
  ]);
});

after(async () => {
  await server?.close();
  await tsa?.stop();
});

describe('a result stamped by the TSA', () => {
  let issued: Issued;
  let stampsBefore: number;
  before(async () => {
    const code = await approvedDossier();
    stampsBefore = await tsa.issued();
    issued = await finishAndFetch(code);
  });

  test('the signer info carries exactly one signature-time-stamp, over its signature value', async () => {
    assert.deepEqual(cmsUnsignedAttributes(issued.pdf), ['id-smime-aa-timeStampToken']);
    const { signatureValue, tokens } = signatureTimestamps(issued.pdf);
    assert.equal(tokens.length, 1);
    const verified = opensslTsVerify(tokens[0]!, signatureValue, tsa.caFile, tsa.certFile);
    assert.equal(verified.status, 0, verified.output);
    assert.match(verified.output, /Verification: OK/);
    // The TSA's own record agrees: it stamped the SHA-256 of that very signature value.
    const state = await tsa.state();
    const stamp = state.stamps.at(-1)!;
    assert.equal(stamp.imprint, createHash('sha256').update(signatureValue).digest('hex'));
    assert.equal(stamp.answer, 'stamp');
    assert.ok(stamp.nonce !== null && stamp.nonce.length > 0, 'the request carried a nonce');
  });

  test('the token states the TSA policy, SHA-256 and a time within a minute of now', () => {
    const { tokens } = signatureTimestamps(issued.pdf);
    const info = timestampTokenInfo(tokens[0]!);
    assert.equal(info.policy, tsa.policy, info.text);
    assert.equal(info.hash, 'sha256', info.text);
    assert.ok(Math.abs(info.time.getTime() - Date.now()) < 60_000, `${info.time.toISOString()} in\n${info.text}`);
    // A token over anything else does not verify: the imprint is the signature value's hash.
    const other = opensslTsVerify(tokens[0]!, Buffer.from('not the signature value'), tsa.caFile, tsa.certFile);
    assert.notEqual(other.status, 0, other.output);
  });

  test('pdfsig and openssl cms still accept the signature; the signed attributes are unchanged', () => {
    const report = pdfsig(issued.pdf, [caFile()]);
    assert.match(report, /Signature Type: ETSI\.CAdES\.detached/);
    assert.match(report, /Signature Validation: Signature is Valid\./);
    assert.match(report, /Certificate Validation: Certificate is Trusted\./);
    assert.match(report, /Total document signed/);
    const cms = opensslCmsVerify(issued.pdf, caFile());
    assert.equal(cms.status, 0, cms.output);
    assert.deepEqual(cmsSignedAttributes(issued.pdf).sort(),
      ['contentType', 'id-smime-aa-signingCertificateV2', 'messageDigest', 'signingTime']);
  });

  test('the API verifies the stamped result as valid', async () => {
    const verification = await call(server, `/api/v1/results/${issued.id}/verification`);
    assert.equal(verification.status, 200, verification.text);
    assert.equal(verification.body.status, 'valid', verification.text);
  });

  test('one stamp per issued result', async () => {
    assert.equal(await tsa.issued(), stampsBefore + 1);
    for (let i = 0; i < 2; i++) {
      const code = await approvedDossier();
      const before = await tsa.issued();
      const next = await finishAndFetch(code);
      assert.equal(await tsa.issued(), before + 1);
      assert.equal(signatureTimestamps(next.pdf).tokens.length, 1);
    }
  });
});

/** A way the authority fails, how to bring it about and how to end it. */
interface Failure {
  name: string;
  start(): Promise<unknown>;
  stop(): Promise<unknown>;
  /** The finish must give up after the server's timeout, not wait for the authority. */
  timed?: boolean;
}

const fault = (kind: FaultKind, timed = false): Failure => ({
  name: `fault ${kind}`,
  timed,
  start: () => tsa.setFaults({ rate: 1, kinds: [kind], timeout_ms: HELD_MS, slow_ms: HELD_MS }),
  stop: () => tsa.setFaults({ rate: 0 }),
});

const answer = (kind: TsaAnswer): Failure => ({
  name: `answer ${kind}`,
  start: () => tsa.setAnswer(kind),
  stop: () => tsa.setAnswer('stamp'),
});

const FAILURES: Failure[] = [
  fault('http_500'),
  { name: 'outage (HTTP 503)', start: () => tsa.setDown(true), stop: () => tsa.setDown(false) },
  fault('timeout', true),
  fault('slow', true),
  fault('close'),
  fault('drop_ack'),
  fault('invalid_json'),
  fault('huge_body'),
  fault('wrong_types'),
  answer('garbage'),
  answer('truncated'),
  answer('rejection'),
  answer('wrong_imprint'),
  answer('wrong_nonce'),
];

describe('when the TSA fails, the finish fails with 503 timestamp_unavailable and writes nothing', () => {
  for (const failure of FAILURES) {
    test(failure.name, async () => {
      const code = await approvedDossier();
      const before = (await getDossier(server, clerk, code)).body;
      const eventsBefore = (await getEvents(server, clerk, code)).body.items.length;
      await failure.start();
      let answer;
      const started = Date.now();
      try {
        answer = await finish(code);
      } finally {
        await failure.stop();
      }
      const took = Date.now() - started;
      assertProblem(answer, 503, 'timestamp_unavailable');
      if (failure.timed) {
        assert.ok(took < HELD_MS - 1000, `the finish waited ${took} ms, past the ${TSA_TIMEOUT_MS} ms timeout`);
      }
      const afterFailure = await getDossier(server, clerk, code);
      assert.equal(afterFailure.status, 200, afterFailure.text);
      assert.equal(afterFailure.body.status, before.status, afterFailure.text);
      const events = (await getEvents(server, clerk, code)).body.items;
      assert.equal(events.length, eventsBefore, JSON.stringify(events.slice(eventsBefore)));
      assert.ok(events.every((event: any) => event.action !== 'issue_e_result'));
      assert.deepEqual((await resultsOf(code)).body, { results: [] });

      // The authority is back: the same finish succeeds, stamped.
      const issuedBefore = await tsa.issued();
      const issued = await finishAndFetch(code);
      assert.equal(await tsa.issued(), issuedBefore + 1);
      const { signatureValue, tokens } = signatureTimestamps(issued.pdf);
      assert.equal(tokens.length, 1);
      const verified = opensslTsVerify(tokens[0]!, signatureValue, tsa.caFile, tsa.certFile);
      assert.equal(verified.status, 0, verified.output);
      const last = (await getEvents(server, clerk, code)).body.items.at(-1);
      assert.equal(last.action, 'issue_e_result');
    });
  }
});
