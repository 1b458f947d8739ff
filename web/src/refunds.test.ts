import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { components } from './api/schema.ts';
import { REFUND_METHODS, checkRefund, refundField, refundable, refundsByPayment, type RefundDraft } from './refunds.ts';

type LedgerEntry = components['schemas']['LedgerEntry'];

const entry = (id: number, kind: LedgerEntry['kind'], amount: number, refundOf: number | null = null): LedgerEntry => ({
  id,
  dossier: 'H32.22333.01-260105-0001',
  agency: 'H32.22333',
  kind,
  channel: kind === 'payment' ? 'vnpay' : 'cash',
  amount_vnd: amount,
  gateway_txn: kind === 'payment' ? '14012345' : null,
  business_date: '2026-01-05',
  recorded_at: '2026-01-05T09:05:00+07:00',
  recorded_by: kind === 'payment' ? 'system:vnpay' : 'thuphi.bnt',
  reason: kind === 'refund' ? 'Nộp thừa' : null,
  refund_of: refundOf,
});

const draft = (d: Partial<RefundDraft> = {}): RefundDraft => ({ reason: 'Nộp thừa', method: 'cash', reference: '', amount: '', ...d });

test('refunds are found by the payment they pay back; a refunded payment is not offered again', () => {
  const ledger = [entry(1, 'payment', 58000), entry(2, 'payment', 8000), entry(3, 'refund', 8000, 2), entry(4, 'refund', 1000, null)];
  const refunds = refundsByPayment(ledger);
  assert.deepEqual([...refunds.keys()], [2]);
  assert.equal(refunds.get(2)?.id, 3);
  assert.equal(refundable(ledger[0]!, refunds), true);
  assert.equal(refundable(ledger[1]!, refunds), false);
  // A refund row is never itself refunded.
  assert.equal(refundable(ledger[2]!, refunds), false);
});

test('cash first, then card and transfer', () => {
  assert.deepEqual(REFUND_METHODS, ['cash', 'card', 'transfer']);
});

test('a whole cash refund needs only its reason, trimmed', () => {
  assert.deepEqual(checkRefund(draft({ reason: '  Hồ sơ bị từ chối \n' }), 58000), {
    ok: true,
    request: { reason: 'Hồ sơ bị từ chối', method: 'cash' },
  });
  // A reference typed before switching back to cash is not sent.
  assert.deepEqual(checkRefund(draft({ reference: 'a b' }), 58000), { ok: true, request: { reason: 'Nộp thừa', method: 'cash' } });
});

test('the reason is required and at most 1000 bytes (Vietnamese letters count 2–3)', () => {
  assert.deepEqual(checkRefund(draft({ reason: ' \t\n' }), 1000), { ok: false, field: 'reason', problem: 'required' });
  assert.equal(checkRefund(draft({ reason: 'x'.repeat(1000) }), 1000).ok, true);
  assert.deepEqual(checkRefund(draft({ reason: 'x'.repeat(1001) }), 1000), { ok: false, field: 'reason', problem: 'too_long' });
  // "ệ" is 3 bytes: 334 of them are 1002 bytes.
  assert.deepEqual(checkRefund(draft({ reason: 'ệ'.repeat(334) }), 1000), { ok: false, field: 'reason', problem: 'too_long' });
});

test('a part refund is 1 đồng up to what the payment took', () => {
  assert.deepEqual(checkRefund(draft({ amount: '8.000' }), 58000), { ok: true, request: { reason: 'Nộp thừa', method: 'cash', amount_vnd: 8000 } });
  assert.equal(checkRefund(draft({ amount: '58000' }), 58000).ok, true);
  assert.deepEqual(checkRefund(draft({ amount: '58001' }), 58000), { ok: false, field: 'amount', problem: 'too_much' });
  for (const bad of ['0', '-1', '8k', '8.5']) assert.deepEqual(checkRefund(draft({ amount: bad }), 58000), { ok: false, field: 'amount', problem: 'invalid' }, bad);
  assert.equal(checkRefund(draft({ amount: '   ' }), 58000).ok, true);
});

test('card and transfer refunds name their slip or transfer reference', () => {
  assert.deepEqual(checkRefund(draft({ method: 'transfer' }), 1000), { ok: false, field: 'reference', problem: 'required' });
  assert.deepEqual(checkRefund(draft({ method: 'card', reference: 'số 1' }), 1000), { ok: false, field: 'reference', problem: 'invalid' });
  assert.deepEqual(checkRefund(draft({ method: 'transfer', reference: ' FT2634100012 ' }), 1000), {
    ok: true,
    request: { reason: 'Nộp thừa', method: 'transfer', reference: 'FT2634100012' },
  });
});

test("the server's param is mapped to the form's field", () => {
  assert.equal(refundField('reason'), 'reason');
  assert.equal(refundField('reference'), 'reference');
  assert.equal(refundField('amount'), 'amount');
  assert.equal(refundField('amount_vnd'), 'amount');
  assert.equal(refundField('method'), null);
  assert.equal(refundField(null), null);
});
