// Pure helpers of the dossier page's payment panel (no DOM, no Preact) so they run under
// `node --test`: which order to show, who may pay or collect, the wait for a gateway's
// confirmation after the browser comes back from it (docs/payments.md §3), and the desk's pay
// form (§4).
import type { components } from './api/schema.ts';
import type { Lang } from './i18n/catalog.ts';

type DossierPayments = components['schemas']['DossierPayments'];
type PaymentOrder = components['schemas']['PaymentOrder'];
type PaymentLocale = NonNullable<components['schemas']['PaymentStart']['locale']>;
type DeskPayMethod = NonNullable<components['schemas']['DossierActionRequest']['method']>;
type Role = components['schemas']['Role'];
type RoleGrant = components['schemas']['RoleGrant'];

/** Dossier status 6, "Yêu cầu thực hiện nghĩa vụ tài chính": the only one paid online. */
export const AWAITING_PAYMENT = 6;
/** Back from a gateway, the dossier and its payments are asked again this often… */
export const PAYMENT_POLL_MS = 2_000;
/** …for this long at most. */
export const PAYMENT_WAIT_MS = 30_000;

/** The order the panel shows: the open one, else the last paid one (orders come newest first);
 * null when there is neither (none yet, or only cancelled ones). */
export function currentOrder(p: DossierPayments | null): PaymentOrder | null {
  if (!p) return null;
  return p.orders.find((o) => o.status === 'open') ?? p.orders.find((o) => o.status === 'paid') ?? null;
}

/** Whether the panel has anything to show: a fee, or orders or ledger rows already. */
export function hasPayments(feeTotal: number, p: DossierPayments | null): boolean {
  return feeTotal > 0 || (!!p && (p.orders.length > 0 || p.entries.length > 0));
}

/** Whether the pay buttons are offered: to the applicant, while the dossier awaits payment,
 * through the gateways the server offers. */
export function canPayOnline(applicant: boolean, status: number, p: DossierPayments | null): boolean {
  return applicant && status === AWAITING_PAYMENT && !!p && p.gateways.length > 0;
}

/** The roles that carry collect_payment (over their agency's subtree): they take payments at the
 * desk, pay them back and close the day's book. */
export const COLLECT_ROLES: readonly Role[] = ['cashier', 'clerk'];

/** Whether any of the grants collects payments (where: the server checks the agency). */
export function mayCollect(roles: readonly RoleGrant[]): boolean {
  return roles.some((g) => COLLECT_ROLES.includes(g.role));
}

/** The gateways' pay-page language for the UI language. */
export function paymentLocale(lang: Lang): PaymentLocale {
  return lang === 'en' ? 'en' : 'vn';
}

/** Back from a gateway: `waiting` while the dossier still awaits payment, `received` once it
 * moved on with a paid order, null when it moved on otherwise (nothing to announce). */
export function returnState(status: number, p: DossierPayments): 'waiting' | 'received' | null {
  if (status === AWAITING_PAYMENT) return 'waiting';
  return p.orders.some((o) => o.status === 'paid') ? 'received' : null;
}

/** The delay before the next check of a wait that started at `startedAt`, or null when the
 * next one would come after PAYMENT_WAIT_MS. */
export function nextPollDelay(startedAt: number, now: number): number | null {
  return now + PAYMENT_POLL_MS - startedAt <= PAYMENT_WAIT_MS ? PAYMENT_POLL_MS : null;
}

/** The gateway's pay page as an absolute http(s) URL, or null for anything else (the browser
 * is sent there: never to a javascript: or data: URL). */
export function safePayUrl(url: string, base: string): string | null {
  try {
    const u = new URL(url, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** How a payment is taken at the desk, in the order the pay form offers them. */
export const DESK_PAY_METHODS: readonly DeskPayMethod[] = ['cash', 'card', 'transfer'];

/** A card slip or transfer reference: 1–64 letters, digits and `. _ / -` (the server's
 * ^[A-Za-z0-9._/-]{1,64}$). Written for an <input pattern>, which browsers compile with the
 * `v` flag: there `/` and `-` must be escaped inside a class. */
export const DESK_REFERENCE_PATTERN = '[A-Za-z0-9._\\/\\-]{1,64}';
const DESK_REFERENCE = new RegExp(`^(?:${DESK_REFERENCE_PATTERN})$`, 'u');

/** Card and transfer payments name their slip or transfer reference; cash does not. */
export function needsReference(method: DeskPayMethod): boolean {
  return method === 'card' || method === 'transfer';
}

/** Whether `reference` (already trimmed) is one the server takes. */
export function validReference(reference: string): boolean {
  return DESK_REFERENCE.test(reference);
}

/** What is still to pay on a dossier: its fees less what was paid, never below zero. */
export function outstandingVnd(feeTotal: number, paidTotal: number): number {
  return Math.max(0, feeTotal - paidTotal);
}

/** A typed amount of đồng: digits, optionally grouped by thousands with `.`, `,` or spaces
 * ("58.000", "58,000", "58 000"); null for anything else, zero included ("58.5" is not 585). */
export function parseVndAmount(text: string): number | null {
  const s = text.trim();
  if (!/^\d+$/.test(s) && !/^\d{1,3}([.,\s])\d{3}(?:\1\d{3})*$/u.test(s)) return null;
  const n = Number(s.replace(/[.,\s]/gu, ''));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** The longest refund reason or closing note the server takes, in UTF-8 bytes. */
export const MAX_NOTE_BYTES = 1000;

/** The length of `text` in UTF-8 bytes (what the server counts; a Vietnamese letter takes 2–3). */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
