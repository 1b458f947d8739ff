// Payments taken at the desk (docs/payments.md §4): the cashier's `pay` with channel desk writes a
// ledger row — cash, or a card or a transfer with its reference — in the action's transaction and
// settles the open order of that amount; a card slip or transfer reference is credited once; a
// card or transfer without its reference is refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { assertProblem } from './support/http.ts';
import { DEMO_LOGINS, FAST_HASHING, call, login, type Session } from './support/auth.ts';
import { act, actOk, getDossier } from './support/dossiers.ts';
import { IN_PROCESSING, awaitingPayment, listPayments } from './support/payments.ts';

let server: RunningServer;
let citizen: Session;
let clerk: Session;
let cashier: Session;

before(async () => {
  server = await startServer({ env: FAST_HASHING, demoEnv: FAST_HASHING });
  citizen = await login(server, DEMO_LOGINS.citizen);
  clerk = await login(server, DEMO_LOGINS.clerk);
  cashier = await login(server, DEMO_LOGINS.cashier);
});
after(async () => {
  await server?.close();
});

const actors = () => ({ citizen, clerk, cashier });

describe('payments at the desk', () => {
  test('cash by default: a ledger row, the order paid, the dossier in processing', async () => {
    const code = await awaitingPayment(server, actors(), 2);
    const paid = await actOk(server, cashier, code, 'pay', { channel: 'desk', amount: 16_000 });
    assert.equal(paid.status, IN_PROCESSING);
    assert.equal(paid.paid_total, 16_000);
    const listed = await listPayments(server, cashier, code);
    assert.deepEqual(listed.entries.map((entry: any) => [entry.kind, entry.channel, entry.amount_vnd, entry.gateway_txn]),
      [['payment', 'cash', 16_000, null]]);
    assert.equal(listed.orders[0].status, 'paid');
    assert.match(listed.entries[0].business_date, /^\d{4}-\d{2}-\d{2}$/);
  });

  test('a transfer reference is credited once; card and transfer need their reference', async () => {
    const first = await awaitingPayment(server, actors(), 1);
    const second = await awaitingPayment(server, actors(), 1);
    assertProblem(await act(server, cashier, first, 'pay', { channel: 'desk', amount: 8000, method: 'card' }),
      400, 'invalid_action_field', 'reference');
    assertProblem(await act(server, cashier, first, 'pay', { channel: 'desk', amount: 8000, method: 'cheque' }),
      400, 'invalid_action_field', 'method');
    assertProblem(await act(server, cashier, first, 'pay',
      { channel: 'desk', amount: 8000, method: 'transfer', reference: 'FT 2634' }), 400, 'invalid_action_field', 'reference');
    const reference = `FT26340${process.pid}`;
    await actOk(server, cashier, first, 'pay', { channel: 'desk', amount: 8000, method: 'transfer', reference });
    // The same bank transfer cannot pay a second dossier: nothing of that action is kept.
    assertProblem(await act(server, cashier, second, 'pay', { channel: 'desk', amount: 8000, method: 'transfer', reference }),
      409, 'already_recorded', 'reference');
    const untouched = (await getDossier(server, citizen, second)).body;
    assert.equal(untouched.paid_total, 0);
    assert.deepEqual((await listPayments(server, cashier, second)).entries, []);
    const card = await actOk(server, cashier, second, 'pay', { channel: 'desk', amount: 8000, method: 'card', reference: 'POS-000123' });
    assert.equal(card.paid_total, 8000);
    const listed = await listPayments(server, citizen, first);
    assert.deepEqual(listed.entries.map((entry: any) => [entry.channel, entry.gateway_txn]), [['transfer', reference]]);
  });

  test('a part payment leaves the order open; the rest settles the dossier', async () => {
    const code = await awaitingPayment(server, actors(), 3);
    // 24,000 đồng due: 10,000 now, in cash (the order of 24,000 stays open) …
    const part = await actOk(server, cashier, code, 'pay', { channel: 'desk', amount: 10_000 });
    assert.equal(part.paid_total, 10_000);
    let listed = await listPayments(server, cashier, code);
    assert.equal(listed.orders[0].status, 'open');
    // … and the rest: the dossier is paid in full and its open order withdrawn.
    await actOk(server, cashier, code, 'pay', { channel: 'desk', amount: 14_000 });
    listed = await listPayments(server, cashier, code);
    assert.deepEqual(listed.entries.map((entry: any) => entry.amount_vnd), [10_000, 14_000]);
    assert.equal(listed.orders[0].status, 'cancelled');
    assertProblem(await act(server, cashier, code, 'pay', { channel: 'desk', amount: 1 }), 400, 'payment_exceeds_due', 'amount');
  });
});

describe('the day\'s book (sổ thu)', () => {
  test('lists the day\'s payments of the ward with totals per channel, for its cashier and head', async () => {
    const code = await awaitingPayment(server, actors(), 1);
    const reference = `POS-${process.pid}-7`;
    await actOk(server, cashier, code, 'pay', { channel: 'desk', amount: 8000, method: 'card', reference });
    const book = await call(server, '/api/v1/payments/daybook?agency=H32.22333', { session: cashier });
    assert.equal(book.status, 200, book.text);
    assert.match(book.body.date, /^\d{4}-\d{2}-\d{2}$/);
    const mine = book.body.entries.filter((entry: any) => entry.dossier === code);
    assert.deepEqual(mine.map((entry: any) => [entry.kind, entry.channel, entry.amount_vnd, entry.gateway_txn, entry.recorded_by]),
      [['payment', 'card', 8000, reference, DEMO_LOGINS.cashier]]);
    const sum = (key: string) => book.body.channels.reduce((total: number, channel: any) => total + channel[key], 0);
    assert.equal(book.body.payments_vnd, sum('payments_vnd'));
    assert.equal(book.body.payments_vnd, book.body.entries.reduce((total: number, entry: any) => total + entry.amount_vnd, 0));
    assert.equal(book.body.net_vnd, book.body.payments_vnd - book.body.refunds_vnd);
    const head = await login(server, DEMO_LOGINS.head);
    assert.equal((await call(server, '/api/v1/payments/daybook?agency=H32.22333', { session: head })).status, 200);
    // Another day is another book; a citizen has none to read.
    const other = await call(server, '/api/v1/payments/daybook?agency=H32.22333&date=2020-01-01', { session: cashier });
    assert.deepEqual([other.body.entries, other.body.payments_vnd], [[], 0]);
    assertProblem(await call(server, '/api/v1/payments/daybook?agency=H32.22333&date=2020-13-01', { session: cashier }),
      400, 'invalid_parameter', 'date');
    assertProblem(await call(server, '/api/v1/payments/daybook?agency=H32.22333', { session: citizen }), 403, 'forbidden');
  });
});
