import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime, formatFileSize, formatProcessingTime, formatTime, formatVnd, fromDateTimeLocal, lines, toDateTimeLocal } from './format.ts';

test('formatVnd groups thousands with dots and appends ₫', () => {
  assert.equal(formatVnd(200000), '200.000 ₫');
  assert.equal(formatVnd(8000), '8.000 ₫');
  assert.equal(formatVnd(500), '500 ₫');
  assert.equal(formatVnd(1234567890), '1.234.567.890 ₫');
});

test('formatVnd shows "Miễn phí" for zero', () => {
  assert.equal(formatVnd(0), 'Miễn phí');
  assert.equal(formatVnd(0, 'en'), 'Free');
});

test('formatVnd in English uses comma grouping', () => {
  assert.equal(formatVnd(200000, 'en'), '200,000 ₫');
});

test('formatProcessingTime: units in Vietnamese', () => {
  assert.equal(formatProcessingTime({ amount: 5, unit: 'working_days', cutoff: null }), '5 ngày làm việc');
  assert.equal(formatProcessingTime({ amount: 8, unit: 'working_hours', cutoff: null }), '8 giờ làm việc');
  assert.equal(formatProcessingTime({ amount: 15, unit: 'calendar_days', cutoff: null }), '15 ngày');
});

test('formatProcessingTime: same-day with cutoff', () => {
  assert.equal(
    formatProcessingTime({ amount: 1, unit: 'working_days', cutoff: '15:00' }),
    'trong ngày, nhận trước 15:00',
  );
  assert.equal(
    formatProcessingTime({ amount: 0, unit: 'working_hours', cutoff: '15:00' }),
    'trong ngày, nhận trước 15:00',
  );
  assert.equal(formatProcessingTime({ amount: 0, unit: 'working_days', cutoff: null }), 'trong ngày');
});

test('formatProcessingTime: cutoff note on multi-day procedures and English plurals', () => {
  const pt = { amount: 3, unit: 'working_days', cutoff: '15:00' } as const;
  assert.equal(formatProcessingTime(pt), '3 ngày làm việc');
  assert.equal(
    formatProcessingTime(pt, 'vi', true),
    '3 ngày làm việc (hồ sơ nhận sau 15:00 được tính từ ngày làm việc tiếp theo)',
  );
  assert.equal(formatProcessingTime({ amount: 1, unit: 'working_hours', cutoff: null }, 'en'), '1 working hour');
  assert.equal(formatProcessingTime(pt, 'en'), '3 working days');
});

test('formatDate', () => {
  assert.equal(formatDate('2025-07-01'), '01/07/2025');
  assert.equal(formatDate('2025-07-01', 'en'), '2025-07-01');
  assert.equal(formatDate(null), '—');
});

test('formatDateTime shows Vietnam wall-clock time', () => {
  assert.equal(formatDateTime('2026-12-02T17:00:00+07:00'), '17:00 02/12/2026');
  assert.equal(formatDateTime('2026-12-02T17:00:00+07:00', 'en'), '2026-12-02 17:00');
  // UTC instants are shown in Vietnam time (UTC+7), across midnight.
  assert.equal(formatDateTime('2026-11-26T17:50:26.587642Z'), '00:50 27/11/2026');
  assert.equal(formatDateTime(null), '—');
  assert.equal(formatDateTime('garbage'), 'garbage');
});

test('formatTime shows the time of day in Vietnam', () => {
  assert.equal(formatTime('2026-12-02T10:05:00Z'), '17:05');
  assert.equal(formatTime('2026-12-02T17:05:00+07:00'), '17:05');
  assert.equal(formatTime('2026-12-02T17:30:59.5Z'), '00:30');
  assert.equal(formatTime(null), '—');
  assert.equal(formatTime('not a time'), 'not a time');
});

test('datetime-local round trip keeps Vietnam time', () => {
  assert.equal(toDateTimeLocal('2026-12-02T17:00:00+07:00'), '2026-12-02T17:00');
  assert.equal(toDateTimeLocal('2026-12-02T10:00:00Z'), '2026-12-02T17:00');
  assert.equal(fromDateTimeLocal('2026-12-05T17:00'), '2026-12-05T17:00:00+07:00');
  assert.equal(fromDateTimeLocal('2026-12-05T08:30:15'), '2026-12-05T08:30:15+07:00');
  assert.equal(fromDateTimeLocal(''), null);
});

test('lines splits reasons, one a line', () => {
  assert.deepEqual(lines('  Thiếu CCCD \n\n Ảnh mờ\r\n'), ['Thiếu CCCD', 'Ảnh mờ']);
  assert.deepEqual(lines(''), []);
});

test('formatFileSize: bytes below 1 KB, else KB or MB to one decimal with the exact count', () => {
  assert.equal(formatFileSize(512), '512 byte');
  assert.equal(formatFileSize(512, 'en'), '512 bytes');
  assert.equal(formatFileSize(48213), '47,1 KB (48.213 byte)');
  assert.equal(formatFileSize(48213, 'en'), '47.1 KB (48,213 bytes)');
  assert.equal(formatFileSize(1024), '1,0 KB (1.024 byte)');
  assert.equal(formatFileSize(20 * 1024 * 1024, 'en'), '20.0 MB (20,971,520 bytes)');
});
