// Online payment through VNPay (docs/payments.md §3), black box: MotCua, the VNPay simulator
// (tests/simulators/vnpay/) and the `vnpay` npm package as the reference for signatures.
// `request_payment` opens an order; the applicant is sent to a pay URL that the package verifies;
// only a verified IPN (or the outbox's querydr when the IPN is lost) records the payment — once,
// whatever is repeated, replayed, reordered, tampered with or sent at the same time.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { VNPay, type ReturnQueryFromVNPay } from 'vnpay';
import { startServer, type RunningServer } from './support/server.ts';
import { assertProblem } from './support/http.ts';
import { DEMO_LOGINS, FAST_HASHING, call, login, type Session } from './support/auth.ts';
import { act, getDossier } from './support/dossiers.ts';
import {
  IN_PROCESSING, awaitingPayment as awaitingPaymentOf, listPayments, paymentsPath,
  startPayment as startPaymentOf, type PaymentActors,
} from './support/payments.ts';
import { startVnpay, type RunningVnpay } from './support/vnpay_simulator.ts';

/** Every answer VNPay documents for an IPN. */
const RSP_CODES = new Set(['00', '01', '02', '04', '97', '99']);

let sim: RunningVnpay;
let server: RunningServer;
let vnpay: VNPay;
let citizen: Session;
let clerk: Session;
let cashier: Session;

before(async () => {
  sim = await startVnpay({ ipnRetryMs: 30 });
  server = await startServer({
    env: {
      ...FAST_HASHING,
      MOTCUA_VNPAY_MODE: 'deliver',
      MOTCUA_VNPAY_URL: sim.url,
      MOTCUA_VNPAY_TMN_CODE: sim.tmnCode,
      MOTCUA_VNPAY_SECRET: sim.hashSecret,
      MOTCUA_PAYMENTS_CHECK_AFTER_SECONDS: '1',
      MOTCUA_OUTBOX_POLL_MS: '50',
      MOTCUA_OUTBOX_BACKOFF_BASE_MS: '200',
      MOTCUA_OUTBOX_BACKOFF_CAP_MS: '500',
    },
    demoEnv: FAST_HASHING,
  });
  await sim.setMerchant(`${server.url}/api/v1/payments/vnpay/callback`);
  vnpay = new VNPay({ tmnCode: sim.tmnCode, secureSecret: sim.hashSecret, vnpayHost: sim.url });
  citizen = await login(server, DEMO_LOGINS.citizen);
  clerk = await login(server, DEMO_LOGINS.clerk);
  cashier = await login(server, DEMO_LOGINS.cashier);
});
after(async () => {
  await server?.close();
  await sim?.stop();
});

const actors = (): PaymentActors => ({ citizen, clerk, cashier });
const awaitingPayment = (copies = 1) => awaitingPaymentOf(server, actors(), copies);
const startPayment = (code: string) => startPaymentOf(server, citizen, code, 'vnpay');
const ledger = (code: string) => listPayments(server, citizen, code);

/** The parameters of a URL's query, decoded. */
function queryOf(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}

/** An IPN as VNPay signs it (sorted, URLSearchParams-encoded, HMAC-SHA512). */
function signedIpn(params: Record<string, string>, secret = sim.hashSecret): string {
  const sorted = Object.keys(params).sort().filter((key) => params[key] !== '');
  const data = new URLSearchParams(sorted.map((key) => [key, params[key]])).toString();
  const hash = createHmac('sha512', secret).update(Buffer.from(data, 'utf-8')).digest('hex');
  return `${data}&vnp_SecureHash=${hash}`;
}

function ipnParams(reference: string, amountVnd: number, transactionNo: string,
  orderInfo = 'Nộp phí, lệ phí hồ sơ (*)~\' thử'): Record<string, string> {
  return {
    vnp_TmnCode: sim.tmnCode,
    vnp_TxnRef: reference,
    vnp_Amount: String(amountVnd * 100),
    vnp_ResponseCode: '00',
    vnp_TransactionStatus: '00',
    vnp_TransactionNo: transactionNo,
    vnp_BankCode: 'NCB',
    vnp_OrderInfo: orderInfo,
    vnp_PayDate: '20261204101500',
  };
}

async function sendIpn(query: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/payments/vnpay/callback?${query}`);
  assert.equal(response.status, 200);
  const body = await response.json() as { RspCode: string; Message: string };
  assert.ok(RSP_CODES.has(body.RspCode), JSON.stringify(body));
  return body.RspCode;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('online payment through VNPay', () => {
  test('request_payment opens an order for what the dossier owes, item by item', async () => {
    const code = await awaitingPayment(3);
    const listed = await ledger(code);
    assert.deepEqual(listed.gateways, ['vnpay']);
    assert.equal(listed.orders.length, 1);
    const [order] = listed.orders;
    assert.equal(order.status, 'open');
    assert.equal(order.amount_vnd, 24_000);
    assert.equal(order.charges_vnd, 24_000);
    assert.equal(order.fees_vnd, 0);
    assert.deepEqual(order.items.map((item: any) => [item.kind, item.quantity, item.amount_vnd]), [['charge', 3, 24_000]]);
    assert.deepEqual(listed.entries, []);
  });

  test('the pay URL verifies with the vnpay package; the clerk cannot start it', async () => {
    const code = await awaitingPayment(2);
    assertProblem(await call(server, paymentsPath(code), { session: clerk, body: { gateway: 'vnpay' } }),
      403, 'applicant_pays_online');
    assertProblem(await call(server, paymentsPath(code), { session: citizen, body: { gateway: 'paypal' } }),
      400, 'invalid_parameter', 'gateway');
    // The platform is not configured on this server.
    assertProblem(await call(server, paymentsPath(code), { session: citizen, body: { gateway: 'payment_platform' } }),
      400, 'unknown_gateway', 'gateway');
    const started = await startPayment(code);
    assert.equal(started.amount_vnd, 16_000);
    assert.match(started.reference, /^MC\d+N\d+$/);
    const query = queryOf(started.pay_url);
    assert.ok(started.pay_url.startsWith(`${sim.url}/paymentv2/vpcpay.html?`), started.pay_url);
    const verified = vnpay.verifyReturnUrl(query as unknown as ReturnQueryFromVNPay);
    assert.equal(verified.isVerified, true, 'the package verifies the signature MotCua made');
    assert.equal(query.vnp_Amount, '1600000');
    assert.equal(query.vnp_TxnRef, started.reference);
    assert.equal(query.vnp_OrderInfo, `Nộp phí, lệ phí hồ sơ ${code}`);
    assert.equal(query.vnp_ReturnUrl, `${server.url}/api/v1/payments/vnpay/return`);
    // A second attempt has its own reference; the first order is withdrawn.
    const again = await startPayment(code);
    assert.notEqual(again.reference, started.reference);
    const orders = (await ledger(code)).orders;
    assert.equal(orders.filter((order: any) => order.status === 'open').length, 1);
  });

  test('a paid IPN records the payment once; repeats, tampering and strangers change nothing', async () => {
    const code = await awaitingPayment(1);
    const started = await startPayment(code);
    assert.match(await (await fetch(started.pay_url)).text(), /id="pay-success"/);
    const settled = await sim.settle(started.reference, 'success');
    assert.equal(settled.transaction.ipn[0].rsp_code, '00', JSON.stringify(settled.transaction.ipn));
    const paid = (await getDossier(server, citizen, code)).body;
    assert.equal(paid.status, IN_PROCESSING);
    assert.equal(paid.paid_total, 8000);
    assert.equal(paid.payment_channel, 'online_gateway');
    assert.equal((await sim.replayIpn(started.reference)).rsp_code, '02');
    // The simulator raises the amount after signing: the signature no longer verifies.
    assert.equal((await sim.replayIpn(started.reference, 'amount')).rsp_code, '97');
    assert.equal((await sim.replayIpn(started.reference, 'signature')).rsp_code, '97');
    // The browser's return records nothing and goes to the dossier's page.
    const back = await fetch(settled.return_url);
    assert.equal(back.status, 200);
    assert.match(await back.text(), new RegExp(`href="/ho-so/${code.replaceAll('.', '\\.')}\\?thanh-toan=ve"`));
    const listed = await ledger(code);
    assert.equal(listed.entries.length, 1);
    assert.equal(listed.entries[0].amount_vnd, 8000);
    assert.equal(listed.entries[0].channel, 'vnpay');
    assert.equal(listed.entries[0].gateway_txn, settled.transaction.transaction_no);
    assert.equal(listed.orders.find((order: any) => order.reference === started.reference).status, 'paid');
    const events = (await call(server, `/api/v1/dossiers/${encodeURIComponent(code)}/events`, { session: citizen })).body.items;
    assert.equal(events.filter((event: any) => event.action === 'pay').length, 1);
    // Nobody types an online payment in.
    assertProblem(await act(server, cashier, code, 'pay', { channel: 'online_gateway', amount: 8000 }),
      403, 'online_payment_by_gateway_only');
  });

  test('MotCua verifies IPNs as the package does, Vietnamese text and *()~\' included', async () => {
    const code = await awaitingPayment(1);
    const started = await startPayment(code);
    const params = ipnParams(started.reference, 8000, '7001');
    const query = signedIpn(params);
    const checked = vnpay.verifyIpnCall(Object.fromEntries(new URLSearchParams(query)) as unknown as ReturnQueryFromVNPay);
    assert.equal(checked.isVerified, true, 'the test signs as the package verifies');
    assert.equal(await sendIpn(signedIpn(ipnParams('MC0N0', 8000, '7002'))), '01');
    assert.equal(await sendIpn(signedIpn(params, 'not-the-secret')), '97');
    assert.equal(await sendIpn(query.replace('vnp_Amount=800000', 'vnp_Amount=900000')), '97');
    assert.equal(await sendIpn(signedIpn({ ...params, vnp_Amount: '900000' })), '04');
    assert.equal(await sendIpn(query), '00');
    assert.equal(await sendIpn(query), '02');
    assert.equal((await ledger(code)).entries.length, 1);
  });

  test('a lost IPN is recovered by the outbox asking querydr', async () => {
    const code = await awaitingPayment(1);
    const started = await startPayment(code);
    await fetch(started.pay_url);
    const settled = await sim.settle(started.reference, 'success', 'lost');
    assert.equal(settled.transaction.ipn.length, 0);
    const paid = await waitFor(async () => {
      const dossier = (await getDossier(server, citizen, code)).body;
      return dossier.status === IN_PROCESSING ? dossier : undefined;
    });
    assert.equal(paid.paid_total, 8000);
    assert.ok((await sim.state()).counters.querydr >= 1);
    assert.equal((await ledger(code)).entries.length, 1);
  });

  test('property: duplicated, reordered and concurrent IPNs credit each order once, at its amount', async () => {
    const orders: Array<{ code: string; reference: string }> = [];
    for (let i = 0; i < 6; ++i) {
      const code = await awaitingPayment(1);
      orders.push({ code, reference: (await startPayment(code)).reference });
    }
    let seed = 20261204;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    type Kind = 'valid' | 'amount' | 'signature' | 'unknown';
    const calls: Array<{ kind: Kind; reference: string; query: string }> = [];
    for (const [index, order] of orders.entries()) {
      const valid = signedIpn(ipnParams(order.reference, 8000, `9${index}`));
      for (let copy = 0; copy < 5; ++copy) calls.push({ kind: 'valid', reference: order.reference, query: valid });
      calls.push({ kind: 'amount', reference: order.reference, query: signedIpn(ipnParams(order.reference, 8001, `9${index}`)) });
      calls.push({ kind: 'signature', reference: order.reference, query: signedIpn(ipnParams(order.reference, 8000, `9${index}`), 'x') });
      calls.push({ kind: 'unknown', reference: order.reference, query: signedIpn(ipnParams(`${order.reference}X`, 8000, `8${index}`)) });
    }
    for (let i = calls.length - 1; i > 0; --i) {
      const j = Math.floor(random() * (i + 1));
      [calls[i], calls[j]] = [calls[j], calls[i]];
    }
    const answers = await Promise.all(calls.map(async (one) => ({ ...one, code: await sendIpn(one.query) })));
    const expected: Record<Kind, string[]> = { valid: ['00', '02'], amount: ['04'], signature: ['97'], unknown: ['01'] };
    for (const answer of answers) {
      assert.ok(expected[answer.kind].includes(answer.code), `${answer.kind} answered ${answer.code}`);
    }
    for (const order of orders) {
      const confirmed = answers.filter((answer) => answer.reference === order.reference && answer.kind === 'valid');
      assert.equal(confirmed.filter((answer) => answer.code === '00').length, 1, `one 00 for ${order.reference}`);
      const listed = await ledger(order.code);
      assert.deepEqual(listed.entries.map((entry: any) => entry.amount_vnd), [8000]);
      const dossier = (await getDossier(server, citizen, order.code)).body;
      assert.equal(dossier.paid_total, 8000);
    }
  });
});
