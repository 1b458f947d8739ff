// The VNPay simulator (tests/simulators/vnpay/) checked as a black box with the `vnpay` npm
// package (2.5.0) as the merchant: the pay URLs the package builds are accepted and tampered ones
// refused; the IPN and the return URL the simulator signs verify with the package; the callback
// scenarios, the IPN retries and replays; querydr through the package's queryDr, with faults;
// and the simulator's own reconciliation report. Since the simulator compiles MotCua's C++ VNPay
// protocol code, this also checks that code against the package (with the C++ unit tests'
// vectors, which the package produced).
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { IpnSuccess, IpnUnknownError, VNPay, type ReturnQueryFromVNPay } from 'vnpay';
import { startVnpay, VNPAY_HASH_SECRET, VNPAY_TMN_CODE, type RunningVnpay } from './support/vnpay_simulator.ts';

const ORDER_INFO = "Thanh toán lệ phí hồ sơ H32.01-261204-0001 (*)~' <b>&\"";
const AMOUNT = 125_000;

/** yyyyMMddHHmmss in GMT+7 (the machine's zone does not matter). */
function vnpDate(at: Date): number {
  const local = new Date(at.getTime() + 7 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return Number(`${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}`
    + `${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`);
}

let counter = 0;
function txnRef(): string {
  counter += 1;
  return `H32-${process.pid}-${Date.now() % 100000}-${counter}`;
}

/** The merchant's IPN endpoint: records every call and answers as `answers` and `fallback` say.
 * Its URL has a query of its own (`source=vnpay`), which VNPay keeps and does not sign. */
class Merchant {
  server: Server;
  /** The vnp_ parameters of each call. */
  calls: Array<Record<string, string>> = [];
  /** The IPN URL's own `source` parameter of each call. */
  sources: Array<string | null> = [];
  answers: unknown[] = [];
  /** The next answers in turn; once used up, `fallback`. */
  fallback: unknown = IpnSuccess;

  constructor() {
    this.server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const url = new URL(request.url ?? '/', 'http://merchant');
      this.sources.push(url.searchParams.get('source'));
      url.searchParams.delete('source');
      this.calls.push(Object.fromEntries(url.searchParams));
      const answer = this.answers.length > 0 ? this.answers.shift() : this.fallback;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/vnpay/ipn?source=vnpay`;
  }

  reset(): void {
    this.calls = [];
    this.sources = [];
    this.answers = [];
    this.fallback = IpnSuccess;
  }
}

function callsFor(merchant: Merchant, ref: string): Array<Record<string, string>> {
  return merchant.calls.filter((call) => call.vnp_TxnRef === ref);
}

async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) {
      throw new Error('timed out waiting');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('VNPay simulator', () => {
  let sim: RunningVnpay;
  let vnpay: VNPay;
  const merchant = new Merchant();
  let ipnUrl = '';

  function payUrl(ref: string, extra: Partial<Parameters<VNPay['buildPaymentUrl']>[0]> = {}): string {
    return vnpay.buildPaymentUrl({
      vnp_Amount: AMOUNT,
      vnp_IpAddr: '203.0.113.7',
      vnp_TxnRef: ref,
      vnp_OrderInfo: ORDER_INFO,
      vnp_ReturnUrl: 'http://127.0.0.1:9/thanh-toan/ket-qua?lang=vi',
      vnp_CreateDate: vnpDate(new Date()),
      vnp_ExpireDate: vnpDate(new Date(Date.now() + 15 * 60_000)),
      ...extra,
    });
  }

  async function openPage(url: string): Promise<string> {
    const response = await fetch(url);
    assert.equal(response.status, 200);
    return response.text();
  }

  /** A pending transaction, opened the way a browser opens it. */
  async function pending(): Promise<string> {
    const ref = txnRef();
    const page = await openPage(payUrl(ref));
    assert.match(page, /id="pay-success"/);
    return ref;
  }

  function errorCode(page: string): string | undefined {
    return /data-error-code="([0-9]+)"/.exec(page)?.[1];
  }

  before(async () => {
    ipnUrl = await merchant.listen();
    sim = await startVnpay({ ipnRetryMs: 30 });
    vnpay = new VNPay({
      tmnCode: VNPAY_TMN_CODE, secureSecret: VNPAY_HASH_SECRET,
      vnpayHost: sim.url, queryDrAndRefundHost: sim.url,
    });
  });

  after(async () => {
    await sim?.stop();
    await new Promise((resolve) => merchant.server.close(resolve));
  });

  beforeEach(async () => {
    await sim.reset();
    await sim.setMerchant(ipnUrl);
    merchant.reset();
  });

  it('accepts a pay URL the npm package builds, Vietnamese, *()~\' and spaces included', async () => {
    const ref = txnRef();
    const url = payUrl(ref);
    assert.match(url, /%28\*%29%7E%27/);  // The package encodes (, ), ~ and ' but not *.
    const page = await openPage(url);
    assert.equal(errorCode(page), undefined, page);
    assert.match(page, /<html lang="vi">/);
    assert.match(page, /<form method="post" action="\/paymentv2\/pay">/);
    for (const id of ['pay-success', 'pay-cancel', 'pay-insufficient', 'pay-timeout']) {
      assert.match(page, new RegExp(`id="${id}"`));
    }
    assert.match(page, /data-amount="125000">125\.000 đ</);
    assert.ok(page.includes('(*)~&#39; &lt;b&gt;&amp;&quot;'), 'order information HTML-escaped');
    assert.ok(!page.includes('<b>&'));
    const state = await sim.state();
    assert.equal(state.transactions.length, 1);
    const [held] = state.transactions;
    assert.equal(held!.txn_ref, ref);
    assert.equal(held!.order_info, ORDER_INFO);
    assert.equal(held!.amount, AMOUNT);
    assert.equal(held!.status, 'pending');
    assert.equal(state.counters.pay_pages, 1);
  });

  it('refuses tampered, foreign, malformed and repeated pay URLs with an error page', async () => {
    const ref = txnRef();
    const good = payUrl(ref);
    assert.equal(errorCode(await openPage(good.replace(`vnp_Amount=${AMOUNT * 100}`, 'vnp_Amount=100'))), '70');
    assert.equal(errorCode(await openPage(good.replace(/vnp_SecureHash=[0-9a-f]+/, (hash) => hash.toUpperCase()
      .replace('VNP_SECUREHASH', 'vnp_SecureHash')))), '70');
    const foreign = new VNPay({ tmnCode: 'OTHER001', secureSecret: VNPAY_HASH_SECRET, vnpayHost: sim.url });
    assert.equal(errorCode(await openPage(foreign.buildPaymentUrl({
      vnp_Amount: AMOUNT, vnp_IpAddr: '::1', vnp_TxnRef: txnRef(), vnp_OrderInfo: 'x',
      vnp_ReturnUrl: 'http://127.0.0.1:9/r',
    }))), '71');
    const wrongSecret = new VNPay({ tmnCode: VNPAY_TMN_CODE, secureSecret: 'not-the-secret', vnpayHost: sim.url });
    assert.equal(errorCode(await openPage(wrongSecret.buildPaymentUrl({
      vnp_Amount: AMOUNT, vnp_IpAddr: '::1', vnp_TxnRef: txnRef(), vnp_OrderInfo: 'x',
      vnp_ReturnUrl: 'http://127.0.0.1:9/r',
    }))), '70');
    assert.equal(errorCode(await openPage(payUrl(txnRef(), { vnp_Amount: 1.5 }))), '03');  // 150: not whole đồng.
    assert.equal(errorCode(await openPage(payUrl(txnRef(), { vnp_ExpireDate: 20200101000000 }))), '15');
    assert.equal(errorCode(await openPage(good)), undefined);
    assert.equal(errorCode(await openPage(good)), '02');
    const state = await sim.state();
    assert.equal(state.transactions.length, 1);
    assert.equal(state.counters.pay_errors, 7);
  });

  it('sends an IPN that verifyIpnCall accepts and a return URL that verifyReturnUrl accepts', async () => {
    const ref = await pending();
    const settled = await sim.settle(ref, 'success');
    assert.equal(settled.transaction.status, 'paid');
    const calls = callsFor(merchant, ref);
    assert.equal(calls.length, 1);
    assert.deepEqual(merchant.sources, ['vnpay']);  // The IPN URL's own query is kept.
    const ipn = vnpay.verifyIpnCall(calls[0] as unknown as ReturnQueryFromVNPay);
    assert.equal(ipn.isVerified, true);
    assert.equal(ipn.isSuccess, true);
    assert.equal(ipn.vnp_Amount, AMOUNT);
    assert.equal(ipn.vnp_OrderInfo, ORDER_INFO);
    assert.equal(ipn.vnp_TransactionNo, settled.transaction.transaction_no);

    const back = new URL(settled.return_url);
    assert.equal(back.pathname, '/thanh-toan/ket-qua');
    const query = Object.fromEntries(back.searchParams);
    delete query.lang;  // The merchant's own parameter, which VNPay does not sign.
    const returned = vnpay.verifyReturnUrl(query as unknown as ReturnQueryFromVNPay);
    assert.equal(returned.isVerified, true);
    assert.equal(returned.isSuccess, true);

    const [held] = (await sim.state()).transactions;
    assert.equal(held!.ipn.length, 1);
    assert.equal(held!.ipn[0]!.rsp_code, '00');
    assert.equal(held!.ipn[0]!.confirmed, true);
  });

  it('settles through the payment page form with a 303 to the return URL', async () => {
    const ref = await pending();
    const response = await fetch(`${sim.url}/paymentv2/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ vnp_TmnCode: VNPAY_TMN_CODE, vnp_TxnRef: ref, outcome: 'cancel' }).toString(),
      redirect: 'manual',
    });
    assert.equal(response.status, 303);
    const back = new URL(response.headers.get('location')!);
    const query = Object.fromEntries(back.searchParams);
    delete query.lang;
    const returned = vnpay.verifyReturnUrl(query as unknown as ReturnQueryFromVNPay);
    assert.equal(returned.isVerified, true);
    assert.equal(returned.isSuccess, false);
    assert.equal(returned.vnp_ResponseCode, '24');
    assert.equal(callsFor(merchant, ref).length, 1);
    const again = await fetch(`${sim.url}/paymentv2/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ vnp_TmnCode: VNPAY_TMN_CODE, vnp_TxnRef: ref, outcome: 'success' }).toString(),
      redirect: 'manual',
    });
    assert.equal(errorCode(await again.text()), '02');
  });

  it('plays the repeated, lost and after_return scenarios', async () => {
    const repeated = await pending();
    await sim.settle(repeated, 'success', 'repeated');
    assert.equal(callsFor(merchant, repeated).length, 3);

    const lost = await pending();
    await sim.settle(lost, 'success', 'lost');
    assert.equal(callsFor(merchant, lost).length, 0);

    await sim.setCallback('after_return');
    const late = await pending();
    const settled = await sim.settle(late, 'insufficient');
    assert.equal(settled.transaction.response_code, '51');
    assert.equal(settled.transaction.ipn.length, 0);  // The redirect comes first.
    await waitFor(() => callsFor(merchant, late).length === 1);
    const ipn = vnpay.verifyIpnCall(callsFor(merchant, late)[0] as unknown as ReturnQueryFromVNPay);
    assert.equal(ipn.isVerified, true);
    assert.equal(ipn.isSuccess, false);
    // The simulator records the call once the merchant's answer is in.
    let state = await sim.state();
    for (let tries = 0; state.counters.ipn_attempts < 4 && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      state = await sim.state();
    }
    assert.equal(state.scenario, 'after_return');
    assert.equal(state.counters.ipn_attempts, 4);
    assert.equal(state.transactions.find((t) => t.txn_ref === late)!.ipn[0]!.confirmed, true);
  });

  it('retries an IPN the merchant does not confirm', async () => {
    merchant.fallback = IpnUnknownError;
    const failing = await pending();
    await sim.settle(failing, 'success');
    assert.equal(callsFor(merchant, failing).length, 4);  // 1 + --ipn-retries 3.
    let state = await sim.state();
    assert.equal(state.counters.ipn_gave_up, 1);
    assert.deepEqual(state.transactions[0]!.ipn.map((call) => call.rsp_code), ['99', '99', '99', '99']);

    merchant.fallback = IpnSuccess;
    merchant.answers = [IpnUnknownError, 'not json'];
    const flaky = await pending();
    await sim.settle(flaky, 'success');
    assert.equal(callsFor(merchant, flaky).length, 3);
    state = await sim.state();
    assert.equal(state.counters.ipn_confirmed, 1);

    await sim.setMerchant('http://127.0.0.1:9/closed');
    const unreachable = await pending();
    await sim.settle(unreachable, 'success');
    state = await sim.state();
    const attempts = state.transactions.find((t) => t.txn_ref === unreachable)!.ipn;
    assert.equal(attempts.length, 4);
    assert.ok(attempts.every((call) => call.status === 0 && call.error !== ''));
  });

  it('replays a stored IPN, as it was or tampered with', async () => {
    const ref = await pending();
    await sim.settle(ref, 'success');
    merchant.reset();
    const replayed = await sim.replayIpn(ref);
    assert.equal(replayed.kind, 'replay');
    assert.equal(replayed.confirmed, true);
    assert.equal(vnpay.verifyIpnCall(merchant.calls[0] as unknown as ReturnQueryFromVNPay).isVerified, true);
    await sim.replayIpn(ref, 'amount');
    const tampered = vnpay.verifyIpnCall(merchant.calls[1] as unknown as ReturnQueryFromVNPay);
    assert.equal(tampered.isVerified, false);
    assert.equal(tampered.vnp_Amount, AMOUNT + 100);
    await sim.replayIpn(ref, 'signature');
    assert.equal(vnpay.verifyIpnCall(merchant.calls[2] as unknown as ReturnQueryFromVNPay).isVerified, false);
    assert.equal(merchant.calls.length, 3);
  });

  it('answers querydr through the npm package, signed', async () => {
    const ref = txnRef();
    const createDate = vnpDate(new Date());
    await openPage(payUrl(ref, { vnp_CreateDate: createDate }));
    const query = (requestId: string, txn = ref) => ({
      vnp_RequestId: requestId, vnp_TxnRef: txn, vnp_OrderInfo: `Truy vấn giao dịch ${txn}`,
      vnp_TransactionDate: createDate, vnp_CreateDate: vnpDate(new Date()), vnp_IpAddr: '127.0.0.1',
      vnp_TransactionNo: 0,
    });
    const id = () => createHash('sha256').update(`${Math.random()}`).digest('hex').slice(0, 32);

    let answer = await vnpay.queryDr(query(id()));
    assert.equal(answer.isVerified, true);
    assert.equal(answer.vnp_ResponseCode, '00');
    assert.equal(answer.vnp_TransactionStatus, '01');  // Still on the payment page.

    const settled = await sim.settle(ref, 'success');
    answer = await vnpay.queryDr(query(id()));
    assert.equal(answer.isVerified, true);
    assert.equal(answer.isSuccess, true);
    assert.equal(answer.vnp_TransactionStatus, '00');
    assert.equal(String(answer.vnp_Amount), String(AMOUNT * 100));
    assert.equal(String(answer.vnp_TransactionNo), settled.transaction.transaction_no);
    assert.equal(answer.vnp_OrderInfo, ORDER_INFO);

    const repeatedId = id();
    assert.equal((await vnpay.queryDr(query(repeatedId))).vnp_ResponseCode, '00');
    const duplicate = await vnpay.queryDr(query(repeatedId));
    assert.equal(duplicate.vnp_ResponseCode, '94');
    assert.equal(duplicate.isVerified, true);
    assert.equal((await vnpay.queryDr(query(id(), 'no-such-order'))).vnp_ResponseCode, '91');
    const wrongSecret = new VNPay({
      tmnCode: VNPAY_TMN_CODE, secureSecret: 'not-the-secret', vnpayHost: sim.url, queryDrAndRefundHost: sim.url,
    });
    const refused = await wrongSecret.queryDr(query(id()));
    assert.equal(refused.vnp_ResponseCode, '97');
    assert.equal(refused.isVerified, false);  // Signed with the gateway's secret, not this one.
    assert.equal((await sim.state()).counters.querydr, 6);
  });

  it('injects faults into querydr and refuses it while down', async () => {
    const ref = await pending();
    const query = {
      vnp_RequestId: 'fault-1', vnp_TxnRef: ref, vnp_OrderInfo: 'q', vnp_TransactionDate: vnpDate(new Date()),
      vnp_CreateDate: vnpDate(new Date()), vnp_IpAddr: '127.0.0.1', vnp_TransactionNo: 0,
    };
    await sim.setFaults({ rate: 1, kinds: ['http_500'] });
    await assert.rejects(vnpay.queryDr(query), /HTTP error! status: 500/);
    await sim.setFaults({ kinds: ['invalid_json'] });
    await assert.rejects(vnpay.queryDr({ ...query, vnp_RequestId: 'fault-2' }), SyntaxError);
    await sim.setFaults({ kinds: ['close'] });
    await assert.rejects(vnpay.queryDr({ ...query, vnp_RequestId: 'fault-3' }));
    await sim.setFaults({ rate: 0 });
    assert.equal((await vnpay.queryDr({ ...query, vnp_RequestId: 'fault-4' })).vnp_ResponseCode, '00');
    const state = await sim.state();
    assert.equal(state.counters.faults.http_500, 1);
    assert.equal(state.counters.faults.invalid_json, 1);
    assert.equal(state.counters.faults.close, 1);

    await sim.setDown(true);
    await assert.rejects(vnpay.queryDr({ ...query, vnp_RequestId: 'fault-5' }), /status: 503/);
    assert.equal((await fetch(payUrl(txnRef()))).status, 503);
    await sim.setDown(false);
  });

  it('reports a day\'s settled transactions, injected ones included, signed', async () => {
    const paid = await pending();
    await sim.settle(paid, 'success');
    const cancelled = await pending();
    await sim.settle(cancelled, 'cancel');
    await pending();  // Still pending: not in the report.
    const extra = await sim.injectTransaction({ txn_ref: 'EXTRA-1', amount: 50_000 });
    assert.equal(extra.injected, true);
    assert.equal(extra.response_code, '00');

    const day = String(vnpDate(new Date())).slice(0, 8);
    const sign = (data: string) => createHmac('sha512', VNPAY_HASH_SECRET).update(data, 'utf8').digest('hex');
    const post = async (body: unknown) => {
      const response = await fetch(`${sim.url}/merchant_webapi/api/report`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      assert.equal(response.status, 200);
      return response.json() as Promise<{
        tmn_code: string; date: string; response_code: string; secure_hash: string;
        transactions: Array<{ txn_ref: string; transaction_no: string; amount: string; response_code: string; pay_date: string }>;
      }>;
    };
    const report = await post({ tmn_code: VNPAY_TMN_CODE, date: day, secure_hash: sign(`${VNPAY_TMN_CODE}|${day}`) });
    assert.equal(report.response_code, '00');
    assert.deepEqual(report.transactions.map((t) => t.txn_ref).sort(), [cancelled, 'EXTRA-1', paid].sort());
    const encode = (text: string) => new URLSearchParams({ x: text }).toString().slice(2);
    const items = report.transactions
      .map((t) => [t.txn_ref, t.transaction_no, t.amount, t.response_code, t.pay_date].map(encode).join(','))
      .join(';');
    assert.equal(report.secure_hash, sign(`${report.tmn_code}|${report.date}|${report.response_code}|${items}`));
    assert.equal(report.transactions.find((t) => t.txn_ref === 'EXTRA-1')!.amount, '5000000');

    assert.equal((await post({ tmn_code: VNPAY_TMN_CODE, date: day, secure_hash: sign('x') })).response_code, '97');
    assert.equal((await post({ tmn_code: 'OTHER001', date: day, secure_hash: '' })).response_code, '02');
    assert.equal((await post({ tmn_code: VNPAY_TMN_CODE, date: '2026-12-04', secure_hash: '' })).response_code, '03');
  });
});
