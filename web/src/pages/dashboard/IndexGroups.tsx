// The 766 index of one agency and period: the total, the six groups at a glance, then each
// group's metrics (numerator, denominator, ratio, score against its maximum). A metric without
// inputs says "no data", never 0. Dossier-level metrics link to the dossiers behind them when
// `drillHref` gives an address (officials who may read indicators).
import type { IndicatorGroup, IndicatorMetric } from '../../api/index.ts';
import { Link } from '../../components/Link.tsx';
import { localized, useI18n } from '../../i18n/index.ts';
import { formatNumber, formatPercent } from './figures.ts';

/** A metric as the index endpoint gives it, or the monthly report (which names it). */
type Metric = IndicatorMetric & { name_vi?: string };
/** A group as the index endpoint (IndicatorGroup) or the monthly report (ReportIndexGroup: named
 * metrics, no English name) gives it. */
type Group = Omit<IndicatorGroup, 'name_en' | 'metrics'> & { name_en?: string; metrics: Metric[] };

interface Props {
  /** Prefix of the element ids (two indexes may share a page). */
  id: string;
  total: number;
  max: number;
  groups: Group[];
  drillHref?: (metric: string) => string | null;
}

export function IndexGroups({ id, total, max, groups, drillHref }: Props) {
  const { t, lang } = useI18n();
  const drillable = drillHref && groups.some((g) => g.metrics.some((m) => drillHref(m.code)));
  return (
    <div class="dash-index">
      <div class="dash-overview">
        <p class="dash-total card">
          <span class="dash-total-label">{t.dashTotal}</span>
          <strong class="dash-total-value" data-testid={`${id}-total`}>
            {t.dashPoints(formatNumber(total, lang), formatNumber(max, lang))}
          </strong>
        </p>
        <ol class="dash-group-cards">
          {groups.map((g, i) => (
            <li key={g.code} class="card" data-group={g.code}>
              <a href={`#${id}-group-${i + 1}`} class="dash-group-link">
                {t.dashGroupHeading(i + 1, localized(lang, g.name_vi, g.name_en))}
              </a>
              <span class="dash-group-score">{t.dashPoints(formatNumber(g.score, lang), formatNumber(g.max_score, lang))}</span>
              <span class="meter" aria-hidden="true">
                <span style={{ width: `${g.max_score > 0 ? Math.min(100, (g.score / g.max_score) * 100) : 0}%` }} />
              </span>
            </li>
          ))}
        </ol>
      </div>
      {drillable && <p class="muted small">{t.dashDrillHint}</p>}
      {groups.map((g, i) => (
        <section key={g.code} class="dash-group" aria-labelledby={`${id}-group-${i + 1}`}>
          <h3 id={`${id}-group-${i + 1}`} tabIndex={-1}>
            {t.dashGroupHeading(i + 1, localized(lang, g.name_vi, g.name_en))}{' '}
            <span class="dash-group-score">— {t.dashPoints(formatNumber(g.score, lang), formatNumber(g.max_score, lang))}</span>
          </h3>
          <table class="stack dash-metrics">
            <thead>
              <tr>
                <th scope="col">{t.dashMetric}</th>
                <th scope="col" class="num">
                  {t.dashNumerator}
                </th>
                <th scope="col" class="num">
                  {t.dashDenominator}
                </th>
                <th scope="col" class="num">
                  {t.dashRatio}
                </th>
                <th scope="col" class="num">
                  {t.dashScore}
                </th>
              </tr>
            </thead>
            <tbody>
              {g.metrics.map((m) => (
                <MetricRow key={m.code} m={m} href={drillHref?.(m.code) ?? null} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

function MetricRow({ m, href }: { m: Metric; href: string | null }) {
  const { t, lang } = useI18n();
  const name = t.dashMetricName[m.code] ?? m.name_vi ?? m.code;
  const noData = m.status === 'no_data';
  const id = /^\d/.test(m.id) ? m.id : null;
  return (
    <tr data-metric={m.code} class={noData ? 'no-data' : undefined}>
      <td class="name" data-label={t.dashMetric}>
        <span class="metric-id">{id ?? ''}</span>{' '}
        {href ? (
          <Link href={href} class="drill-link">
            {name}
            <span class="visually-hidden"> — {t.dashDrillOf}</span> <span aria-hidden="true">▸</span>
          </Link>
        ) : (
          name
        )}
      </td>
      <td class="num" data-label={t.dashNumerator} data-col="numerator">
        {noData ? '—' : formatNumber(m.numerator, lang)}
      </td>
      <td class="num" data-label={t.dashDenominator} data-col="denominator">
        {noData ? '—' : formatNumber(m.denominator, lang)}
      </td>
      <td class="num" data-label={t.dashRatio} data-col="ratio">
        {noData ? t.dashNoData : formatPercent(m.ratio, lang)}
      </td>
      <td class="num" data-label={t.dashScore} data-col="score">
        {noData || m.score === null ? t.dashNoData : m.max_score === 0 ? t.dashTracking : `${formatNumber(m.score, lang)}/${formatNumber(m.max_score, lang)}`}
      </td>
    </tr>
  );
}
