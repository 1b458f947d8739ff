// The year's trend of an agency: a chart (ECharts, loaded on demand) with its text alternative,
// the same figures as a table. The chart is an image to assistive technology; the table is read.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { IndexMonth } from '../../api/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatNumber } from './figures.ts';

type ChartModule = typeof import('./trendChart.ts');
type Chart = ReturnType<ChartModule['drawTrend']>;

export function TrendSection({ agencyName, year, months }: { agencyName: string; year: number; months: IndexMonth[] }) {
  const { t, lang } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let live = true;
    const draw = (mod: ChartModule) => {
      if (!live || !box.current) return;
      chart.current = mod.drawTrend(
        box.current,
        {
          months: months.map((m) => t.dashMonthShort(Number(m.period.slice(5, 7)))),
          scores: months.map((m) => Math.round(m.total_score * 100) / 100),
          received: months.map((m) => m.received),
          scoreName: t.dashTotal,
          receivedName: t.dashReceived,
          format: (n) => formatNumber(n, lang),
        },
        chart.current ?? undefined,
      );
      setState('ready');
    };
    import('./trendChart.ts').then(draw, () => live && setState('failed'));
    return () => {
      live = false;
    };
  }, [months, lang, t]);

  // Follow the box's width (rotation, window resizing); dispose with the component.
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => chart.current?.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  return (
    <div class="dash-trend">
      <figure class="dash-figure">
        <div ref={box} class="dash-chart" role="img" aria-label={t.dashTrendChart(agencyName, year)} />
        <figcaption>
          <ul class="chart-legend">
            <li>
              <span class="key key-line" aria-hidden="true" /> {t.dashTotal}
            </li>
            <li>
              <span class="key key-bar" aria-hidden="true" /> {t.dashReceived}
            </li>
          </ul>
        </figcaption>
      </figure>
      {state === 'loading' && <p class="muted small">{t.dashChartLoading}</p>}
      {state === 'failed' && <p class="muted small">{t.dashChartFailed}</p>}
      <div class="table-wrap" role="region" aria-label={t.dashTrendTable(year)} tabIndex={0}>
        <table class="dash-trend-table">
          <caption class="visually-hidden">{t.dashTrendTable(year)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.dashMonth}</th>
              <th scope="col" class="num">
                {t.dashTotal}
              </th>
              <th scope="col" class="num">
                {t.dashReceived}
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => {
              return (
                <tr key={m.period} data-period={m.period}>
                  <th scope="row">{t.dashMonthName(Number(m.period.slice(5, 7)))}</th>
                  <td class="num" data-col="total">
                    {formatNumber(m.total_score, lang)}
                  </td>
                  <td class="num" data-col="received">
                    {formatNumber(m.received, lang)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
