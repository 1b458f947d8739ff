// Pure helpers of refunds (docs/payments.md §4) — no DOM, no Preact — so they run under
// `node --test`: which payments a ledger shows as refunded, which ones may still be paid back,
// and the refund form's check before it is sent.
import type { components } from './api/schema.ts';
import { MAX_NOTE_BYTES, needsReference, parseVndAmount, utf8Length, validReference } from './payments.ts';

type LedgerEntry = components['schemas']['LedgerEntry'];
type RefundRequest = components['schemas']['RefundRequest'];
type RefundMethod = NonNullable<RefundRequest['method']>;

/** How a refund is paid back, in the order the form offers them (cash first, the default). */
export const REFUND_METHODS: readonly RefundMethod[] = ['cash', 'card', 'transfer'];

/** The refund rows of a ledger by the payment each pays back. */
export function refundsByPayment(entries: readonly LedgerEntry[]): Map<number, LedgerEntry> {
  const out = new Map<number, LedgerEntry>();
  for (const e of entries) {
    if (e.kind === 'refund' && e.refund_of !== null) out.set(e.refund_of, e);
  }
  return out;
}

/** Whether `e` is a payment not paid back yet (each payment is refunded once at most). */
export function refundable(e: LedgerEntry, refunds: ReadonlyMap<number, LedgerEntry>): boolean {
  return e.kind === 'payment' && !refunds.has(e.id);
}

/** What the refund form holds, as typed. */
export interface RefundDraft {
  reason: string;
  method: RefundMethod;
  /** The card slip or transfer reference (ignored for cash). */
  reference: string;
  /** Blank: the whole payment. */
  amount: string;
}

export type RefundField = 'reason' | 'amount' | 'reference';

/** The draft as the request to send, or the first field in the way and why. */
export type RefundCheck =
  | { ok: true; request: RefundRequest }
  | { ok: false; field: RefundField; problem: 'required' | 'invalid' | 'too_long' | 'too_much' };

/** Checks a refund of a payment of `paidVnd` đồng as the server would: a reason (≤ 1000 bytes),
 * an amount of 1 đồng up to the payment (blank: all of it), a reference for card and transfer. */
export function checkRefund(d: RefundDraft, paidVnd: number): RefundCheck {
  const reason = d.reason.trim();
  if (!reason) return { ok: false, field: 'reason', problem: 'required' };
  if (utf8Length(reason) > MAX_NOTE_BYTES) return { ok: false, field: 'reason', problem: 'too_long' };
  const request: RefundRequest = { reason, method: d.method };
  if (d.amount.trim()) {
    const amount = parseVndAmount(d.amount);
    if (amount === null) return { ok: false, field: 'amount', problem: 'invalid' };
    if (amount > paidVnd) return { ok: false, field: 'amount', problem: 'too_much' };
    request.amount_vnd = amount;
  }
  if (needsReference(d.method)) {
    const reference = d.reference.trim();
    if (!reference) return { ok: false, field: 'reference', problem: 'required' };
    if (!validReference(reference)) return { ok: false, field: 'reference', problem: 'invalid' };
    request.reference = reference;
  }
  return { ok: true, request };
}

/** The form field a server's `param` names, when the form has it. */
export function refundField(param: string | null): RefundField | null {
  if (param === 'reason' || param === 'reference') return param;
  return param === 'amount' || param === 'amount_vnd' ? 'amount' : null;
}
