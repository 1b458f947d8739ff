import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { components } from './api/schema.ts';
import {
  MAX_RESULT_FILE_BYTES,
  VERIFICATION_PATH,
  checkRevocationReason,
  commonName,
  fileOutcome,
  mayRevoke,
  normalizeResultId,
  pickedFileProblem,
  readableDn,
  resultIdFromPath,
  resultReasonText,
  verificationPath,
} from './results.ts';

type RoleGrant = components['schemas']['RoleGrant'];
type ResultReason = NonNullable<components['schemas']['ResultVerification']['reason']>;

const ID = 'k7q2m4x5tbwd3hjnpr6sfgyzac';

test('a result is verified at /xac-minh/{id}, the address of its QR code', () => {
  assert.equal(VERIFICATION_PATH, '/xac-minh');
  assert.equal(verificationPath(ID), `/xac-minh/${ID}`);
  assert.equal(resultIdFromPath(`/xac-minh/${ID}`), ID);
  assert.equal(resultIdFromPath(`/xac-minh/${ID}/`), ID);
  assert.equal(resultIdFromPath('/xac-minh/abc%20def'), 'abc def');
  assert.equal(resultIdFromPath('/xac-minh/%E0%A4%A'), '%E0%A4%A');
  for (const path of ['/xac-minh', '/xac-minh/', `/xac-minh/${ID}/x`, `/ho-so/${ID}`, `/xac-minhx/${ID}`]) {
    assert.equal(resultIdFromPath(path), null, path);
  }
});

test('an id is 26 lowercase base32 characters; one upper-cased by a QR reader is read back', () => {
  assert.equal(normalizeResultId(ID), ID);
  assert.equal(normalizeResultId(` ${ID.toUpperCase()} `), ID);
  for (const bad of ['', 'khong-ton-tai', ID.slice(1), `${ID}a`, ID.replace('k', '1'), ID.replace('k', '8'), ID.replace('k', 'é')]) {
    assert.equal(normalizeResultId(bad), null, bad);
  }
});

test('every reason code reads as words in both languages; an unknown one is named', () => {
  const reasons: ResultReason[] = ['revoked', 'not_signed', 'not_pades', 'modified', 'bad_signature', 'untrusted_signer', 'invalid_pdf'];
  const seen = new Set<string>();
  for (const r of reasons) {
    const vi = resultReasonText(r, 'vi');
    const en = resultReasonText(r, 'en');
    assert.ok(vi && en && vi !== en, r);
    assert.ok(!vi.includes('_') && !en.includes('_') && vi !== r && en !== r, `${r} is shown as words, not as its code`);
    seen.add(vi);
  }
  assert.equal(seen.size, reasons.length, 'each reason has words of its own');
  assert.equal(resultReasonText('modified'), 'Tệp đã bị sửa đổi sau khi ký.');
  assert.equal(resultReasonText('modified', 'en'), 'The file was changed after it was signed.');
  assert.equal(resultReasonText('expired_key', 'vi'), 'Lý do khác (expired_key).');
  assert.equal(resultReasonText(null), '');
});

test('a file check tells the registered file from another, and a valid signature from not', () => {
  assert.equal(fileOutcome({ matches: true, signature_valid: true }), 'match');
  assert.equal(fileOutcome({ matches: true, signature_valid: false }), 'match_bad_signature');
  assert.equal(fileOutcome({ matches: false, signature_valid: true }), 'different_signed');
  assert.equal(fileOutcome({ matches: false, signature_valid: false }), 'different_unsigned');
});

test('an empty, oversized or plainly non-PDF file is not sent', () => {
  const f = (name: string, size: number, type: string) => pickedFileProblem({ name, size, type });
  assert.equal(f('ket-qua.pdf', 48213, 'application/pdf'), null);
  assert.equal(f('KET-QUA.PDF', 48213, ''), null);
  assert.equal(f('ket-qua', 48213, ''), null);
  assert.equal(f('ket-qua', 48213, 'application/x-pdf'), null);
  assert.equal(f('ket-qua.pdf', 48213, 'application/octet-stream'), null);
  assert.equal(f('ket-qua.pdf', 0, 'application/pdf'), 'empty');
  assert.equal(f('ket-qua.pdf', MAX_RESULT_FILE_BYTES, 'application/pdf'), null);
  assert.equal(f('ket-qua.pdf', MAX_RESULT_FILE_BYTES + 1, 'application/pdf'), 'too_large');
  assert.equal(f('anh.jpg', 48213, 'image/jpeg'), 'not_pdf');
  assert.equal(MAX_RESULT_FILE_BYTES, 20 * 1024 * 1024);
});

test("the signer is shown by the certificate's common name", () => {
  assert.equal(commonName('CN=UBND phường Hạc Thành,O=MotCua,C=VN'), 'UBND phường Hạc Thành');
  assert.equal(commonName('C=VN, O=MotCua, CN=Nguyễn Văn An'), 'Nguyễn Văn An');
  // OpenSSL's RFC 2253 form escapes the UTF-8 bytes of Vietnamese letters, and special characters.
  assert.equal(commonName('CN=UBND ph\\C6\\B0\\E1\\BB\\9Dng H\\E1\\BA\\A1c Th\\C3\\A0nh,O=MotCua,C=VN'), 'UBND phường Hạc Thành');
  assert.equal(commonName('CN=S\\E1\\BB\\9F T\\C6\\B0 ph\\C3\\A1p\\, t\\E1\\BB\\89nh Kh\\C3\\A1nh H\\C3\\B2a,C=VN'), 'Sở Tư pháp, tỉnh Khánh Hòa');
  assert.equal(commonName('cn=Demo+UID=42,C=VN'), 'Demo');
  assert.equal(commonName('O=MotCua demo,C=VN'), 'O=MotCua demo,C=VN');
  assert.equal(commonName(''), '');
});

test('a distinguished name is shown with its escaped Vietnamese letters read back', () => {
  assert.equal(readableDn('CN=UBND ph\\C6\\B0\\E1\\BB\\9Dng H\\E1\\BA\\A1c Th\\C3\\A0nh,O=MotCua,C=VN'), 'CN=UBND phường Hạc Thành,O=MotCua,C=VN');
  assert.equal(readableDn('CN=MotCua demo CA,O=MotCua demo,C=VN'), 'CN=MotCua demo CA,O=MotCua demo,C=VN');
  // Other escapes are kept: the name's structure stays readable.
  assert.equal(readableDn('CN=S\\E1\\BB\\9F T\\C6\\B0 ph\\C3\\A1p\\, Kh\\C3\\A1nh H\\C3\\B2a'), 'CN=Sở Tư pháp\\, Khánh Hòa');
});

test('the revocation is offered to the province administrator and the heads of the issuing agency', () => {
  const g = (role: RoleGrant['role'], agency: string | null): RoleGrant => ({ role, agency });
  assert.equal(mayRevoke([g('province_admin', 'H32')], 'H32.22333'), true);
  assert.equal(mayRevoke([g('head', 'H32.22333')], 'H32.22333'), true);
  assert.equal(mayRevoke([g('head', 'H32.22333')], 'H32.22333.01'), true);
  assert.equal(mayRevoke([g('head', 'H32.22333.01')], 'H32.22333'), false);
  assert.equal(mayRevoke([g('head', 'H32.2233')], 'H32.22333'), false);
  assert.equal(mayRevoke([g('head', 'H32.22334')], 'H32.22333'), false);
  assert.equal(mayRevoke([g('head', null)], 'H32.22333'), false);
  assert.equal(mayRevoke([g('specialist', 'H32.22333'), g('clerk', 'H32.22333'), g('agency_admin', 'H32.22333')], 'H32.22333'), false);
  assert.equal(mayRevoke([], 'H32.22333'), false);
});

test('a revocation needs a reason of at most 1000 characters, trimmed', () => {
  assert.deepEqual(checkRevocationReason('  Cấp nhầm năm sinh \n'), { ok: true, reason: 'Cấp nhầm năm sinh' });
  assert.deepEqual(checkRevocationReason(' \t\n'), { ok: false, problem: 'required' });
  // Characters, not bytes: 1000 Vietnamese letters are fine.
  assert.equal(checkRevocationReason('ệ'.repeat(1000)).ok, true);
  assert.deepEqual(checkRevocationReason('x'.repeat(1001)), { ok: false, problem: 'too_long' });
  // A letter outside the BMP is one character.
  assert.equal(checkRevocationReason('😀'.repeat(1000)).ok, true);
});
