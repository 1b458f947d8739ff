// One reconciliation as the page shows it: the totals of both sides, whether they balance, then
// what the gateway took that the ledger lacks, what the ledger holds that the gateway does not
// report, what differs, what matched (collapsed), and the dossiers with credit to pay back.
import type { ComponentChildren } from 'preact';
import type { PaymentReconciliation, ReconciliationItem, UnappliedCredit } from '../../api/index.ts';
import { Link } from '../../components/Link.tsx';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';
import { dossierPath } from '../../router.ts';
import { bookAmount } from './daybook.ts';
import { paymentReceiptPath } from './paymentReceipt.ts';
import { findingCount, mismatchOf, totalsGap } from './reconciliation.ts';

type Group = 'missing' | 'extra' | 'mismatched' | 'matched';

export function ReconciliationResult({ r, gatewayName }: { r: PaymentReconciliation; gatewayName: string }) {
  const { t, lang } = useI18n();
  const money = (n: number) => bookAmount(n, lang);
  const gap = totalsGap(r);
  return (
    <div class="recon" data-gateway={r.gateway} data-date={r.date} data-balanced={String(r.balanced)}>
      <h2 id="recon-result-h">{t.reconHeading(gatewayName, formatDate(r.date, lang))}</h2>
      {r.balanced ? (
        <p class="state state-ok recon-banner" role="status">
          {t.reconBalanced}
        </p>
      ) : (
        <div class="state state-error recon-banner" role="status">
          <p class="state-title">{t.reconUnbalanced(findingCount(r))}</p>
        </div>
      )}

      <div class="table-wrap" role="region" aria-labelledby="recon-totals-cap" tabIndex={0}>
        <table class="recon-totals">
          <caption id="recon-totals-cap">{t.reconTotals}</caption>
          <thead>
            <tr>
              <th scope="col">{t.reconSide}</th>
              <th scope="col" class="num">
                {t.daybookCount}
              </th>
              <th scope="col" class="num">
                {t.reconTotal}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t.reconGatewaySide}</th>
              <td class="num" id="recon-gateway-count">
                {r.gateway_count}
              </td>
              <td class="num" id="recon-gateway-total">
                {money(r.gateway_total_vnd)}
              </td>
            </tr>
            <tr>
              <th scope="row">{t.reconLedgerSide}</th>
              <td class="num" id="recon-ledger-count">
                {r.ledger_count}
              </td>
              <td class="num" id="recon-ledger-total">
                {money(r.ledger_total_vnd)}
              </td>
            </tr>
          </tbody>
          <tfoot>
            <tr class={gap ? 'recon-gap' : undefined}>
              <th scope="row">{t.reconGap}</th>
              <td class="num">{r.gateway_count - r.ledger_count}</td>
              <td class="num" id="recon-gap">
                {money(gap)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>

      <ItemGroup group="missing" title={t.reconMissing} items={r.missing} />
      <ItemGroup group="extra" title={t.reconExtra} items={r.extra} />
      <ItemGroup group="mismatched" title={t.reconMismatched} items={r.mismatched} />
      <ItemGroup group="matched" title={t.reconMatched} items={r.matched} collapsed />
      <UnappliedGroup items={r.unapplied} />
    </div>
  );
}

function GroupFrame({ id, title, count, children }: { id: string; title: string; count: number; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <section class="recon-group" data-group={id} data-count={count} aria-labelledby={`recon-${id}-h`}>
      <h3 id={`recon-${id}-h`}>{t.reconCaption(title, count)}</h3>
      {count === 0 ? <p class="muted">{t.reconNone}</p> : children}
    </section>
  );
}

function ItemGroup({ group, title, items, collapsed }: { group: Group; title: string; items: ReconciliationItem[]; collapsed?: boolean }) {
  const { t } = useI18n();
  const table = <ItemsTable group={group} items={items} />;
  return (
    <GroupFrame id={group} title={title} count={items.length}>
      {collapsed ? (
        <details class="recon-details">
          <summary>{t.reconShowMatched(items.length)}</summary>
          {table}
        </details>
      ) : (
        table
      )}
    </GroupFrame>
  );
}

function ItemsTable({ group, items }: { group: Group; items: ReconciliationItem[] }) {
  const { t, lang } = useI18n();
  const money = (n: number | null) => (n === null ? '—' : bookAmount(n, lang));
  const code = (s: string | null) => (s ? <span class="code">{s}</span> : '—');
  const h = `recon-${group}-h`;
  return (
    <div class="table-wrap" role="region" aria-labelledby={h} tabIndex={0}>
      <table class="stack recon-table" aria-labelledby={h}>
        <thead>
          <tr>
            <th scope="col">{t.paymentReference}</th>
            <th scope="col">{t.dossierCode}</th>
            <th scope="col">{t.reconGatewayTxn}</th>
            <th scope="col" class="num">
              {t.reconGatewayAmount}
            </th>
            <th scope="col">{t.reconLedgerId}</th>
            <th scope="col">{t.reconLedgerTxn}</th>
            <th scope="col" class="num">
              {t.reconLedgerAmount}
            </th>
            <th scope="col">{t.reconRecordedOn}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i, n) => {
            const differs = group === 'mismatched' ? mismatchOf(i) : { amount: false, txn: false };
            return (
              <tr key={`${i.reference ?? ''}-${i.ledger_id ?? ''}-${n}`} data-reference={i.reference ?? undefined}>
                <td data-label={t.paymentReference}>{code(i.reference)}</td>
                <td data-label={t.dossierCode}>
                  {i.dossier ? (
                    <Link href={dossierPath(i.dossier)} class="code">
                      {i.dossier}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label={t.reconGatewayTxn} class={differs.txn ? 'recon-diff' : undefined}>
                  {code(i.gateway_txn)}
                </td>
                <td data-label={t.reconGatewayAmount} class={`num${differs.amount ? ' recon-diff' : ''}`}>
                  {money(i.gateway_amount_vnd)}
                </td>
                <td data-label={t.reconLedgerId}>
                  {i.ledger_id !== null ? (
                    <Link href={paymentReceiptPath(i.ledger_id)} class="code">
                      {String(i.ledger_id)}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label={t.reconLedgerTxn} class={differs.txn ? 'recon-diff' : undefined}>
                  {code(i.ledger_txn)}
                </td>
                <td data-label={t.reconLedgerAmount} class={`num${differs.amount ? ' recon-diff' : ''}`}>
                  {money(i.ledger_amount_vnd)}
                </td>
                <td data-label={t.reconRecordedOn}>{i.recorded_on ? formatDate(i.recorded_on, lang) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function UnappliedGroup({ items }: { items: UnappliedCredit[] }) {
  const { t, lang } = useI18n();
  const money = (n: number) => bookAmount(n, lang);
  return (
    <GroupFrame id="unapplied" title={t.reconUnapplied} count={items.length}>
      <div class="table-wrap" role="region" aria-labelledby="recon-unapplied-h" tabIndex={0}>
        <table class="stack recon-table" aria-labelledby="recon-unapplied-h">
          <thead>
            <tr>
              <th scope="col">{t.dossierCode}</th>
              <th scope="col" class="num">
                {t.reconLedgerPaid}
              </th>
              <th scope="col" class="num">
                {t.reconDossierPaid}
              </th>
              <th scope="col" class="num">
                {t.reconUnappliedVnd}
              </th>
              <th scope="col" class="num">
                {t.daybookRefunded}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.dossier} data-dossier={u.dossier}>
                <td data-label={t.dossierCode}>
                  <Link href={dossierPath(u.dossier)} class="code">
                    {u.dossier}
                  </Link>
                </td>
                <td data-label={t.reconLedgerPaid} class="num">
                  {money(u.ledger_paid_vnd)}
                </td>
                <td data-label={t.reconDossierPaid} class="num">
                  {money(u.dossier_paid_vnd)}
                </td>
                <td data-label={t.reconUnappliedVnd} class="num recon-diff">
                  {money(u.unapplied_vnd)}
                </td>
                <td data-label={t.daybookRefunded} class="num">
                  {money(u.refunded_vnd)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </GroupFrame>
  );
}
