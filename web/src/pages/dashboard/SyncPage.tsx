// /bang-dieu-khien/dong-bo?co-quan=&ky=: the sync reconciliation with the national portal (DVCQG)
// of an agency's subtree for a period — dossiers received, pushed, acknowledged and the gaps, per
// agency with a total — and the gap dossiers with their messages' state, in pages of 50 with
// "load more". For officials who may read the agency's indicators (the server checks, and audits
// every page of gaps). The province administrator also finds the review queue of what the portal
// sent (PortalReviewSection).
import { useEffect, useState } from 'preact/hooks';
import { getSyncReconciliation, listSyncGaps, type SyncGap, type SyncGapPage, type SyncTally } from '../../api/index.ts';
import { StatusBadge } from '../../components/Badges.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { dossierPath, navigate, useLocation } from '../../router.ts';
import { hasRole, isOfficer, useSession } from '../../session.ts';
import { agencyName, useAgencyDirectory, type AgencyDirectory } from './agencies.ts';
import {
  acknowledgedRatio,
  canReadIndicators,
  currentMonth,
  dashboardHref,
  formatNumber,
  formatPercent,
  formatPeriod,
  parsePeriod,
  periodLabel,
  readableAgency,
  syncHref,
} from './figures.ts';
import { PeriodForm } from './PeriodForm.tsx';
import { PortalReviewSection } from './PortalReviewSection.tsx';

const PAGE = 50;

export function SyncPage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const { path, search } = useLocation();
  const dir = useAgencyDirectory();
  useDocumentTitle(t.syncTitle);

  const now = currentMonth();
  const period = parsePeriod(search.get('ky')) ?? parsePeriod(now)!;
  const periodText = formatPeriod(period);
  const root = dir.data?.root.code ?? null;
  const agency = search.get('co-quan') || (root ? readableAgency(me?.roles, root) : null);
  const allowed = isOfficer(me) && agency !== null && canReadIndicators(me!.roles, agency);
  const key = `${agency}|${periodText}`;

  const tally = useLoad(key, (s) => getSyncReconciliation(agency!, periodText, s), allowed);
  const first = useLoad(key, (s) => listSyncGaps({ agency: agency!, period: periodText, limit: PAGE }, s).then((page) => ({ key, page })), allowed);

  // Further pages of gaps, appended to the first; reset when the question changes.
  const [more, setMore] = useState<{ key: string; items: SyncGap[]; cursor: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  useEffect(() => {
    setMore(null);
    setMoreError(null);
  }, [key]);

  // Answers of an earlier choice stay out of sight until the new ones arrive.
  const tallyNow = tally.data && tally.data.agency === agency && tally.data.period === periodText ? tally.data : null;
  const firstNow: SyncGapPage | null = first.data && first.data.key === key ? first.data.page : null;
  const extra = more && more.key === key ? more : null;
  const gaps = firstNow ? [...firstNow.items, ...(extra?.items ?? [])] : null;
  const cursor = extra ? extra.cursor : firstNow?.next_cursor ?? null;

  async function loadMore() {
    if (!cursor || !agency) return;
    setBusy(true);
    setMoreError(null);
    try {
      const page = await listSyncGaps({ agency, period: periodText, limit: PAGE, cursor });
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], cursor: page.next_cursor });
    } catch (e) {
      setMoreError(e);
    } finally {
      setBusy(false);
    }
  }

  const label = periodLabel(period, lang);
  const name = agency ? agencyName(dir.data, agency, lang) : '';
  const here = path + (search.toString() ? `?${search}` : '');

  return (
    <section class="dashboard sync" data-agency={tallyNow?.agency} data-period={tallyNow?.period}>
      <p>
        <Link href={dashboardHref(search.get('co-quan'), periodText)}>{t.drillBack}</Link>
      </p>
      <h1>{t.syncTitle}</h1>
      <p class="muted">{t.syncIntro}</p>
      {me === undefined && <Loading />}
      {me === null && (
        <div class="state state-empty">
          <p>{t.syncSignIn}</p>
          <p>
            <Link href={`/dang-nhap?next=${encodeURIComponent(here)}`} class="btn btn-primary">
              {t.signIn}
            </Link>
          </p>
        </div>
      )}
      {me && dir.error !== null && !search.get('co-quan') && <ErrorMessage error={dir.error} onRetry={dir.retry} />}
      {me && agency === null && dir.error === null && <Loading />}
      {me && agency !== null && (
        <>
          {isOfficer(me) && (
            <PeriodForm
              key={`${agency}|${periodText}|${dir.data ? 1 : 0}`}
              id="sync"
              legend={t.syncChoose}
              dir={dir.data}
              agency={agency}
              period={period}
              kinds={['month', 'quarter', 'year']}
              lastMonth={now}
              onApply={(a, p) => navigate(syncHref(a, p))}
            />
          )}
          {!allowed && (
            <p class="state state-empty" role="status">
              {t.syncNotAllowed}
            </p>
          )}
        </>
      )}
      {allowed && (
        <>
          <section class="dash-section" aria-labelledby="sync-tally">
            <h2 id="sync-tally">{t.syncTallyTitle(name, label)}</h2>
            {tally.error !== null && <ErrorMessage error={tally.error} onRetry={tally.reload} notFoundTitle={t.dashAgencyNotFound} />}
            {!tallyNow && tally.error === null && <Loading />}
            {tallyNow && tallyNow.agencies.length === 0 && (
              <p class="state state-empty" role="status" data-testid="sync-none">
                {t.syncNoDossiers}
              </p>
            )}
            {tallyNow && tallyNow.agencies.length > 0 && (
              <TallyTable caption={t.syncTallyTitle(name, label)} total={tallyNow} rows={tallyNow.agencies} dir={dir.data} period={periodText} />
            )}
          </section>

          <section class="dash-section" aria-labelledby="sync-gaps">
            <h2 id="sync-gaps">{t.syncGapsTitle}</h2>
            <p class="muted">{t.syncGapsIntro}</p>
            {first.error !== null && <ErrorMessage error={first.error} onRetry={first.reload} />}
            {!gaps && first.error === null && <Loading />}
            {gaps && (
              <p class="results-count" role="status" data-testid="sync-gaps-count">
                {gaps.length === 0 ? t.syncGapsEmpty : t.syncGapsShown(gaps.length, Math.max(tallyNow?.gaps ?? 0, gaps.length))}
              </p>
            )}
            {gaps && gaps.length > 0 && (
              <div class="table-wrap" role="region" aria-label={t.syncGapsTitle} tabIndex={0}>
                <table class="stack dossier-table sync-gaps">
                  <caption class="visually-hidden">{`${t.syncGapsTitle} — ${name}, ${label}`}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.dossierCode}</th>
                      <th scope="col">{t.receivedAt}</th>
                      <th scope="col">{t.status}</th>
                      <th scope="col" class="num">
                        {t.syncDelivered}
                      </th>
                      <th scope="col" class="num">
                        {t.syncPending}
                      </th>
                      <th scope="col" class="num">
                        {t.syncDead}
                      </th>
                      <th scope="col">{t.syncLastError}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {gaps.map((g) => (
                      <GapRow key={g.code} g={g} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {moreError !== null && <ErrorMessage error={moreError} />}
            {cursor && (
              <p class="load-more">
                <button type="button" class="btn btn-secondary" onClick={loadMore} disabled={busy}>
                  {busy ? t.loading : t.loadMore}
                </button>
              </p>
            )}
          </section>
        </>
      )}
      {hasRole(me, 'province_admin') && <PortalReviewSection />}
    </section>
  );
}

interface TallyProps {
  caption: string;
  total: SyncTally;
  rows: SyncTally[];
  dir: AgencyDirectory | null;
  period: string;
}

/** The agencies with dossiers in the period, each a link to its own reconciliation, and the total.
 * A wide table at 360 px: it scrolls sideways inside its own keyboard-focusable region. */
function TallyTable({ caption, total, rows, dir, period }: TallyProps) {
  const { t, lang } = useI18n();
  const cells = (r: SyncTally) => (
    <>
      <td class="num" data-col="received">
        {formatNumber(r.received, lang)}
      </td>
      <td class="num" data-col="pushed">
        {formatNumber(r.pushed, lang)}
      </td>
      <td class="num" data-col="acknowledged">
        {formatNumber(r.acknowledged, lang)}
      </td>
      <td class={`num${r.gaps > 0 ? ' strong' : ''}`} data-col="gaps">
        {formatNumber(r.gaps, lang)}
      </td>
      <td class="num" data-col="rate">
        {formatPercent(acknowledgedRatio(r.received, r.acknowledged), lang)}
      </td>
    </>
  );
  return (
    <div class="table-wrap dash-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="sync-tally">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.dashAgency}</th>
            <th scope="col" class="num">
              {t.syncReceived}
            </th>
            <th scope="col" class="num">
              {t.syncPushed}
            </th>
            <th scope="col" class="num">
              {t.syncAcknowledged}
            </th>
            <th scope="col" class="num">
              {t.syncGaps}
            </th>
            <th scope="col" class="num">
              {t.syncRate}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.agency} data-agency={r.agency}>
              <th scope="row" class="agency-cell">
                <Link href={syncHref(r.agency, period)}>{agencyName(dir, r.agency, lang, r.agency_name_vi || r.agency)}</Link>
                <span class="note">{r.agency}</span>
              </th>
              {cells(r)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-agency="total">
            <th scope="row">{t.pubTotal}</th>
            {cells(total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function GapRow({ g }: { g: SyncGap }) {
  const { t, lang } = useI18n();
  return (
    <tr data-code={g.code}>
      <td class="name" data-label={t.dossierCode}>
        <Link href={dossierPath(g.code)} class="code">
          {g.code}
        </Link>
        <span class="note">{g.agency}</span>
      </td>
      <td data-label={t.receivedAt}>
        <span class="nowrap">{formatDateTime(g.received_at, lang)}</span>
      </td>
      <td data-label={t.status}>
        <StatusBadge status={g.status} />
      </td>
      <td class="num" data-label={t.syncDelivered} data-col="delivered">
        {formatNumber(g.delivered, lang)}
      </td>
      <td class="num" data-label={t.syncPending} data-col="pending">
        {formatNumber(g.pending, lang)}
      </td>
      <td class={`num${g.dead > 0 ? ' strong' : ''}`} data-label={t.syncDead} data-col="dead">
        {formatNumber(g.dead, lang)}
      </td>
      <td data-label={t.syncLastError} data-col="error" class="sync-error">
        {g.last_error ?? '—'}
      </td>
    </tr>
  );
}
