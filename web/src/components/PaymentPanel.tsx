// A dossier's fees and payments: the order to pay item by item, with its lệ phí and phí parts;
// the ledger (payments with their receipts, refunds; PaymentLedger); for the applicant of a
// dossier awaiting payment, one button per online gateway offered. Back from a gateway (?thanh-toan=ve) it waits for the gateway's
// confirmation, which reaches the server directly, never through the browser (docs/payments.md).
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  ActionError,
  getDossier,
  getDossierPayments,
  startPayment,
  type Dossier,
  type DossierPayments,
  type PaymentGateway,
  type PaymentOrder,
} from '../api/index.ts';
import { formatDateTime, formatVnd } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { localized, useI18n } from '../i18n/index.ts';
import { AWAITING_PAYMENT, canPayOnline, currentOrder, hasPayments, mayCollect, nextPollDelay, paymentLocale, returnState, safePayUrl } from '../payments.ts';
import { useLocation } from '../router.ts';
import { isApplicant, isOfficer, useSession } from '../session.ts';
import { PaymentLedger } from './PaymentLedger.tsx';
import { ActionErrorMessage, ErrorMessage, Loading } from './States.tsx';

/** The wait after the browser's return from a gateway. */
type Watch = 'waiting' | 'received' | 'timeout' | null;

export function PaymentPanel({ dossier: d, onChanged }: { dossier: Dossier; onChanged: (d: Dossier) => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { search } = useLocation();
  const code = d.code;
  const returned = search.get('thanh-toan') === 've';
  // Asked again whenever what is owed or paid may have changed (request_payment, pay, …).
  const loaded = useLoad(`${code}|${d.status}|${d.fee_total}|${d.paid_total}`, (s) => getDossierPayments(code, s));
  const payments = loaded.data;
  const setPayments = loaded.set;
  const [watch, setWatch] = useState<Watch>(returned ? 'waiting' : null);
  const [round, setRound] = useState(0);
  // The latest onChanged, for the checks of the wait (a new closure on every render of the page).
  const changed = useRef(onChanged);
  useEffect(() => {
    changed.current = onChanged;
  });

  // Back from the gateway: ask for the dossier and its payments now, then every
  // PAYMENT_POLL_MS for PAYMENT_WAIT_MS at most, until the dossier no longer awaits payment.
  useEffect(() => {
    if (!returned) {
      setWatch(null);
      return;
    }
    setWatch('waiting');
    const ctrl = new AbortController();
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      try {
        const [nd, np] = await Promise.all([getDossier(code, ctrl.signal), getDossierPayments(code, ctrl.signal)]);
        setPayments(np);
        const state = returnState(nd.status, np);
        if (state !== 'waiting') {
          setWatch(state);
          changed.current(nd);
          return;
        }
      } catch (e) {
        if ((e as Error).name === 'AbortError') return;
        // A check that failed (network, server busy) counts as one more unconfirmed check.
      }
      const delay = nextPollDelay(started, Date.now());
      if (delay === null) setWatch('timeout');
      else timer = setTimeout(() => void check(), delay);
    };
    void check();
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [returned, code, round, setPayments]);

  if (!hasPayments(d.fee_total, payments)) return null;
  const order = currentOrder(payments);
  return (
    <section id="payments" class="panel payments-panel" aria-labelledby="payments-h">
      <h2 id="payments-h">{t.paymentsTitle}</h2>
      {watch && (
        <p class={`state pay-return ${watch === 'received' ? 'state-ok' : watch === 'waiting' ? 'state-loading' : ''}`} role="status">
          {watch === 'waiting' && <span class="spinner" aria-hidden="true" />}
          {watch === 'waiting' ? t.payWaiting : watch === 'received' ? t.payReceived : t.payNotConfirmed}
        </p>
      )}
      {watch === 'timeout' && (
        <p>
          <button type="button" class="btn btn-secondary" onClick={() => setRound((r) => r + 1)}>
            {t.payCheckAgain}
          </button>
        </p>
      )}
      {payments === null ? (
        loaded.error !== null ? (
          <ErrorMessage error={loaded.error} onRetry={loaded.reload} notFoundTitle={t.errorTitle} />
        ) : (
          <Loading />
        )
      ) : (
        <>
          {order ? <OrderDetails order={order} /> : <p>{t.paymentNoOrder}</p>}
          {/* Not while a payment may be on its way: a second one would be taken too. */}
          {isApplicant(me) && d.status === AWAITING_PAYMENT && watch !== 'waiting' && (
            <PayButtons dossier={d} payments={payments} onStale={(nd) => changed.current(nd)} />
          )}
          <PaymentLedger entries={payments.entries} canRefund={!!me && isOfficer(me) && mayCollect(me.roles)} onRefunded={loaded.reload} />
        </>
      )}
    </section>
  );
}

/** A zero amount as "0 ₫" here (formatVnd reads 0 as "free", which a part of a total is not). */
function useMoney(): (n: number) => string {
  const { t, lang } = useI18n();
  return (n) => (n ? formatVnd(n, lang) : t.currencyFormat('0'));
}

function OrderDetails({ order }: { order: PaymentOrder }) {
  const { t, lang } = useI18n();
  const money = useMoney();
  const paid = order.status === 'paid';
  return (
    <div class="pay-order" data-order-status={order.status}>
      <h3 id="pay-order-h">{paid ? t.paymentOrderPaid : t.paymentOrderOpen}</h3>
      <p class="muted small">
        {t.paymentReference}: <span class="code">{order.reference}</span> · {t.paymentOrderStatus[order.status] ?? order.status} ·{' '}
        {paid ? t.paymentPaidAt : t.paymentIssuedAt}{' '}
        <time dateTime={(paid && order.paid_at) || order.created_at}>{formatDateTime((paid && order.paid_at) || order.created_at, lang)}</time>
      </p>
      <div class="table-wrap" role="region" aria-labelledby="pay-order-h" tabIndex={0}>
        <table class="stack pay-items" aria-labelledby="pay-order-h">
          <thead>
            <tr>
              <th scope="col">{t.feeName}</th>
              <th scope="col">{t.feeKindCol}</th>
              <th scope="col" class="num">
                {t.paymentQuantity}
              </th>
              <th scope="col" class="num">
                {t.paymentLineAmount}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((it, i) => (
              <tr key={`${it.code}-${i}`} data-item-kind={it.kind}>
                <td data-label={t.feeName} class="name">
                  {localized(lang, it.name_vi, it.name_en)}
                </td>
                <td data-label={t.feeKindCol}>{t.feeKind[it.kind] ?? it.kind}</td>
                <td data-label={t.paymentQuantity} class="num">
                  {it.quantity}
                </td>
                <td data-label={t.paymentLineAmount} class="num">
                  {money(it.amount_vnd)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl class="pay-totals">
        <div>
          <dt>{t.feeKind.fee}</dt>
          <dd id="pay-fees">{money(order.fees_vnd)}</dd>
        </div>
        <div>
          <dt>{t.feeKind.charge}</dt>
          <dd id="pay-charges">{money(order.charges_vnd)}</dd>
        </div>
        <div class="pay-total">
          <dt>{t.paymentTotal}</dt>
          <dd id="pay-total">{money(order.amount_vnd)}</dd>
        </div>
      </dl>
    </div>
  );
}

function PayButtons({ dossier: d, payments, onStale }: { dossier: Dossier; payments: DossierPayments; onStale: (d: Dossier) => void }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const [busy, setBusy] = useState<PaymentGateway | null>(null);
  const [error, setError] = useState<unknown>(null);

  // Back to this page from the browser's cache (the Back button on the gateway's page): the
  // buttons work again.
  useEffect(() => {
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) setBusy(null);
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, []);

  if (!canPayOnline(isApplicant(me), d.status, payments)) return <p>{t.payNoGateway}</p>;

  async function pay(gateway: PaymentGateway) {
    setBusy(gateway);
    setError(null);
    try {
      const started = await startPayment(d.code, gateway, paymentLocale(lang));
      const url = safePayUrl(started.pay_url, window.location.href);
      if (!url) throw new ActionError(502, 'bad_pay_url', null, null, null, null);
      // Busy until the page is left for the gateway's.
      window.location.assign(url);
    } catch (e) {
      setBusy(null);
      setError(e);
      // No longer awaiting payment (paid meanwhile, or withdrawn): show the dossier as it is now.
      if (e instanceof ActionError && e.status === 409) getDossier(d.code).then(onStale, () => {});
    }
  }

  return (
    <div class="pay-online">
      <p class="hint">{t.payOnlineHint}</p>
      {error !== null && <ActionErrorMessage error={error} />}
      <div class="action-buttons">
        {payments.gateways.map((g) => (
          <button type="button" key={g} id={`pay-${g}`} class="btn btn-primary" disabled={busy !== null} onClick={() => void pay(g)}>
            {busy === g ? t.payRedirecting : t.payWith[g] ?? g}
          </button>
        ))}
      </div>
    </div>
  );
}
