// Browser test: online payment of a dossier's fee through VNPay (docs/payments.md §3), with the
// VNPay simulator (tests/simulators/vnpay/) as the gateway. The citizen submits online, the clerk
// accepts and forwards, the cashier asks for payment from the dossier page; the citizen pays from
// the dossier page on the simulator's payment page, comes back, and sees the payment received,
// recorded by the gateway's IPN (server to server), and opens the payment's e-receipt (biên lai
// thu phí) from the dossier page. The 766 index then counts the dossier as paid online (3.6,
// ONLINE_PAYMENT_DOSSIER). Real motcua binary, built web/dist, Debian chromium.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { getJson } from '../api/support/http.ts';
import { DEMO_LOGINS, FAST_HASHING, call, login } from '../api/support/auth.ts';
import { VNPAY_SIM_BIN, startVnpay, type RunningVnpay } from '../api/support/vnpay_simulator.ts';
import { ARTIFACTS, CHROMIUM, WEB_DIST, launch, shot } from './support/browser.ts';
import { CITIZEN, CLERK, Checker, HEAD, act, openDossier, signIn, signOut } from './support/flow.ts';
import { WARD, vietnamMonth } from './support/dashboard.ts';

/** Cấp bản sao trích lục hộ tịch: 8,000 đồng a copy (a phí), commune level, online; its second
 * step is the cashier's. */
const EXTRACT_COPY = '2.000635.000.00.00.H32';
const CASHIER = DEMO_LOGINS.cashier;
const FEE_VND = 8000;
const IN_PROCESSING = 4;
const DESKTOP = { width: 1366, height: 900 };
const NARROW = { width: 360, height: 780 };

interface Ratio {
  numerator: number;
  denominator: number;
}

/** 3.6 (ONLINE_PAYMENT_DOSSIER) of the ward this month, from the public 766 index. */
async function onlinePayment(base: string): Promise<Ratio & { body: unknown }> {
  const answer = await getJson(`${base}/api/v1/indicators/766?agency=${WARD}&period=${vietnamMonth()}`);
  assert.equal(answer.status, 200, answer.text);
  const metric = answer.body.groups.flatMap((g: any) => g.metrics).find((m: any) => m.code === 'ONLINE_PAYMENT_DOSSIER');
  assert.ok(metric, `no ONLINE_PAYMENT_DOSSIER in ${answer.text}`);
  return { numerator: metric.numerator, denominator: metric.denominator, body: metric };
}

/** The payments panel alone, as a picture (besides the checker's full-page one). */
async function panelShot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.locator('section#payments').screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Runs `step`, noting how long it took. */
async function timed<T>(t: TestContext, name: string, step: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await step();
  } finally {
    t.diagnostic(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

describe('online payment through VNPay in the browser', () => {
  let sim: RunningVnpay;
  let server: RunningServer;

  before(async () => {
    assert.ok(existsSync(join(WEB_DIST, 'index.html')), `build the web app first: ${WEB_DIST}/index.html is missing`);
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install -y chromium)`);
    assert.ok(existsSync(VNPAY_SIM_BIN), `${VNPAY_SIM_BIN} is missing (ninja -C build/debug vnpay_simulator, or MOTCUA_VNPAY_SIM)`);
    sim = await startVnpay();
    server = await startServer({
      env: {
        MOTCUA_WEB_ROOT: WEB_DIST,
        MOTCUA_VNPAY_MODE: 'deliver',
        MOTCUA_VNPAY_URL: sim.url,
        MOTCUA_VNPAY_TMN_CODE: sim.tmnCode,
        MOTCUA_VNPAY_SECRET: sim.hashSecret,
        // The IPN records the payment; the outbox's querydr would only come after a minute.
        MOTCUA_PAYMENTS_CHECK_AFTER_SECONDS: '60',
      },
      demoEnv: FAST_HASHING,
    });
    await sim.setMerchant(`${server.url}/api/v1/payments/vnpay/callback`);
  });
  after(async () => {
    await server?.close();
    await sim?.stop();
  });

  test('request_payment → the citizen pays 8.000 đ with VNPay → payment received, counted in 3.6', async (t) => {
    const base = server.url;
    const before766 = await onlinePayment(base);
    const b = await launch(DESKTOP);
    const page = b.page;
    const c = new Checker(page, 'payment');
    const narrow = new Checker(page, 'payment-360', true);
    let code = '';
    try {
      // Citizen: submits online at the Bắc Nha Trang ward centre (one copy: 8,000 đồng).
      code = await timed(t, 'citizen submits', async () => {
        await page.goto(`${base}/thu-tuc/${EXTRACT_COPY}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await c.check('procedure');
        await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
        await page.waitForURL(/\/dang-nhap\?next=/);
        await signIn(page, base, CITIZEN);
        await page.waitForURL(/\/nop-truc-tuyen$/);
        await page.getByLabel('Tìm trung tâm phục vụ hành chính công cấp xã').fill('Bắc Nha Trang');
        await page.getByRole('radio', { name: /phường Bắc Nha Trang/ }).check();
        for (const box of await page.locator('.checklist input[type=checkbox]').all()) await box.check();
        await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
        await page.waitForURL(/\/ho-so\/[^/]+\?moi=1$/);
        const submitted = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
        assert.match(submitted, /^H32\.22333\.01-\d{6}-\d{4}$/);
        await page.locator('.dossier-badges .badge-status', { hasText: 'Mới đăng ký' }).waitFor();
        await signOut(page);
        return submitted;
      });

      // Clerk: accepts, forwards to the next step (the cashier's).
      await timed(t, 'clerk accepts and forwards', async () => {
        await signIn(page, base, CLERK);
        await openDossier(page, base, '/can-bo/ho-so', code);
        await act(page, 'Tiếp nhận', 'Được tiếp nhận');
        await act(page, 'Chuyển bước tiếp theo', 'Đang xử lý');
        await signOut(page);
      });

      // Cashier: asks for payment from the dossier page's action panel.
      await timed(t, 'cashier requests payment', async () => {
        await signIn(page, base, CASHIER);
        await openDossier(page, base, '/can-bo/ho-so', code);
        await c.check('cashier-dossier');
        await act(page, 'Yêu cầu nộp phí, lệ phí', 'Yêu cầu thực hiện nghĩa vụ tài chính');
        await page.locator('.timeline > li[data-action="request_payment"]').waitFor();
        // The cashier sees the order, but no pay button (only the applicant pays online).
        await page.locator('section#payments .pay-order[data-order-status="open"]').waitFor();
        assert.equal(await page.locator('#pay-vnpay').count(), 0, 'no pay button for the cashier');
        await signOut(page);
      });

      // Citizen: the dossier page shows what is due and the VNPay button (desktop and 360 px).
      const reference = await timed(t, 'citizen opens the pay panel', async () => {
        await signIn(page, base, CITIZEN);
        await openDossier(page, base, '/ho-so-cua-toi', code);
        assert.equal(new URL(page.url()).pathname, `/ho-so/${code}`);
        await page.locator('.dossier-badges .badge-status', { hasText: 'Yêu cầu thực hiện nghĩa vụ tài chính' }).waitFor();
        const panel = page.locator('section#payments');
        await panel.locator('.pay-order[data-order-status="open"]').waitFor();
        assert.match(await panel.locator('#pay-total').innerText(), /^8\.000\s*₫$/);
        assert.match(await panel.locator('#pay-charges').innerText(), /^8\.000\s*₫$/);
        const items = panel.locator('table.pay-items tbody tr');
        assert.equal(await items.count(), 1);
        assert.equal(await items.first().getAttribute('data-item-kind'), 'charge');
        assert.match(await panel.innerText(), /Chưa có khoản nộp nào\./);
        const button = panel.locator('#pay-vnpay');
        await button.waitFor();
        assert.equal((await button.innerText()).trim(), 'Thanh toán qua VNPay');
        const ref = (await panel.locator('.pay-order .code').first().innerText()).trim();
        assert.match(ref, /^MC\d+N\d+$/);
        await c.check('citizen-pay-panel');
        await panelShot(page, 'payment-panel-due-1366');
        await page.setViewportSize(NARROW);
        await narrow.check('citizen-pay-panel');
        await panelShot(page, 'payment-panel-due-360');
        await page.setViewportSize(DESKTOP);
        return ref;
      });

      // The gateway: the simulator's payment page for this order; the citizen pays.
      const txnRef = await timed(t, 'citizen pays on the VNPay simulator', async () => {
        await page.locator('#pay-vnpay').click();
        await page.waitForURL((u) => u.href.startsWith(`${sim.url}/paymentv2/vpcpay.html?`));
        await page.locator('#pay-success').waitFor();
        // The pay URL starts a payment of a fresh reference (an earlier open order is withdrawn).
        const ref = (await page.locator('#txn-ref').innerText()).trim();
        assert.match(ref, /^MC\d+N\d+$/);
        t.diagnostic(`order ${reference} shown before paying, pay URL for ${ref}`);
        assert.equal(await page.locator('#amount').getAttribute('data-amount'), String(FEE_VND));
        assert.match(await page.locator('#order-info').innerText(), new RegExp(code.replace(/\./g, '\\.')));
        await shot(page, 'payment-vnpay-page');
        await page.locator('#pay-success').click();
        // The simulator calls the IPN, then 303 to the return URL, which forwards to the dossier.
        await page.waitForURL(`${base}/ho-so/${code}?thanh-toan=ve`);
        return ref;
      });

      // Back on the dossier: the payment is received, in the ledger, the dossier processed again.
      const paymentId = await timed(t, 'citizen sees the payment received', async () => {
        const panel = page.locator('section#payments');
        const status = panel.getByRole('status');
        await status.filter({ hasText: 'Đã nhận thanh toán' }).waitFor();
        assert.match(await status.innerText(), /Đã nhận thanh toán/);
        const row = panel.locator('tr[data-entry-channel="vnpay"]');
        await row.waitFor();
        assert.equal(await row.count(), 1);
        assert.equal(await row.getAttribute('data-entry-kind'), 'payment');
        assert.match(await row.innerText(), /8\.000\s*₫/);
        assert.match(await row.innerText(), /VNPay/);
        await panel.locator('.pay-order[data-order-status="paid"]').waitFor();
        assert.equal((await panel.locator('.pay-order .code').first().innerText()).trim(), txnRef, 'the paid order is the one paid');
        assert.equal(await page.locator('#pay-vnpay').count(), 0, 'no pay button once paid');
        await page.locator('.dossier-badges .badge-status', { hasText: 'Đang xử lý' }).waitFor();
        await page.locator('.timeline > li[data-action="pay"]').waitFor();
        const actions = await page.locator('.timeline > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action')));
        assert.deepEqual(actions, ['submit', 'accept', 'forward', 'request_payment', 'pay']);
        await c.check('citizen-paid');
        await panelShot(page, 'payment-panel-paid-1366');
        await page.setViewportSize(NARROW);
        await narrow.check('citizen-paid');
        await panelShot(page, 'payment-panel-paid-360');
        await page.setViewportSize(DESKTOP);
        const id = Number(await row.getAttribute('data-entry-id'));
        assert.ok(Number.isSafeInteger(id) && id > 0, `ledger id ${id}`);
        return id;
      });

      // The citizen opens the payment's receipt from the dossier page: one biên lai thu phí
      // (the 8,000 đồng is a phí), numbered from the ledger id, with the amount in words.
      await timed(t, 'citizen opens the receipt', async () => {
        const receiptNumber = `BL${String(paymentId).padStart(7, '0')}-P`;
        const row = page.locator('section#payments tr[data-entry-kind="payment"]');
        await row.getByRole('link', { name: /^Biên lai/ }).click();
        await page.waitForURL(`${base}/bien-lai/${paymentId}`);
        const bill = page.locator('article.bill[data-receipt-kind="charge"]');
        await bill.waitFor();
        assert.equal(await page.locator('article.bill').count(), 1, 'a phí receipt only: there is no lệ phí');
        assert.match(await bill.getByRole('heading', { level: 2 }).innerText(), /BIÊN LAI THU PHÍ/);
        assert.equal((await bill.getByTestId('bill-number').innerText()).trim(), receiptNumber);
        assert.equal(await bill.getAttribute('data-receipt-number'), receiptNumber);
        assert.match((await bill.getByTestId('bill-total').innerText()).trim(), /^8\.000\s*₫$/);
        assert.equal((await bill.getByTestId('bill-words').innerText()).trim(), 'Tám nghìn đồng');
        assert.match(await bill.innerText(), /Bằng chữ: Tám nghìn đồng/);
        assert.match(await bill.innerText(), new RegExp(code.replace(/\./g, '\\.')));
        assert.match(await bill.innerText(), new RegExp(txnRef));
        assert.equal(await bill.getByTestId('bill-refunded').count(), 0, 'not refunded');
        await page.getByRole('button', { name: 'In biên lai' }).waitFor();
        await c.check('citizen-receipt');
        await page.setViewportSize(NARROW);
        await narrow.check('citizen-receipt');
        await page.setViewportSize(DESKTOP);
        await signOut(page);
      });

      // The API agrees: paid in full through the gateway, back in processing; the IPN was confirmed.
      const state = await sim.state();
      assert.equal(state.transactions.length, 1);
      const txn = state.transactions[0]!;
      assert.equal(txn.txn_ref, txnRef);
      assert.equal(txn.status, 'paid');
      assert.equal(txn.amount, FEE_VND);
      assert.ok(txn.ipn.length >= 1 && txn.ipn[0]!.confirmed && txn.ipn[0]!.rsp_code === '00', JSON.stringify(txn.ipn));
      const citizen = await login(server, CITIZEN);
      const dossier = await call(server, `/api/v1/dossiers/${encodeURIComponent(code)}`, { session: citizen });
      assert.equal(dossier.status, 200, dossier.text);
      assert.equal(dossier.body.status, IN_PROCESSING);
      assert.equal(dossier.body.paid_total, FEE_VND);
      assert.equal(dossier.body.payment_channel, 'online_gateway');
      const ledger = await call(server, `/api/v1/dossiers/${encodeURIComponent(code)}/payments`, { session: citizen });
      assert.equal(ledger.status, 200, ledger.text);
      assert.deepEqual(ledger.body.entries.map((e: any) => [e.kind, e.channel, e.amount_vnd, e.gateway_txn]),
        [['payment', 'vnpay', FEE_VND, txn.transaction_no]]);

      // 3.6: the ward's dossiers paid online this month, one more (and one more with a fee).
      const after766 = await onlinePayment(base);
      t.diagnostic(`ONLINE_PAYMENT_DOSSIER ${WARD} ${vietnamMonth()}: before ${JSON.stringify(before766.body)}, after ${JSON.stringify(after766.body)}`);
      assert.deepEqual({ numerator: after766.numerator, denominator: after766.denominator },
        { numerator: before766.numerator + 1, denominator: before766.denominator + 1 },
        `ONLINE_PAYMENT_DOSSIER of ${WARD}: ${JSON.stringify(after766.body)}`);

      // The ward's head: the dashboard shows the same figure; its drill-down counts this dossier.
      await timed(t, 'ward head drills down 3.6', async () => {
        await signIn(page, base, HEAD, `/bang-dieu-khien?co-quan=${WARD}`);
        await page.locator(`section.dashboard[data-agency="${WARD}"][data-period="${vietnamMonth()}"]`).waitFor();
        const metricRow = page.locator('tr[data-metric="ONLINE_PAYMENT_DOSSIER"]');
        await metricRow.waitFor();
        assert.equal((await metricRow.locator('td[data-col="numerator"]').innerText()).trim(), String(after766.numerator));
        assert.equal((await metricRow.locator('td[data-col="denominator"]').innerText()).trim(), String(after766.denominator));
        await metricRow.locator('a.drill-link').click();
        const drilled = page.locator(`.drill-table tr[data-code="${code}"]`);
        await drilled.waitFor();
        assert.equal(await drilled.getAttribute('data-counted'), 'numerator');
        assert.match(await drilled.locator('td[data-col="reason"]').innerText(), /Đã thanh toán trực tuyến/);
        await c.check('drilldown-online-payment');
        await signOut(page);
      });
    } catch (e) {
      await shot(page, 'payment-failure').catch(() => {});
      const where = page.url();
      const text = await page.locator('main').innerText().catch(() => '');
      t.diagnostic(`failed at ${where} (dossier ${code || 'none'}):\n${text.slice(0, 2000)}`);
      t.diagnostic(`server log (tail):\n${server.logs().slice(-4000)}`);
      t.diagnostic(`simulator log (tail):\n${sim.logs().slice(-2000)}`);
      throw e;
    } finally {
      await b.close();
    }
    c.assertClean();
    narrow.assertClean();
  });
});
