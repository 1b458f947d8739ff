// A payment's e-receipts (biên lai, GET /api/v1/payments/{id}/receipts): the phí receipt and the
// lệ phí receipt apart, each a document of its own with its lines, total and total in words, and
// the refund when there was one. For whoever may read the dossier, its applicant first. Prints on
// A5, one receipt a page.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { getPaymentReceipts, paymentReceiptsPdfUrl, type PaymentReceipts, type Receipt } from '../../api/index.ts';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { catalogs, useI18n } from '../../i18n/index.ts';
import { dossierPath, navigate, useLocation } from '../../router.ts';
import { useSession } from '../../session.ts';
import { bookAmount } from './daybook.ts';
import { receiptTitles, refundExtent } from './paymentReceipt.ts';
import './bill.css';

export function PaymentReceiptPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { path } = useLocation();
  const loaded = useLoad(String(id), (signal) => getPaymentReceipts(id, signal), !!me);
  const set = loaded.loading ? null : loaded.data;
  useDocumentTitle(t.billPageTitle(id));

  useEffect(() => {
    if (me === null) navigate(`/dang-nhap?next=${encodeURIComponent(path)}`, { replace: true });
  }, [me, path]);

  return (
    <section class="bill-page" aria-labelledby="bill-page-h">
      <div class="receipt-tools no-print">
        <h1 id="bill-page-h" class="bill-page-title">
          {t.billPageTitle(id)}
        </h1>
        {set && set.receipts.length > 0 && (
          <div class="button-row">
            <a class="btn btn-primary" href={paymentReceiptsPdfUrl(id)} target="_blank" rel="noopener" data-testid="bill-pdf">
              {t.billPdf}
            </a>
            <button type="button" class="btn" onClick={() => window.print()}>
              {t.billPrint}
            </button>
          </div>
        )}
      </div>
      {set && (
        <p class="no-print">
          <Link href={dossierPath(set.payment.dossier)}>← {t.dossierTitle(set.payment.dossier)}</Link>
        </p>
      )}
      {(me === undefined || loaded.loading) && <Loading />}
      {!loaded.loading && loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} notFoundTitle={t.errorTitle} />}
      {set && loaded.error === null && set.receipts.length === 0 && <p class="state">{t.billNone}</p>}
      {set && loaded.error === null && set.receipts.map((r) => <ReceiptDocument key={r.kind} set={set} receipt={r} />)}
    </section>
  );
}

/** One receipt as a document: its title in Vietnamese (official) with the English under it. */
function ReceiptDocument({ set, receipt: r }: { set: PaymentReceipts; receipt: Receipt }) {
  const { t, lang } = useI18n();
  const money = (n: number) => bookAmount(n, lang);
  const p = set.payment;
  const titles = receiptTitles(r.kind);
  const h = `bill-${r.kind}-h`;
  const extent = refundExtent(set);
  return (
    <article class="bill" aria-labelledby={h} data-receipt-kind={r.kind} data-receipt-number={r.number}>
      <header class="slip-head">
        <p class="slip-agency">{set.agency.name || set.agency.code}</p>
        <div lang="vi">
          <p class="slip-motto-1">{catalogs.vi.nationalMotto}</p>
          <p class="slip-motto-2">{catalogs.vi.nationalMotto2}</p>
        </div>
      </header>
      <h2 id={h} class="bill-title">
        <span lang="vi">{titles.vi}</span>
        <span class="bill-title-en" lang="en">
          {titles.en}
        </span>
      </h2>
      <p class="bill-number">
        {t.billNumber}: <strong class="code" data-testid="bill-number">{r.number}</strong>
      </p>
      <dl class="slip-fields bill-fields">
        <Field label={t.billAgency} wide>
          {set.agency.name || set.agency.code} <span class="code small">({set.agency.code})</span>
        </Field>
        <Field label={t.billPayer}>{set.payer.name}</Field>
        {set.payer.address && <Field label={t.billPayerAddress}>{set.payer.address}</Field>}
        <Field label={t.dossierCode}>
          <span class="code">{p.dossier}</span>
        </Field>
        <Field label={t.procedure} wide>
          {set.procedure.name ? (
            <>
              {set.procedure.name} <span class="code small">({set.procedure.code})</span>
            </>
          ) : (
            <span class="code">{set.procedure.code}</span>
          )}
        </Field>
        {set.reference && (
          <Field label={t.paymentReference}>
            <span class="code">{set.reference}</span>
          </Field>
        )}
        <Field label={t.ledgerChannel}>{t.ledgerChannels[p.channel] ?? p.channel}</Field>
        {p.gateway_txn && (
          <Field label={t.ledgerTxn}>
            <span class="code">{p.gateway_txn}</span>
          </Field>
        )}
        <Field label={t.billPaidAt}>
          <time dateTime={p.recorded_at}>{formatDateTime(p.recorded_at, lang)}</time>
        </Field>
      </dl>
      <table class="bill-lines">
        <caption>{t.billLines}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t.billLineNo}
            </th>
            <th scope="col">{t.feeName}</th>
            <th scope="col" class="num">
              {t.ledgerAmount}
            </th>
          </tr>
        </thead>
        <tbody>
          {r.lines.map((l, i) => (
            <tr key={`${l.code ?? ''}-${i}`}>
              <td class="num">{i + 1}</td>
              <td>
                <span lang="vi">{l.name}</span>
                {l.code && <span class="note muted code">{l.code}</span>}
              </td>
              <td class="num">{money(l.amount_vnd)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t.paymentTotal}
            </th>
            <td class="num" data-testid="bill-total">
              <strong>{money(r.total_vnd)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      <p class="bill-words">
        {t.billInWords}:{' '}
        <strong lang="vi" data-testid="bill-words">
          {r.total_in_words}
        </strong>
      </p>
      {extent !== 'none' && (
        <p class="bill-refunded" data-testid="bill-refunded">
          {t.billRefunded(money(set.refunded_vnd), formatDateTime(set.refunded_at, lang), extent === 'whole')}
        </p>
      )}
      <p class="bill-foot small">{t.billElectronic}</p>
    </article>
  );
}

function Field({ label, wide, children }: { label: string; wide?: boolean; children: ComponentChildren }) {
  return (
    <div class={wide ? 'wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
