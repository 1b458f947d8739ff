// Payments: a dossier's payment orders, its ledger and the gateways offered; paying the open
// order online (the answer is the gateway's pay page, where the browser is sent); a payment's
// e-receipts and its refund; an agency's day book (sổ thu) and its daily closing; a gateway's
// reconciliation with the ledger.
import { queryString, request, type Query, type Schemas } from './client.ts';

export type DossierPayments = Schemas['DossierPayments'];
export type PaymentOrder = Schemas['PaymentOrder'];
export type PaymentOrderItem = PaymentOrder['items'][number];
export type LedgerEntry = Schemas['LedgerEntry'];
export type PaymentStart = Schemas['PaymentStart'];
export type PaymentStarted = Schemas['PaymentStarted'];
export type PaymentGateway = PaymentStart['gateway'];
export type Daybook = Schemas['Daybook'];
export type DaybookEntry = Daybook['entries'][number];
export type DaybookChannel = Daybook['channels'][number];
export type DaybookQuery = Query<'getDaybook'>;
export type DaybookClosing = Schemas['DaybookClosing'];
export type DaybookClosingRequest = Schemas['DaybookClosingRequest'];
export type PaymentReceipts = Schemas['PaymentReceipts'];
export type Receipt = Schemas['Receipt'];
export type ReceiptLine = Receipt['lines'][number];
export type RefundRequest = Schemas['RefundRequest'];
/** How a refund is paid back (cash unless said otherwise). */
export type RefundMethod = NonNullable<RefundRequest['method']>;
export type PaymentReconciliation = Schemas['PaymentReconciliation'];
export type ReconciliationItem = Schemas['ReconciliationItem'];
export type UnappliedCredit = PaymentReconciliation['unapplied'][number];
export type ReconciliationQuery = Query<'getPaymentReconciliation'>;
export type ReconciledGateway = ReconciliationQuery['gateway'];
/** How a payment taken at the desk was paid (the `pay` action's `method`). */
export type DeskPayMethod = NonNullable<Schemas['DossierActionRequest']['method']>;

/** The pay page's language: `vn` or `en` (the gateways' codes, not the UI's). */
export type PaymentLocale = NonNullable<PaymentStart['locale']>;

const paymentsPath = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}/payments`;

/** The dossier's payment orders (newest first), ledger rows and online gateways. */
export function getDossierPayments(code: string, signal?: AbortSignal): Promise<DossierPayments> {
  return request(paymentsPath(code), { signal });
}

/** Reissues the open payment order for `gateway` (the applicant only, while the dossier awaits
 * payment); the caller sends the browser to `pay_url`. */
export function startPayment(code: string, gateway: PaymentGateway, locale?: PaymentLocale): Promise<PaymentStarted> {
  const body: PaymentStart = locale ? { gateway, locale } : { gateway };
  return request(paymentsPath(code), { method: 'POST', body });
}

/** Every payment and refund the agency (and the units under it) recorded on one day in Vietnam,
 * with the totals per channel (cashiers, clerks who collect, heads; others: 403). */
export function getDaybook(q: DaybookQuery, signal?: AbortSignal): Promise<Daybook> {
  return request(`/api/v1/payments/daybook${queryString({ ...q })}`, { signal });
}

/** Closes the agency's book of a day (default today) with the cash counted; 409 already_closed. */
export function closeDaybook(body: DaybookClosingRequest): Promise<DaybookClosing> {
  return request('/api/v1/payments/daybook/closings', { method: 'POST', body });
}

/** A payment's e-receipts (biên lai): the phí and the lệ phí ones apart, with a refund noted. */
export function getPaymentReceipts(id: number, signal?: AbortSignal): Promise<PaymentReceipts> {
  return request(`/api/v1/payments/${encodeURIComponent(String(id))}/receipts`, { signal });
}

/** The payment's receipts as one PDF, a receipt an A4 page (same rules as getPaymentReceipts). */
export function paymentReceiptsPdfUrl(id: number): string {
  return `/api/v1/payments/${encodeURIComponent(String(id))}/receipts?format=pdf`;
}

/** Pays back all or part of a payment (cashiers, clerks who collect); the answer is the refund's
 * ledger row. 400 invalid_refund names the field in `param`; 409 already_refunded. */
export function refundPayment(id: number, body: RefundRequest): Promise<LedgerEntry> {
  return request(`/api/v1/payments/${encodeURIComponent(String(id))}/refunds`, { method: 'POST', body });
}

/** A gateway's report of a day against the ledger (province administrators, auditors);
 * 503 gateway_unavailable when the gateway's report cannot be had. */
export function getReconciliation(q: ReconciliationQuery, signal?: AbortSignal): Promise<PaymentReconciliation> {
  return request(`/api/v1/payments/reconciliation${queryString({ ...q })}`, { signal });
}
