// Pure helpers of the day's closing (chốt sổ, docs/payments.md §5) — no DOM, no Preact — so they
// run under `node --test`: who may close a book, which rows came after its closing, how the cash
// counted compares, and the closing form's check before it is sent.
import type { components } from '../../api/schema.ts';
import { COLLECT_ROLES, MAX_NOTE_BYTES, parseVndAmount, utf8Length } from '../../payments.ts';

type RoleGrant = components['schemas']['RoleGrant'];
type LedgerEntry = components['schemas']['LedgerEntry'];
type DaybookClosing = components['schemas']['DaybookClosing'];
type DaybookClosingRequest = components['schemas']['DaybookClosingRequest'];

/** Whether one of the grants collects payments at `agency`: the grant's own agency, or one above
 * it (`within(agency, ancestor)`, e.g. from the agency tree). */
export function collectsAt(roles: readonly RoleGrant[], agency: string, within: (code: string, ancestor: string) => boolean = () => false): boolean {
  return roles.some((g) => COLLECT_ROLES.includes(g.role) && !!g.agency && (g.agency === agency || within(agency, g.agency)));
}

/** A node of the agency tree, as far as the subtree test needs it. */
export interface AgencyNode {
  code: string;
  children: readonly AgencyNode[];
}

/** Whether `code` is below `node` in the agency tree (not the node itself). */
export function subtreeHas(node: AgencyNode, code: string): boolean {
  return node.children.some((c) => c.code === code || subtreeHas(c, code));
}

/** Whether the book's row `e` was recorded after the closing (rows above its last one). */
export function isAfterClosing(e: Pick<LedgerEntry, 'id'>, closing: Pick<DaybookClosing, 'last_entry_id'> | null): boolean {
  return closing !== null && e.id > closing.last_entry_id;
}

/** How many of the rows came after the closing. */
export function countAfterClosing(entries: readonly Pick<LedgerEntry, 'id'>[], closing: Pick<DaybookClosing, 'last_entry_id'> | null): number {
  return entries.filter((e) => isAfterClosing(e, closing)).length;
}

/** The cash counted against the cash expected (counted − expected): short, over or even. */
export function cashGap(difference: number): 'short' | 'over' | 'even' {
  return difference < 0 ? 'short' : difference > 0 ? 'over' : 'even';
}

/** The cash counted, as typed: whole đồng, zero included (an empty drawer), grouped or not. */
export function parseCashCounted(text: string): number | null {
  return /^\s*0+\s*$/.test(text) ? 0 : parseVndAmount(text);
}

/** What the closing form holds, as typed. */
export interface ClosingDraft {
  counted: string;
  note: string;
}

export type ClosingCheck =
  | { ok: true; request: DaybookClosingRequest }
  | { ok: false; field: 'counted' | 'note'; problem: 'required' | 'invalid' | 'too_long' };

/** Checks the closing of `agency`'s book of `date` as the server would: the cash counted (whole
 * đồng, zero or more), a note of 1000 bytes at most (left out when blank). */
export function checkClosing(d: ClosingDraft, agency: string, date: string): ClosingCheck {
  if (!d.counted.trim()) return { ok: false, field: 'counted', problem: 'required' };
  const counted = parseCashCounted(d.counted);
  if (counted === null) return { ok: false, field: 'counted', problem: 'invalid' };
  const note = d.note.trim();
  if (utf8Length(note) > MAX_NOTE_BYTES) return { ok: false, field: 'note', problem: 'too_long' };
  const request: DaybookClosingRequest = { agency, date, cash_counted_vnd: counted };
  if (note) request.note = note;
  return { ok: true, request };
}
