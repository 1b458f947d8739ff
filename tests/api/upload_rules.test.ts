// The digitisation rules for uploaded scans (issue 16 item 5, docs/security.md V12): the desk
// uploads bad input to a received dossier's component — a PDF bomb, a renamed executable, an
// empty file, a file over attachment_max_file_bytes, a PDF over attachment_max_pdf_pages, a PDF
// qpdf cannot read, an image declaring too many pixels — and each gets its 4xx with a stable code
// while nothing is stored: the component keeps no file, the dossier no new digitize event, and
// <data_dir>/files no new file. A good multi-page scan and a JPEG + PNG pair then go to the same
// component. The server runs with small limits for the size and the pages, and the default
// 512 MiB for the decoded streams, which the bomb (a 1.1 MB file inflating to 1 GiB) exceeds.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, authHeaders, login, type Session } from './support/auth.ts';
import { assertProblem, getJson, type JsonAnswer } from './support/http.ts';
import { actOk, createDossier, getDossier, getEvents } from './support/dossiers.ts';
import { jpegImage, pdfBomb, pngImage, scanPdf, uniqueLabel } from './support/scan_files.ts';

const MAX_FILE_BYTES = 2 << 20;
const MAX_PDF_PAGES = 5;
const BOUNDARY = '----motcua-upload-rules-51c2';
const PDF_TYPE = 'application/pdf';

let server: RunningServer;
let clerk: Session;
let specialist: Session;

before(async () => {
  server = await startServer({
    env: {
      ...FAST_HASHING,
      MOTCUA_ATTACHMENT_MAX_FILE_BYTES: String(MAX_FILE_BYTES),
      MOTCUA_ATTACHMENT_MAX_PDF_PAGES: String(MAX_PDF_PAGES),
    },
    demoEnv: FAST_HASHING,
  });
  [clerk, specialist] = await Promise.all([login(server, DEMO_LOGINS.clerk), login(server, DEMO_LOGINS.specialist)]);
});

after(async () => {
  await server?.close();
});

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

interface Upload { name: string; content: Buffer; type?: string }

function multipart(fields: [string, string][], files: Upload[]): Buffer {
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
      `Content-Type: ${file.type ?? PDF_TYPE}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

function post(session: Session, code: string, route: 'files' | 'e-result', body: Buffer): Promise<JsonAnswer> {
  return getJson(`${server.url}/api/v1/dossiers/${encodeURIComponent(code)}/${route}`, {
    method: 'POST',
    headers: { ...authHeaders(session), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    body: new Uint8Array(body),
  });
}

function upload(code: string, component: string, files: Upload[]): Promise<JsonAnswer> {
  return post(clerk, code, 'files', multipart([['component', component]], files));
}

/** A dossier received at the desk (status 2), where the clerk digitizes its components. */
async function receivedDossier(): Promise<string> {
  const dossier = await createDossier(server, clerk, {
    channel: 'desk',
    applicant: { kind: 'citizen', id_number: '056095001234', name: 'Nguyễn Văn An' },
  });
  assert.equal(dossier.status, 2);
  return dossier.code;
}

/** Every file under <data_dir>/files (ab/cd/<sha256>). */
function storedFiles(): string[] {
  const root = join(server.dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

interface Trace { files: string[]; events: number; digitized: number; component: any }

/** What an upload to `component` of `code` could change: the store, the events, the component. */
async function trace(code: string, component: string): Promise<Trace> {
  const events = (await getEvents(server, clerk, code)).body.items;
  const dossier = (await getDossier(server, clerk, code)).body;
  return {
    files: storedFiles(),
    events: events.length,
    digitized: events.filter((event: any) => event.action === 'digitize').length,
    component: dossier.components.find((c: any) => c.code === component),
  };
}

async function refusals(code: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const match = new RegExp(`^motcua_limit_refusals_total\\{code="${code}"\\} (\\d+)$`, 'm').exec(text);
  assert.ok(match, `no refusal counter for ${code}`);
  return Number(match[1]);
}

/** Uploads `file` to TP1 of a fresh received dossier and checks the refusal changed nothing. */
async function assertRefused(file: Upload, status: number, code: string): Promise<void> {
  const dossier = await receivedDossier();
  const before = await trace(dossier, 'TP1');
  assert.deepEqual(before.component.files, []);
  const answer = await upload(dossier, 'TP1', [file]);
  assertProblem(answer, status, code, 'file');
  const after = await trace(dossier, 'TP1');
  assert.deepEqual(after.component, { code: 'TP1', digitized: false, reuse_source: '', reused_document: null, files: [] });
  assert.equal(after.events, before.events, 'no new event');
  assert.equal(after.digitized, 0, 'no digitize event');
  assert.deepEqual(after.files, before.files, 'no new file in <data_dir>/files');
  const sha = sha256(file.content);
  assert.equal(existsSync(join(server.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha)), false);
}

/** An ELF executable's first bytes (x86-64), then filler. */
function executable(): Buffer {
  const elf = Buffer.alloc(4096);
  elf.set([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00], 0);
  elf.writeUInt16LE(2, 16);  // ET_EXEC.
  elf.writeUInt16LE(0x3e, 18);  // x86-64.
  elf.write(uniqueLabel('not a scan'), 64, 'latin1');
  return elf;
}

describe('the digitisation rules refuse bad input and store nothing', () => {
  test('a PDF bomb is 400 decompression_bomb and stores nothing', async () => {
    const bomb = pdfBomb(uniqueLabel('bomb'), 1024);  // 1 GiB of zeros.
    assert.ok(bomb.length < MAX_FILE_BYTES, `${bomb.length} bytes`);
    const counted = await refusals('decompression_bomb');
    await assertRefused({ name: 'scan.pdf', content: bomb }, 400, 'decompression_bomb');
    assert.equal(await refusals('decompression_bomb'), counted + 1);
  });

  test('an executable named scan.pdf is 400 unsupported_file_type; behind a %PDF- header, 400 unreadable_file', async () => {
    await assertRefused({ name: 'scan.pdf', content: executable() }, 400, 'unsupported_file_type');
    const disguised = Buffer.concat([Buffer.from('%PDF-1.7\n'), executable()]);
    await assertRefused({ name: 'scan.pdf', content: disguised }, 400, 'unreadable_file');
  });

  test('an empty file is 400 unsupported_file_type', async () => {
    await assertRefused({ name: 'scan.pdf', content: Buffer.alloc(0) }, 400, 'unsupported_file_type');
  });

  test('a file over attachment_max_file_bytes is 413 file_too_large', async () => {
    const large = scanPdf(uniqueLabel('large'), { size: MAX_FILE_BYTES + 1 });
    await assertRefused({ name: 'scan.pdf', content: large }, 413, 'file_too_large');
  });

  test('a PDF over attachment_max_pdf_pages is 400 too_many_pages', async () => {
    const counted = await refusals('too_many_pages');
    const pages = scanPdf(uniqueLabel('six pages'), { pages: MAX_PDF_PAGES + 1 });
    await assertRefused({ name: 'scan.pdf', content: pages }, 400, 'too_many_pages');
    assert.equal(await refusals('too_many_pages'), counted + 1);
  });

  test('a PDF without pages, or an image whose header does not read, is 400 unreadable_file', async () => {
    await assertRefused({ name: 'scan.pdf', content: scanPdf(uniqueLabel('no pages'), { pages: 0 }) }, 400, 'unreadable_file');
    const cut = pngImage(uniqueLabel('cut')).subarray(0, 20);
    await assertRefused({ name: 'scan.png', content: cut, type: 'image/png' }, 400, 'unreadable_file');
  });

  test('an image declaring 50 000 × 50 000 pixels is 400 decompression_bomb', async () => {
    const declared = { width: 50_000, height: 50_000 };
    await assertRefused({ name: 'scan.png', content: pngImage(uniqueLabel('png'), 8, 8, declared), type: 'image/png' },
      400, 'decompression_bomb');
    await assertRefused({ name: 'scan.jpg', content: jpegImage(uniqueLabel('jpeg'), declared), type: 'image/jpeg' },
      400, 'decompression_bomb');
  });

  test('one bad file among good ones refuses the whole upload', async () => {
    const dossier = await receivedDossier();
    const before = storedFiles();
    const good = scanPdf(uniqueLabel('good'), { pages: 2 });
    const answer = await upload(dossier, 'TP1', [
      { name: 'good.pdf', content: good }, { name: 'bomb.pdf', content: pdfBomb(uniqueLabel('bomb'), 1024) },
    ]);
    assertProblem(answer, 400, 'decompression_bomb', 'file');
    assert.deepEqual(storedFiles(), before);
    assert.deepEqual((await getDossier(server, clerk, dossier)).body.components.find((c: any) => c.code === 'TP1').files, []);
  });

  test('the electronic result follows the same rules', async () => {
    const dossier = await receivedDossier();
    await actOk(server, clerk, dossier, 'forward');  // Processing: the result may be issued.
    const before = storedFiles();
    const events = (await getEvents(server, clerk, dossier)).body.items.length;
    const bomb = pdfBomb(uniqueLabel('result bomb'), 1024);
    assertProblem(await post(specialist, dossier, 'e-result', multipart([], [{ name: 'ket-qua.pdf', content: bomb }])),
      400, 'decompression_bomb', 'file');
    assert.deepEqual(storedFiles(), before);
    assert.equal((await getEvents(server, clerk, dossier)).body.items.length, events);
    assert.equal((await getDossier(server, clerk, dossier)).body.e_result_sha256, '');
  });
});

describe('good scans are accepted', () => {
  test('a multi-page PDF, then a JPEG and a PNG, all go to the same component', async () => {
    const dossier = await receivedDossier();
    const before = await trace(dossier, 'TP2');
    const pdf = scanPdf(uniqueLabel('five pages'), { pages: MAX_PDF_PAGES });
    const first = await upload(dossier, 'TP2', [{ name: 'giay-chung-sinh.pdf', content: pdf }]);
    assert.equal(first.status, 201, first.text);
    assert.deepEqual(first.body.files.map((f: any) => [f.media_type, f.size]), [[PDF_TYPE, pdf.length]]);
    const jpeg = jpegImage(uniqueLabel('page 6'));
    const png = pngImage(uniqueLabel('page 7'), 64, 48);
    const second = await upload(dossier, 'TP2', [
      { name: 'trang-6.jpg', content: jpeg, type: 'image/jpeg' }, { name: 'trang-7.png', content: png, type: 'image/png' },
    ]);
    assert.equal(second.status, 201, second.text);
    assert.deepEqual(second.body.files.map((f: any) => f.media_type), ['image/jpeg', 'image/png']);
    const component = second.body.dossier.components.find((c: any) => c.code === 'TP2');
    assert.deepEqual(component, { code: 'TP2', digitized: true, reuse_source: '', reused_document: null, files: [sha256(pdf), sha256(jpeg), sha256(png)] });
    const after = await trace(dossier, 'TP2');
    assert.equal(after.digitized, before.digitized + 3, 'one digitize event per file');
    for (const content of [pdf, jpeg, png]) {
      const sha = sha256(content);
      assert.ok(after.files.includes(join(server.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha)), sha);
    }
  });
});
