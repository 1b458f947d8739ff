import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  RECONCILED_GATEWAYS,
  RECONCILIATION_PATH,
  RECONCILIATION_ROLES,
  findingCount,
  mismatchOf,
  readGateway,
  reconciliationHref,
  totalsGap,
} from './reconciliation.ts';

test('the reconciliation is offered to province administrators and auditors', () => {
  assert.deepEqual([...RECONCILIATION_ROLES].sort(), ['auditor', 'province_admin']);
  assert.equal(RECONCILIATION_PATH, '/thu-phi/doi-soat');
  assert.deepEqual(RECONCILED_GATEWAYS, ['vnpay', 'payment_platform']);
});

test('the gateway comes from `cong`, VNPay unless it names another one', () => {
  assert.equal(readGateway(null), 'vnpay');
  assert.equal(readGateway('vnpay'), 'vnpay');
  assert.equal(readGateway('payment_platform'), 'payment_platform');
  assert.equal(readGateway('momo'), 'vnpay');
  assert.equal(readGateway(''), 'vnpay');
});

test("the page's address names the gateway and the day only when they are not the defaults", () => {
  assert.equal(reconciliationHref(null, null), '/thu-phi/doi-soat');
  assert.equal(reconciliationHref('vnpay', null), '/thu-phi/doi-soat');
  assert.equal(reconciliationHref('payment_platform', null), '/thu-phi/doi-soat?cong=payment_platform');
  assert.equal(reconciliationHref('vnpay', '2026-01-05'), '/thu-phi/doi-soat?ngay=2026-01-05');
  assert.equal(reconciliationHref('payment_platform', '2026-01-05'), '/thu-phi/doi-soat?cong=payment_platform&ngay=2026-01-05');
});

const item = (o: Partial<Parameters<typeof mismatchOf>[0]>) => ({
  gateway_amount_vnd: 8000,
  ledger_amount_vnd: 8000,
  gateway_txn: '14012345',
  ledger_txn: '14012345',
  ...o,
});

test('the totals gap, the findings, and what a mismatch is about', () => {
  assert.equal(totalsGap({ gateway_total_vnd: 66000, ledger_total_vnd: 58000 }), 8000);
  assert.equal(totalsGap({ gateway_total_vnd: 58000, ledger_total_vnd: 66000 }), -8000);
  assert.equal(findingCount({ missing: [{} as never], extra: [], mismatched: [{} as never, {} as never], unapplied: [{} as never] }), 4);
  assert.equal(findingCount({ missing: [], extra: [], mismatched: [], unapplied: [] }), 0);
  assert.deepEqual(mismatchOf(item({ ledger_amount_vnd: 5000 })), { amount: true, txn: false });
  assert.deepEqual(mismatchOf(item({ ledger_txn: '14099999' })), { amount: false, txn: true });
  assert.deepEqual(mismatchOf(item({ ledger_amount_vnd: 5000, ledger_txn: '14099999' })), { amount: true, txn: true });
  // A side the gateway or the ledger does not give is no difference.
  assert.deepEqual(mismatchOf(item({ ledger_txn: null, gateway_amount_vnd: null })), { amount: false, txn: false });
});
