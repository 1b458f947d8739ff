// After a payment (docs/payments.md §4, §5, §7): its e-receipts, phí and lệ phí apart, with the
// amount in words, for whoever may read the dossier; the cashier's refund with a reason, once; the
// day's book closed once, with the cash counted against the cash expected, later rows after it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { assertProblem } from './support/http.ts';
import { DEMO_LOGINS, FAST_HASHING, authHeaders, call, login, type Session } from './support/auth.ts';
import { actOk, createDossier } from './support/dossiers.ts';
import { awaitingPayment, listPayments } from './support/payments.ts';
import { fetchPdf, pdfFonts, pdfInfo, pdfText } from './support/pdf.ts';

let server: RunningServer;
let citizen: Session;
let organisation: Session;
let clerk: Session;
let cashier: Session;

before(async () => {
  server = await startServer({ env: FAST_HASHING, demoEnv: FAST_HASHING });
  citizen = await login(server, DEMO_LOGINS.citizen);
  organisation = await login(server, DEMO_LOGINS.organisation);
  clerk = await login(server, DEMO_LOGINS.clerk);
  cashier = await login(server, DEMO_LOGINS.cashier);
});
after(async () => {
  await server?.close();
});

const actors = () => ({ citizen, clerk, cashier });
/** Đăng ký lại khai sinh: a lệ phí of 5,000 đồng, received at the ward's centre. */
const BIRTH_REREGISTRATION = '1.004884.000.00.00.H32';
const WARD = 'H32.22333';

const receiptsOf = (session: Session, id: number | string) =>
  call(server, `/api/v1/payments/${id}/receipts`, { session });
const refund = (session: Session, id: number, body: Record<string, unknown>) =>
  call(server, `/api/v1/payments/${id}/refunds`, { session, body });
const receiptNumber = (id: number, suffix: string) => `BL${String(id).padStart(7, '0')}-${suffix}`;

/** A cash payment of `amount` on a dossier awaiting `copies` copies' phí; the ledger rows. */
async function paidInCash(copies: number, ...amounts: number[]): Promise<{ code: string; entries: any[] }> {
  const code = await awaitingPayment(server, actors(), copies);
  for (const amount of amounts) {
    await actOk(server, cashier, code, 'pay', { channel: 'desk', amount });
  }
  return { code, entries: (await listPayments(server, cashier, code)).entries };
}

describe('e-receipts (biên lai điện tử)', () => {
  test('a phí paid in full: one receipt of phí, its items, the amount in words, for the applicant', async () => {
    const { code, entries } = await paidInCash(2, 16_000);
    const answer = await receiptsOf(citizen, entries[0].id);
    assert.equal(answer.status, 200, answer.text);
    const read = answer.body;
    assert.equal(read.payment.dossier, code);
    assert.equal(read.payment.amount_vnd, 16_000);
    assert.equal(read.procedure.code, '2.000635.000.00.00.H32');
    assert.ok(read.agency.name.length > 0);
    assert.ok(read.payer.name.length > 0);
    assert.match(read.reference, /^MC\d+N\d+$/);
    assert.deepEqual(read.receipts.map((r: any) => [r.kind, r.number, r.total_vnd, r.total_in_words]),
      [['charge', receiptNumber(entries[0].id, 'P'), 16_000, 'Mười sáu nghìn đồng']]);
    assert.deepEqual(read.receipts[0].lines.map((l: any) => [l.kind, l.amount_vnd]), [['charge', 16_000]]);
    assert.equal(read.refunded_vnd, 0);
    // The cashier reads it too; another applicant does not learn that it exists.
    assert.equal((await receiptsOf(cashier, entries[0].id)).status, 200);
    assertProblem(await receiptsOf(organisation, entries[0].id), 404, 'dossier_not_found');
  });

  test('part payments: each receipt holds what its own payment paid', async () => {
    const { entries } = await paidInCash(3, 10_000, 14_000);
    const totals = [];
    for (const entry of entries) {
      const read = (await receiptsOf(citizen, entry.id)).body;
      totals.push(read.receipts.map((r: any) => [r.kind, r.total_vnd, r.total_in_words]));
    }
    assert.deepEqual(totals, [[['charge', 10_000, 'Mười nghìn đồng']], [['charge', 14_000, 'Mười bốn nghìn đồng']]]);
  });

  test('a lệ phí gets a receipt of lệ phí', async () => {
    const dossier = await createDossier(server, citizen, { procedure: BIRTH_REREGISTRATION });
    await actOk(server, clerk, dossier.code, 'accept');
    await actOk(server, cashier, dossier.code, 'pay', { channel: 'desk', amount: 5000 });
    const [entry] = (await listPayments(server, cashier, dossier.code)).entries;
    const read = (await receiptsOf(citizen, entry.id)).body;
    assert.deepEqual(read.receipts.map((r: any) => [r.kind, r.number, r.total_vnd, r.total_in_words]),
      [['fee', receiptNumber(entry.id, 'LP'), 5000, 'Năm nghìn đồng']]);
    assert.equal(read.reference, null);
  });

  test('the receipts as one PDF, a page each, with the texts a reader checks', async () => {
    const dossier = await createDossier(server, citizen, { procedure: BIRTH_REREGISTRATION });
    await actOk(server, clerk, dossier.code, 'accept');
    await actOk(server, cashier, dossier.code, 'pay', { channel: 'desk', amount: 5000 });
    const [entry] = (await listPayments(server, cashier, dossier.code)).entries;
    const url = `${server.url}/api/v1/payments/${entry.id}/receipts?format=pdf`;
    const pdf = await fetchPdf(url, authHeaders(citizen));
    assert.equal(pdf.status, 200, pdf.bytes.toString('utf8', 0, 300));
    assert.equal(pdf.type, 'application/pdf');
    assert.equal(pdf.disposition, `inline; filename="bien-lai-${entry.id}.pdf"`);
    assert.equal(pdfInfo(pdf.bytes).Pages, '1');
    const text = pdfText(pdf.bytes);
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BIÊN LAI THU LỆ PHÍ',
      `Số: ${receiptNumber(entry.id, 'LP')}`, `Mã hồ sơ: ${dossier.code}`, 'Hình thức nộp: Tiền mặt',
      'Tổng cộng 5.000', 'Số tiền bằng chữ: Năm nghìn đồng']) {
      assert.ok(text.includes(expected), `${expected} in ${text}`);
    }
    const fonts = pdfFonts(pdf.bytes);
    assert.ok(fonts.length > 0 && fonts.every((f) => f.embedded && f.name.includes('Noto')), JSON.stringify(fonts));
    assert.equal((await fetchPdf(url, authHeaders(organisation))).status, 404);
    assertProblem(await call(server, `/api/v1/payments/${entry.id}/receipts?format=docx`, { session: citizen }), 400, 'invalid_parameter', 'format');
  });

  test('no receipt for what is not a payment', async () => {
    assertProblem(await receiptsOf(citizen, 987_654_321), 404, 'payment_not_found', 'id');
    assertProblem(await receiptsOf(citizen, 'abc'), 404, 'payment_not_found', 'id');
  });
});

describe('refunds (hoàn trả)', () => {
  test('the cashier pays back a payment once, with its reason; the receipt and the book show it', async () => {
    const { code, entries } = await paidInCash(1, 8000);
    const id = entries[0].id;
    assertProblem(await refund(cashier, id, { reason: ' ' }), 400, 'invalid_refund', 'reason');
    assertProblem(await refund(cashier, id, { reason: 'Nộp thừa', amount_vnd: 8001 }), 400, 'invalid_refund', 'amount');
    assertProblem(await refund(cashier, id, { reason: 'Nộp thừa', method: 'transfer' }), 400, 'invalid_refund', 'reference');
    assertProblem(await refund(cashier, id, { reason: 'Nộp thừa', fee: 1 }), 400, 'invalid_parameter', 'fee');
    assertProblem(await refund(citizen, id, { reason: 'Tôi muốn lấy lại tiền' }), 403, 'forbidden');
    const before = (await call(server, `/api/v1/payments/daybook?agency=${WARD}`, { session: cashier })).body;
    const done = await refund(cashier, id, { reason: 'Hồ sơ bị từ chối tiếp nhận', amount_vnd: 3000 });
    assert.equal(done.status, 201, done.text);
    assert.deepEqual([done.body.kind, done.body.channel, done.body.amount_vnd, done.body.refund_of, done.body.reason, done.body.recorded_by],
      ['refund', 'cash', 3000, id, 'Hồ sơ bị từ chối tiếp nhận', DEMO_LOGINS.cashier]);
    assertProblem(await refund(cashier, id, { reason: 'Lần nữa' }), 409, 'already_refunded', 'id');
    // A refund is no payment: it has no receipt and is not refunded.
    assertProblem(await refund(cashier, done.body.id, { reason: 'Hoàn của hoàn' }), 404, 'payment_not_found', 'id');
    assertProblem(await receiptsOf(citizen, done.body.id), 404, 'payment_not_found', 'id');
    const read = (await receiptsOf(citizen, id)).body;
    assert.equal(read.refunded_vnd, 3000);
    assert.ok(read.refunded_at);
    const listed = await listPayments(server, citizen, code);
    assert.deepEqual(listed.entries.map((e: any) => [e.kind, e.amount_vnd, e.refund_of]), [['payment', 8000, null], ['refund', 3000, id]]);
    const after = (await call(server, `/api/v1/payments/daybook?agency=${WARD}`, { session: cashier })).body;
    assert.equal(after.refunds_vnd - before.refunds_vnd, 3000);
    assert.equal(after.cash_vnd - before.cash_vnd, -3000);
  });
});

describe('the daily closing (chốt sổ thu)', () => {
  const close = (session: Session, body: Record<string, unknown>) =>
    call(server, '/api/v1/payments/daybook/closings', { session, body });

  test('a day is closed once, with the cash counted against the cash expected', async () => {
    await paidInCash(1, 8000);
    const book = (await call(server, `/api/v1/payments/daybook?agency=${WARD}`, { session: cashier })).body;
    assert.equal(book.closing, null);
    assertProblem(await close(cashier, { agency: WARD, cash_counted_vnd: -1 }), 400, 'invalid_parameter', 'cash_counted_vnd');
    assertProblem(await close(cashier, { agency: WARD }), 400, 'invalid_parameter', 'cash_counted_vnd');
    assertProblem(await close(cashier, { agency: WARD, cash_counted_vnd: 0, date: '2999-01-01' }), 400, 'invalid_parameter', 'date');
    assertProblem(await close(cashier, { agency: WARD, cash_counted_vnd: 0, note: 'x'.repeat(1001) }), 400, 'invalid_closing', 'note');
    assertProblem(await close(citizen, { agency: WARD, cash_counted_vnd: 0 }), 403, 'forbidden');
    const counted = book.cash_vnd - 2000;
    const closed = await close(cashier, { agency: WARD, cash_counted_vnd: counted, note: 'Thiếu 2.000đ, đã báo lãnh đạo' });
    assert.equal(closed.status, 201, closed.text);
    assert.deepEqual(
      [closed.body.date, closed.body.entries, closed.body.payments_vnd, closed.body.refunds_vnd, closed.body.cash_expected_vnd,
        closed.body.cash_counted_vnd, closed.body.cash_difference_vnd, closed.body.closed_by],
      [book.date, book.entries.length, book.payments_vnd, book.refunds_vnd, book.cash_vnd, counted, -2000, DEMO_LOGINS.cashier]);
    assert.equal(closed.body.last_entry_id, Math.max(...book.entries.map((e: any) => e.id)));
    assertProblem(await close(clerk, { agency: WARD, cash_counted_vnd: counted }), 409, 'already_closed', 'date');
    // A payment after the closing is in the day's book, after the closing's last row.
    const { entries } = await paidInCash(1, 8000);
    const later = (await call(server, `/api/v1/payments/daybook?agency=${WARD}`, { session: cashier })).body;
    assert.deepEqual(later.closing, closed.body);
    assert.ok(entries[0].id > later.closing.last_entry_id);
    assert.ok(later.entries.some((e: any) => e.id === entries[0].id));
    // A past day with no rows closes too (nothing was taken: nothing expected).
    const quiet = await close(cashier, { agency: WARD, cash_counted_vnd: 0, date: '2020-01-02' });
    assert.deepEqual([quiet.status, quiet.body.entries, quiet.body.cash_expected_vnd, quiet.body.last_entry_id], [201, 0, 0, 0]);
  });
});
