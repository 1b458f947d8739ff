// Checks signed PDFs the way a third party does, with tools that share no code with MotCua:
// poppler's pdfsig (its NSS trust store made with certutil from libnss3-tools, trusting only the
// authorities given) and OpenSSL's `openssl cms -verify` on the CMS taken out of /Contents over
// the bytes /ByteRange names. scripts/lib.sh installs all three.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function inTempDir<T>(use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-sig-'));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdfsig's report of `pdf`, trusting the PEM certificates in `trusted` (files). */
export function pdfsig(pdf: Buffer, trusted: string[]): string {
  return inTempDir((dir) => {
    const nss = join(dir, 'nss');
    execFileSync('mkdir', [nss]);
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    trusted.forEach((file, i) => execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', `ca${i}`, '-t', 'CT,C,C', '-i', file]));
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdfsig', ['-nssdir', `sql:${nss}`, file], { encoding: 'utf8' });
    return `${run.stdout}${run.stderr}`;
  });
}

/** The last /ByteRange and the DER CMS of /Contents (without its zero padding). */
export function signatureParts(pdf: Buffer): { signed: Buffer; cms: Buffer } {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (ranges.length === 0) throw new Error('no /ByteRange');
  const [a, b, c, d] = ranges[ranges.length - 1].slice(1).map(Number);
  const der = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  // The DER length of the outer SEQUENCE tells where the padding starts.
  let length = der[1];
  let header = 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + der[2 + i];
    header = 2 + bytes;
  }
  return { signed: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]), cms: der.subarray(0, header + length) };
}

/** `openssl cms -verify` of the PDF's signature against `caFile`: its exit status and output. */
export function opensslCmsVerify(pdf: Buffer, caFile: string): { status: number | null; output: string } {
  return inTempDir((dir) => {
    const { signed, cms } = signatureParts(pdf);
    writeFileSync(join(dir, 'sig.der'), cms);
    writeFileSync(join(dir, 'content.bin'), signed);
    const run = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'sig.der'),
      '-content', join(dir, 'content.bin'), '-CAfile', caFile, '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  });
}

/** The signed (or unsigned) attributes the CMS signer info carries, by OpenSSL's short names
 * (openssl cms -cmsout -print). */
function cmsAttributes(pdf: Buffer, which: 'signedAttrs' | 'unsignedAttrs'): string[] {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'sig.der'), signatureParts(pdf).cms);
    const out = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(dir, 'sig.der')], { encoding: 'utf8' });
    // The printout lists signedAttrs, then the signature, then unsignedAttrs (<ABSENT> or a list).
    const at = out.search(new RegExp(`(^|[^n])${which}:`, 'm'));
    if (at < 0) return [];
    const section = out.slice(at);
    const end = which === 'signedAttrs' ? section.indexOf('unsignedAttrs:') : -1;
    return [...(end < 0 ? section : section.slice(0, end)).matchAll(/object: ([A-Za-z0-9-]+) \(/g)].map((m) => m[1]);
  });
}

/** The attributes the CMS signer info signs (openssl cms -cmsout -print). */
export function cmsSignedAttributes(pdf: Buffer): string[] {
  return cmsAttributes(pdf, 'signedAttrs');
}

/** The unsigned attributes of the CMS signer info (e.g. id-smime-aa-timeStampToken). */
export function cmsUnsignedAttributes(pdf: Buffer): string[] {
  return cmsAttributes(pdf, 'unsignedAttrs');
}

/** One DER element: its tag byte, where its content starts and ends in the buffer. */
interface DerElement { tag: number; start: number; contentStart: number; end: number }

function derElement(der: Buffer, at: number): DerElement {
  const tag = der[at]!;
  let length = der[at + 1]!;
  let contentStart = at + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + der[at + 2 + i]!;
    contentStart += bytes;
  }
  if (contentStart + length > der.length) throw new Error(`DER element at ${at} runs past the end`);
  return { tag, start: at, contentStart, end: contentStart + length };
}

/** The elements inside a constructed element. */
function derChildren(der: Buffer, parent: DerElement): DerElement[] {
  const children: DerElement[] = [];
  for (let at = parent.contentStart; at < parent.end;) {
    const child = derElement(der, at);
    children.push(child);
    at = child.end;
  }
  return children;
}

/** DER of id-aa-signatureTimeStampToken, 1.2.840.113549.1.9.16.2.14 (RFC 3161 appendix A). */
const SIGNATURE_TIMESTAMP_OID = Buffer.from('060b2a864886f70d010910020e', 'hex');

/** The CMS signer info of the PDF's signature, walked by hand from the DER (ContentInfo →
 * SignedData → the last SignerInfo): its signature value and the DER tokens of its
 * id-aa-signatureTimeStampToken unsigned attributes (one per attribute value). */
export function signatureTimestamps(pdf: Buffer): { signatureValue: Buffer; tokens: Buffer[] } {
  const { cms } = signatureParts(pdf);
  const contentInfo = derElement(cms, 0);
  const [, explicit] = derChildren(cms, contentInfo);
  const signedData = derChildren(cms, explicit!)[0]!;
  const signerInfos = derChildren(cms, signedData).at(-1)!;
  const signerInfo = derChildren(cms, signerInfos).at(-1)!;
  const fields = derChildren(cms, signerInfo);
  const value = fields.find((field) => field.tag === 0x04);  // signature OCTET STRING
  if (!value) throw new Error('the signer info has no signature value');
  const unsigned = fields.find((field) => field.tag === 0xa1);  // [1] IMPLICIT unsignedAttrs
  const tokens: Buffer[] = [];
  for (const attribute of unsigned ? derChildren(cms, unsigned) : []) {
    const [type, values] = derChildren(cms, attribute);
    if (cms.subarray(type!.start, type!.end).equals(SIGNATURE_TIMESTAMP_OID)) {
      for (const token of derChildren(cms, values!)) tokens.push(Buffer.from(cms.subarray(token.start, token.end)));
    }
  }
  return { signatureValue: Buffer.from(cms.subarray(value.contentStart, value.end)), tokens };
}

/** `openssl ts -verify` of a DER timestamp token over the bytes `data` (their hash must be the
 * token's imprint), trusting `caFile` with `untrusted` as the intermediate: status and output. */
export function opensslTsVerify(token: Buffer, data: Buffer, caFile: string, untrusted: string):
  { status: number | null; output: string } {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'token.der'), token);
    writeFileSync(join(dir, 'data.bin'), data);
    const run = spawnSync('openssl', ['ts', '-verify', '-in', join(dir, 'token.der'), '-token_in',
      '-data', join(dir, 'data.bin'), '-CAfile', caFile, '-untrusted', untrusted], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  });
}

/** What a timestamp token states (`openssl ts -reply -token_in -text`): its policy, hash, time,
 * and the whole printout. */
export function timestampTokenInfo(token: Buffer): { policy: string; hash: string; time: Date; text: string } {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'token.der'), token);
    const text = execFileSync('openssl', ['ts', '-reply', '-in', join(dir, 'token.der'), '-token_in', '-text'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const policy = /^Policy OID: (\S+)$/m.exec(text)?.[1] ?? '';
    const hash = /^Hash Algorithm: (\S+)$/m.exec(text)?.[1] ?? '';
    // "Time stamp: Dec  7 15:26:34 2026 GMT" (fractions of a second when the token has them).
    const at = /^Time stamp: (\w{3}) +(\d+) (\d\d):(\d\d):(\d\d)(?:\.\d+)? (\d{4}) GMT$/m.exec(text);
    if (!at) throw new Error(`no time stamp in:\n${text}`);
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(at[1]!);
    const time = new Date(Date.UTC(Number(at[6]), month, Number(at[2]), Number(at[3]), Number(at[4]), Number(at[5])));
    return { policy, hash, time, text };
  });
}
