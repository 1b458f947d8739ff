// A dossier's forms and files over HTTP: each form of TT 03/2025/TT-VPCP Appendix I walked through
// the states it applies to (receipt, supplementation request, refusal, extension, stop notice,
// control slip with early / on time / late hand-overs), 409 form_not_available before, 404 for an
// unknown form; uploads by the desk (digitize) and by the applicant (attach), types recognised by
// content, the per-file limit, malformed multipart, content stored once; the electronic result an
// officer uploads, and no file named by a dossier it was not uploaded to; downloads by the readers
// of the dossier a file was uploaded to, and 404 for everyone else.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import {
  DEMO_LOGINS, FAST_HASHING, OTHER_WARD, OTHER_WARD_CLERK, authHeaders, call, jsonSet, login, sql, type Session,
} from './support/auth.ts';
import { assertProblem, getJson, type JsonAnswer } from './support/http.ts';
import { VIETNAM_TIME, act, actOk, createCitizen, createDossier, freshCitizenLogin, getDossier, getEvents } from './support/dossiers.ts';
import { crc32, jpegImage, pngImage, scanPdf, uniqueLabel } from './support/scan_files.ts';

const PUBLIC_BASE_URL = 'https://dichvucong.khanhhoa.example.vn/';
const FORMS = ['receipt', 'supplement_request', 'refusal', 'extension', 'stop_notice', 'control_slip'];
const PDF_TYPE = 'application/pdf';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: RunningServer;
let citizen: Session;
let otherCitizen: Session;
let clerk: Session;
let specialist: Session;
let head: Session;
let otherClerk: Session;

before(async () => {
  server = await startServer({ env: { ...FAST_HASHING, MOTCUA_PUBLIC_BASE_URL: PUBLIC_BASE_URL }, demoEnv: FAST_HASHING });
  [citizen, clerk, specialist, head, otherClerk] = await Promise.all([
    login(server, DEMO_LOGINS.citizen), login(server, DEMO_LOGINS.clerk), login(server, DEMO_LOGINS.specialist),
    login(server, DEMO_LOGINS.head), login(server, OTHER_WARD_CLERK),
  ]);
  const admin = await login(server, DEMO_LOGINS.province_admin);
  const other = await createCitizen(server, admin, freshCitizenLogin(), 'Cong-Dan#2026', 'Trần Thị Bình');
  otherCitizen = await login(server, other, 'Cong-Dan#2026');
});

after(async () => {
  await server?.close();
});

// ---------------------------------------------------------------------------------------------
// File contents: each type by its magic bytes; DOCX and XLSX as real (stored) ZIP archives.

// Real images (the server reads their headers: docs/security.md V12), with bytes of their own.
const PNG = pngImage(uniqueLabel('dossier files'));
const JPEG = jpegImage(uniqueLabel('dossier files'));
const TEXT = Buffer.from('Đây là một tệp văn bản, không phải PDF.\n');

/** A ZIP archive (stored, no compression) of the given entries. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const DOCX = zip({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': '<w:document/>' });
const XLSX = zip({ '[Content_Types].xml': CONTENT_TYPES, 'xl/workbook.xml': '<workbook/>' });
const PLAIN_ZIP = zip({ '[Content_Types].xml': CONTENT_TYPES, 'notes.txt': 'không phải Office' });

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A one-page PDF of its own (distinct content, so a distinct stored file). */
function uniquePdf(label: string): Buffer {
  return scanPdf(uniqueLabel(label));
}

// ---------------------------------------------------------------------------------------------
// Requests.

interface Part { name: string; filename?: string; contentType?: string; content: Buffer | string }

const BOUNDARY = '----motcua-test-4b1d9e';

function multipart(parts: Part[], boundary = BOUNDARY): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename="${part.filename}"`;
    head += '\r\n';
    if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`), Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

function filesPath(code: string): string {
  return `/api/v1/dossiers/${encodeURIComponent(code)}/files`;
}

/** POST a raw body to the upload route (or `route`, e.g. e-result) as `session`. */
function postRaw(session: Session | undefined, code: string, body: Buffer | string, contentType?: string,
  route = 'files'): Promise<JsonAnswer> {
  const headers: Record<string, string> = { ...authHeaders(session) };
  if (contentType) headers['content-type'] = contentType;
  const path = `/api/v1/dossiers/${encodeURIComponent(code)}/${route}`;
  return getJson(`${server.url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
}

/** Uploads `parts` to POST /api/v1/dossiers/{code}/e-result as `session`. */
function uploadResult(session: Session | undefined, code: string, parts: Part[]): Promise<JsonAnswer> {
  return postRaw(session, code, multipart(parts), `multipart/form-data; boundary=${BOUNDARY}`, 'e-result');
}

/** Uploads `files` to `component` of dossier `code` as `session`. */
function upload(session: Session | undefined, code: string, component: string,
  files: { name: string; content: Buffer; type?: string }[]): Promise<JsonAnswer> {
  const parts: Part[] = [{ name: 'component', content: component }];
  for (const file of files) {
    parts.push({ name: 'file', filename: file.name, contentType: file.type ?? 'application/octet-stream', content: file.content });
  }
  return postRaw(session, code, multipart(parts), `multipart/form-data; boundary=${BOUNDARY}`);
}

async function uploadOk(session: Session, code: string, component: string,
  files: { name: string; content: Buffer; type?: string }[]): Promise<any> {
  const answer = await upload(session, code, component, files);
  assert.equal(answer.status, 201, `upload to ${code} ${component} as ${session.login}: ${answer.text}`);
  return answer.body;
}

function getForm(session: Session | undefined, code: string, form: string, query = ''): Promise<JsonAnswer> {
  return call(server, `/api/v1/dossiers/${encodeURIComponent(code)}/forms/${form}${query}`, { session });
}

async function formOk(session: Session, code: string, form: string): Promise<any> {
  const answer = await getForm(session, code, form);
  assert.equal(answer.status, 200, `${form} of ${code} as ${session.login}: ${answer.text}`);
  assert.equal(answer.body.form, form);
  assert.equal(answer.body.dossier_code, code);
  assert.equal(answer.body.number, code);
  return answer.body;
}

async function assertNotAvailable(session: Session, code: string, form: string): Promise<void> {
  assertProblem(await getForm(session, code, form), 409, 'form_not_available', form);
}

interface Download { status: number; headers: Headers; bytes: Buffer; text: string }

async function download(session: Session | undefined, sha: string, query: string): Promise<Download> {
  const response = await fetch(`${server.url}/api/v1/files/${sha}${query}`, { headers: authHeaders(session) });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}

function asAnswer(result: Download): JsonAnswer {
  const contentType = result.headers.get('content-type') ?? '';
  return { status: result.status, headers: result.headers, contentType, text: result.text,
    body: /json/.test(contentType) ? JSON.parse(result.text) : undefined };
}

/** RFC 3339 in Vietnam time, as the server writes it. */
function vietnamTime(ms: number): string {
  return `${new Date(ms + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

/** The local (Vietnam) date of `ms` as YYYY-MM-DD. */
function vietnamDate(ms: number): string {
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
}

/** A dossier of the citizen, accepted by the clerk. */
async function receivedDossier(): Promise<any> {
  const submitted = await createDossier(server, citizen);
  return actOk(server, clerk, submitted.code, 'accept', { note: 'Đủ thành phần' });
}

// ---------------------------------------------------------------------------------------------

describe('the forms of a dossier', () => {
  test('receipt after acceptance, with the lookup URL; nothing applies before; an unknown form is 404', async () => {
    const submitted = await createDossier(server, citizen);
    const code: string = submitted.code;
    for (const form of FORMS) {
      await assertNotAvailable(citizen, code, form);
    }
    assertProblem(await getForm(citizen, code, 'nope'), 404, 'form_not_found', 'nope');
    assertProblem(await getForm(citizen, code, 'Receipt'), 404, 'form_not_found', 'Receipt');

    const accepted = await actOk(server, clerk, code, 'accept');
    const receipt = await formOk(citizen, code, 'receipt');
    assert.equal(receipt.form_number, '01');
    assert.match(receipt.template_vi, /^Mẫu số 01, Phụ lục I, Thông tư số 03\/2025\/TT-VPCP$/);
    assert.equal(receipt.title_vi, 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    assert.deepEqual(receipt.national_motto_vi, ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    assert.deepEqual(receipt.issuer, { code: 'H32.22333.01', name_vi: accepted.receiving_agency_name_vi });
    assert.equal(receipt.procedure.code, accepted.procedure);
    assert.equal(receipt.procedure.name_vi, 'Đăng ký khai sinh');
    assert.deepEqual(receipt.applicant, accepted.applicant);
    assert.equal(receipt.received_at, accepted.received_at);
    assert.match(receipt.received_at, VIETNAM_TIME);
    assert.equal(receipt.appointment_at, accepted.due_at);
    assert.equal(receipt.receiving_officer_login, DEMO_LOGINS.clerk);
    assert.equal(receipt.channel, 'online');
    // The public portal's lookup, the base URL without its trailing slash.
    assert.equal(receipt.lookup_url, `https://dichvucong.khanhhoa.example.vn/tra-cuu?ma=${code}`);
    assert.deepEqual(receipt.components.map((c: any) => c.code), ['TP1', 'TP2', 'TP3', 'TP4', 'TP5']);
    for (const component of receipt.components) {
      assert.ok(component.name_vi.length > 0 && component.name_en.length > 0, JSON.stringify(component));
      assert.equal(component.digitized, false);
      assert.equal(component.files, 0);
    }
    for (const label of ['lookup_url', 'appointment_at', 'components', 'received_at', 'applicant']) {
      assert.ok(receipt.labels[label]?.vi && receipt.labels[label]?.en, `no label for ${label}`);
    }
    // The desk and the specialist read it too; others do not learn the dossier exists.
    assert.deepEqual((await formOk(clerk, code, 'receipt')).lookup_url, receipt.lookup_url);
    await formOk(specialist, code, 'receipt');
    assertProblem(await getForm(otherClerk, code, 'receipt'), 404, 'dossier_not_found');
    assertProblem(await getForm(otherCitizen, code, 'receipt'), 404, 'dossier_not_found');
    assertProblem(await getForm(undefined, code, 'receipt'), 401, 'authentication_required');
    assertProblem(await getForm(citizen, `${code}9`, 'receipt'), 404, 'dossier_not_found');
    // After acceptance: the control slip (no hand-over yet), and still none of the others.
    const slip = await formOk(citizen, code, 'control_slip');
    assert.deepEqual(slip.rows, []);
    assert.equal(slip.due_at, accepted.due_at);
    for (const form of ['supplement_request', 'refusal', 'extension', 'stop_notice']) {
      await assertNotAvailable(clerk, code, form);
    }
    // An unknown query parameter.
    assertProblem(await getForm(citizen, code, 'receipt', '?fmt=pdf'), 400, 'invalid_parameter', 'fmt');
    assertProblem(await getForm(citizen, code, 'nope', '?format=docx'), 400, 'invalid_parameter', 'format');
  });

  test('supplement_request: the reasons, who asked and when, and which request it is', async () => {
    const dossier = await receivedDossier();
    const code: string = dossier.code;
    await actOk(server, clerk, code, 'forward');
    await assertNotAvailable(citizen, code, 'supplement_request');
    const reasons = ['Bổ sung giấy chứng sinh bản chính (TP2)', 'Bản sao giấy chứng nhận kết hôn của cha, mẹ (TP4)'];
    await actOk(server, specialist, code, 'request_supplement', { reasons, note: 'Nộp trong 5 ngày' });
    const first = await formOk(citizen, code, 'supplement_request');
    const events = (await getEvents(server, citizen, code)).body.items;
    assert.equal(first.form_number, '02');
    assert.deepEqual(first.request.reasons, reasons);
    assert.equal(first.request.note, 'Nộp trong 5 ngày');
    assert.equal(first.request.officer_login, DEMO_LOGINS.specialist);
    assert.equal(first.request.at, events.at(-1).at);
    assert.equal(first.request.agency.code, 'H32.22333.01');
    assert.equal(first.request_ordinal, 1);
    assert.ok(first.labels['request.reasons']?.vi);

    // Supplemented, then asked again: the form shows the latest request, the second.
    await actOk(server, citizen, code, 'supplement');
    await actOk(server, specialist, code, 'request_supplement', { reasons: ['Ảnh chụp rõ nét tờ khai (TP1)'] });
    const second = await formOk(clerk, code, 'supplement_request');
    assert.deepEqual(second.request.reasons, ['Ảnh chụp rõ nét tờ khai (TP1)']);
    assert.equal(second.request.note, '');
    assert.equal(second.request_ordinal, 2);
  });

  test('refusal: the reasons of a dossier refused at reception; no receipt or control slip', async () => {
    const submitted = await createDossier(server, citizen);
    const code: string = submitted.code;
    const reasons = ['Thủ tục không thuộc thẩm quyền của phường'];
    await actOk(server, clerk, code, 'refuse', { reasons });
    const refusal = await formOk(citizen, code, 'refusal');
    assert.equal(refusal.form_number, '03');
    assert.equal(refusal.submitted_at, submitted.submitted_at);
    assert.equal(refusal.received_at, null);
    assert.deepEqual(refusal.refusal.reasons, reasons);
    assert.equal(refusal.refusal.officer_login, DEMO_LOGINS.clerk);
    assert.match(refusal.refusal.at, VIETNAM_TIME);
    for (const form of ['receipt', 'control_slip', 'supplement_request', 'extension', 'stop_notice']) {
      await assertNotAvailable(citizen, code, form);
    }
  });

  test('extension: the apology with the old and the new due time', async () => {
    const dossier = await receivedDossier();
    const code: string = dossier.code;
    await assertNotAvailable(clerk, code, 'extension');
    const oldDue: string = dossier.due_at;
    const newDue = vietnamTime(Date.parse(oldDue) + 2 * 86400_000);
    const extended = await actOk(server, clerk, code, 'extend', { new_due_at: newDue, note: 'Chờ xác minh thông tin hộ tịch' });
    assert.equal(extended.due_at, newDue);
    const form = await formOk(citizen, code, 'extension');
    assert.equal(form.form_number, '04');
    assert.equal(form.old_due_at, oldDue);
    assert.equal(form.new_due_at, newDue);
    assert.equal(form.extension_count, 1);
    assert.equal(form.extension.note, 'Chờ xác minh thông tin hộ tịch');
    assert.equal(form.extension.officer_login, DEMO_LOGINS.clerk);
    assert.ok(form.apology_vi.length > 0 && form.apology_en.length > 0);
    // The receipt keeps the appointment given at reception.
    assert.equal((await formOk(citizen, code, 'receipt')).appointment_at, oldDue);
  });

  test('stop_notice: a stopped dossier, with the reasons', async () => {
    const dossier = await receivedDossier();
    const code: string = dossier.code;
    await assertNotAvailable(citizen, code, 'stop_notice');
    await actOk(server, citizen, code, 'stop', { reasons: ['Không còn nhu cầu giải quyết'] });
    const notice = await formOk(clerk, code, 'stop_notice');
    assert.equal(notice.form_number, '05');
    assert.deepEqual(notice.stop.reasons, ['Không còn nhu cầu giải quyết']);
    assert.equal(notice.stop.officer_login, DEMO_LOGINS.citizen);
    assert.match(notice.stop.at, VIETNAM_TIME);
    await assertNotAvailable(citizen, code, 'refusal');
  });

  test('control_slip: one row per hand-over, late / on time / early against the step\'s due time', async () => {
    const dossier = await receivedDossier();
    const code: string = dossier.code;
    // The server uses the real clock: set the steps' due times in the database. Step 1 (clerk) is
    // already past, step 2 (specialist) ends tonight (local time), steps 3 and 4 are years away.
    const today = vietnamDate(Date.now());
    const dues = [
      '2026-01-05T03:00:00.000000Z',
      new Date(`${today}T23:59:00+07:00`).toISOString().replace(/\.\d+Z$/, '.000000Z'),
      '2099-12-30T10:00:00.000000Z',
      '2099-12-31T10:00:00.000000Z',
    ];
    sql(server.dataDir, `UPDATE dossiers SET doc = ${jsonSet('doc', dues.map((due, i) => [['steps', i, 'due_at'], due]))} WHERE code = '${code}'`);
    const edited = (await getDossier(server, clerk, code)).body;
    assert.deepEqual(edited.steps.map((s: any) => Date.parse(s.due_at)), dues.map((due) => Date.parse(due)));

    await actOk(server, clerk, code, 'forward', { note: 'Chuyển thẩm định' });
    await actOk(server, specialist, code, 'forward');
    await actOk(server, head, code, 'approve', { note: 'Đồng ý' });
    await actOk(server, clerk, code, 'finish', { result_kind: 'paper' });
    await actOk(server, clerk, code, 'return_result', { delivery: 'desk' });

    const slip = await formOk(citizen, code, 'control_slip');
    assert.equal(slip.form_number, '06');
    const events = (await getEvents(server, citizen, code)).body.items;
    const rows = slip.rows;
    assert.deepEqual(rows.map((r: any) => r.kind), ['forward', 'forward', 'forward', 'result']);
    assert.deepEqual(rows.map((r: any) => events.find((e: any) => e.seq === r.seq)?.action), ['forward', 'forward', 'approve', 'finish']);
    assert.deepEqual(rows.map((r: any) => r.giver_login),
      [DEMO_LOGINS.clerk, DEMO_LOGINS.specialist, DEMO_LOGINS.head, DEMO_LOGINS.clerk]);
    assert.deepEqual(rows.map((r: any) => r.receiver_login),
      [DEMO_LOGINS.specialist, DEMO_LOGINS.head, DEMO_LOGINS.clerk, DEMO_LOGINS.clerk]);
    assert.deepEqual(rows.map((r: any) => r.step), edited.steps.map((s: any) => s.name_vi));
    assert.deepEqual(rows.map((r: any) => r.to_step), [...edited.steps.slice(1).map((s: any) => s.name_vi), null]);
    assert.deepEqual(rows.map((r: any) => Date.parse(r.step_due_at)), dues.map((due) => Date.parse(due)));
    assert.equal(rows[0].note, 'Chuyển thẩm định');
    // On time means on the due day itself (before the due time): only if the day did not turn.
    const secondOnTime = vietnamDate(Date.parse(rows[1].handed_over_at)) === today;
    assert.deepEqual(rows.map((r: any) => r.result), ['late', secondOnTime ? 'on_time' : 'late', 'early', 'early']);
    assert.deepEqual(rows.map((r: any) => r.result_vi),
      ['Quá hạn', secondOnTime ? 'Đúng hạn' : 'Quá hạn', 'Trước hạn', 'Trước hạn']);
    for (const row of rows) {
      assert.match(row.handed_over_at, VIETNAM_TIME);
      const [date, time] = row.handed_over_at.slice(0, 16).split('T');
      assert.equal(row.time, time);
      assert.equal(row.date, date.split('-').reverse().join('/'));
      assert.equal(row.agency.code, 'H32.22333.01');
    }
    assert.ok(slip.labels['rows.result']?.vi.includes('quá hạn'));
  });
});

describe('uploading files', () => {
  test('the desk digitizes: a digitize fact, the component marked digitized, on the receipt', async () => {
    const dossier = await receivedDossier();
    const code: string = dossier.code;
    const content = uniquePdf('desk scan');
    const answer = await upload(clerk, code, 'TP2', [{ name: 'giay-chung-sinh.pdf', content, type: PDF_TYPE }]);
    assert.equal(answer.status, 201, answer.text);
    assert.deepEqual(answer.body.files, [{
      sha256: sha256(content), size: content.length, media_type: PDF_TYPE, extension: 'pdf', file_name: 'giay-chung-sinh.pdf',
    }]);
    const after = answer.body.dossier;
    assert.equal(after.code, code);
    assert.equal(after.event_count, dossier.event_count + 1);
    assert.equal(answer.headers.get('etag'), `"${after.event_count}"`);
    const component = after.components.find((c: any) => c.code === 'TP2');
    assert.deepEqual(component, { code: 'TP2', digitized: true, reuse_source: '', reused_document: null, files: [sha256(content)] });
    assert.ok(after.components.filter((c: any) => c.code !== 'TP2').every((c: any) => !c.digitized && c.files.length === 0));
    const last = (await getEvents(server, citizen, code)).body.items.at(-1);
    assert.equal(last.action, 'digitize');
    assert.equal(last.actor_login, DEMO_LOGINS.clerk);
    assert.equal(last.from_status, 2);
    assert.equal(last.to_status, 2);
    assert.deepEqual(last.payload, { component: 'TP2', file_sha256: sha256(content), size: content.length, media_type: PDF_TYPE });
    const receipt = await formOk(citizen, code, 'receipt');
    assert.deepEqual(receipt.components.find((c: any) => c.code === 'TP2'), {
      ...receipt.components.find((c: any) => c.code === 'TP2'), digitized: true, files: 1,
    });
    // At the specialist's step the desk still digitizes (statuses 2, 4, 5).
    await actOk(server, clerk, code, 'forward');
    const later = await uploadOk(clerk, code, 'TP3', [{ name: 'cccd.jpg', content: JPEG }]);
    assert.equal(later.dossier.components.find((c: any) => c.code === 'TP3').digitized, true);
    assert.equal((await getEvents(server, citizen, code)).body.items.at(-1).action, 'digitize');
  });

  test('the applicant attaches while submitted or awaiting supplementation, not counted as digitized; 409 once received', async () => {
    const submitted = await createDossier(server, citizen);
    const code: string = submitted.code;
    assert.ok(submitted.allowed_actions.includes('attach'), submitted.allowed_actions);
    const content = uniquePdf('applicant');
    const attached = await uploadOk(citizen, code, 'TP1', [{ name: 'to-khai.pdf', content }]);
    assert.equal(attached.files[0].sha256, sha256(content));
    assert.deepEqual(attached.dossier.components.find((c: any) => c.code === 'TP1'),
      { code: 'TP1', digitized: false, reuse_source: '', reused_document: null, files: [sha256(content)] });
    assert.equal(attached.dossier.status, 1);
    const last = (await getEvents(server, citizen, code)).body.items.at(-1);
    assert.equal(last.action, 'attach');
    assert.equal(last.actor_login, DEMO_LOGINS.citizen);
    assert.deepEqual(last.payload, { component: 'TP1', file_sha256: sha256(content), size: content.length, media_type: PDF_TYPE });
    assertProblem(await upload(otherCitizen, code, 'TP1', [{ name: 'x.pdf', content }]), 404, 'dossier_not_found');
    assertProblem(await upload(undefined, code, 'TP1', [{ name: 'x.pdf', content }]), 401, 'authentication_required');

    // Received: the applicant's upload is no longer possible; the file stays linked.
    await actOk(server, clerk, code, 'accept');
    const refused = await upload(citizen, code, 'TP2', [{ name: 'muon.pdf', content: uniquePdf('late') }]);
    assertProblem(refused, 409, 'invalid_transition', 'attach');
    assert.ok(Array.isArray(refused.body.allowed_actions) && !refused.body.allowed_actions.includes('attach'), refused.text);
    const receipt = await formOk(clerk, code, 'receipt');
    assert.deepEqual(receipt.components.find((c: any) => c.code === 'TP1'),
      { ...receipt.components.find((c: any) => c.code === 'TP1'), digitized: false, files: 1 });

    // Awaiting supplementation (5): the applicant attaches again.
    await actOk(server, clerk, code, 'forward');
    await actOk(server, specialist, code, 'request_supplement', { reasons: ['Bổ sung giấy chứng sinh (TP2)'] });
    const supplemented = await uploadOk(citizen, code, 'TP2', [{ name: 'giay-chung-sinh.png', content: PNG }]);
    assert.equal(supplemented.dossier.status, 5);
    assert.deepEqual(supplemented.dossier.components.find((c: any) => c.code === 'TP2').files, [sha256(PNG)]);
    assert.equal(supplemented.dossier.components.find((c: any) => c.code === 'TP2').digitized, false);
    assert.equal((await getEvents(server, citizen, code)).body.items.at(-1).action, 'attach');
  });

  test('the desk\'s upload before acceptance is 409 invalid_transition (digitize is not possible in status 1)', async () => {
    const submitted = await createDossier(server, citizen);
    const answer = await upload(clerk, submitted.code, 'TP1', [{ name: 'scan.pdf', content: uniquePdf('early scan') }]);
    assertProblem(answer, 409, 'invalid_transition', 'digitize');
  });

  test('the type comes from the content: PDF, PNG, JPEG, DOCX, XLSX; anything else is 400 unsupported_file_type', async () => {
    const dossier = await receivedDossier();
    const code: string = dossier.code;
    // A .pdf name and a PDF Content-Type on PNG bytes: stored as PNG.
    const png = Buffer.concat([PNG, Buffer.from(` ${code}`)]);
    const disguised = await uploadOk(clerk, code, 'TP1', [{ name: 'scan.pdf', content: png, type: PDF_TYPE }]);
    assert.equal(disguised.files[0].media_type, 'image/png');
    assert.equal(disguised.files[0].extension, 'png');
    assert.equal(disguised.files[0].file_name, 'scan.pdf');
    // Five types in one request: one digitize event each.
    const before = disguised.dossier.event_count;
    const five = await uploadOk(clerk, code, 'TP2', [
      { name: 'a.bin', content: uniquePdf('five') }, { name: 'b.bin', content: Buffer.concat([PNG, Buffer.from('five')]) },
      { name: 'c.bin', content: Buffer.concat([JPEG, Buffer.from(code)]) }, { name: 'd.bin', content: DOCX },
      { name: 'e.bin', content: XLSX },
    ]);
    assert.deepEqual(five.files.map((f: any) => [f.media_type, f.extension]), [
      [PDF_TYPE, 'pdf'], ['image/png', 'png'], ['image/jpeg', 'jpg'], [DOCX_TYPE, 'docx'], [XLSX_TYPE, 'xlsx'],
    ]);
    assert.equal(five.dossier.event_count, before + 5);
    assert.deepEqual(five.dossier.components.find((c: any) => c.code === 'TP2').files, five.files.map((f: any) => f.sha256));
    // Text named .pdf, a ZIP that is no Office document, an empty file: refused, nothing linked.
    for (const [name, content] of [['gia-mao.pdf', TEXT], ['archive.docx', PLAIN_ZIP], ['empty.pdf', Buffer.alloc(0)]] as const) {
      const answer = await upload(clerk, code, 'TP3', [{ name, content, type: PDF_TYPE }]);
      assertProblem(answer, 400, 'unsupported_file_type', 'file');
    }
    // One bad file among good ones: the whole request is refused.
    assertProblem(await upload(clerk, code, 'TP3', [{ name: 'ok.pdf', content: uniquePdf('mixed') }, { name: 'bad.pdf', content: TEXT }]),
      400, 'unsupported_file_type', 'file');
    const unchanged = (await getDossier(server, clerk, code)).body;
    assert.equal(unchanged.event_count, five.dossier.event_count);
    assert.deepEqual(unchanged.components.find((c: any) => c.code === 'TP3').files, []);
  });

  test('identical content is stored once, under its SHA-256; linking it again changes nothing', async () => {
    const first = await receivedDossier();
    const second = await receivedDossier();
    const content = uniquePdf('shared');
    const a = await uploadOk(clerk, first.code, 'TP1', [{ name: 'one.pdf', content }]);
    const b = await uploadOk(clerk, second.code, 'TP4', [{ name: 'two.pdf', content }]);
    assert.equal(a.files[0].sha256, sha256(content));
    assert.equal(b.files[0].sha256, a.files[0].sha256);
    const sha = a.files[0].sha256;
    const stored = join(server.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4));
    assert.deepEqual(readdirSync(stored).filter((name) => name.startsWith(sha.slice(0, 16))), [sha]);
    // The same file to the same component again: 201, no new event, no second link.
    const again = await uploadOk(clerk, first.code, 'TP1', [{ name: 'one-again.pdf', content }]);
    assert.equal(again.dossier.event_count, a.dossier.event_count);
    assert.deepEqual(again.dossier.components.find((c: any) => c.code === 'TP1').files, [sha]);
    // Twice in one request: linked once.
    const other = uniquePdf('twice');
    const twice = await uploadOk(clerk, first.code, 'TP5', [{ name: 'x.pdf', content: other }, { name: 'y.pdf', content: other }]);
    assert.equal(twice.files.length, 2);
    assert.equal(twice.dossier.event_count, again.dossier.event_count + 1);
    assert.deepEqual(twice.dossier.components.find((c: any) => c.code === 'TP5').files, [sha256(other)]);
  });

  test('malformed or incomplete multipart is a 400 that changes nothing; an unknown dossier is 404', async () => {
    const dossier = await receivedDossier();
    const code: string = dossier.code;
    const pdf = { name: 'file', filename: 'a.pdf', contentType: PDF_TYPE, content: uniquePdf('malformed') };
    const type = `multipart/form-data; boundary=${BOUNDARY}`;
    assertProblem(await call(server, filesPath(code), { session: clerk, body: { component: 'TP1' } }), 415, 'multipart_required', 'content-type');
    assertProblem(await postRaw(clerk, code, multipart([{ name: 'component', content: 'TP1' }, pdf])), 415, 'multipart_required');
    assertProblem(await postRaw(clerk, code, multipart([{ name: 'component', content: 'TP1' }, pdf]), 'multipart/form-data'),
      400, 'invalid_multipart', 'body');
    const complete = multipart([{ name: 'component', content: 'TP1' }, pdf]);
    const truncated = complete.subarray(0, complete.length - `--${BOUNDARY}--\r\n`.length - 2);
    assertProblem(await postRaw(clerk, code, truncated, type), 400, 'invalid_multipart', 'body');
    assertProblem(await postRaw(clerk, code, Buffer.from('not multipart at all'), type), 400, 'invalid_multipart', 'body');
    assertProblem(await postRaw(clerk, code, Buffer.from(`--${BOUNDARY}\r\nX-Nothing: 1\r\n\r\nTP1\r\n--${BOUNDARY}--\r\n`), type),
      400, 'invalid_multipart', 'body');
    assertProblem(await postRaw(clerk, code, multipart([pdf]), type), 400, 'invalid_parameter', 'component');
    assertProblem(await postRaw(clerk, code, multipart([{ name: 'component', content: 'TP1' }]), type), 400, 'invalid_parameter', 'file');
    assertProblem(await postRaw(clerk, code, multipart([{ name: 'component', content: 'TP1' }, { name: 'component', content: 'TP2' }, pdf]), type),
      400, 'invalid_parameter', 'component');
    assertProblem(await postRaw(clerk, code, multipart([{ name: 'component', content: 'TP1' }, pdf, { name: 'note', content: 'x' }]), type),
      400, 'invalid_parameter', 'note');
    assertProblem(await upload(clerk, code, 'TP9', [{ name: 'a.pdf', content: pdf.content }]), 400, 'invalid_parameter', 'component');
    assert.equal((await getDossier(server, clerk, code)).body.event_count, dossier.event_count);
    // A query parameter on the upload.
    const withQuery = await getJson(`${server.url}${filesPath(code)}?component=TP1`, {
      method: 'POST', headers: { ...authHeaders(clerk), 'content-type': type }, body: new Uint8Array(complete),
    });
    assertProblem(withQuery, 400, 'invalid_parameter', 'component');
    // A well-formed upload to a dossier that does not exist, or that the caller cannot see.
    assertProblem(await upload(clerk, 'H32.22333.01-260105-9999', 'TP1', [{ name: 'a.pdf', content: pdf.content }]), 404, 'dossier_not_found');
    assertProblem(await upload(otherClerk, code, 'TP1', [{ name: 'a.pdf', content: pdf.content }]), 404, 'dossier_not_found');
  });

  test('a file over attachment_max_file_bytes is 413 file_too_large', async () => {
    const small = await startServer({ env: { ...FAST_HASHING, MOTCUA_ATTACHMENT_MAX_FILE_BYTES: '1024' }, demoEnv: FAST_HASHING });
    try {
      const [owner, desk] = await Promise.all([login(small, DEMO_LOGINS.citizen), login(small, DEMO_LOGINS.clerk)]);
      const submitted = await createDossier(small, owner);
      const dossier = await actOk(small, desk, submitted.code, 'accept');
      const pdfOf = (size: number) => scanPdf(uniqueLabel('big'), { size });
      const send = (content: Buffer) => getJson(`${small.url}${filesPath(dossier.code)}`, {
        method: 'POST',
        headers: { ...authHeaders(desk), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        body: new Uint8Array(multipart([{ name: 'component', content: 'TP1' }, { name: 'file', filename: 'big.pdf', content }])),
      });
      assertProblem(await send(pdfOf(1025)), 413, 'file_too_large', 'file');
      assertProblem(await send(pdfOf(200_000)), 413, 'file_too_large', 'file');
      const exact = await send(pdfOf(1024));
      assert.equal(exact.status, 201, exact.text);
      assert.equal(exact.body.files[0].size, 1024);
      assert.equal(exact.body.dossier.event_count, dossier.event_count + 1);
    } finally {
      await small.close();
    }
  });
});

describe('the electronic result', () => {
  test('an officer uploads it: the issue_e_result fact, a file of the dossier its applicant downloads', async () => {
    const dossier = await receivedDossier();
    const code: string = dossier.code;
    await actOk(server, clerk, code, 'forward');  // Processing (4): the result may be issued.
    const content = uniquePdf('e-result');
    const answer = await uploadResult(specialist, code, [{ name: 'file', filename: 'ket-qua.pdf', contentType: PDF_TYPE, content }]);
    assert.equal(answer.status, 201, answer.text);
    assert.deepEqual(answer.body.files, [{ sha256: sha256(content), size: content.length, media_type: PDF_TYPE, extension: 'pdf', file_name: 'ket-qua.pdf' }]);
    assert.equal(answer.body.dossier.e_result_sha256, sha256(content));
    assert.equal(answer.headers.get('etag'), `"${answer.body.dossier.event_count}"`);
    const last = (await getEvents(server, citizen, code)).body.items.at(-1);
    assert.equal(last.action, 'issue_e_result');
    assert.equal(last.actor_login, DEMO_LOGINS.specialist);
    assert.deepEqual(last.payload, { file_sha256: sha256(content), size: content.length, media_type: PDF_TYPE });
    const got = await download(citizen, sha256(content), `?dossier=${encodeURIComponent(code)}`);
    assert.equal(got.status, 200, got.text);
    assert.ok(got.bytes.equals(content));
    // The same result again records nothing.
    const again = await uploadResult(specialist, code, [{ name: 'file', filename: 'lai.pdf', content }]);
    assert.equal(again.status, 201, again.text);
    assert.equal(again.body.dossier.event_count, answer.body.dossier.event_count);
    // The applicant does not issue results; other wards do not see the dossier; before
    // processing it is not possible.
    assertProblem(await uploadResult(citizen, code, [{ name: 'file', content: uniquePdf('x') }]), 403, 'forbidden');
    assertProblem(await uploadResult(otherClerk, code, [{ name: 'file', content: uniquePdf('x') }]), 404, 'dossier_not_found');
    const submitted = await createDossier(server, citizen);
    assertProblem(await uploadResult(clerk, submitted.code, [{ name: 'file', content: uniquePdf('x') }]), 409, 'invalid_transition', 'issue_e_result');
    // Exactly one file part and nothing else; a file of no accepted type.
    const before = (await getDossier(server, citizen, code)).body.event_count;
    const two = [{ name: 'file', content: uniquePdf('one') }, { name: 'file', content: uniquePdf('two') }];
    assertProblem(await uploadResult(clerk, code, two), 400, 'invalid_parameter', 'file');
    assertProblem(await uploadResult(clerk, code, []), 400, 'invalid_multipart');
    assertProblem(await uploadResult(clerk, code, [{ name: 'component', content: 'TP1' }, { name: 'file', content: uniquePdf('c') }]),
      400, 'invalid_parameter', 'component');
    assertProblem(await uploadResult(clerk, code, [{ name: 'file', content: TEXT }]), 400, 'unsupported_file_type', 'file');
    assert.equal((await getDossier(server, citizen, code)).body.event_count, before);
  });

  test('issue_e_result names only a file uploaded to the same dossier: another ward\'s file is 400 and never downloadable', async () => {
    // The hole: a file the desk of ward A scanned for A's dossier, named as the result of a
    // dossier of ward B by B's officer, then downloaded through B by B's officer or applicant.
    const foreign = await receivedDossier();
    const secret = uniquePdf('ward A only');
    const secretSha = (await uploadOk(clerk, foreign.code, 'TP1', [{ name: 'cccd.pdf', content: secret }])).files[0].sha256;
    const mine = await createDossier(server, otherCitizen, { agency: OTHER_WARD });
    await actOk(server, otherClerk, mine.code, 'accept');
    await actOk(server, otherClerk, mine.code, 'forward');
    const before = (await getDossier(server, otherCitizen, mine.code)).body;
    assertProblem(await act(server, otherClerk, mine.code, 'issue_e_result', { file_sha256: secretSha }), 400, 'file_not_in_dossier', 'file_sha256');
    const unknown = sha256(Buffer.from('never uploaded anywhere'));
    assertProblem(await act(server, otherClerk, mine.code, 'issue_e_result', { file_sha256: unknown }), 400, 'file_not_in_dossier', 'file_sha256');
    const after = (await getDossier(server, otherCitizen, mine.code)).body;
    assert.equal(after.event_count, before.event_count);
    assert.equal(after.e_result_sha256, '');
    for (const session of [otherClerk, otherCitizen]) {
      assertProblem(asAnswer(await download(session, secretSha, `?dossier=${encodeURIComponent(mine.code)}`)), 404, 'file_not_found', secretSha);
    }
    // A file uploaded to this dossier may be named as its result.
    const scan = uniquePdf('ward B scan');
    const scanSha = (await uploadOk(otherClerk, mine.code, 'TP1', [{ name: 'scan.pdf', content: scan }])).files[0].sha256;
    const issued = await actOk(server, otherClerk, mine.code, 'issue_e_result', { file_sha256: scanSha });
    assert.equal(issued.e_result_sha256, scanSha);
  });
});

describe('downloading files', () => {
  test('the applicant and the desk download the bytes as stored, typed by content, as an attachment', async () => {
    const dossier = await receivedDossier();
    const code: string = dossier.code;
    const content = uniquePdf('download');
    const sha = (await uploadOk(clerk, code, 'TP1', [{ name: 'to-khai.pdf', content }])).files[0].sha256;
    const png = Buffer.concat([PNG, Buffer.from(`download ${code}`)]);
    const pngSha = (await uploadOk(clerk, code, 'TP2', [{ name: 'giay.pdf', content: png, type: PDF_TYPE }])).files[0].sha256;
    const query = `?dossier=${encodeURIComponent(code)}`;
    for (const session of [citizen, clerk, specialist]) {
      const got = await download(session, sha, query);
      assert.equal(got.status, 200, `${session.login}: ${got.text}`);
      assert.ok(got.bytes.equals(content), `${session.login}: other bytes`);
      assert.equal(got.headers.get('content-type'), PDF_TYPE);
      assert.equal(got.headers.get('content-disposition'), `attachment; filename="${sha.slice(0, 16)}.pdf"`);
      assert.equal(got.headers.get('etag'), `"${sha}"`);
      assert.equal(got.headers.get('cache-control'), 'private, no-store');
      assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
    }
    const image = await download(citizen, pngSha, query);
    assert.equal(image.status, 200, image.text);
    assert.ok(image.bytes.equals(png));
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.equal(image.headers.get('content-disposition'), `attachment; filename="${pngSha.slice(0, 16)}.png"`);
    // Those who cannot read the dossier: 404 (401 without a session).
    assertProblem(asAnswer(await download(otherClerk, sha, query)), 404, 'dossier_not_found');
    assertProblem(asAnswer(await download(otherCitizen, sha, query)), 404, 'dossier_not_found');
    assertProblem(asAnswer(await download(undefined, sha, query)), 401, 'authentication_required');
  });

  test('a dossier that does not reference the file, an unknown or malformed SHA-256: 404; the dossier parameter is required', async () => {
    const withFile = await receivedDossier();
    const without = await receivedDossier();
    const content = uniquePdf('not referenced');
    const sha = (await uploadOk(clerk, withFile.code, 'TP1', [{ name: 'a.pdf', content }])).files[0].sha256;
    // The citizen reads both dossiers, but only one references the file.
    assertProblem(asAnswer(await download(citizen, sha, `?dossier=${encodeURIComponent(without.code)}`)), 404, 'file_not_found', sha);
    assertProblem(asAnswer(await download(clerk, sha, `?dossier=${encodeURIComponent(without.code)}`)), 404, 'file_not_found', sha);
    assertProblem(asAnswer(await download(citizen, sha, '?dossier=H32.22333.01-260105-9999')), 404, 'dossier_not_found');
    const unknown = sha256(Buffer.from('never uploaded'));
    assertProblem(asAnswer(await download(citizen, unknown, `?dossier=${encodeURIComponent(withFile.code)}`)), 404, 'file_not_found', unknown);
    for (const malformed of [sha.toUpperCase(), sha.slice(1), `${sha}0`, '..%2F..%2Fmotcua.db', 'khong-ton-tai']) {
      assertProblem(asAnswer(await download(citizen, malformed, `?dossier=${encodeURIComponent(withFile.code)}`)), 404, 'file_not_found');
    }
    // Query parameters: dossier is required, and nothing else is known.
    assertProblem(asAnswer(await download(citizen, sha, '')), 400, 'invalid_parameter', 'dossier');
    assertProblem(asAnswer(await download(citizen, sha, '?dossier=')), 400, 'invalid_parameter', 'dossier');
    assertProblem(asAnswer(await download(citizen, sha, `?dossier=${encodeURIComponent(withFile.code)}&download=1`)), 400, 'invalid_parameter', 'download');
    assertProblem(asAnswer(await download(citizen, sha, `?dossier=${encodeURIComponent(withFile.code)}&dossier=${encodeURIComponent(withFile.code)}`)),
      400, 'invalid_parameter', 'dossier');
  });
});
