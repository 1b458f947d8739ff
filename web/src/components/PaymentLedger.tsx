// A dossier's ledger on its payment panel: every payment and refund, each payment with its
// e-receipts (biên lai) and, once paid back, its refund; each refund with its reason and the
// payment it pays back. To whoever collects payments, a refund form per payment not refunded yet.
import { useState } from 'preact/hooks';
import type { LedgerEntry } from '../api/index.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.ts';
import { bookAmount } from '../pages/desk/daybook.ts';
import { paymentReceiptPath } from '../pages/desk/paymentReceipt.ts';
import { refundable, refundsByPayment } from '../refunds.ts';
import { LedgerKind } from './LedgerKind.tsx';
import { Link } from './Link.tsx';
import { RefundForm } from './RefundForm.tsx';

export function PaymentLedger({ entries, canRefund, onRefunded }: { entries: LedgerEntry[]; canRefund: boolean; onRefunded: () => void }) {
  const { t, lang } = useI18n();
  const money = (n: number) => bookAmount(n, lang);
  const [open, setOpen] = useState<number | null>(null);
  const [done, setDone] = useState<LedgerEntry | null>(null);
  const refunds = refundsByPayment(entries);
  const opened = entries.find((e) => e.id === open && refundable(e, refunds)) ?? null;
  const withActions = entries.some((e) => e.kind === 'payment');

  return (
    <div class="pay-ledger">
      <h3 id="pay-ledger-h">{t.ledgerTitle}</h3>
      {done && (
        <p class="state state-ok" role="status">
          {t.refundDone(money(done.amount_vnd))}
        </p>
      )}
      {entries.length === 0 ? (
        <p>{t.ledgerEmpty}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="pay-ledger-h" tabIndex={0}>
          <table class="stack pay-ledger-table" aria-labelledby="pay-ledger-h">
            <thead>
              <tr>
                <th scope="col">{t.ledgerDate}</th>
                <th scope="col">{t.ledgerKindCol}</th>
                <th scope="col">{t.ledgerChannel}</th>
                <th scope="col" class="num">
                  {t.ledgerAmount}
                </th>
                <th scope="col">{t.ledgerTxn}</th>
                {withActions && <th scope="col">{t.ledgerActions}</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const refund = e.kind === 'payment' ? refunds.get(e.id) : undefined;
                return (
                  <tr key={e.id} data-entry-id={e.id} data-entry-channel={e.channel} data-entry-kind={e.kind} data-refunded={refund ? 'true' : undefined}>
                    <td data-label={t.ledgerDate}>
                      <time dateTime={e.business_date}>{formatDate(e.business_date, lang)}</time>
                    </td>
                    <td data-label={t.ledgerKindCol}>
                      <LedgerKind entry={e}>
                        {refund && <span class="note refunded-note">{t.refundedNote(money(refund.amount_vnd))}</span>}
                      </LedgerKind>
                    </td>
                    <td data-label={t.ledgerChannel}>{t.ledgerChannels[e.channel] ?? e.channel}</td>
                    <td data-label={t.ledgerAmount} class="num">
                      {money(e.amount_vnd)}
                    </td>
                    <td data-label={t.ledgerTxn}>{e.gateway_txn ? <span class="code">{e.gateway_txn}</span> : '—'}</td>
                    {withActions && (
                      <td data-label={t.ledgerActions}>
                        {e.kind === 'payment' ? (
                          <span class="ledger-actions">
                            <Link href={paymentReceiptPath(e.id)} class="bill-link">
                              {t.billLink}
                              <span class="visually-hidden"> {t.billLinkOf(money(e.amount_vnd), formatDate(e.business_date, lang))}</span>
                            </Link>
                            {canRefund && refundable(e, refunds) && (
                              <button
                                type="button"
                                class="btn btn-secondary refund-open"
                                aria-expanded={open === e.id}
                                aria-controls={open === e.id ? `refund-${e.id}-form` : undefined}
                                onClick={() => {
                                  setOpen(open === e.id ? null : e.id);
                                  setDone(null);
                                }}
                              >
                                {t.refundButton}
                                <span class="visually-hidden"> {t.refundButtonOf(e.id)}</span>
                              </button>
                            )}
                          </span>
                        ) : (
                          '—'
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canRefund && opened && (
        <RefundForm
          key={opened.id}
          payment={opened}
          money={money}
          onCancel={() => setOpen(null)}
          onDone={(r) => {
            setOpen(null);
            setDone(r);
            onRefunded();
          }}
        />
      )}
    </div>
  );
}
