// Pure helpers of a payment's e-receipts page (biên lai, /bien-lai/{id}) — no DOM, no Preact — so
// they run under `node --test`: its address, its titles, and what its refund notice says.
import type { components } from '../../api/schema.ts';
import { catalogs } from '../../i18n/catalog.ts';

type PaymentReceipts = components['schemas']['PaymentReceipts'];
type ReceiptKind = components['schemas']['Receipt']['kind'];

export const PAYMENT_RECEIPT_PATH = '/bien-lai';

/** The receipts page of the payment whose ledger id is `id`. */
export function paymentReceiptPath(id: number): string {
  return `${PAYMENT_RECEIPT_PATH}/${id}`;
}

/** The ledger id in a receipts page's path (`/bien-lai/12`, `/bien-lai/12/`), else null. */
export function paymentIdFromPath(path: string): number | null {
  const m = /^\/bien-lai\/([1-9]\d{0,15})\/?$/.exec(path);
  if (!m) return null;
  const id = Number(m[1]);
  return Number.isSafeInteger(id) ? id : null;
}

/** A receipt's title: the official Vietnamese one, and the English one shown under it. */
export function receiptTitles(kind: ReceiptKind): { vi: string; en: string } {
  return { vi: catalogs.vi.billTitle[kind], en: catalogs.en.billTitle[kind] };
}

/** How much of the payment was paid back: none, part of it, or the whole of it. */
export function refundExtent(r: Pick<PaymentReceipts, 'refunded_vnd' | 'payment'>): 'none' | 'part' | 'whole' {
  if (r.refunded_vnd <= 0) return 'none';
  return r.refunded_vnd >= r.payment.amount_vnd ? 'whole' : 'part';
}
