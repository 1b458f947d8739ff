// Online payment fixtures shared by the payment tests (docs/payments.md §3): a dossier of the
// demo province awaiting payment, a payment started by its applicant, its payments as listed.
import assert from 'node:assert/strict';
import type { RunningServer } from './server.ts';
import { call, type Session } from './auth.ts';
import { actOk, createDossier } from './dossiers.ts';

/** Cấp bản sao trích lục hộ tịch: 8,000 đồng a copy (a phí), commune level, online; its second
 * step is the cashier's (thu lệ phí, phí). */
export const EXTRACT_COPY = '2.000635.000.00.00.H32';
export const AWAITING_PAYMENT = 6;
export const IN_PROCESSING = 4;

/** The demo accounts that take a dossier to payment. */
export interface PaymentActors {
  citizen: Session;
  clerk: Session;
  cashier: Session;
}

/** A dossier of `copies` copies submitted by the citizen, accepted and forwarded by the clerk,
 * whose payment the cashier requested; returns its code. */
export async function awaitingPayment(server: RunningServer, actors: PaymentActors, copies = 1): Promise<string> {
  const dossier = await createDossier(server, actors.citizen, { procedure: EXTRACT_COPY, copies });
  await actOk(server, actors.clerk, dossier.code, 'accept');
  await actOk(server, actors.clerk, dossier.code, 'forward');
  const requested = await actOk(server, actors.cashier, dossier.code, 'request_payment');
  assert.equal(requested.status, AWAITING_PAYMENT);
  return dossier.code;
}

export const paymentsPath = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}/payments`;

export interface StartedPayment {
  reference: string;
  amount_vnd: number;
  gateway: string;
  pay_url: string;
}

/** POST …/payments as the applicant; fails the test unless the answer is 201. */
export async function startPayment(server: RunningServer, applicant: Session, code: string,
  gateway: 'vnpay' | 'payment_platform'): Promise<StartedPayment> {
  const answer = await call(server, paymentsPath(code), { session: applicant, body: { gateway } });
  assert.equal(answer.status, 201, answer.text);
  return answer.body;
}

/** GET …/payments: {gateways, orders, entries}. */
export async function listPayments(server: RunningServer, reader: Session, code: string): Promise<any> {
  const answer = await call(server, paymentsPath(code), { session: reader });
  assert.equal(answer.status, 200, answer.text);
  return answer.body;
}
