// /bang-dieu-khien: the 766 index of the province or one agency for a month, quarter or year
// (?co-quan=CODE&ky=PERIOD; the province and the current month by default), the ranking of the
// agency's peers, the year's monthly trend and the plan's indicators. Public figures; officials
// who may read the agency's indicators also get the dossiers behind a figure, the internal
// monthly report and the sync reconciliation with the national portal.
import { getIndex766, getIndexRanking, getIndexTrend, getPlanIndicators, monthlyReportUrl } from '../../api/index.ts';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { navigate, useLocation } from '../../router.ts';
import { isOfficer, useSession } from '../../session.ts';
import { agencyName, useAgencyDirectory } from './agencies.ts';
import {
  DRILLABLE_METRICS,
  canReadIndicators,
  currentMonth,
  dashboardHref,
  drillHref,
  formatPeriod,
  parsePeriod,
  periodLabel,
  publicationHref,
  reportMonthOf,
  syncHref,
} from './figures.ts';
import { IndexGroups } from './IndexGroups.tsx';
import { PeriodForm } from './PeriodForm.tsx';
import { PlanTable } from './PlanTable.tsx';
import { RankingTable } from './RankingTable.tsx';
import { TrendSection } from './TrendSection.tsx';

export function DashboardPage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const { search } = useLocation();
  const dir = useAgencyDirectory();
  useDocumentTitle(t.dashTitle);

  const now = currentMonth();
  const period = parsePeriod(search.get('ky')) ?? parsePeriod(now)!;
  const periodText = formatPeriod(period);
  const agency = search.get('co-quan') || dir.data?.root.code || null;
  const ready = agency !== null;
  // The agency's peers: the children of its parent (the province's children for the province).
  const node = agency ? dir.data?.byCode.get(agency) : undefined;
  const parent = node?.parent ?? undefined;

  const index = useLoad(`${agency}|${periodText}`, (s) => getIndex766(agency!, periodText, s), ready);
  const ranking = useLoad(`${parent}|${periodText}`, (s) => getIndexRanking(periodText, parent, s), ready && (dir.data !== null || dir.error !== null));
  const trend = useLoad(`${agency}|${period.year}`, (s) => getIndexTrend(agency!, period.year, s), ready);
  const plan = useLoad(`${agency}|${period.year}`, (s) => getPlanIndicators(agency!, period.year, s), ready);

  const name = agency ? agencyName(dir.data, agency, lang) : '';
  const label = periodLabel(period, lang);
  const official = isOfficer(me) && agency !== null && canReadIndicators(me!.roles, agency);
  // Data of an earlier choice stays out of sight until the new answer arrives.
  const indexNow = index.data && index.data.agency === agency && index.data.period === periodText ? index.data : null;
  const rankingNow = ranking.data && ranking.data.period === periodText && (!parent || ranking.data.parent === parent) ? ranking.data : null;
  const trendNow = trend.data && trend.data.agency === agency && trend.data.year === period.year ? trend.data : null;
  const planNow = plan.data && plan.data.agency === agency && plan.data.year === period.year ? plan.data : null;

  return (
    <section class="dashboard" data-agency={indexNow?.agency} data-period={indexNow?.period}>
      <h1>{t.dashTitle}</h1>
      <p class="muted">{t.dashIntro}</p>
      {dir.error !== null && !search.get('co-quan') && <ErrorMessage error={dir.error} onRetry={dir.retry} />}
      {ready && (
        <PeriodForm
          key={`${agency}|${periodText}|${dir.data ? 1 : 0}`}
          id="dash"
          legend={t.dashChoose}
          dir={dir.data}
          agency={agency}
          period={period}
          kinds={['month', 'quarter', 'year']}
          lastMonth={now}
          onApply={(a, p) => navigate(dashboardHref(a, p))}
        />
      )}
      {ready && (
        <>
          <h2 class="dash-heading" id="dash-figures">
            {t.dashFiguresOf(name, label)}
          </h2>
          {index.error !== null && <ErrorMessage error={index.error} onRetry={index.reload} notFoundTitle={t.dashAgencyNotFound} />}
          {!indexNow && index.error === null && <Loading />}
          {indexNow && (
            <IndexGroups
              id="dash"
              total={indexNow.total_score}
              max={indexNow.max_score}
              groups={indexNow.groups}
              drillHref={official ? (m) => (DRILLABLE_METRICS.has(m) ? drillHref(agency!, periodText, m) : null) : undefined}
            />
          )}

          <section class="dash-section" aria-labelledby="dash-reports">
            <h2 id="dash-reports">{t.dashDownloads}</h2>
            {official && (
              <p>
                <a class="btn btn-secondary" href={monthlyReportUrl(agency!, reportMonthOf(period, now))} download data-testid="monthly-report">
                  {t.dashMonthlyReport(periodLabel(parsePeriod(reportMonthOf(period, now))!, lang))}
                </a>
                <span class="hint">{t.dashMonthlyReportHint}</span>
              </p>
            )}
            {official && (
              <p>
                {t.dashSyncHint}{' '}
                <Link href={syncHref(agency, periodText)} data-testid="sync-link">
                  {t.dashSyncLink}
                </Link>
              </p>
            )}
            <p>
              {t.dashPublicationHint} <Link href={publicationHref(null, agency)}>{t.navPublication}</Link>
            </p>
          </section>

          <section class="dash-section" aria-labelledby="dash-ranking">
            <h2 id="dash-ranking">{t.dashRankingTitle}</h2>
            <p class="muted">{t.dashRankingIntro}</p>
            {ranking.error !== null && <ErrorMessage error={ranking.error} onRetry={ranking.reload} />}
            {!rankingNow && ranking.error === null && <Loading />}
            {rankingNow && (
              <RankingTable
                caption={t.dashRankingOf(agencyName(dir.data, rankingNow.parent, lang), label)}
                rows={rankingNow.agencies}
                selected={agency}
                hrefOf={(code) => dashboardHref(code, periodText)}
                nameOf={(code, fallback) => agencyName(dir.data, code, lang, fallback)}
              />
            )}
          </section>

          <section class="dash-section" aria-labelledby="dash-trend">
            <h2 id="dash-trend">{t.dashTrendTitle(period.year)}</h2>
            {trend.error !== null && <ErrorMessage error={trend.error} onRetry={trend.reload} />}
            {!trendNow && trend.error === null && <Loading />}
            {trendNow && <TrendSection agencyName={name} year={period.year} months={trendNow.months} />}
          </section>

          <section class="dash-section" aria-labelledby="dash-plan">
            <h2 id="dash-plan">{t.dashPlanTitle(period.year)}</h2>
            <p class="muted">{t.dashPlanIntro}</p>
            {plan.error !== null && <ErrorMessage error={plan.error} onRetry={plan.reload} />}
            {!planNow && plan.error === null && <Loading />}
            {planNow && <PlanTable caption={t.dashPlanTitle(period.year)} rows={planNow.indicators} />}
          </section>
        </>
      )}
      {!ready && dir.error === null && <Loading />}
    </section>
  );
}
