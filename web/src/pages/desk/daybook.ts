// Pure helpers of the day's book page (sổ thu, docs/payments.md §5) — no DOM, no Preact — so they
// run under `node --test`: who is offered it, which agencies and day it shows, and its figures.
import type { components } from '../../api/schema.ts';
import { formatVnd } from '../../format.ts';
import { catalogs, type Lang } from '../../i18n/catalog.ts';

type Role = components['schemas']['Role'];
type RoleGrant = components['schemas']['RoleGrant'];
type DaybookEntry = components['schemas']['Daybook']['entries'][number];
type DaybookChannel = components['schemas']['Daybook']['channels'][number];

export const DAYBOOK_PATH = '/thu-phi/so-thu';

/** The officers the navigation offers the book to: those who collect payments and the heads who
 * check them. */
export const DAYBOOK_NAV_ROLES: readonly Role[] = ['cashier', 'clerk', 'head'];

/** The grants whose agency's book may be read: the collectors, and whoever reads the agency's
 * indicators (heads, administrators, auditors). */
const DAYBOOK_ROLES: readonly Role[] = ['cashier', 'clerk', 'head', 'agency_admin', 'province_admin', 'auditor'];

/** The agencies whose book the officer may ask for, in the order of their grants (the first is
 * the default); the officer's own agency when no grant names one. */
export function daybookAgencies(roles: readonly RoleGrant[], ownAgency: string | null = null): string[] {
  const out: string[] = [];
  for (const g of roles) {
    if (g.agency && DAYBOOK_ROLES.includes(g.role) && !out.includes(g.agency)) out.push(g.agency);
  }
  if (out.length === 0 && ownAgency) out.push(ownAgency);
  return out;
}

/** The day in Vietnam (UTC+7, no daylight saving) at `nowMs`, as YYYY-MM-DD. */
export function vietnamDate(nowMs: number): string {
  return new Date(nowMs + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Whether `s` is a calendar day written YYYY-MM-DD (what the server takes as `date`). */
export function isIsoDate(s: string | null | undefined): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The page's address for an agency and a day (either left out: the default). */
export function daybookHref(agency: string | null, date: string | null): string {
  const sp = new URLSearchParams();
  if (agency) sp.set('co-quan', agency);
  if (date) sp.set('ngay', date);
  const q = sp.toString();
  return q ? `${DAYBOOK_PATH}?${q}` : DAYBOOK_PATH;
}

/** An entry's amount as it counts in the day's net: a refund is money paid out. */
export function signedAmount(e: Pick<DaybookEntry, 'kind' | 'amount_vnd'>): number {
  return e.kind === 'refund' ? -e.amount_vnd : e.amount_vnd;
}

/** A channel's net: what it took less what it paid back. */
export function channelNet(c: Pick<DaybookChannel, 'payments_vnd' | 'refunds_vnd'>): number {
  return c.payments_vnd - c.refunds_vnd;
}

/** How many entries the channels count together. */
export function totalCount(channels: readonly Pick<DaybookChannel, 'count'>[]): number {
  return channels.reduce((n, c) => n + c.count, 0);
}

/** An amount of the book: "58.000 ₫", "0 ₫" (not "free": a total may be nil), "-8.000 ₫". */
export function bookAmount(n: number, lang: Lang = 'vi'): string {
  return n ? formatVnd(n, lang) : catalogs[lang].currencyFormat('0');
}
