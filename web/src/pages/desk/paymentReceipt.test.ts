import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PAYMENT_RECEIPT_PATH, paymentIdFromPath, paymentReceiptPath, receiptTitles, refundExtent } from './paymentReceipt.ts';

test("a payment's receipts live at /bien-lai/{ledger id}", () => {
  assert.equal(PAYMENT_RECEIPT_PATH, '/bien-lai');
  assert.equal(paymentReceiptPath(12), '/bien-lai/12');
  assert.equal(paymentIdFromPath('/bien-lai/12'), 12);
  assert.equal(paymentIdFromPath('/bien-lai/12/'), 12);
  assert.equal(paymentIdFromPath(paymentReceiptPath(9007199254740991)), 9007199254740991);
  const bad = ['/bien-lai', '/bien-lai/', '/bien-lai/0', '/bien-lai/012', '/bien-lai/-1', '/bien-lai/1.5', '/bien-lai/abc', '/bien-lai/12/x'];
  for (const path of [...bad, '/bien-lai/99999999999999999', '/ho-so/12']) assert.equal(paymentIdFromPath(path), null, path);
});

test('the phí and lệ phí receipts carry their official titles, English under them', () => {
  assert.deepEqual(receiptTitles('charge'), { vi: 'BIÊN LAI THU PHÍ', en: 'Receipt for charges (phí)' });
  assert.deepEqual(receiptTitles('fee'), { vi: 'BIÊN LAI THU LỆ PHÍ', en: 'Receipt for fees (lệ phí)' });
});

test('the refund notice tells a whole refund from a part one', () => {
  const payment = { amount_vnd: 58000 } as Parameters<typeof refundExtent>[0]['payment'];
  assert.equal(refundExtent({ refunded_vnd: 0, payment }), 'none');
  assert.equal(refundExtent({ refunded_vnd: 8000, payment }), 'part');
  assert.equal(refundExtent({ refunded_vnd: 58000, payment }), 'whole');
});
