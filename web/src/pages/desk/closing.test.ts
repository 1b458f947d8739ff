import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cashGap, checkClosing, collectsAt, countAfterClosing, isAfterClosing, parseCashCounted, subtreeHas } from './closing.ts';

test('cashiers and clerks close the book of their agency, or of one under it', () => {
  const within = (code: string, ancestor: string) => ancestor === 'H32.22' && code === 'H32.22333';
  assert.equal(collectsAt([{ role: 'cashier', agency: 'H32.22333' }], 'H32.22333'), true);
  assert.equal(collectsAt([{ role: 'clerk', agency: 'H32.22333' }], 'H32.22333'), true);
  assert.equal(collectsAt([{ role: 'cashier', agency: 'H32.22' }], 'H32.22333'), false);
  assert.equal(collectsAt([{ role: 'cashier', agency: 'H32.22' }], 'H32.22333', within), true);
  // Heads and auditors read the book; they do not close it.
  assert.equal(collectsAt([{ role: 'head', agency: 'H32.22333' }], 'H32.22333'), false);
  assert.equal(collectsAt([{ role: 'auditor', agency: 'H32' }], 'H32.22333', () => true), false);
  assert.equal(collectsAt([{ role: 'cashier', agency: 'H32.99' }], 'H32.22333'), false);
});

test('rows above the closing’s last one came after it; none while the day is open', () => {
  const closing = { last_entry_id: 12 };
  assert.equal(isAfterClosing({ id: 12 }, closing), false);
  assert.equal(isAfterClosing({ id: 11 }, closing), false);
  assert.equal(isAfterClosing({ id: 13 }, closing), true);
  assert.equal(isAfterClosing({ id: 13 }, null), false);
  assert.equal(countAfterClosing([{ id: 10 }, { id: 12 }, { id: 13 }, { id: 20 }], closing), 2);
  assert.equal(countAfterClosing([{ id: 10 }], null), 0);
});

test('the counted cash is short, over or even against what the book expects', () => {
  assert.equal(cashGap(-5000), 'short');
  assert.equal(cashGap(2000), 'over');
  assert.equal(cashGap(0), 'even');
});

test('the cash counted is whole đồng, zero included', () => {
  assert.equal(parseCashCounted('0'), 0);
  assert.equal(parseCashCounted(' 000 '), 0);
  assert.equal(parseCashCounted('58.000'), 58000);
  assert.equal(parseCashCounted('1 250 000'), 1250000);
  for (const bad of ['', ' ', '-1', '58.5', 'abc']) assert.equal(parseCashCounted(bad), null, bad);
});

test('the closing names the agency, the day and the cash counted; a blank note is left out', () => {
  assert.deepEqual(checkClosing({ counted: '58.000', note: '  ' }, 'H32.22333', '2026-01-05'), {
    ok: true,
    request: { agency: 'H32.22333', date: '2026-01-05', cash_counted_vnd: 58000 },
  });
  assert.deepEqual(checkClosing({ counted: '0', note: ' Két trống ' }, 'H32.22333', '2026-01-05'), {
    ok: true,
    request: { agency: 'H32.22333', date: '2026-01-05', cash_counted_vnd: 0, note: 'Két trống' },
  });
  assert.deepEqual(checkClosing({ counted: '', note: '' }, 'H32.22333', '2026-01-05'), { ok: false, field: 'counted', problem: 'required' });
  assert.deepEqual(checkClosing({ counted: '5,5', note: '' }, 'H32.22333', '2026-01-05'), { ok: false, field: 'counted', problem: 'invalid' });
  assert.deepEqual(checkClosing({ counted: '1', note: 'ố'.repeat(334) }, 'H32.22333', '2026-01-05'), { ok: false, field: 'note', problem: 'too_long' });
  assert.equal(checkClosing({ counted: '1', note: 'x'.repeat(1000) }, 'H32.22333', '2026-01-05').ok, true);
});

test('an agency is within the subtree of those above it', () => {
  const ward = { code: 'H32.22333', children: [] };
  const city = { code: 'H32.22', children: [ward, { code: 'H32.22334', children: [] }] };
  const province = { code: 'H32', children: [city] };
  assert.equal(subtreeHas(province, 'H32.22333'), true);
  assert.equal(subtreeHas(city, 'H32.22333'), true);
  assert.equal(subtreeHas(city, 'H32.22'), false);
  assert.equal(subtreeHas(ward, 'H32.22'), false);
  assert.equal(subtreeHas(city, 'H32.99'), false);
});
