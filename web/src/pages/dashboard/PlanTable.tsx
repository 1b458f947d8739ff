// The plan's indicators against their targets: met, not met, or no data (never "not met" for a
// figure that has no inputs). Met is said in words, not only in colour.
import type { ReportPlanRow } from '../../api/index.ts';
import { localized, useI18n } from '../../i18n/index.ts';
import { formatNumber, formatPercent } from './figures.ts';

/** A plan indicator as the plan endpoint (PlanIndicator) or the monthly report (no English name) gives it. */
type PlanRow = ReportPlanRow & { name_en?: string };

export function PlanTable({ caption, rows }: { caption: string; rows: PlanRow[] }) {
  const { t, lang } = useI18n();
  const withTarget = rows.filter((r) => r.target !== null);
  const met = withTarget.filter((r) => r.met === true).length;
  return (
    <>
      <p class="dash-plan-summary" data-testid="plan-summary">
        {t.dashPlanMet(met, withTarget.length)}
      </p>
      <table class="stack dash-plan">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.dashIndicator}</th>
            <th scope="col" class="num">
              {t.dashTarget}
            </th>
            <th scope="col" class="num">
              {t.dashActual}
            </th>
            <th scope="col">{t.dashResult}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const noData = r.status === 'no_data' || r.actual === null;
            return (
              <tr key={r.id} data-plan={r.id}>
                <td class="name" data-label={t.dashIndicator}>
                  <span class="metric-id">{r.id}</span> {localized(lang, r.name_vi, r.name_en)}
                </td>
                <td class="num" data-label={t.dashTarget}>
                  {r.target === null ? '—' : `≥ ${formatPercent(r.target, lang)}`}
                </td>
                <td class="num" data-label={t.dashActual}>
                  {noData ? (
                    t.dashNoData
                  ) : (
                    <>
                      {formatPercent(r.actual, lang)}
                      <span class="note">
                        {formatNumber(r.numerator, lang)}/{formatNumber(r.denominator, lang)}
                      </span>
                    </>
                  )}
                </td>
                <td data-label={t.dashResult} data-col="result">
                  {noData || r.met === null ? (
                    <span class="badge badge-nodata">{t.dashNoData}</span>
                  ) : r.met ? (
                    <span class="badge badge-met">✓ {t.dashMet}</span>
                  ) : (
                    <span class="badge badge-notmet">✗ {t.dashNotMet}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
