// Pure helpers of the reconciliation page (đối soát, /thu-phi/doi-soat) — no DOM, no Preact — so
// they run under `node --test`: who is offered it, its address, and its figures.
import type { components, operations } from '../../api/schema.ts';

type Role = components['schemas']['Role'];
type PaymentReconciliation = components['schemas']['PaymentReconciliation'];
type ReconciliationItem = components['schemas']['ReconciliationItem'];
type Gateway = NonNullable<operations['getPaymentReconciliation']['parameters']['query']>['gateway'];

export const RECONCILIATION_PATH = '/thu-phi/doi-soat';

/** Who reads the province's indicators, and so its reconciliation. */
export const RECONCILIATION_ROLES: readonly Role[] = ['province_admin', 'auditor'];

/** The gateways reconciled, in the order offered (the first is the default). */
export const RECONCILED_GATEWAYS: readonly Gateway[] = ['vnpay', 'payment_platform'];

/** The gateway a `cong` parameter names; the default for anything else. */
export function readGateway(param: string | null): Gateway {
  return RECONCILED_GATEWAYS.find((g) => g === param) ?? RECONCILED_GATEWAYS[0]!;
}

/** The page's address for a gateway and a day (either left out: the default). */
export function reconciliationHref(gateway: Gateway | null, date: string | null): string {
  const sp = new URLSearchParams();
  if (gateway && gateway !== RECONCILED_GATEWAYS[0]) sp.set('cong', gateway);
  if (date) sp.set('ngay', date);
  const q = sp.toString();
  return q ? `${RECONCILIATION_PATH}?${q}` : RECONCILIATION_PATH;
}

/** What the gateway reports less what the ledger holds (positive: money the ledger lacks). */
export function totalsGap(r: Pick<PaymentReconciliation, 'gateway_total_vnd' | 'ledger_total_vnd'>): number {
  return r.gateway_total_vnd - r.ledger_total_vnd;
}

/** How many findings call for a check: missing, extra, mismatched and unapplied. */
export function findingCount(r: Pick<PaymentReconciliation, 'missing' | 'extra' | 'mismatched' | 'unapplied'>): number {
  return r.missing.length + r.extra.length + r.mismatched.length + r.unapplied.length;
}

/** Which sides of a mismatched item differ: the amount, the transaction, or both. */
export function mismatchOf(i: Pick<ReconciliationItem, 'gateway_amount_vnd' | 'ledger_amount_vnd' | 'gateway_txn' | 'ledger_txn'>): {
  amount: boolean;
  txn: boolean;
} {
  return {
    amount: i.gateway_amount_vnd !== null && i.ledger_amount_vnd !== null && i.gateway_amount_vnd !== i.ledger_amount_vnd,
    txn: !!i.gateway_txn && !!i.ledger_txn && i.gateway_txn !== i.ledger_txn,
  };
}
