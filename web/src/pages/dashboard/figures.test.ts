import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  acknowledgedRatio,
  canReadIndicators,
  currentMonth,
  dashboardHref,
  drillHref,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatScore,
  monthEnded,
  parsePeriod,
  periodLabel,
  previousMonth,
  publicationHref,
  readableAgency,
  reportMonthOf,
  syncHref,
} from './figures.ts';

test('periods: month, quarter and year round-trip; anything else is refused', () => {
  for (const text of ['2026-03', '2026-Q4', '2026', '2025-12']) assert.equal(formatPeriod(parsePeriod(text)!), text);
  assert.deepEqual(parsePeriod('2026-Q1'), { kind: 'quarter', year: 2026, part: 1 });
  for (const bad of ['2026-13', '2026-Q5', '26-03', '2026-3', '', null, 'x']) assert.equal(parsePeriod(bad), null, String(bad));
});

test('periods in words, in both languages', () => {
  assert.equal(periodLabel(parsePeriod('2026-03')!), 'tháng 3/2026');
  assert.equal(periodLabel(parsePeriod('2026-Q4')!), 'quý IV/2026');
  assert.equal(periodLabel(parsePeriod('2026')!), 'năm 2026');
  assert.equal(periodLabel(parsePeriod('2026-03')!, 'en'), 'March 2026');
  assert.equal(periodLabel(parsePeriod('2026-Q4')!, 'en'), 'Q4 2026');
});

test('the current month is Vietnam’s (UTC+7); the month before; ended months', () => {
  assert.equal(currentMonth(Date.parse('2026-11-30T17:00:00Z')), '2026-12');
  assert.equal(currentMonth(Date.parse('2026-11-30T16:59:59Z')), '2026-11');
  assert.equal(previousMonth('2026-01'), '2025-12');
  assert.equal(previousMonth('2026-11'), '2026-10');
  assert.ok(monthEnded('2026-10', '2026-11'));
  assert.ok(!monthEnded('2026-11', '2026-11'));
});

test('the internal report’s month of a period is its last month, not past now', () => {
  assert.equal(reportMonthOf(parsePeriod('2026-03')!, '2026-11'), '2026-03');
  assert.equal(reportMonthOf(parsePeriod('2026-Q2')!, '2026-11'), '2026-06');
  assert.equal(reportMonthOf(parsePeriod('2026-Q4')!, '2026-11'), '2026-11');
  assert.equal(reportMonthOf(parsePeriod('2025')!, '2026-11'), '2025-12');
});

test('numbers: two decimals at most, the language’s separators', () => {
  assert.equal(formatNumber(81.81818181), '81,82');
  assert.equal(formatNumber(81.81818181, 'en'), '81.82');
  assert.equal(formatNumber(32), '32');
  assert.equal(formatNumber(4.5), '4,5');
  assert.equal(formatNumber(1234.5, 'vi'), '1.234,5');
  assert.equal(formatNumber(1234.5, 'en'), '1,234.5');
  assert.equal(formatNumber(-0.001), '0');
  assert.equal(formatPercent(null), '—');
  assert.equal(formatPercent(42.4242), '42,42%');
  assert.equal(formatScore(4.5, 6), '4,5/6');
});

test('read_indicators: head and agency admin over their subtree, province admin and auditor everywhere', () => {
  const head = [{ role: 'head', agency: 'H32.22333' }];
  assert.ok(canReadIndicators(head, 'H32.22333'));
  assert.ok(canReadIndicators(head, 'H32.22333.01'));
  assert.ok(!canReadIndicators(head, 'H32'));
  assert.ok(!canReadIndicators(head, 'H32.223330'));
  assert.ok(canReadIndicators([{ role: 'auditor', agency: 'H32' }], 'H32.22366'));
  assert.ok(!canReadIndicators([{ role: 'clerk', agency: 'H32.22333' }], 'H32.22333'));
  assert.ok(!canReadIndicators(undefined, 'H32'));
});

test('the agency a read_indicators page opens on: the province, else the official’s own', () => {
  assert.equal(readableAgency([{ role: 'province_admin', agency: 'H32' }], 'H32'), 'H32');
  assert.equal(readableAgency([{ role: 'auditor', agency: null }], 'H32'), 'H32');
  assert.equal(readableAgency([{ role: 'clerk', agency: 'H32.22366' }, { role: 'head', agency: 'H32.22333' }], 'H32'), 'H32.22333');
  assert.equal(readableAgency([{ role: 'clerk', agency: 'H32.22333' }], 'H32'), 'H32');
  assert.equal(readableAgency(undefined, 'H32'), 'H32');
});

test('acknowledged share of the received dossiers; none received has no share', () => {
  assert.equal(acknowledgedRatio(120, 118), (118 * 100) / 120);
  assert.equal(acknowledgedRatio(4, 0), 0);
  assert.equal(acknowledgedRatio(0, 0), null);
});

test('addresses of the dashboard, the drill-down, the sync reconciliation and the publication', () => {
  assert.equal(dashboardHref(), '/bang-dieu-khien');
  assert.equal(dashboardHref('H32.22333', '2026-Q1'), '/bang-dieu-khien?co-quan=H32.22333&ky=2026-Q1');
  assert.equal(drillHref('H32', '2026-03', 'PROGRESS_ON_TIME', 'all'), '/bang-dieu-khien/ho-so?co-quan=H32&ky=2026-03&chi-so=PROGRESS_ON_TIME');
  assert.equal(drillHref('H32', '2026', 'DOSSIER_SYNC', 'not_numerator'), '/bang-dieu-khien/ho-so?co-quan=H32&ky=2026&chi-so=DOSSIER_SYNC&loc=not_numerator');
  assert.equal(publicationHref('2026-10'), '/cong-khai/bao-cao?thang=2026-10');
  assert.equal(publicationHref('2026-10', 'H32.22333'), '/cong-khai/bao-cao?co-quan=H32.22333&thang=2026-10');
  assert.equal(syncHref(), '/bang-dieu-khien/dong-bo');
  assert.equal(syncHref('H32', '2026-12'), '/bang-dieu-khien/dong-bo?co-quan=H32&ky=2026-12');
});
