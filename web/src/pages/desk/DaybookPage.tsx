// The day's book (sổ thu): every payment and refund an agency and the units under it recorded on
// one day in Vietnam, with the totals per channel and the cash the drawer should hold — what the
// cashier counts at the daily closing and the head checks (GET /api/v1/payments/daybook,
// docs/payments.md §5); the closing itself (DaybookClosing). Prints on A4.
import { useState } from 'preact/hooks';
import { getDaybook, type Daybook } from '../../api/index.ts';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { LedgerKind } from '../../components/LedgerKind.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatDate, formatTime } from '../../format.ts';
import { useDocumentTitle, useLoad, useSignInFirst } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { dossierPath, navigate, useLocation } from '../../router.ts';
import { isOfficer, useSession } from '../../session.ts';
import { agencyName, useAgencyDirectory } from '../dashboard/agencies.ts';
import { collectsAt, isAfterClosing, subtreeHas } from './closing.ts';
import { DaybookClosingSection } from './DaybookClosing.tsx';
import { bookAmount, channelNet, daybookAgencies, daybookHref, isIsoDate, signedAmount, totalCount, vietnamDate } from './daybook.ts';

export function DaybookPage() {
  const { t } = useI18n();
  const { me } = useSession();
  useDocumentTitle(t.daybookTitle);
  useSignInFirst(me);

  const agencies = me ? daybookAgencies(me.roles, me.agency_code) : [];
  return (
    <section class="daybook-page" aria-labelledby="daybook-h">
      <h1 id="daybook-h">{t.daybookTitle}</h1>
      <p class="muted no-print">{t.daybookIntro}</p>
      {me === undefined && <Loading />}
      {me && !isOfficer(me) && <p class="state state-error">{t.daybookOfficersOnly}</p>}
      {me && isOfficer(me) && agencies.length === 0 && <p class="state state-error">{t.daybookNoAgency}</p>}
      {me && isOfficer(me) && agencies.length > 0 && <DaybookView agencies={agencies} />}
    </section>
  );
}

function DaybookView({ agencies }: { agencies: string[] }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const { search } = useLocation();
  const today = vietnamDate(Date.now());
  const agency = search.get('co-quan') || agencies[0];
  const asked = search.get('ngay');
  const date = isIsoDate(asked) ? asked : today;
  const dir = useAgencyDirectory();
  const name = (code: string) => agencyName(dir.data, code, lang);
  const loaded = useLoad(`${agency}|${date}`, (signal) => getDaybook({ agency, date }, signal));
  const book = loaded.loading ? null : loaded.data;
  const choices = agencies.includes(agency) ? agencies : [...agencies, agency];
  // Whoever collects at the agency (or above it) closes its day.
  const within = (code: string, ancestor: string) => {
    const node = dir.data?.byCode.get(ancestor);
    return !!node && subtreeHas(node, code);
  };
  const mayClose = !!me && collectsAt(me.roles, agency, within);

  return (
    <>
      <DaybookForm
        key={`${agency}|${date}`}
        agencies={choices}
        agency={agency}
        date={date}
        today={today}
        name={name}
        onApply={(a, d) => navigate(daybookHref(a === agencies[0] ? null : a, d === today ? null : d))}
      />
      {loaded.loading && <Loading />}
      {!loaded.loading && loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {book && loaded.error === null && <Book book={book} name={name} mayClose={mayClose} onClosed={loaded.reload} />}
      <p class="visually-hidden" aria-live="polite">
        {book && loaded.error === null ? t.daybookLoaded(formatDate(book.date, lang), book.entries.length) : ''}
      </p>
    </>
  );
}

function DaybookForm(p: {
  agencies: string[];
  agency: string;
  date: string;
  today: string;
  name: (code: string) => string;
  onApply: (agency: string, date: string) => void;
}) {
  const { t } = useI18n();
  const [agency, setAgency] = useState(p.agency);
  const [date, setDate] = useState(p.date);
  const [error, setError] = useState<string | null>(null);

  function submit(e: Event) {
    e.preventDefault();
    if (!isIsoDate(date)) {
      setError(t.daybookDateInvalid);
      document.getElementById('daybook-date')?.focus();
      return;
    }
    setError(null);
    p.onApply(agency, date);
  }

  return (
    <form class="panel daybook-form no-print" onSubmit={submit} noValidate aria-labelledby="daybook-form-h">
      <h2 id="daybook-form-h" class="visually-hidden">
        {t.daybookChoose}
      </h2>
      <div class="daybook-form-row">
        {p.agencies.length > 1 ? (
          <SelectField
            id="daybook-agency"
            label={t.daybookAgency}
            value={agency}
            onChange={setAgency}
            options={p.agencies.map((a) => ({ value: a, label: p.name(a) === a ? a : `${p.name(a)} (${a})` }))}
          />
        ) : (
          <p class="daybook-agency">
            <span class="muted">{t.daybookAgency}:</span> {p.name(p.agency)} <span class="code small">({p.agency})</span>
          </p>
        )}
        <TextField id="daybook-date" type="date" label={t.daybookDate} value={date} onInput={setDate} max={p.today} required error={error} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary">
            {t.daybookShow}
          </button>
        </div>
      </div>
    </form>
  );
}

function Book({ book, name: nameOf, mayClose, onClosed }: { book: Daybook; name: (code: string) => string; mayClose: boolean; onClosed: () => void }) {
  const { t, lang } = useI18n();
  const money = (n: number) => bookAmount(n, lang);
  const day = formatDate(book.date, lang);
  const name = nameOf(book.agency);
  return (
    <div class="daybook" data-agency={book.agency} data-date={book.date}>
      <div class="daybook-head">
        <h2 id="daybook-book-h">{t.daybookHeading(name, day)}</h2>
        <button type="button" class="btn btn-secondary no-print" onClick={() => window.print()}>
          {t.daybookPrint}
        </button>
      </div>
      {book.entries.length === 0 ? (
        <div class="state state-empty" role="status">
          <p class="state-title">{t.daybookEmpty}</p>
        </div>
      ) : (
        <>
          <div class="table-wrap" role="region" aria-labelledby="daybook-entries-cap" tabIndex={0}>
            <table class="stack daybook-table">
              <caption id="daybook-entries-cap">{t.daybookCaption(name, day, book.entries.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.daybookTime}</th>
                  <th scope="col">{t.dossierCode}</th>
                  <th scope="col">{t.ledgerKindCol}</th>
                  <th scope="col">{t.ledgerChannel}</th>
                  <th scope="col">{t.daybookReference}</th>
                  <th scope="col" class="num">
                    {t.ledgerAmount}
                  </th>
                  <th scope="col">{t.daybookRecordedBy}</th>
                </tr>
              </thead>
              <tbody>
                {book.entries.map((e) => {
                  const after = isAfterClosing(e, book.closing);
                  return (
                    <tr
                      key={e.id}
                      data-entry-id={e.id}
                      data-entry-kind={e.kind}
                      data-entry-channel={e.channel}
                      data-after-closing={after ? 'true' : undefined}
                      class={after ? 'after-closing' : undefined}
                    >
                      <td data-label={t.daybookTime}>
                        <span>
                          <time dateTime={e.recorded_at}>{formatTime(e.recorded_at)}</time>
                          {after && <span class="note after-closing-mark">{t.closingAfterMark}</span>}
                        </span>
                      </td>
                      <td data-label={t.dossierCode}>
                        <span>
                          <Link href={dossierPath(e.dossier)} class="code">
                            {e.dossier}
                          </Link>
                          {e.agency !== book.agency && <span class="note muted">{nameOf(e.agency)}</span>}
                        </span>
                      </td>
                      <td data-label={t.ledgerKindCol}>
                        <LedgerKind entry={e} />
                      </td>
                      <td data-label={t.ledgerChannel}>{t.ledgerChannels[e.channel] ?? e.channel}</td>
                      <td data-label={t.daybookReference}>{e.gateway_txn ? <span class="code">{e.gateway_txn}</span> : '—'}</td>
                      <td data-label={t.ledgerAmount} class="num">
                        {money(signedAmount(e))}
                      </td>
                      <td data-label={t.daybookRecordedBy}>
                        <span class="code">{e.recorded_by}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          <div class="table-wrap" role="region" aria-labelledby="daybook-channels-cap" tabIndex={0}>
            <table class="stack daybook-channels">
              <caption id="daybook-channels-cap">{t.daybookByChannel}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.ledgerChannel}</th>
                  <th scope="col" class="num">
                    {t.daybookCount}
                  </th>
                  <th scope="col" class="num">
                    {t.daybookReceived}
                  </th>
                  <th scope="col" class="num">
                    {t.daybookRefunded}
                  </th>
                  <th scope="col" class="num">
                    {t.daybookNet}
                  </th>
                </tr>
              </thead>
              <tbody>
                {book.channels.map((c) => (
                  <tr key={c.channel} data-channel={c.channel}>
                    <th scope="row" class="name">
                      {t.ledgerChannels[c.channel] ?? c.channel}
                    </th>
                    <td data-label={t.daybookCount} class="num">
                      {c.count}
                    </td>
                    <td data-label={t.daybookReceived} class="num">
                      {money(c.payments_vnd)}
                    </td>
                    <td data-label={t.daybookRefunded} class="num">
                      {money(c.refunds_vnd)}
                    </td>
                    <td data-label={t.daybookNet} class="num">
                      {money(channelNet(c))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <section class="daybook-totals" aria-labelledby="daybook-totals-h">
        <h3 id="daybook-totals-h">{t.daybookTotals}</h3>
        <dl class="summary">
          <div>
            <dt>{t.daybookCount}</dt>
            <dd id="daybook-count">{totalCount(book.channels)}</dd>
          </div>
          <div>
            <dt>{t.daybookReceived}</dt>
            <dd id="daybook-received">{money(book.payments_vnd)}</dd>
          </div>
          <div>
            <dt>{t.daybookRefunded}</dt>
            <dd id="daybook-refunded">{money(book.refunds_vnd)}</dd>
          </div>
          <div>
            <dt>{t.daybookNet}</dt>
            <dd id="daybook-net">
              <strong>{money(book.net_vnd)}</strong>
            </dd>
          </div>
          <div>
            <dt>{t.daybookCash}</dt>
            <dd id="daybook-cash">
              <strong>{money(book.cash_vnd)}</strong>
              <span class="note muted">{t.daybookCashHint}</span>
            </dd>
          </div>
        </dl>
      </section>

      <DaybookClosingSection book={book} mayClose={mayClose} onClosed={onClosed} />
    </div>
  );
}
