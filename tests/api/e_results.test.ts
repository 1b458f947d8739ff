// Signed electronic results (docs/e-results.md), checked as a bank or another agency would: the
// clerk finishes a dossier with result_kind=electronic and the result comes out as a PDF signed
// PAdES B by the ward's key. pdfsig (trusting only the demo CA) and `openssl cms -verify` accept
// it; its QR code holds the verification page of that very file; anyone verifies it without an
// account. A flipped byte, appended bytes, a signature from a foreign CA and a revoked result are
// each reported invalid — by the API, by `motcua verify`, and by pdfsig where it applies. Keys
// rotate without breaking what the old key signed.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, authHeaders, call, login, runCli, type Session } from './support/auth.ts';
import { assertProblem } from './support/http.ts';
import { actOk, createDossier, getEvents } from './support/dossiers.ts';
import { fetchPdf, pdfFonts, pdfQrCodes, pdfText } from './support/pdf.ts';
import { cmsSignedAttributes, opensslCmsVerify, pdfsig } from './support/signatures.ts';

const PUBLIC_BASE_URL = 'https://dichvucong.khanhhoa.example.vn';

let server: RunningServer;
let foreign: RunningServer;
let citizen: Session;
let clerk: Session;
let specialist: Session;
let head: Session;

interface Issued { code: string; id: string; sha256: string; pdf: Buffer }

/** Takes a new dossier through to finish (electronic) on `on`; the issued result and its file. */
async function issue(on: RunningServer, sessions: Record<string, Session>): Promise<Issued> {
  const dossier = await createDossier(on, sessions.citizen);
  await actOk(on, sessions.clerk, dossier.code, 'accept');
  await actOk(on, sessions.clerk, dossier.code, 'forward', { note: 'Chuyển thẩm định' });
  await actOk(on, sessions.specialist, dossier.code, 'forward');
  await actOk(on, sessions.head, dossier.code, 'approve');
  const finished = await actOk(on, sessions.clerk, dossier.code, 'finish', { result_kind: 'electronic' });
  const listed = await call(on, `/api/v1/dossiers/${encodeURIComponent(dossier.code)}/results`, { session: sessions.citizen });
  assert.equal(listed.status, 200, listed.text);
  assert.equal(listed.body.results.length, 1);
  const [result] = listed.body.results;
  const file = await fetchPdf(`${on.url}/api/v1/files/${result.sha256}?dossier=${encodeURIComponent(dossier.code)}`,
    authHeaders(sessions.citizen));
  assert.equal(file.status, 200);
  assert.equal(finished.status, 9);
  return { code: dossier.code, id: result.id, sha256: result.sha256, pdf: file.bytes };
}

const caFile = (on: RunningServer) => join(on.dataDir, 'keys', 'trusted', 'demo-ca.pem');
const checkFile = (id: string, pdf: Buffer) => fetch(`${server.url}/api/v1/results/${id}/verification`,
  { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: pdf }).then(async (r) => ({ status: r.status, body: await r.json() as any }));

/** `motcua verify` on the server's data directory: its exit status and report. */
function verifyCli(pdf: Buffer, name: string): { status: number | null; out: string } {
  const file = join(server.dataDir, name);
  writeFileSync(file, pdf);
  const run = runCli(server.dataDir, ['verify', file]);
  return { status: run.status, out: run.stdout + run.stderr };
}

before(async () => {
  const env = { ...FAST_HASHING, MOTCUA_PUBLIC_BASE_URL: PUBLIC_BASE_URL };
  [server, foreign] = await Promise.all([
    startServer({ env, demoEnv: FAST_HASHING }),
    startServer({ env, demoEnv: FAST_HASHING }),
  ]);
  [citizen, clerk, specialist, head] = await Promise.all([
    login(server, DEMO_LOGINS.citizen), login(server, DEMO_LOGINS.clerk), login(server, DEMO_LOGINS.specialist),
    login(server, DEMO_LOGINS.head),
  ]);
});

after(async () => {
  await Promise.all([server?.close(), foreign?.close()]);
});

describe('a result signed at finish', () => {
  let issued: Issued;
  before(async () => {
    issued = await issue(server, { citizen, clerk, specialist, head });
  });

  test('the finish records issue_e_result with the file hash and the register row', async () => {
    const events = (await getEvents(server, clerk, issued.code)).body.items;
    const last = events[events.length - 1];
    assert.equal(last.action, 'issue_e_result');
    assert.equal(last.payload.file_sha256, issued.sha256);
    assert.equal(last.payload.result, issued.id);
    assert.match(issued.id, /^[a-z2-7]{26}$/);
    const verification = await call(server, `/api/v1/results/${issued.id}/verification`);
    assert.equal(verification.status, 200, verification.text);
    assert.equal(verification.body.status, 'valid');
    assert.equal(verification.body.reason, null);
    assert.equal(verification.body.dossier, issued.code);
    assert.equal(verification.body.agency.code, 'H32.22333');
    assert.match(verification.body.signer.subject, /^CN=.+,O=MotCua,C=VN$/);
    assert.match(verification.body.signer.issuer, /CN=MotCua demo CA/);
    assert.match(verification.body.signed_at, /\+07:00$/);
    assert.equal(verification.body.size, issued.pdf.length);
  });

  test('pdfsig and openssl cms accept it: PAdES baseline B over the whole file', () => {
    const report = pdfsig(issued.pdf, [caFile(server)]);
    assert.match(report, /Signature Type: ETSI\.CAdES\.detached/);
    assert.match(report, /Signature Validation: Signature is Valid\./);
    assert.match(report, /Certificate Validation: Certificate is Trusted\./);
    assert.match(report, /Total document signed/);
    assert.match(report, /Signing Hash Algorithm: SHA-256/);
    const cms = opensslCmsVerify(issued.pdf, caFile(server));
    assert.equal(cms.status, 0, cms.output);
    assert.deepEqual(cmsSignedAttributes(issued.pdf).sort(),
      ['contentType', 'id-smime-aa-signingCertificateV2', 'messageDigest', 'signingTime']);
  });

  test('its text, fonts and QR code: the QR holds the verification page of this very file', async () => {
    const text = pdfText(issued.pdf);
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '(Đã ký số)',
      `Mã hồ sơ: ${issued.code}`, `Mã xác minh: ${issued.id}`]) {
      assert.ok(text.includes(expected), `${expected} in ${text}`);
    }
    const fonts = pdfFonts(issued.pdf);
    assert.ok(fonts.length > 0 && fonts.every((f) => f.embedded), JSON.stringify(fonts));
    const codes = pdfQrCodes(issued.pdf);
    assert.deepEqual(codes, [`${PUBLIC_BASE_URL}/xac-minh/${issued.id}`]);
    const id = codes[0].split('/').pop()!;
    const checked = await checkFile(id, issued.pdf);
    assert.equal(checked.status, 200);
    assert.deepEqual([checked.body.status, checked.body.file.matches, checked.body.file.signature_valid], ['valid', true, true]);
    const cli = verifyCli(issued.pdf, 'good.pdf');
    assert.equal(cli.status, 0, cli.out);
    assert.match(cli.out, /verdict: +VALID/);
  });

  test('an empty body is a clear 400', async () => {
    const empty = await fetch(`${server.url}/api/v1/results/${issued.id}/verification`,
      { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: Buffer.alloc(0) });
    assert.equal(empty.status, 400);
    assert.equal(((await empty.json()) as any).code, 'empty_file');
  });

  test('a flipped byte and appended bytes are reported by the API, motcua verify and pdfsig', async () => {
    const flipped = Buffer.from(issued.pdf);
    const at = flipped.indexOf('/MediaBox');
    flipped[at + 2] ^= 0x01;
    const appended = Buffer.concat([issued.pdf, Buffer.from('\n% appended after signing\n')]);
    const expectations: Array<[Buffer, string, RegExp]> = [
      [flipped, 'bad_signature', /Signature Validation: (Signature is Invalid|Digest Mismatch)/],
      [appended, 'modified', /(Not total document signed|Signature is Invalid)/],
    ];
    for (const [pdf, reason, pdfsigSays] of expectations) {
      const checked = await checkFile(issued.id, pdf);
      assert.equal(checked.status, 200);
      assert.deepEqual([checked.body.file.matches, checked.body.file.signature_valid, checked.body.file.signature_reason],
        [false, false, reason]);
      const cli = verifyCli(pdf, `${reason}.pdf`);
      assert.equal(cli.status, 1, cli.out);
      assert.match(cli.out, new RegExp(`signature: INVALID: ${reason}`));
      assert.match(pdfsig(pdf, [caFile(server)]), pdfsigSays);
    }
  });

  test('a result signed under a foreign CA is not trusted here', async () => {
    const sessions = {
      citizen: await login(foreign, DEMO_LOGINS.citizen), clerk: await login(foreign, DEMO_LOGINS.clerk),
      specialist: await login(foreign, DEMO_LOGINS.specialist), head: await login(foreign, DEMO_LOGINS.head),
    };
    const other = await issue(foreign, sessions);
    const checked = await checkFile(issued.id, other.pdf);
    assert.deepEqual([checked.body.file.matches, checked.body.file.signature_valid, checked.body.file.signature_reason],
      [false, false, 'untrusted_signer']);
    const cli = verifyCli(other.pdf, 'foreign.pdf');
    assert.equal(cli.status, 1, cli.out);
    assert.match(cli.out, /INVALID: untrusted_signer/);
    assert.match(pdfsig(other.pdf, [caFile(server)]), /Certificate Validation: Certificate issuer isn't Trusted/);
    assert.equal(opensslCmsVerify(other.pdf, caFile(server)).status === 0, false);
  });

  test('rotating the ward key keeps the old result valid and signs the next with the new key', async () => {
    const rotated = runCli(server.dataDir, ['keys', 'rotate', '--agency', 'H32.22333', '--name', 'UBND phường Bắc Nha Trang']);
    assert.equal(rotated.status, 0, rotated.stderr);
    assert.match(rotated.stdout, /rotated to key 2 of H32\.22333/);
    const listed = runCli(server.dataDir, ['keys', 'list', '--agency', 'H32.22333']);
    assert.match(listed.stdout, /\* H32\.22333 +2 /);
    assert.equal(verifyCli(issued.pdf, 'old.pdf').status, 0);
    const next = await issue(server, { citizen, clerk, specialist, head });
    const [before, after] = await Promise.all([issued.id, next.id].map((id) => call(server, `/api/v1/results/${id}/verification`)));
    assert.notEqual(before.body.signer.certificate_sha256, after.body.signer.certificate_sha256);
    assert.equal(after.body.status, 'valid');
  });

  test('revoked with a reason by the head: verification says so, everywhere', async () => {
    const revoke = (session: Session | undefined, body: Record<string, unknown>) =>
      call(server, `/api/v1/results/${issued.id}/revocation`, { session, body });
    assertProblem(await revoke(citizen, { reason: 'Tôi không muốn nữa' }), 403, 'forbidden');
    assertProblem(await revoke(head, { reason: '   ' }), 400, 'invalid_parameter', 'reason');
    const done = await revoke(head, { reason: 'Cấp nhầm người được cấp' });
    assert.equal(done.status, 200, done.text);
    assert.deepEqual([done.body.status, done.body.reason, done.body.revocation_reason], ['revoked', 'revoked', 'Cấp nhầm người được cấp']);
    assertProblem(await revoke(head, { reason: 'Lần nữa' }), 409, 'already_revoked', 'id');
    const verification = await call(server, `/api/v1/results/${issued.id}/verification`);
    assert.equal(verification.body.status, 'revoked');
    assert.match(verification.body.revoked_at, /\+07:00$/);
    const checked = await checkFile(issued.id, issued.pdf);
    assert.deepEqual([checked.body.status, checked.body.file.matches, checked.body.file.signature_valid], ['revoked', true, true]);
    const cli = verifyCli(issued.pdf, 'revoked.pdf');
    assert.equal(cli.status, 1, cli.out);
    assert.match(cli.out, /revoked: .*Cấp nhầm người được cấp/);
    assert.match(cli.out, /verdict: +INVALID/);
  });
});

describe('bad requests', () => {
  test('unknown ids, bodies that are not a PDF, an empty file', async () => {
    assertProblem(await call(server, '/api/v1/results/aaaaaaaaaaaaaaaaaaaaaaaaaa/verification'), 404, 'result_not_found', 'id');
    assertProblem(await call(server, '/api/v1/results/not-an-id/verification'), 404, 'result_not_found', 'id');
    assertProblem(await call(server, '/api/v1/results/aaaaaaaaaaaaaaaaaaaaaaaaaa/verification?x=1'), 400, 'invalid_parameter', 'x');
    const fresh = await createDossier(server, citizen);
    const none = await call(server, `/api/v1/dossiers/${encodeURIComponent(fresh.code)}/results`, { session: citizen });
    assert.deepEqual(none.body, { results: [] });
    const json = await fetch(`${server.url}/api/v1/results/aaaaaaaaaaaaaaaaaaaaaaaaaa/verification`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(json.status, 415);
  });
});
