// Online payment through the national payment platform (docs/payments.md §3), black box: MotCua
// and the payment platform simulator (tests/simulators/payment_platform/). INIT gives the pay
// page; only a verified confirm (or the outbox's QUERY when it is lost) records the payment, once;
// the answers are the platform's error codes; the `pay` event carries the online_dvcqg channel.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, login, type Session } from './support/auth.ts';
import { getDossier } from './support/dossiers.ts';
import {
  AWAITING_PAYMENT, IN_PROCESSING, awaitingPayment as awaitingPaymentOf, listPayments,
  startPayment as startPaymentOf,
} from './support/payments.ts';
import { startPaymentPlatform, type RunningPaymentPlatform } from './support/payment_platform_simulator.ts';


let platform: RunningPaymentPlatform;
let server: RunningServer;
let citizen: Session;
let clerk: Session;
let cashier: Session;

before(async () => {
  platform = await startPaymentPlatform({ confirmRetryMs: 30 });
  server = await startServer({
    env: {
      ...FAST_HASHING,
      MOTCUA_PAYMENT_PLATFORM_MODE: 'deliver',
      MOTCUA_PAYMENT_PLATFORM_URL: platform.url,
      MOTCUA_PAYMENT_PLATFORM_PARTNER_CODE: platform.partnerCode,
      MOTCUA_PAYMENT_PLATFORM_SECRET: platform.secret,
      MOTCUA_PAYMENTS_CHECK_AFTER_SECONDS: '1',
      MOTCUA_OUTBOX_POLL_MS: '50',
      MOTCUA_OUTBOX_BACKOFF_BASE_MS: '200',
      MOTCUA_OUTBOX_BACKOFF_CAP_MS: '500',
    },
    demoEnv: FAST_HASHING,
  });
  await platform.setMerchant({ confirm_url: `${server.url}/api/v1/payments/payment_platform/callback` });
  citizen = await login(server, DEMO_LOGINS.citizen);
  clerk = await login(server, DEMO_LOGINS.clerk);
  cashier = await login(server, DEMO_LOGINS.cashier);
});
after(async () => {
  await server?.close();
  await platform?.stop();
});

const awaitingPayment = (copies = 1) => awaitingPaymentOf(server, { citizen, clerk, cashier }, copies);
const startPayment = (code: string) => startPaymentOf(server, citizen, code, 'payment_platform');
const entries = async (code: string): Promise<any[]> => (await listPayments(server, citizen, code)).entries;

describe('online payment through the national payment platform', () => {
  test('INIT carries the receipt; a verified confirm records the payment once', async () => {
    const code = await awaitingPayment(2);
    const started = await startPayment(code);
    assert.equal(started.amount_vnd, 16_000);
    const held = (await platform.state()).transactions.find((t) => t.reference === started.reference);
    assert.ok(held, 'the platform holds the order after INIT');
    assert.equal(held.amount, 16_000);
    assert.equal((held.receipt as any).MaHoSo, code);
    const settled = await platform.settle(started.reference, 'success');
    assert.equal(settled.confirms[0]?.error_code, '0', JSON.stringify(settled.confirms));
    const paid = (await getDossier(server, citizen, code)).body;
    assert.equal(paid.status, IN_PROCESSING);
    assert.equal(paid.paid_total, 16_000);
    assert.equal(paid.payment_channel, 'online_dvcqg');
    assert.equal((await platform.replayConfirm(started.reference)).error_code, '0');
    // The simulator raises SoTien after signing: the signature no longer verifies.
    assert.equal((await platform.replayConfirm(started.reference, 'amount')).error_code, '1');
    assert.equal((await platform.replayConfirm(started.reference, 'signature')).error_code, '1');
    const listed = await entries(code);
    assert.deepEqual(listed.map((entry) => [entry.channel, entry.amount_vnd, entry.gateway_txn]),
      [['payment_platform', 16_000, settled.transaction.transaction_id]]);
  });

  test('a cancelled payment records nothing; the applicant may try again', async () => {
    const code = await awaitingPayment(1);
    const first = await startPayment(code);
    const cancelled = await platform.settle(first.reference, 'cancel');
    assert.equal(cancelled.confirms[0]?.error_code, '0');
    assert.equal((await getDossier(server, citizen, code)).body.status, AWAITING_PAYMENT);
    assert.deepEqual(await entries(code), []);
    const second = await startPayment(code);
    assert.notEqual(second.reference, first.reference);
    await platform.settle(second.reference, 'success');
    assert.equal((await getDossier(server, citizen, code)).body.status, IN_PROCESSING);
    assert.equal((await entries(code)).length, 1);
  });

  test('a lost confirm is recovered by the outbox asking QUERY', async () => {
    const code = await awaitingPayment(1);
    const started = await startPayment(code);
    const settled = await platform.settle(started.reference, 'success', 'lost');
    assert.equal(settled.confirms.length, 0);
    const until = Date.now() + 15_000;
    let status = AWAITING_PAYMENT;
    while (status !== IN_PROCESSING && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await getDossier(server, citizen, code)).body.status;
    }
    assert.equal(status, IN_PROCESSING, 'the outbox found the payment');
    assert.equal((await entries(code)).length, 1);
  });
});
