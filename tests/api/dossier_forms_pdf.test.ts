// The six forms of TT 03/2025/TT-VPCP Appendix I as PDF (GET …/forms/{form}?format=pdf), read the
// way a third party reads them: pdftotext finds the form's exact Vietnamese title (in capitals, as
// printed), the national motto, its template line and every field label of the form data, with the
// stacked diacritics intact; pdffonts lists only embedded Noto fonts; zbarimg decodes the QR code
// on the rendered page to the public lookup link of that dossier, and the link's dossier code is
// also written out. Same access rules as the JSON form; a bad format is 400.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, OTHER_WARD_CLERK, authHeaders, call, login, type Session } from './support/auth.ts';
import { assertProblem } from './support/http.ts';
import { actOk, createDossier } from './support/dossiers.ts';
import { fetchPdf, pdfFonts, pdfInfo, pdfQrCodes, pdfText } from './support/pdf.ts';

const PUBLIC_BASE_URL = 'https://dichvucong.khanhhoa.example.vn';

let server: RunningServer;
let citizen: Session;
let clerk: Session;
let specialist: Session;
let otherClerk: Session;

before(async () => {
  server = await startServer({ env: { ...FAST_HASHING, MOTCUA_PUBLIC_BASE_URL: PUBLIC_BASE_URL }, demoEnv: FAST_HASHING });
  [citizen, clerk, specialist, otherClerk] = await Promise.all([
    login(server, DEMO_LOGINS.citizen), login(server, DEMO_LOGINS.clerk), login(server, DEMO_LOGINS.specialist),
    login(server, OTHER_WARD_CLERK),
  ]);
});

after(async () => {
  await server?.close();
});

const getPdf = (session: Session | undefined, code: string, form: string, query = '?format=pdf') =>
  fetchPdf(`${server.url}/api/v1/dossiers/${encodeURIComponent(code)}/forms/${form}${query}`, authHeaders(session));

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The form as JSON and as PDF; checks the PDF against the JSON and returns its text. */
async function checkPdf(session: Session, code: string, form: string): Promise<string> {
  const json = await call(server, `/api/v1/dossiers/${encodeURIComponent(code)}/forms/${form}`, { session });
  assert.equal(json.status, 200, json.text);
  const data = json.body;
  const pdf = await getPdf(session, code, form);
  assert.equal(pdf.status, 200, pdf.bytes.toString('utf8', 0, 300));
  assert.equal(pdf.type, 'application/pdf');
  assert.equal(pdf.disposition, `inline; filename="${form}-${code}.pdf"`);
  assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');

  const text = pdfText(pdf.bytes);
  const expected = [
    data.title_vi.toLocaleUpperCase('vi'), ...data.national_motto_vi, data.template_vi,
    `Số: ${code}`, `Mã hồ sơ: ${code}`, data.applicant.name, data.procedure.name_vi,
    ...Object.values(data.labels).map((label: any) => oneLine(label.vi)),
  ];
  // Compared without white space: a label wrapped in a narrow table cell comes back with a line
  // break where it was wrapped (after "hạn/", say); every letter and mark must still be there.
  const letters = text.replace(/\s+/g, '');
  for (const part of expected) {
    assert.ok(letters.includes(part.replace(/\s+/g, '')), `${form}: "${part}" is not in the text layer:\n${text}`);
  }
  // Document information: the exact title in sentence case, dated by the form, not the clock.
  const info = pdfInfo(pdf.bytes);
  assert.equal(info.Title, `${data.title_vi} — ${code}`);
  assert.equal(info.Creator, 'MotCua');
  assert.equal(info.Pages, '1', `${form}: a usual dossier's form fits one A4 page`);
  assert.match(info['Page size'], /^595\.\d+ x 841\.\d+ pts \(A4\)/);
  // Fonts: Noto only, each embedded (as a subset) with a Unicode map.
  const fonts = pdfFonts(pdf.bytes);
  assert.ok(fonts.length >= 2, JSON.stringify(fonts));
  for (const font of fonts) {
    assert.match(font.name, /^[A-Z]{6}\+NotoSerif-(Regular|Bold|Italic)$/, JSON.stringify(font));
    assert.ok(font.embedded && font.subset && font.unicode, JSON.stringify(font));
  }
  // The QR code holds the public lookup link of this dossier, and the lookup shows it.
  assert.equal(data.lookup_url, `${PUBLIC_BASE_URL}/tra-cuu?ma=${code}`);
  assert.deepEqual(pdfQrCodes(pdf.bytes), [data.lookup_url]);
  // Printed twice, the same file.
  assert.deepEqual((await getPdf(session, code, form)).bytes, pdf.bytes);
  return text;
}

describe('the forms as PDF', () => {
  test('receipt and control slip after acceptance; the same access as the JSON form; bad formats are 400', async () => {
    const submitted = await createDossier(server, citizen);
    const code: string = submitted.code;
    assertProblem(await call(server, `/api/v1/dossiers/${code}/forms/receipt?format=pdf`, { session: citizen }), 409,
      'form_not_available', 'receipt');
    await actOk(server, clerk, code, 'accept');
    const receipt = await checkPdf(clerk, code, 'receipt');
    // Words with two diacritics, as the procedure and the components are named.
    for (const word of ['Đăng ký khai sinh', 'Thời gian hẹn trả kết quả', 'NGƯỜI TIẾP NHẬN HỒ SƠ', 'Tờ khai']) {
      assert.ok(receipt.includes(word), `${word} missing:\n${receipt}`);
    }
    assert.match(receipt, /Thời gian tiếp nhận: \d{2} giờ \d{2} phút, ngày \d{2}\/\d{2}\/\d{4}/);
    await checkPdf(citizen, code, 'receipt');
    await actOk(server, clerk, code, 'forward');
    const slip = await checkPdf(specialist, code, 'control_slip');
    assert.match(slip, new RegExp(`${DEMO_LOGINS.clerk}`));

    assertProblem(await call(server, `/api/v1/dossiers/${code}/forms/receipt?format=pdf`, { session: otherClerk }), 404,
      'dossier_not_found');
    assertProblem(await call(server, `/api/v1/dossiers/${code}/forms/receipt?format=pdf`), 401, 'authentication_required');
    assertProblem(await call(server, `/api/v1/dossiers/${code}/forms/nope?format=pdf`, { session: citizen }), 404, 'form_not_found', 'nope');
    assertProblem(await call(server, `/api/v1/dossiers/${code}/forms/receipt?format=docx`, { session: citizen }), 400, 'invalid_parameter', 'format');
    assertProblem(await call(server, `/api/v1/dossiers/${code}/forms/receipt?format=`, { session: citizen }), 400, 'invalid_parameter', 'format');
    assertProblem(await call(server, `/api/v1/dossiers/${code}/forms/receipt?format=pdf&format=pdf`, { session: citizen }), 400, 'invalid_parameter', 'format');
    assertProblem(await call(server, `/api/v1/dossiers/${code}/forms/receipt?page=1`, { session: citizen }), 400, 'invalid_parameter', 'page');
    // format=json is the JSON form.
    const json = await call(server, `/api/v1/dossiers/${code}/forms/receipt?format=json`, { session: citizen });
    assert.equal(json.status, 200);
    assert.equal(json.body.form, 'receipt');
  });

  test('supplement request, extension, stop notice: the reasons on the paper', async () => {
    const submitted = await createDossier(server, citizen);
    const code: string = submitted.code;
    const accepted = await actOk(server, clerk, code, 'accept');
    await actOk(server, clerk, code, 'forward');
    const reasons = ['Bổ sung giấy chứng sinh bản chính (TP2)', 'Bản sao giấy chứng nhận kết hôn của cha, mẹ (TP4)'];
    await actOk(server, specialist, code, 'request_supplement', { reasons, note: 'Nộp trong 5 ngày' });
    const request = await checkPdf(citizen, code, 'supplement_request');
    assert.ok(request.includes(`1. ${reasons[0]}`) && request.includes(`2. ${reasons[1]}`), request);
    assert.ok(request.includes('Ghi chú: Nộp trong 5 ngày'), request);
    await actOk(server, citizen, code, 'supplement');

    const due = new Date(Date.parse(accepted.due_at) + 2 * 86400_000 + 7 * 3600_000).toISOString().slice(0, 19) + '+07:00';
    await actOk(server, specialist, code, 'extend', { new_due_at: due, note: 'Chờ xác minh thông tin hộ tịch' });
    const extension = await checkPdf(citizen, code, 'extension');
    assert.ok(extension.includes('Chờ xác minh thông tin hộ tịch'), extension);
    assert.ok(extension.includes('xin lỗi'), extension);

    await actOk(server, citizen, code, 'stop', { reasons: ['Không còn nhu cầu giải quyết'] });
    const stop = await checkPdf(clerk, code, 'stop_notice');
    assert.ok(stop.includes('1. Không còn nhu cầu giải quyết'), stop);
  });

  test('refusal: a dossier refused at reception', async () => {
    const submitted = await createDossier(server, citizen);
    await actOk(server, clerk, submitted.code, 'refuse', { reasons: ['Thủ tục không thuộc thẩm quyền của phường'] });
    const refusal = await checkPdf(citizen, submitted.code, 'refusal');
    assert.ok(refusal.includes('1. Thủ tục không thuộc thẩm quyền của phường'), refusal);
    assert.ok(refusal.includes('Thời gian tiếp nhận: —'), 'a refused dossier was never received');
  });
});
