// /cong-khai/bao-cao?thang=YYYY-MM&co-quan=CODE: the public monthly publication of an ended month
// (the previous month and the province by default): the summary, the table by field with its
// totals, the month's 766 groups, the plan's indicators, and the downloads (XLSX, CSV). A month
// not yet ended is explained, with a link to the last ended one.
import { ActionError, getPublicReport, publicReportUrl, type MonthlyReport } from '../../api/index.ts';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { navigate, useLocation } from '../../router.ts';
import { agencyName, useAgencyDirectory } from './agencies.ts';
import { IndexGroups } from './IndexGroups.tsx';
import { PeriodForm } from './PeriodForm.tsx';
import { PlanTable } from './PlanTable.tsx';
import { REPORT_COLUMNS, currentMonth, formatNumber, formatPercent, parsePeriod, periodLabel, previousMonth, publicationHref } from './figures.ts';

export function PublicationPage() {
  const { t, lang } = useI18n();
  const { search } = useLocation();
  const dir = useAgencyDirectory();
  useDocumentTitle(t.pubTitle);

  const lastEnded = previousMonth(currentMonth());
  const asked = parsePeriod(search.get('thang'));
  const month = asked?.kind === 'month' ? search.get('thang')! : lastEnded;
  const period = parsePeriod(month)!;
  const agency = search.get('co-quan') || null;
  const report = useLoad(`${month}|${agency}`, (s) => getPublicReport(month, agency ?? undefined, s));
  const now = report.data && report.data.period === month && (!agency || report.data.agency.code === agency) ? report.data : null;
  const notEnded = report.error instanceof ActionError && report.error.code === 'period_not_ended';
  const label = periodLabel(period, lang);

  return (
    <section class="dashboard publication">
      <h1>{t.pubTitle}</h1>
      <p class="muted">{t.pubIntro}</p>
      <PeriodForm
        key={`${month}|${agency}|${dir.data ? 1 : 0}`}
        id="pub"
        legend={t.pubChoose}
        dir={dir.data}
        agency={agency ?? dir.data?.root.code ?? null}
        period={period}
        kinds={['month']}
        lastMonth={lastEnded}
        onApply={(a, p) => navigate(publicationHref(p, a === dir.data?.root.code ? null : a))}
      />
      {notEnded && (
        <div class="state state-empty" role="status" data-testid="period-not-ended">
          <p class="state-title">{t.pubNotEndedTitle}</p>
          <p>{t.pubNotEnded(label)}</p>
          <p>
            <Link href={publicationHref(lastEnded, agency)}>{t.pubSeeMonth(periodLabel(parsePeriod(lastEnded)!, lang))}</Link>
          </p>
        </div>
      )}
      {report.error !== null && !notEnded && <ErrorMessage error={report.error} onRetry={report.reload} notFoundTitle={t.dashAgencyNotFound} />}
      {!now && report.error === null && <Loading />}
      {now && <Publication r={now} name={agencyName(dir.data, now.agency.code, lang, now.agency.name_vi)} label={label} month={month} agency={agency} />}
    </section>
  );
}

function Publication({ r, name, label, month, agency }: { r: MonthlyReport; name: string; label: string; month: string; agency: string | null }) {
  const { t, lang } = useI18n();
  const s = r.summary;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <div data-month={r.period} data-agency={r.agency.code}>
      <h2 class="dash-heading">{t.pubFor(name, label)}</h2>
      {r.generated_at && <p class="muted small">{t.pubGenerated(formatDateTime(r.generated_at, lang))}</p>}

      <section class="dash-section" aria-labelledby="pub-summary">
        <h3 id="pub-summary">{t.pubSummary}</h3>
        <dl class="summary dash-summary">
          <div>
            <dt>{t.pubColumnGroup.received}</dt>
            <dd data-testid="pub-received">{n(s.received)}</dd>
          </div>
          <div>
            <dt>{t.pubColumn.received_online}</dt>
            <dd>{n(s.received_online)}</dd>
          </div>
          <div>
            <dt>{`${t.pubColumnGroup.finished}: ${t.pubColumn.finished_on_time}`}</dt>
            <dd>{n(s.finished_on_time)}</dd>
          </div>
          <div>
            <dt>{`${t.pubColumnGroup.finished}: ${t.pubColumn.finished_late}`}</dt>
            <dd>{n(s.finished_late)}</dd>
          </div>
          <div>
            <dt>{t.pubOnTimeRate}</dt>
            <dd>{s.on_time_rate === null ? t.dashNoData : formatPercent(s.on_time_rate, lang)}</dd>
          </div>
          <div>
            <dt>{t.pubIndexTotal}</dt>
            <dd>{t.dashPoints(n(s.index_total_score), n(s.index_max_score))}</dd>
          </div>
          <div>
            <dt>{t.pubPlanMet}</dt>
            <dd>
              {n(s.plan_met)}/{n(s.plan_with_target)}
            </dd>
          </div>
        </dl>
        <h4 class="dash-downloads-title">{t.pubDownloads}</h4>
        <ul class="dash-downloads">
          <li>
            <a href={publicReportUrl(month, agency ?? undefined, 'xlsx')} download data-testid="pub-xlsx">
              {t.pubXlsx}
            </a>
          </li>
          <li>
            <a href={publicReportUrl(month, agency ?? undefined, 'csv', 'fields')} download data-testid="pub-csv">
              {t.pubCsv}
            </a>
          </li>
        </ul>
      </section>

      <section class="dash-section" aria-labelledby="pub-fields">
        <h3 id="pub-fields">{t.pubByField}</h3>
        <p class="muted">{t.pubByFieldNote}</p>
        {r.fields.length === 0 && <p class="state state-empty">{t.pubNoFields}</p>}
        <FieldTable r={r} caption={`${t.pubByField} — ${label}`} />
      </section>

      <section class="dash-section" aria-labelledby="pub-index">
        <h3 id="pub-index">{t.pubIndexTitle}</h3>
        <IndexGroups id="pub" total={r.index_766.total_score} max={r.index_766.max_score} groups={r.index_766.groups} />
      </section>

      <section class="dash-section" aria-labelledby="pub-plan">
        <h3 id="pub-plan">{t.pubPlanTitle}</h3>
        <PlanTable caption={t.pubPlanTitle} rows={r.plan} />
      </section>
    </div>
  );
}

/** The table by field: grouped headers (received, settled, in progress), one row per field, the
 * totals in the footer. Wide: it scrolls sideways in its own focusable region. */
function FieldTable({ r, caption }: { r: MonthlyReport; caption: string }) {
  const { t, lang } = useI18n();
  const single = ['returned', 'refused', 'withdrawn', 'stopped'] as const;
  const cells = (row: MonthlyReport['fields_total']) =>
    REPORT_COLUMNS.map((c) => (
      <td class="num" key={c} data-col={c}>
        {formatNumber(row[c], lang)}
      </td>
    ));
  return (
    <div class="table-wrap dash-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="dash-fields">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t.pubField}
            </th>
            <th scope="colgroup" colSpan={4}>
              {t.pubColumnGroup.received}
            </th>
            <th scope="colgroup" colSpan={2}>
              {t.pubColumnGroup.finished}
            </th>
            <th scope="colgroup" colSpan={2}>
              {t.pubColumnGroup.in_progress}
            </th>
            {single.map((c) => (
              <th scope="col" rowSpan={2} class="num" key={c}>
                {t.pubColumn[c]}
              </th>
            ))}
          </tr>
          <tr>
            {REPORT_COLUMNS.slice(0, 8).map((c) => (
              <th scope="col" class="num" key={c}>
                {t.pubColumn[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {r.fields.map((f) => (
            <tr key={f.field_code ?? f.name_vi} data-field={f.field_code}>
              <th scope="row">{f.name_vi}</th>
              {cells(f)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-field="total">
            <th scope="row">{t.pubTotal}</th>
            {cells(r.fields_total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
