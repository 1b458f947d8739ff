// The dashboard and the public monthly publication as the online flow sees them: the ward's
// figures read before the dossier exists, then read again once it is rated (each one more by
// exactly this dossier), the drill-down to the dossier as the ward's head, the publication of
// the last ended month, which the flow test fills with a small imported history, and the sync
// reconciliation with the national portal as the province administrator.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { HEAD, PASSWORD, signIn, signOut, type Checker } from './flow.ts';

/** Bắc Nha Trang ward, whose centre receives the flow's dossier. */
export const WARD = 'H32.22333';
const WARD_DESK = 'H32.22333.01';
export const PROVINCE_ADMIN = 'quantri.tinh';
/** The ward's clerk, who receives dossiers at its centre. */
const WARD_CLERK = 'tiepnhan.bnt';
const PROVINCE = 'H32';
/** Đăng ký khai sinh, a commune procedure of the demo catalogue. */
const HISTORY_PROCEDURE = '1.001193.000.00.00.H32';

/** The month (YYYY-MM) in Vietnam now, as the server counts it, and the one before it. */
export function vietnamMonth(offset = 0): string {
  const now = new Date(Date.now() + 7 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 7);
}

export interface WardFigures {
  /** The ward's row in the province's ranking: dossiers received this month. */
  rankingReceived: number;
  /** 2.1 (PROGRESS_ON_TIME) of the ward this month. */
  onTimeNumerator: number;
  onTimeDenominator: number;
  /** The trend table's row for this month. */
  trendReceived: number;
}

/** "1.234" (Vietnamese grouping) → 1234. */
function count(text: string): number {
  const n = Number(text.trim().replace(/\./g, ''));
  assert.ok(Number.isInteger(n), `a whole number, got "${text}"`);
  return n;
}

async function waitForWard(page: Page): Promise<void> {
  await page.locator(`section.dashboard[data-agency="${WARD}"][data-period="${vietnamMonth()}"]`).waitFor();
  await page.locator(`.dash-ranking tr[data-agency="${WARD}"]`).waitFor();
  await page.locator(`.dash-trend-table tr[data-period="${vietnamMonth()}"]`).waitFor();
}

/** Reads the ward's figures for the current month from its dashboard (already open). */
export async function wardFigures(page: Page): Promise<WardFigures> {
  await waitForWard(page);
  const metric = page.locator('tr[data-metric="PROGRESS_ON_TIME"]');
  return {
    rankingReceived: count(await page.locator(`.dash-ranking tr[data-agency="${WARD}"] td[data-col="received"]`).innerText()),
    onTimeNumerator: count(await metric.locator('td[data-col="numerator"]').innerText()),
    onTimeDenominator: count(await metric.locator('td[data-col="denominator"]').innerText()),
    trendReceived: count(await page.locator(`.dash-trend-table tr[data-period="${vietnamMonth()}"] td[data-col="received"]`).innerText()),
  };
}

/** Before the flow: the ward's figures as the public sees them. */
export async function dashboardBefore(page: Page, base: string): Promise<WardFigures> {
  await page.goto(`${base}/bang-dieu-khien?co-quan=${WARD}`);
  return wardFigures(page);
}

/**
 * After the citizen rated: the province's dashboard, then the ward's (opened from the ranking),
 * each figure one more; no drill-down for the public; the publication of the last ended month and
 * the friendly refusal of the current one; then the ward's head drills down to the dossier.
 */
export async function dashboardAfter(page: Page, base: string, c: Checker, before: WardFigures, code: string): Promise<void> {
  await page.goto(`${base}/thu-tuc`);
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chỉ số phục vụ' }).click();
  await page.getByRole('heading', { level: 1, name: 'Chỉ số phục vụ người dân, doanh nghiệp' }).waitFor();
  await page.locator(`.dash-ranking tr[data-agency="${WARD}"]`).waitFor();
  await page.locator('.dash-chart svg').waitFor();
  await c.check('dashboard-province');
  await page.locator(`.dash-ranking tr[data-agency="${WARD}"] th a`).click();
  const after = await wardFigures(page);
  assert.deepEqual(after, {
    rankingReceived: before.rankingReceived + 1,
    onTimeNumerator: before.onTimeNumerator + 1,
    onTimeDenominator: before.onTimeDenominator + 1,
    trendReceived: before.trendReceived + 1,
  });
  assert.equal(await page.locator('.drill-link').count(), 0, 'no drill-down for the public');
  assert.equal(await page.getByTestId('monthly-report').count(), 0, 'no internal report for the public');
  // A metric without inputs reads "no data", never 0.
  assert.equal(await page.locator('tr[data-metric="PUBLISH_ON_TIME"] td[data-col="score"]').innerText(), 'Không có dữ liệu');
  await page.locator('.dash-chart svg').waitFor();
  await c.check('dashboard-ward');
  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByRole('heading', { level: 1, name: 'Service indicators for citizens and businesses' }).waitFor();
  await c.check('dashboard-ward-en');
  await page.getByRole('button', { name: 'VI' }).click();

  // The public monthly publication: the last ended month by default; the current one explained.
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Công khai số liệu' }).click();
  const ended = vietnamMonth(-1);
  await page.locator(`[data-month="${ended}"]`).waitFor();
  const published = (await (await page.request.get(`${base}/api/v1/reports/public?month=${ended}`)).json()) as { fields_total: { received: number } };
  const total = count(await page.locator('.dash-fields tr[data-field="total"] td[data-col="received"]').innerText());
  assert.equal(total, published.fields_total.received);
  assert.ok(total >= 2, `the imported history is published (${total} received)`);
  assert.match(await page.getByTestId('pub-xlsx').getAttribute('href') ?? '', new RegExp(`^/api/v1/reports/public\\?month=${ended}&format=xlsx$`));
  assert.match(await page.getByTestId('pub-csv').getAttribute('href') ?? '', /&format=csv&section=fields$/);
  await c.check('publication');
  await page.goto(`${base}/cong-khai/bao-cao?thang=${vietnamMonth()}`);
  await page.getByTestId('period-not-ended').waitFor();
  await page.getByTestId('period-not-ended').getByRole('link').click();
  await page.locator(`[data-month="${ended}"]`).waitFor();

  // The ward's head: the dossiers behind 2.1, this one counted on time; the internal report.
  const wardDashboard = `/bang-dieu-khien?co-quan=${WARD}`;
  await signIn(page, base, HEAD, wardDashboard);
  await waitForWard(page);
  const report = page.getByTestId('monthly-report');
  const href = (await report.getAttribute('href')) ?? '';
  assert.equal(href, `/api/v1/reports/monthly?agency=${WARD}&month=${vietnamMonth()}&format=xlsx`);
  const xlsx = await page.request.get(`${base}${href}`);
  assert.equal(xlsx.status(), 200);
  assert.equal(xlsx.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  await page.locator('tr[data-metric="PROGRESS_ON_TIME"] a.drill-link').click();
  await page.getByRole('heading', { level: 1, name: /Hồ sơ giải quyết đúng hạn, trong hạn/ }).waitFor();
  const row = page.locator(`.drill-table tr[data-code="${code}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute('data-counted'), 'numerator');
  assert.match(await row.locator('td[data-col="reason"]').innerText(), /Đúng hạn/);
  await c.check('drilldown');
  await page.getByRole('radio', { name: 'Trong mẫu số nhưng không được tính' }).check();
  await page.locator('.results-count[data-filter="not_numerator"]').waitFor();
  assert.equal(await page.locator(`.drill-table tr[data-code="${code}"]`).count(), 0, 'an on-time dossier is not among those not counted');
  await page.getByRole('radio', { name: 'Tất cả hồ sơ' }).check();
  await page.locator('.results-count[data-filter="all"]').waitFor();
  await page.locator(`.drill-table tr[data-code="${code}"] a`).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`Hồ sơ ${code.replace(/\./g, '\\.')}`) }).waitFor();
  await signOut(page);
}

/** The last ended month's history at the ward's centre (two dossiers), imported as the province
 * administrator, so that the publication has a field row to show. */
export async function importEndedMonth(base: string): Promise<void> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: PROVINCE_ADMIN, password: PASSWORD, session: 'bearer' }),
  });
  assert.equal(login.status, 200, await login.clone().text());
  const { token } = (await login.json()) as { token: string };
  const month = vietnamMonth(-1);
  const day = `${month}-05`;
  const stamp = `${month.slice(2, 4)}${month.slice(5, 7)}05`;
  const applicant = { kind: 'citizen', id_number: '056095001234', name: 'Nguyễn Văn An' };
  const line = (n: string, channel: string, events: object[]) =>
    JSON.stringify({ code: `${WARD_DESK}-${stamp}-${n}`, procedure: HISTORY_PROCEDURE, agency: WARD_DESK, channel, applicant, events });
  const body = [
    line('0901', 'desk', [
      { at: `${day}T08:00:00+07:00`, action: 'receive' },
      { at: `${day}T09:00:00+07:00`, action: 'forward' },
      { at: `${day}T10:00:00+07:00`, action: 'forward' },
      { at: `${day}T11:00:00+07:00`, action: 'finish', result_kind: 'paper' },
      { at: `${day}T14:00:00+07:00`, action: 'return_result', delivery: 'desk' },
    ]),
    line('0902', 'online', [
      { at: `${day}T08:30:00+07:00`, action: 'submit' },
      { at: `${day}T09:30:00+07:00`, action: 'accept' },
    ]),
  ].join('\n');
  const imported = await fetch(`${base}/api/v1/import/dossiers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body,
  });
  const text = await imported.text();
  assert.equal(imported.status, 200, text);
  assert.equal((JSON.parse(text) as { imported: number }).imported, 2, text);
}

/** A bearer token of a demo account, for the set-up calls made beside the browser. */
async function bearer(base: string, login: string): Promise<string> {
  const answer = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD, session: 'bearer' }),
  });
  assert.equal(answer.status, 200, await answer.clone().text());
  return ((await answer.json()) as { token: string }).token;
}

/** A walk-in dossier received now at the ward's centre by its clerk (over the API), so that this
 * month has a dossier the portal has not acknowledged (the test server runs with dvcqg off). */
export async function receiveAtDesk(base: string): Promise<string> {
  const token = await bearer(base, WARD_CLERK);
  const answer = await fetch(`${base}/api/v1/dossiers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      procedure: HISTORY_PROCEDURE,
      agency: WARD_DESK,
      channel: 'desk',
      applicant: { kind: 'citizen', id_number: '056090000222', name: 'Lê Văn Cường' },
    }),
  });
  const text = await answer.text();
  assert.equal(answer.status, 201, text);
  return (JSON.parse(text) as { code: string }).code;
}

interface SyncFigures {
  received: number;
  pushed: number;
  acknowledged: number;
  gaps: number;
}

async function syncRow(page: Page, agency: string): Promise<SyncFigures> {
  const row = page.locator(`.sync-tally tr[data-agency="${agency}"]`);
  const cell = async (col: string) => count(await row.locator(`td[data-col="${col}"]`).innerText());
  return { received: await cell('received'), pushed: await cell('pushed'), acknowledged: await cell('acknowledged'), gaps: await cell('gaps') };
}

/** Every agency's row and the total: gaps = received − acknowledged, pushed between the two, and
 * the rows add up to the total. Returns the total. */
async function checkTally(page: Page): Promise<SyncFigures> {
  const total = await syncRow(page, 'total');
  const agencies = await page.locator('.sync-tally tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-agency')!));
  assert.ok(agencies.length > 0, 'an agency row');
  const sum: SyncFigures = { received: 0, pushed: 0, acknowledged: 0, gaps: 0 };
  for (const code of [...agencies, 'total']) {
    const r = code === 'total' ? total : await syncRow(page, code);
    assert.equal(r.gaps, r.received - r.acknowledged, `${code}: gaps = received − acknowledged`);
    assert.ok(r.acknowledged <= r.received && r.pushed <= r.received, `${code}: ${JSON.stringify(r)}`);
    if (r.acknowledged === 0) {
      assert.equal(await page.locator(`.sync-tally tr[data-agency="${code}"] td[data-col="rate"]`).innerText(), '0%');
    }
    if (code === 'total') continue;
    for (const k of Object.keys(sum) as (keyof SyncFigures)[]) sum[k] += r[k];
  }
  assert.deepEqual(sum, total, 'the agencies add up to the total');
  return total;
}

/**
 * The province administrator opens the national portal sync from the dashboard (the province,
 * this month): the table by agency with its headers, the total consistent with the API's answer,
 * the gap list with `code` in it; then the ward chosen with the period form, the page in English,
 * and at 360 px (`narrow`).
 */
export async function syncReconciliation(page: Page, base: string, c: Checker, narrow: Checker, code: string): Promise<void> {
  const month = vietnamMonth();
  await signIn(page, base, PROVINCE_ADMIN, '/bang-dieu-khien');
  await page.locator(`section.dashboard[data-agency="${PROVINCE}"][data-period="${month}"]`).waitFor();
  await page.getByTestId('sync-link').click();
  await page.waitForURL((u) => u.pathname === '/bang-dieu-khien/dong-bo' && u.search === `?co-quan=${PROVINCE}&ky=${month}`);
  await page.getByRole('heading', { level: 1, name: 'Đồng bộ DVCQG' }).waitFor();
  await page.locator(`section.sync[data-agency="${PROVINCE}"][data-period="${month}"]`).waitFor();

  const table = page.getByRole('table', { name: /^Đối soát theo cơ quan: / });
  await table.waitFor();
  assert.deepEqual(await table.locator('thead th[scope="col"]').allInnerTexts(), [
    'Cơ quan',
    'Tiếp nhận',
    'Đã gửi lên Cổng',
    'Cổng đã xác nhận',
    'Chênh lệch',
    'Tỷ lệ xác nhận',
  ]);
  assert.equal(await table.locator('tfoot th[scope="row"]').innerText(), 'Tổng cộng');
  const total = await checkTally(page);
  assert.ok(total.received >= 1, `this month's dossiers are received (${total.received})`);
  await page.locator(`.sync-tally tr[data-agency="${WARD_DESK}"]`).waitFor();
  // The same figures as the API gives (the page's own session).
  const api = await page.request.get(`${base}/api/v1/sync/reconciliation?agency=${PROVINCE}&period=${month}`);
  assert.equal(api.status(), 200);
  const body = (await api.json()) as SyncFigures;
  assert.deepEqual(
    { received: body.received, pushed: body.pushed, acknowledged: body.acknowledged, gaps: body.gaps },
    total,
  );

  // The gap list: every unacknowledged dossier of the month (one page here), this one among them.
  const gaps = page.locator('.sync-gaps tbody tr');
  await page.getByTestId('sync-gaps-count').waitFor();
  assert.equal(await gaps.count(), Math.min(total.gaps, 50));
  assert.equal(await page.getByTestId('sync-gaps-count').innerText(), `Đang hiển thị ${Math.min(total.gaps, 50)} / ${total.gaps} hồ sơ`);
  assert.deepEqual(await page.locator('.sync-gaps thead th[scope="col"]').allInnerTexts(), [
    'Mã hồ sơ',
    'Thời gian tiếp nhận',
    'Trạng thái',
    'Thông điệp đã gửi',
    'Thông điệp chờ gửi',
    'Thông điệp lỗi',
    'Lỗi gần nhất',
  ]);
  const row = page.locator(`.sync-gaps tr[data-code="${code}"]`);
  await row.waitFor();
  assert.equal(await row.getByRole('link', { name: code }).getAttribute('href'), `/ho-so/${encodeURIComponent(code)}`);
  assert.match(await row.locator('td').nth(1).innerText(), /^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/, 'received in Vietnam time');
  assert.equal(await row.locator('.badge-status').innerText(), 'Được tiếp nhận');
  assert.equal(await row.locator('td[data-col="delivered"]').innerText(), '0');
  assert.equal(await page.getByRole('button', { name: 'Xem thêm' }).count(), total.gaps > 50 ? 1 : 0);
  // The province administrator's review queue of what the portal sent: empty here, and "pull now"
  // says the portal is not connected (dvcqg off) rather than failing silently.
  await page.getByRole('heading', { level: 2, name: 'Chờ xem xét từ Cổng Dịch vụ công quốc gia' }).waitFor();
  await page.getByTestId('portal-review-empty').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Hồ sơ (0)' }).getAttribute('aria-pressed'), 'true');
  await page.getByTestId('portal-pull-dossiers').click();
  await page.locator('.portal-review [role="alert"]').filter({ hasText: 'chưa kết nối với Cổng Dịch vụ công quốc gia' }).waitFor();
  await c.check('sync-province');

  // The ward, chosen with the period form: its own figures, the same dossier among its gaps.
  await page.getByLabel('Cơ quan', { exact: true }).selectOption(WARD);
  await page.getByRole('button', { name: 'Xem số liệu' }).click();
  await page.locator(`section.sync[data-agency="${WARD}"][data-period="${month}"]`).waitFor();
  const ward = await checkTally(page);
  assert.ok(ward.received >= 1 && ward.received <= total.received, JSON.stringify(ward));
  await page.locator(`.sync-gaps tr[data-code="${code}"]`).waitFor();
  await c.check('sync-ward');

  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByRole('heading', { level: 1, name: 'National portal sync' }).waitFor();
  await page.getByRole('table', { name: /^By agency: / }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Dossiers the portal has not acknowledged' }).waitFor();
  await c.check('sync-ward-en');
  await page.getByRole('button', { name: 'VI' }).click();

  // 360 px: the table by agency scrolls in its region, the gap list stacks; the page never overflows.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`${base}/bang-dieu-khien/dong-bo?co-quan=${PROVINCE}&ky=${month}`);
  await page.locator(`section.sync[data-agency="${PROVINCE}"][data-period="${month}"]`).waitFor();
  await page.locator(`.sync-gaps tr[data-code="${code}"]`).waitFor();
  await narrow.check('sync-province');
  await signOut(page);
}
