// Payments: a dossier's payment orders, its ledger and the gateways offered; paying the open
// order online (the answer is the gateway's pay page, where the browser is sent); an agency's
// day book (sổ thu).
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
