import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { components } from './api/schema.ts';
import {
  AWAITING_PAYMENT,
  COLLECT_ROLES,
  DESK_PAY_METHODS,
  MAX_NOTE_BYTES,
  DESK_REFERENCE_PATTERN,
  PAYMENT_POLL_MS,
  PAYMENT_WAIT_MS,
  canPayOnline,
  currentOrder,
  hasPayments,
  mayCollect,
  needsReference,
  nextPollDelay,
  outstandingVnd,
  parseVndAmount,
  paymentLocale,
  returnState,
  safePayUrl,
  utf8Length,
  validReference,
} from './payments.ts';

type PaymentOrder = components['schemas']['PaymentOrder'];
type DossierPayments = components['schemas']['DossierPayments'];

const order = (reference: string, status: PaymentOrder['status']): PaymentOrder => ({
  reference,
  amount_vnd: 58000,
  fees_vnd: 8000,
  charges_vnd: 50000,
  items: [
    { kind: 'fee', code: 'LP01', name_vi: 'Lệ phí', name_en: 'Fee', quantity: 1, amount_vnd: 8000 },
    { kind: 'charge', code: 'P01', name_vi: 'Phí', name_en: 'Charge', quantity: 2, amount_vnd: 50000 },
  ],
  status,
  gateway: status === 'open' ? null : 'vnpay',
  created_at: '2026-01-05T09:00:00+07:00',
  paid_at: status === 'paid' ? '2026-01-05T09:05:00+07:00' : null,
});

const payments = (orders: PaymentOrder[], gateways: DossierPayments['gateways'] = ['vnpay', 'payment_platform']): DossierPayments => ({
  dossier: 'H32.22333.01-260105-0001',
  gateways,
  orders,
  entries: [],
});

test('the order shown is the open one, else the last paid one, else none', () => {
  assert.equal(currentOrder(null), null);
  assert.equal(currentOrder(payments([])), null);
  assert.equal(currentOrder(payments([order('MC1N3', 'cancelled'), order('MC1N2', 'open'), order('MC1N1', 'paid')]))?.reference, 'MC1N2');
  assert.equal(currentOrder(payments([order('MC1N3', 'cancelled'), order('MC1N2', 'paid'), order('MC1N1', 'paid')]))?.reference, 'MC1N2');
  assert.equal(currentOrder(payments([order('MC1N1', 'cancelled')])), null);
});

test('the panel shows when there is a fee, an order or a ledger row', () => {
  assert.equal(hasPayments(0, null), false);
  assert.equal(hasPayments(0, payments([])), false);
  assert.equal(hasPayments(58000, null), true);
  assert.equal(hasPayments(0, payments([order('MC1N1', 'cancelled')])), true);
  const refunded = payments([]);
  refunded.entries.push({
    id: 1,
    kind: 'refund',
    channel: 'cash',
    amount_vnd: 8000,
    gateway_txn: null,
    business_date: '2026-01-06',
    recorded_at: '2026-01-06T10:00:00+07:00',
    reason: 'Nộp thừa',
    dossier: 'H32.22333.01-260105-0001',
    agency: 'H32.22333',
    recorded_by: 'thuphi.bnt',
    refund_of: 1,
  });
  assert.equal(hasPayments(0, refunded), true);
});

test('only the applicant pays online, while the dossier awaits payment, through an offered gateway', () => {
  const p = payments([order('MC1N1', 'open')]);
  assert.equal(canPayOnline(true, AWAITING_PAYMENT, p), true);
  assert.equal(canPayOnline(false, AWAITING_PAYMENT, p), false);
  assert.equal(canPayOnline(true, 4, p), false);
  assert.equal(canPayOnline(true, AWAITING_PAYMENT, payments([order('MC1N1', 'open')], [])), false);
  assert.equal(canPayOnline(true, AWAITING_PAYMENT, null), false);
});

test("the pay page's language is the gateways' code for the UI language", () => {
  assert.equal(paymentLocale('vi'), 'vn');
  assert.equal(paymentLocale('en'), 'en');
});

test('back from the gateway: waiting while awaiting payment, received once moved on with a paid order', () => {
  assert.equal(returnState(AWAITING_PAYMENT, payments([order('MC1N1', 'open')])), 'waiting');
  assert.equal(returnState(4, payments([order('MC1N1', 'paid')])), 'received');
  // Moved on without a payment (withdrawn meanwhile): nothing to announce.
  assert.equal(returnState(7, payments([order('MC1N1', 'cancelled')])), null);
});

test('the wait asks every 2 s for 30 s at most', () => {
  assert.equal(PAYMENT_POLL_MS, 2000);
  assert.equal(PAYMENT_WAIT_MS, 30000);
  const start = 1_000_000;
  assert.equal(nextPollDelay(start, start), 2000);
  assert.equal(nextPollDelay(start, start + 28_000), 2000);
  assert.equal(nextPollDelay(start, start + 28_001), null);
  let now = start;
  let checks = 1; // the first check is at once
  for (let d = nextPollDelay(start, now); d !== null; d = nextPollDelay(start, now)) {
    now += d;
    checks += 1;
  }
  assert.equal(checks, 16);
  assert.equal(now - start, 30_000);
});

test('the browser is sent only to an http(s) pay page', () => {
  const base = 'https://dichvucong.khanhhoa.gov.vn/ho-so/H32';
  assert.equal(
    safePayUrl('https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=5800000', base),
    'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=5800000',
  );
  assert.equal(safePayUrl('/api/v1/payments/sim', base), 'https://dichvucong.khanhhoa.gov.vn/api/v1/payments/sim');
  assert.equal(safePayUrl('javascript:alert(1)', base), null);
  assert.equal(safePayUrl('data:text/html,hi', base), null);
  assert.equal(safePayUrl('http://[', base), null);
});

test('at the desk: cash by default, card and transfer name their reference', () => {
  assert.deepEqual(DESK_PAY_METHODS, ['cash', 'card', 'transfer']);
  assert.equal(needsReference('cash'), false);
  assert.equal(needsReference('card'), true);
  assert.equal(needsReference('transfer'), true);
});

test("a reference is 1–64 letters, digits and . _ / - (the server's pattern)", () => {
  for (const ok of ['A', '000123', 'POS-2026/01.05_7', 'FT26005123456789', 'x'.repeat(64)]) assert.equal(validReference(ok), true, ok);
  for (const bad of ['', ' 123', 'số-01', 'a b', 'a+b', 'x'.repeat(65), '12\n']) assert.equal(validReference(bad), false, bad);
  // The <input pattern> compiles under the `v` flag the browsers use, and means the same there.
  const v = new RegExp(`^(?:${DESK_REFERENCE_PATTERN})$`, 'v');
  assert.equal(v.test('POS-2026/01.05_7'), true);
  assert.equal(v.test('a b'), false);
});

test('the amount offered is what is outstanding, never below zero', () => {
  assert.equal(outstandingVnd(58000, 0), 58000);
  assert.equal(outstandingVnd(58000, 8000), 50000);
  assert.equal(outstandingVnd(58000, 60000), 0);
});

test('a typed amount is whole đồng, grouped by thousands or not', () => {
  assert.equal(parseVndAmount('58000'), 58000);
  assert.equal(parseVndAmount(' 58.000 '), 58000);
  assert.equal(parseVndAmount('58,000'), 58000);
  assert.equal(parseVndAmount('1 250 000'), 1250000);
  assert.equal(parseVndAmount('1.250.000'), 1250000);
  for (const bad of ['', '0', '000', '-5000', '58.5', '58.00', '5.8000', '1.250,000', '58k', '1e6', '99999999999999999999']) {
    assert.equal(parseVndAmount(bad), null, bad);
  }
});

test('cashiers and clerks collect payments; others do not', () => {
  assert.deepEqual([...COLLECT_ROLES].sort(), ['cashier', 'clerk']);
  assert.equal(mayCollect([{ role: 'cashier', agency: 'H32.22333' }]), true);
  assert.equal(mayCollect([{ role: 'specialist', agency: 'H32.22333' }, { role: 'clerk', agency: 'H32.22333' }]), true);
  assert.equal(mayCollect([{ role: 'head', agency: 'H32.22333' }, { role: 'auditor', agency: 'H32' }]), false);
  assert.equal(mayCollect([{ role: 'citizen', agency: null }]), false);
  assert.equal(mayCollect([]), false);
});

test('notes are measured in UTF-8 bytes, as the server does', () => {
  assert.equal(MAX_NOTE_BYTES, 1000);
  assert.equal(utf8Length(''), 0);
  assert.equal(utf8Length('abc'), 3);
  assert.equal(utf8Length('Nộp'), 5);
  assert.equal(utf8Length('₫'), 3);
});
