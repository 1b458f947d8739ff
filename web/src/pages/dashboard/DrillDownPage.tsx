// /bang-dieu-khien/ho-so?co-quan=&ky=&chi-so=&loc=: the dossiers behind one dossier-level metric
// of an agency's period — whether each counts in the numerator, and why not — for officials who
// may read the agency's indicators (the server checks and audits every read). Pages of 50 with
// "load more".
import { useEffect, useState } from 'preact/hooks';
import { getIndex766, getIndicatorDossiers, type DrilldownDossier, type DrillFilter, type DrillQuery } from '../../api/index.ts';
import { StatusBadge } from '../../components/Badges.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { Link } from '../../components/Link.tsx';
import { formatDateTime } from '../../format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { localized, useI18n } from '../../i18n/index.ts';
import { dossierPath, navigate, useLocation } from '../../router.ts';
import { useSession } from '../../session.ts';
import { agencyName, useAgencyDirectory } from './agencies.ts';
import { DRILLABLE_METRICS, dashboardHref, drillHref, formatNumber, parsePeriod, periodLabel } from './figures.ts';

const FILTERS: DrillFilter[] = ['all', 'numerator', 'not_numerator'];
const PAGE = 50;

export function DrillDownPage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const { path, search } = useLocation();
  const dir = useAgencyDirectory();
  const agency = search.get('co-quan') ?? '';
  const periodText = search.get('ky') ?? '';
  const metric = search.get('chi-so') ?? '';
  const loc = search.get('loc');
  const filter: DrillFilter = loc === 'numerator' || loc === 'not_numerator' ? loc : 'all';
  const period = parsePeriod(periodText);
  const metricName = t.dashMetricName[metric] ?? metric;
  useDocumentTitle(t.drillTitle(metricName));

  const valid = agency !== '' && period !== null && DRILLABLE_METRICS.has(metric);
  const enabled = valid && !!me;
  const key = `${agency}|${periodText}|${metric}|${filter}`;
  // Only asked when `valid`, i.e. when DRILLABLE_METRICS has it: one of the API's metric codes.
  const metricCode = metric as DrillQuery['metric'];
  const first = useLoad(key, (s) => getIndicatorDossiers({ agency, period: periodText, metric: metricCode, filter, limit: PAGE }, s), enabled);
  const figure = useLoad(`${agency}|${periodText}`, (s) => getIndex766(agency, periodText, s), valid);

  // Further pages, appended to the first; reset when the question changes.
  const [more, setMore] = useState<{ key: string; items: DrilldownDossier[]; cursor: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  useEffect(() => {
    setMore(null);
    setMoreError(null);
  }, [key]);
  const firstNow = first.data && first.data.agency === agency && first.data.period === periodText && first.data.metric === metric && first.data.filter === filter ? first.data : null;
  const extra = more && more.key === key ? more : null;
  const items = firstNow ? [...firstNow.items, ...(extra?.items ?? [])] : null;
  const cursor = extra ? extra.cursor : firstNow?.next_cursor ?? null;

  async function loadMore() {
    if (!cursor) return;
    setBusy(true);
    setMoreError(null);
    try {
      const page = await getIndicatorDossiers({ agency, period: periodText, metric: metricCode, filter, cursor, limit: PAGE });
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], cursor: page.next_cursor });
    } catch (e) {
      setMoreError(e);
    } finally {
      setBusy(false);
    }
  }

  const m = figure.data?.groups.flatMap((g) => g.metrics).find((x) => x.code === metric);
  const name = firstNow ? localized(lang, firstNow.metric_name_vi, firstNow.metric_name_en) : metricName;
  const here = path + (search.toString() ? `?${search}` : '');

  return (
    <section class="dashboard drilldown">
      <p>
        <Link href={dashboardHref(agency || null, periodText || null)}>{t.drillBack}</Link>
      </p>
      <h1>{t.drillTitle(name)}</h1>
      {period && agency && (
        <p class="muted">
          {t.drillContext(agencyName(dir.data, agency, lang), periodLabel(period, lang))}{' '}
          {m && m.status === 'ok' && <span data-testid="drill-figure">{t.drillFigure(formatNumber(m.numerator, lang), formatNumber(m.denominator, lang))}</span>}
        </p>
      )}
      {!valid && (
        <p class="state state-error" role="alert">
          {t.drillNotDrillable}
        </p>
      )}
      {valid && me === undefined && <Loading />}
      {valid && me === null && (
        <div class="state state-empty">
          <p>{t.drillSignIn}</p>
          <p>
            <Link href={`/dang-nhap?next=${encodeURIComponent(here)}`} class="btn btn-primary">
              {t.signIn}
            </Link>
          </p>
        </div>
      )}
      {enabled && (
        <>
          <fieldset class="fieldset chip-group dash-filter">
            <legend>{t.drillFilter}</legend>
            <div class="chips">
              {FILTERS.map((f) => (
                <label class="chip" key={f}>
                  <input
                    type="radio"
                    name="drill-filter"
                    value={f}
                    checked={filter === f}
                    onChange={() => navigate(drillHref(agency, periodText, metric, f), { replace: true })}
                  />
                  <span>{t.drillFilterName[f]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {first.error !== null && <ErrorMessage error={first.error} onRetry={first.reload} />}
          {!items && first.error === null && <Loading />}
          {items && (
            <p class="results-count" role="status" data-filter={filter}>
              {items.length === 0 ? t.drillEmpty : t.drillShown(items.length)}
            </p>
          )}
          {items && items.length > 0 && (
            <div class="table-wrap" role="region" aria-label={t.drillTitle(name)} tabIndex={0}>
              <table class="stack dossier-table drill-table">
                <thead>
                  <tr>
                    <th scope="col">{t.dossierCode}</th>
                    <th scope="col">{t.status}</th>
                    <th scope="col">{t.channel}</th>
                    <th scope="col">{t.receivedAt}</th>
                    <th scope="col">{t.dueAt}</th>
                    <th scope="col">{t.drillCounted}</th>
                    <th scope="col">{t.drillReason}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((d) => (
                    <DrillRow key={d.code} d={d} />
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
        </>
      )}
    </section>
  );
}

function DrillRow({ d }: { d: DrilldownDossier }) {
  const { t, lang } = useI18n();
  const counted = d.in_numerator ? t.drillInNumerator : d.in_denominator ? t.drillDenominatorOnly : t.drillOutside;
  return (
    <tr data-code={d.code} data-counted={d.in_numerator ? 'numerator' : d.in_denominator ? 'denominator' : 'outside'}>
      <td class="name" data-label={t.dossierCode}>
        <Link href={dossierPath(d.code)} class="code">
          {d.code}
        </Link>
        <span class="note">{d.procedure_code}</span>
      </td>
      <td data-label={t.status}>
        <StatusBadge status={d.status} />
      </td>
      <td data-label={t.channel}>{t.channelName[d.channel] ?? d.channel}</td>
      <td data-label={t.receivedAt}>
        <span class="nowrap">{formatDateTime(d.received_at, lang)}</span>
      </td>
      <td data-label={t.dueAt}>
        <span class="nowrap">{formatDateTime(d.due_at, lang)}</span>
      </td>
      <td data-label={t.drillCounted}>
        <span class={`badge ${d.in_numerator ? 'badge-met' : d.in_denominator ? 'badge-notmet' : 'badge-nodata'}`}>{counted}</span>
      </td>
      <td data-label={t.drillReason} data-col="reason">
        {lang === 'en' ? d.reason_en || d.reason_vi : d.reason_vi || d.reason_en}
      </td>
    </tr>
  );
}
