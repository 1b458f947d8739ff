// Reconciliation (đối soát, docs/payments.md §6), black box: the VNPay simulator's signed report
// of the day against MotCua's ledger. Each kind of difference is made for real — an IPN lost (the
// order checks are only queued here), a transaction the merchant never saw, a gateway that forgot
// a transaction it reported, another amount under a credited reference — and a credit that no
// dossier could take (paid online after the desk had settled the dossier) is listed as money to
// refund until the cashier refunds it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { assertProblem } from './support/http.ts';
import { DEMO_LOGINS, FAST_HASHING, call, login, type Session } from './support/auth.ts';
import { actOk } from './support/dossiers.ts';
import { awaitingPayment as awaitingPaymentOf, listPayments, startPayment, type PaymentActors } from './support/payments.ts';
import { startVnpay, type RunningVnpay } from './support/vnpay_simulator.ts';

let sim: RunningVnpay;
let server: RunningServer;
let citizen: Session;
let clerk: Session;
let cashier: Session;
let auditor: Session;

before(async () => {
  sim = await startVnpay();
  server = await startServer({
    env: {
      ...FAST_HASHING,
      MOTCUA_VNPAY_MODE: 'queue',
      MOTCUA_VNPAY_URL: sim.url,
      MOTCUA_VNPAY_TMN_CODE: sim.tmnCode,
      MOTCUA_VNPAY_SECRET: sim.hashSecret,
    },
    demoEnv: FAST_HASHING,
  });
  await sim.setMerchant(`${server.url}/api/v1/payments/vnpay/callback`);
  citizen = await login(server, DEMO_LOGINS.citizen);
  clerk = await login(server, DEMO_LOGINS.clerk);
  cashier = await login(server, DEMO_LOGINS.cashier);
  auditor = await login(server, DEMO_LOGINS.auditor);
});
after(async () => {
  await server?.close();
  await sim?.stop();
});

const actors = (): PaymentActors => ({ citizen, clerk, cashier });
/** Today in Vietnam (UTC+7, no daylight saving). */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const reconcile = (session: Session, query: string) =>
  call(server, `/api/v1/payments/reconciliation?${query}`, { session });

/** The applicant's browser at the gateway: the simulator learns of the transaction. */
async function openPayPage(payUrl: string): Promise<void> {
  assert.match(await (await fetch(payUrl)).text(), /id="pay-success"/);
}

/** A dossier of `copies` copies paid online through the simulator's page (its IPN recorded);
 * returns the dossier's code and the order's reference. */
async function paidOnline(copies: number, scenario?: 'lost'): Promise<{ code: string; reference: string }> {
  const code = await awaitingPaymentOf(server, actors(), copies);
  const started = await startPayment(server, citizen, code, 'vnpay');
  await openPayPage(started.pay_url);
  await sim.settle(started.reference, 'success', scenario);
  return { code, reference: started.reference };
}

describe('reconciliation with VNPay', () => {
  test('lists what is missing, extra, mismatched and unapplied; balanced once only matches remain', async () => {
    // Recorded, then forgotten by the gateway (extra); recorded, then reported with another amount
    // (mismatched).
    const forgotten = await paidOnline(1);
    const altered = await paidOnline(1);
    await sim.reset();
    await sim.setMerchant(`${server.url}/api/v1/payments/vnpay/callback`);
    await sim.injectTransaction({ txn_ref: altered.reference, amount: 9000 });
    // Recorded and reported alike (matched); taken but its IPN lost (missing); a transaction the
    // merchant never saw (missing, no dossier).
    const matched = await paidOnline(2);
    const lost = await paidOnline(1, 'lost');
    await sim.injectTransaction({ txn_ref: 'ZZ404', amount: 12_345 });
    // Paid at the desk while the applicant was at the gateway: the gateway's credit is recorded
    // (the money was taken) but the dossier cannot take it.
    const twice = await awaitingPaymentOf(server, actors(), 1);
    const started = await startPayment(server, citizen, twice, 'vnpay');
    await openPayPage(started.pay_url);
    await actOk(server, cashier, twice, 'pay', { channel: 'desk', amount: 8000 });
    await sim.settle(started.reference, 'success');

    const answer = await reconcile(auditor, `gateway=vnpay&date=${today()}`);
    assert.equal(answer.status, 200, answer.text);
    const result = answer.body;
    assert.equal(result.balanced, false);
    const refs = (items: any[]) => items.map((item: any) => item.reference).sort();
    assert.deepEqual(refs(result.matched), [matched.reference, started.reference].sort());
    assert.deepEqual(refs(result.missing), [lost.reference, 'ZZ404'].sort());
    assert.deepEqual(result.missing.map((i: any) => [i.reference, i.dossier, i.gateway_amount_vnd, i.ledger_id]).sort(),
      [[lost.reference, lost.code, 8000, null], ['ZZ404', null, 12_345, null]].sort());
    assert.deepEqual(result.extra.map((i: any) => [i.reference, i.dossier, i.gateway_txn, i.ledger_amount_vnd]),
      [[forgotten.reference, forgotten.code, null, 8000]]);
    assert.deepEqual(result.mismatched.map((i: any) => [i.reference, i.gateway_amount_vnd, i.ledger_amount_vnd]),
      [[altered.reference, 9000, 8000]]);
    assert.deepEqual(result.unapplied, [
      { dossier: twice, ledger_paid_vnd: 16_000, dossier_paid_vnd: 8000, unapplied_vnd: 8000, refunded_vnd: 0 }]);
    // Totals: what the gateway reports against what the ledger holds for the day.
    assert.equal(result.gateway_count, 5);
    assert.equal(result.gateway_total_vnd, 16_000 + 8000 + 8000 + 12_345 + 9000);
    assert.equal(result.ledger_count, 4);
    assert.equal(result.ledger_total_vnd, 8000 + 8000 + 16_000 + 8000);

    // The cashier pays the unapplied credit back: it stays listed, refunded.
    const credit = (await listPayments(server, cashier, twice)).entries.find((e: any) => e.channel === 'vnpay');
    const refunded = await call(server, `/api/v1/payments/${credit.id}/refunds`,
      { session: cashier, body: { reason: 'Nộp hai lần: đã nộp tại quầy', method: 'transfer', reference: 'FT-HOAN-0001' } });
    assert.equal(refunded.status, 201, refunded.text);
    const again = (await reconcile(auditor, `gateway=vnpay&date=${today()}`)).body;
    assert.equal(again.unapplied[0].refunded_vnd, 8000);
  });

  test('a quiet day past balances; the report is for those who read the province\'s indicators', async () => {
    const quiet = await reconcile(auditor, 'gateway=vnpay&date=2026-01-05');
    assert.equal(quiet.status, 200, quiet.text);
    assert.deepEqual([quiet.body.balanced, quiet.body.gateway_count, quiet.body.ledger_count], [true, 0, 0]);
    const head = await login(server, DEMO_LOGINS.head);
    assertProblem(await reconcile(head, 'gateway=vnpay'), 403, 'forbidden');
    assertProblem(await reconcile(cashier, 'gateway=vnpay'), 403, 'forbidden');
    assertProblem(await reconcile(auditor, 'gateway=payment_platform'), 400, 'unknown_gateway', 'gateway');
    assertProblem(await reconcile(auditor, 'gateway=vnpay&date=2999-01-01'), 400, 'invalid_parameter', 'date');
    assertProblem(await reconcile(auditor, 'gateway=vnpay&date=2026-02-30'), 400, 'invalid_parameter', 'date');
    assertProblem(await reconcile(auditor, 'date=2026-01-05'), 400, 'invalid_parameter', 'gateway');
    assertProblem(await reconcile(auditor, 'gateway=vnpay&day=2026-01-05'), 400, 'invalid_parameter', 'day');
  });

  test('no report, no reconciliation: 503 while the gateway is down', async () => {
    await sim.setDown(true);
    try {
      assertProblem(await reconcile(auditor, 'gateway=vnpay'), 503, 'gateway_unavailable', 'gateway');
    } finally {
      await sim.setDown(false);
    }
  });
});
