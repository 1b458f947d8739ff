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

/** The attributes the CMS signer info carries (openssl cms -cmsout -print). */
export function cmsSignedAttributes(pdf: Buffer): string[] {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'sig.der'), signatureParts(pdf).cms);
    const out = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(dir, 'sig.der')], { encoding: 'utf8' });
    const at = out.indexOf('signedAttrs:');
    return [...out.slice(at).matchAll(/object: ([A-Za-z0-9-]+) \(/g)].map((m) => m[1]);
  });
}
