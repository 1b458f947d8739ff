// The working-day calendar (docs/architecture.md §6; rules: docs/domain.md §6 and §2.5): the days
// off and make-up working days of 2025 and 2026 as the government published them, due times
// counted across Tết 2025 and Quốc khánh 2026, and the decisions a province administrator records
// — which change every answer at once — while clerks and the public may not record any.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { assertProblem, getJson, rawRequest, withQuery } from './support/http.ts';
import { DEMO_LOGINS, FAST_HASHING, call, login, readAudit, type Session } from './support/auth.ts';

let server: RunningServer;
let admin: Session;
let clerk: Session;
let auditor: Session;
const api = (path: string) => `${server.url}/api/v1${path}`;

before(async () => {
  server = await startServer({ env: FAST_HASHING, demoEnv: FAST_HASHING });
  admin = await login(server, DEMO_LOGINS.province_admin);
  clerk = await login(server, DEMO_LOGINS.clerk);
  auditor = await login(server, DEMO_LOGINS.auditor);
});
after(async () => {
  await server?.close();
});

async function ok(url: string): Promise<any> {
  const answer = await getJson(url);
  assert.equal(answer.status, 200, `${url}: ${answer.text.slice(0, 300)}`);
  assert.match(answer.contentType, /^application\/json/);
  return answer.body;
}

/** The listed days of a year by date. */
async function yearDays(year: number): Promise<Map<string, any>> {
  const body = await ok(api(`/calendar/${year}`));
  assert.equal(body.year, year);
  return new Map(body.days.map((day: any) => [day.date, day]));
}

async function due(params: Record<string, string | number>): Promise<{ due_at: string; start_of_counting: string }> {
  return ok(withQuery(api('/calendar/due'), params));
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();  // 0 Sunday … 6 Saturday.
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

describe('GET /api/v1/calendar/{year}', () => {
  for (const year of [2025, 2026]) {
    test(`${year}: every listed day is well formed, sorted, and differs from the default week`, async () => {
      const body = await ok(api(`/calendar/${year}`));
      assert.deepEqual(Object.keys(body).sort(), ['days', 'year']);
      let previous = '';
      for (const day of body.days) {
        assert.deepEqual(Object.keys(day).sort(), ['date', 'reason_en', 'reason_vi', 'source', 'working']);
        assert.match(day.date, new RegExp(`^${year}-\\d\\d-\\d\\d$`));
        assert.ok(day.date > previous, `not sorted at ${day.date}`);
        previous = day.date;
        assert.equal(typeof day.working, 'boolean');
        assert.ok(day.reason_vi.length > 0 && day.source.length > 0, JSON.stringify(day));
        // Working days are listed only on weekends; days off on weekdays (or holidays on weekends).
        if (day.working) {
          assert.ok(isWeekend(day.date), `${day.date} is a weekday listed as working`);
        }
      }
    });
  }

  test('2025: Tết 27–31/01 off, the 30/4 swap (Saturday 26/04 worked, Friday 02/05 off), 01–02/09 off', async () => {
    const days = await yearDays(2025);
    for (const date of ['2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
      '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02']) {
      assert.equal(days.get(date)?.working, false, `${date} should be off`);
    }
    assert.equal(days.get('2025-04-26')?.working, true, '26/04/2025 is a make-up working Saturday');
    assert.match(days.get('2025-04-26').reason_vi, /Làm bù/);
    assert.equal(days.has('2025-02-03'), false, 'the Monday after Tết is an ordinary working day');
  });

  test('2026: Tết 16–20/02 off, the Quốc khánh swap (Saturday 22/08 worked, Monday 31/08 off), 03/09 working', async () => {
    const days = await yearDays(2026);
    for (const date of ['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19',
      '2026-02-20', '2026-08-31', '2026-09-01', '2026-09-02']) {
      assert.equal(days.get(date)?.working, false, `${date} should be off`);
    }
    assert.equal(days.get('2026-08-22')?.working, true, '22/08/2026 is a make-up working Saturday');
    assert.equal(days.has('2026-09-03'), false, '03/09/2026 is an ordinary working Thursday');
  });

  test('a year outside 1970–2100 or not a year is a 400 naming year', async () => {
    for (const year of ['1969', '2101', '0000', 'abcd', '20255', '202', '-2025']) {
      assertProblem(await getJson(api(`/calendar/${year}`)), 400, 'invalid_parameter', 'year');
    }
    assert.equal((await ok(api('/calendar/1970'))).year, 1970);
    assert.equal((await ok(api('/calendar/2100'))).year, 2100);
  });

  test('an unknown query parameter is a 400 naming it', async () => {
    assertProblem(await getJson(api('/calendar/2026?month=3')), 400, 'invalid_parameter', 'month');
  });
});

describe('GET /api/v1/calendar/due', () => {
  test('working days across Tết 2025: the start day does not count, Tết and weekends are skipped', async () => {
    assert.deepEqual(await due({ start: '2025-01-24T09:00:00+07:00', amount: 3, unit: 'working_days' }), {
      due_at: '2025-02-05T17:00:00+07:00',
      start_of_counting: '2025-01-24T09:00:00+07:00',
    });
    // Received during Tết: counting starts on the first working day after it.
    assert.deepEqual(await due({ start: '2025-01-29T10:00:00+07:00', amount: 1, unit: 'working_days' }), {
      due_at: '2025-02-04T17:00:00+07:00',
      start_of_counting: '2025-02-03T07:30:00+07:00',
    });
  });

  test('working hours and calendar days across Tết 2025', async () => {
    const hours = await due({ start: '2025-01-24T16:00:00+07:00', amount: 2, unit: 'working_hours' });
    assert.equal(hours.due_at, '2025-02-03T08:30:00+07:00');
    const days = await due({ start: '2025-01-20T09:00:00+07:00', amount: 7, unit: 'calendar_days' });
    assert.equal(days.due_at, '2025-02-03T17:00:00+07:00', '27/01 is Tết: due at the next working day\'s close');
  });

  test('working days across Quốc khánh 2026: 29/08–02/09 off, Saturday 22/08 worked', async () => {
    assert.equal((await due({ start: '2026-08-28T10:00:00+07:00', amount: 2, unit: 'working_days' })).due_at,
      '2026-09-04T17:00:00+07:00');
    assert.equal((await due({ start: '2026-08-21T10:00:00+07:00', amount: 1, unit: 'working_days' })).due_at,
      '2026-08-22T17:00:00+07:00');
    const hours = await due({ start: '2026-08-28T16:30:00+07:00', amount: 1, unit: 'working_hours' });
    assert.equal(hours.due_at, '2026-09-03T08:00:00+07:00');
  });

  test('a cut-off sends a later receipt to the next working day; times in UTC are converted', async () => {
    assert.deepEqual(await due({ start: '2025-02-03T15:30:00+07:00', amount: 0, unit: 'working_days', cutoff: '15:00' }), {
      due_at: '2025-02-04T17:00:00+07:00',
      start_of_counting: '2025-02-04T07:30:00+07:00',
    });
    assert.deepEqual(await due({ start: '2025-02-03T08:30:00Z', amount: 0, unit: 'working_days', cutoff: '15:00' }), {
      due_at: '2025-02-04T17:00:00+07:00',
      start_of_counting: '2025-02-04T07:30:00+07:00',
    });
  });

  test('a "+" offset sent unencoded (form-decoded to a space) is still read as +07:00', async () => {
    const answer = await rawRequest(server.host, server.port, 'GET',
      '/api/v1/calendar/due?start=2025-01-24T09:00:00+07:00&amount=3&unit=working_days');
    assert.equal(answer.status, 200, answer.body);
    assert.equal(JSON.parse(answer.body).due_at, '2025-02-05T17:00:00+07:00');
  });

  test('every bad parameter is a 400 naming it', async () => {
    const good = { start: '2026-03-02T08:00:00+07:00', amount: '1', unit: 'working_days' };
    const cases: [Record<string, string>, string][] = [
      [{ amount: '1', unit: 'working_days' }, 'start'],
      [{ ...good, start: 'yesterday' }, 'start'],
      [{ ...good, start: '2026-03-02T08:00:00' }, 'start'],
      [{ ...good, start: '2026-02-30T08:00:00+07:00' }, 'start'],
      [{ ...good, start: '1969-12-31T08:00:00+07:00' }, 'start'],
      [{ ...good, start: '2101-01-01T08:00:00+07:00' }, 'start'],
      [{ start: good.start, unit: 'working_days' }, 'amount'],
      [{ ...good, amount: '-1' }, 'amount'],
      [{ ...good, amount: '3651' }, 'amount'],
      [{ ...good, amount: '1.5' }, 'amount'],
      [{ ...good, amount: 'three' }, 'amount'],
      [{ start: good.start, amount: '1' }, 'unit'],
      [{ ...good, unit: 'weeks' }, 'unit'],
      [{ ...good, cutoff: '25:00' }, 'cutoff'],
      [{ ...good, cutoff: '3pm' }, 'cutoff'],
      [{ ...good, cutoff: '' }, 'cutoff'],
      [{ ...good, timezone: 'UTC' }, 'timezone'],
    ];
    for (const [params, param] of cases) {
      assertProblem(await getJson(withQuery(api('/calendar/due'), params)), 400, 'invalid_parameter', param);
    }
    const repeated = withQuery(api('/calendar/due'), [['start', good.start], ['amount', '1'], ['amount', '2'], ['unit', 'working_days']]);
    assertProblem(await getJson(repeated), 400, 'invalid_parameter', 'amount');
    assert.equal((await due({ ...good, amount: 3650 })).due_at.slice(-6), '+07:00');
    assert.equal((await due({ ...good, amount: 0 })).due_at, '2026-03-02T17:00:00+07:00');
  });
});

describe('calendar overrides', () => {
  const DATE = '2026-09-04';  // A Friday after Quốc khánh 2026.
  const decision = { working: false, reason_vi: 'Nghỉ do bão', reason_en: 'Typhoon closure', source: 'Công văn 123/UBND-VP' };
  const overridePath = (date: string) => `/api/v1/calendar/overrides/${date}`;
  const afterQuocKhanh = { start: '2026-08-28T10:00:00+07:00', amount: 2, unit: 'working_days' };

  test('the published decisions are listed publicly, with their origin', async () => {
    const body = await ok(withQuery(api('/calendar/overrides'), { year: 2025 }));
    assert.ok(body.overrides.length >= 10, `only ${body.overrides.length} decisions`);
    for (const item of body.overrides) {
      assert.match(item.date, /^2025-/);
      assert.equal(item.origin, 'published');
      assert.equal(item.recorded_by, null);
      assert.equal(item.recorded_at, null);
    }
    const swap = body.overrides.find((item: any) => item.date === '2025-04-26');
    assert.equal(swap?.working, true);
    const all = await ok(api('/calendar/overrides'));
    assert.ok(all.overrides.length > body.overrides.length);
    assertProblem(await getJson(withQuery(api('/calendar/overrides'), { year: '2101' })), 400, 'invalid_parameter', 'year');
    assertProblem(await getJson(withQuery(api('/calendar/overrides'), { year: 'next' })), 400, 'invalid_parameter', 'year');
    assertProblem(await getJson(withQuery(api('/calendar/overrides'), { yr: '2025' })), 400, 'invalid_parameter', 'yr');
  });

  test('the public may not record or delete a decision (401)', async () => {
    assertProblem(await call(server, overridePath(DATE), { method: 'PUT', body: decision }), 401, 'authentication_required');
    assertProblem(await call(server, overridePath(DATE), { method: 'DELETE' }), 401, 'authentication_required');
  });

  test('a clerk may not record or delete a decision (403), and the refusal is audited', async () => {
    assertProblem(await call(server, overridePath(DATE), { method: 'PUT', body: decision, session: clerk }), 403, 'forbidden');
    assertProblem(await call(server, overridePath(DATE), { method: 'DELETE', session: clerk }), 403, 'forbidden');
    const records = await readAudit(server, auditor, 'action=calendar.');
    const denied = records.filter((r: any) => r.outcome === 'denied' && r.actor_login === DEMO_LOGINS.clerk);
    assert.ok(denied.length >= 2, JSON.stringify(records.slice(0, 4)));
    assert.equal((await yearDays(2026)).has(DATE), false, 'nothing was recorded');
  });

  test('a decision recorded by the province admin changes /calendar/due at once, until it is deleted', async () => {
    assert.equal((await due(afterQuocKhanh)).due_at, '2026-09-04T17:00:00+07:00');

    const recorded = await call(server, overridePath(DATE), { method: 'PUT', body: decision, session: admin });
    assert.equal(recorded.status, 200, recorded.text);
    assert.equal(recorded.body.date, DATE);
    assert.equal(recorded.body.working, false);
    assert.equal(recorded.body.reason_vi, decision.reason_vi);
    assert.equal(recorded.body.source, decision.source);
    assert.equal(recorded.body.origin, 'recorded');
    assert.equal(recorded.body.recorded_by, DEMO_LOGINS.province_admin);
    assert.match(recorded.body.recorded_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);

    // No waiting: the same process answers with the new calendar.
    assert.equal((await due(afterQuocKhanh)).due_at, '2026-09-07T17:00:00+07:00');
    const day = (await yearDays(2026)).get(DATE);
    assert.deepEqual(day, { date: DATE, working: false, reason_vi: decision.reason_vi, reason_en: decision.reason_en, source: decision.source });
    const listed = await ok(withQuery(api('/calendar/overrides'), { year: 2026 }));
    assert.equal(listed.overrides.find((item: any) => item.date === DATE)?.origin, 'recorded');

    const audit = await readAudit(server, auditor, `action=calendar.record_override&target_id=${DATE}`);
    assert.ok(audit.some((r: any) => r.outcome === 'ok' && r.actor_login === DEMO_LOGINS.province_admin));

    const deleted = await call(server, overridePath(DATE), { method: 'DELETE', session: admin });
    assert.equal(deleted.status, 200, deleted.text);
    assert.deepEqual(deleted.body, { date: DATE, deleted: true });
    assert.equal((await due(afterQuocKhanh)).due_at, '2026-09-04T17:00:00+07:00');
    assertProblem(await call(server, overridePath(DATE), { method: 'DELETE', session: admin }), 404,
      'calendar_override_not_found', DATE);
  });

  test('a recorded decision replaces a published one; deleting it restores the published one', async () => {
    // Cancel the 2026 swap's Monday off: 31/08/2026 becomes a working day.
    const cancel = { working: true, reason_vi: 'Làm việc bình thường', reason_en: 'Ordinary working day', source: 'test' };
    const recorded = await call(server, overridePath('2026-08-31'), { method: 'PUT', body: cancel, session: admin });
    assert.equal(recorded.status, 200, recorded.text);
    assert.equal((await yearDays(2026)).has('2026-08-31'), false, 'a working Monday is not listed');
    assert.equal((await due({ start: '2026-08-28T10:00:00+07:00', amount: 1, unit: 'working_days' })).due_at,
      '2026-08-31T17:00:00+07:00');
    assert.equal((await call(server, overridePath('2026-08-31'), { method: 'DELETE', session: admin })).status, 200);
    assert.equal((await yearDays(2026)).get('2026-08-31')?.working, false);
  });

  test('a bad date or body is a 400 naming it', async () => {
    const put = (date: string, body: unknown, headers?: Record<string, string>) =>
      call(server, overridePath(date), { method: 'PUT', body, session: admin, headers });
    assertProblem(await put('2026-02-30', decision), 400, 'invalid_parameter', 'date');
    assertProblem(await put('04-09-2026', decision), 400, 'invalid_parameter', 'date');
    assertProblem(await put('2101-01-03', decision), 400, 'invalid_parameter', 'date');
    assertProblem(await put(DATE, { ...decision, working: undefined }), 400, 'invalid_parameter', 'working');
    assertProblem(await put(DATE, { ...decision, working: 'no' }), 400, 'invalid_parameter', 'working');
    assertProblem(await put(DATE, { ...decision, reason_vi: '' }), 400, 'invalid_parameter', 'reason_vi');
    assertProblem(await put(DATE, { ...decision, reason_vi: 'x'.repeat(501) }), 400, 'invalid_parameter', 'reason_vi');
    assertProblem(await put(DATE, { ...decision, reason_en: 7 }), 400, 'invalid_parameter', 'reason_en');
    assertProblem(await put(DATE, { ...decision, source: 's'.repeat(201) }), 400, 'invalid_parameter', 'source');
    assertProblem(await put(DATE, { ...decision, workng: true }), 400, 'invalid_parameter', 'workng');
    assertProblem(await put(DATE, '{"working": false,'), 400, 'invalid_json');
    assertProblem(await put(DATE, JSON.stringify(decision), { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
    assertProblem(await call(server, `${overridePath('2026-02-30')}`, { method: 'DELETE', session: admin }), 400,
      'invalid_parameter', 'date');
    assert.equal((await yearDays(2026)).has(DATE), false, 'nothing was recorded');
  });

  test('other methods on the calendar paths are 405', async () => {
    for (const [method, path] of [['POST', '/calendar/2026'], ['DELETE', '/calendar/due'], ['PUT', '/calendar/overrides'],
      ['GET', '/calendar/overrides/2026-09-04']]) {
      const answer = await getJson(api(path!), { method });
      assertProblem(answer, 405, 'method_not_allowed');
    }
  });
});
