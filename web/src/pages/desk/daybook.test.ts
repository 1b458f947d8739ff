import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DAYBOOK_NAV_ROLES,
  DAYBOOK_PATH,
  bookAmount,
  channelNet,
  daybookAgencies,
  daybookHref,
  isIsoDate,
  signedAmount,
  totalCount,
  vietnamDate,
} from './daybook.ts';

test('the book is offered to cashiers, clerks and heads', () => {
  assert.deepEqual([...DAYBOOK_NAV_ROLES].sort(), ['cashier', 'clerk', 'head']);
  assert.equal(DAYBOOK_PATH, '/thu-phi/so-thu');
});

test("the agencies offered are those of the officer's grants that may read the book, first grant first", () => {
  assert.deepEqual(
    daybookAgencies([
      { role: 'specialist', agency: 'H32.99' },
      { role: 'cashier', agency: 'H32.22333' },
      { role: 'clerk', agency: 'H32.22333' },
      { role: 'head', agency: 'H32.22' },
    ]),
    ['H32.22333', 'H32.22'],
  );
  assert.deepEqual(daybookAgencies([{ role: 'province_admin', agency: 'H32' }, { role: 'auditor', agency: 'H32' }]), ['H32']);
  // No grant names an agency: the officer's own agency, else nothing.
  assert.deepEqual(daybookAgencies([{ role: 'specialist', agency: 'H32.99' }], 'H32.99'), ['H32.99']);
  assert.deepEqual(daybookAgencies([{ role: 'citizen', agency: null }]), []);
});

test('today is the day in Vietnam (UTC+7)', () => {
  assert.equal(vietnamDate(Date.parse('2026-01-05T16:59:59Z')), '2026-01-05');
  assert.equal(vietnamDate(Date.parse('2026-01-05T17:00:00Z')), '2026-01-06');
  assert.equal(vietnamDate(Date.parse('2026-12-31T20:00:00Z')), '2027-01-01');
});

test('only real calendar days are taken as a date', () => {
  assert.equal(isIsoDate('2026-01-05'), true);
  assert.equal(isIsoDate('2028-02-29'), true);
  assert.equal(isIsoDate('2026-02-29'), false);
  assert.equal(isIsoDate('2026-13-01'), false);
  assert.equal(isIsoDate('2026-1-5'), false);
  assert.equal(isIsoDate('05/01/2026'), false);
  assert.equal(isIsoDate(''), false);
  assert.equal(isIsoDate(null), false);
});

test("the page's address names the agency and the day only when they are not the defaults", () => {
  assert.equal(daybookHref(null, null), '/thu-phi/so-thu');
  assert.equal(daybookHref('H32.22333', null), '/thu-phi/so-thu?co-quan=H32.22333');
  assert.equal(daybookHref(null, '2026-01-05'), '/thu-phi/so-thu?ngay=2026-01-05');
  assert.equal(daybookHref('H32 & co', '2026-01-05'), '/thu-phi/so-thu?co-quan=H32+%26+co&ngay=2026-01-05');
});

test('refunds count against the day; channel nets and counts add up', () => {
  assert.equal(signedAmount({ kind: 'payment', amount_vnd: 58000 }), 58000);
  assert.equal(signedAmount({ kind: 'refund', amount_vnd: 8000 }), -8000);
  assert.equal(channelNet({ payments_vnd: 58000, refunds_vnd: 8000 }), 50000);
  assert.equal(totalCount([{ count: 3 }, { count: 2 }]), 5);
  assert.equal(totalCount([]), 0);
});

test('book amounts read "0 ₫" for nothing, not "free"', () => {
  assert.equal(bookAmount(0), '0 ₫');
  assert.equal(bookAmount(0, 'en'), '0 ₫');
  assert.equal(bookAmount(58000), '58.000 ₫');
  assert.equal(bookAmount(58000, 'en'), '58,000 ₫');
  assert.equal(bookAmount(-8000), '-8.000 ₫');
});
