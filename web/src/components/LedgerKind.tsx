// What a ledger row is, as the dossier's ledger and the day book show it: payment or refund, a
// refund's reason and the payment it pays back (a link to that payment's receipt). `children`
// adds a note after them.
import type { ComponentChildren } from 'preact';
import type { LedgerEntry } from '../api/index.ts';
import { useI18n } from '../i18n/index.ts';
import { paymentReceiptPath } from '../pages/desk/paymentReceipt.ts';
import { Link } from './Link.tsx';

export function LedgerKind({ entry: e, children }: { entry: LedgerEntry; children?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <span>
      {t.ledgerKind[e.kind] ?? e.kind}
      {e.reason && <span class="note muted">{e.reason}</span>}
      {e.refund_of !== null && (
        <Link href={paymentReceiptPath(e.refund_of)} class="note">
          {t.refundOf(e.refund_of)}
        </Link>
      )}
      {children}
    </span>
  );
}
