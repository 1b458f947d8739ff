// The dashboard and the public monthly publication as the online flow sees them: the ward's
// figures read before the dossier exists, then read again once it is rated (each one more by
// exactly this dossier), the drill-down to the dossier as the ward's head, and the publication of
// the last ended month, which the flow test fills with a small imported history.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { HEAD, PASSWORD, signIn, signOut, type Checker } from './flow.ts';

/** Bắc Nha Trang ward, whose centre receives the flow's dossier. */
export const WARD = 'H32.22333';
const WARD_DESK = 'H32.22333.01';
const PROVINCE_ADMIN = 'quantri.tinh';
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
