// Reads PDF files the way a third party would, with poppler-utils and zbar-tools (scripts/lib.sh
// installs both): the text layer (pdftotext), the fonts (pdffonts), the document information
// (pdfinfo) and the QR codes on the rendered pages (pdftoppm, then zbarimg).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `use` with `pdf` written to a temporary file, then removes the directory. */
function withFile<T>(pdf: Buffer, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text layer, every run of white space made one space. */
export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }))
    .replace(/\s+/g, ' ');
}

export interface PdfFont { name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean }

/** The fonts pdffonts lists. */
export function pdfFonts(pdf: Buffer): PdfFont[] {
  const out = withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return out.split('\n').slice(2).filter((line) => line.trim() !== '').map((line) => {
    const words = line.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: the flags are the 5th to 3rd words from the end.
    const [emb, sub, uni] = words.slice(-5, -2);
    return { name: words[0], type: words.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
}

/** pdfinfo's fields (Title, Pages, CreationDate…). */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withFile(pdf, (file) => execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' }));
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) info[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return info;
}

/** The contents of every QR code on every page, rendered at 150 dpi. */
export function pdfQrCodes(pdf: Buffer): string[] {
  return withFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-r', '150', '-png', file, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((name) => name.startsWith('page')).sort().map((name) => join(dir, name));
    let out = '';
    try {
      out = execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', ...pages],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error: any) {
      if (error.status !== 4) throw error;  // 4: a page without any symbol (the others are read).
      out = error.stdout;
    }
    return out.split('\n').filter((line) => line !== '');
  });
}

export interface FetchedPdf { status: number; type: string; disposition: string; bytes: Buffer }

/** GET `url` with `headers`; the answer's bytes, whatever its type. */
export async function fetchPdf(url: string, headers: Record<string, string>): Promise<FetchedPdf> {
  const response = await fetch(url, { headers });
  return {
    status: response.status, type: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '', bytes: Buffer.from(await response.arrayBuffer()),
  };
}
