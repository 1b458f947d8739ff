// The trend chart, drawn with ECharts: the dashboard chunk imports this module on demand, so
// ECharts is a chunk of its own, fetched after the figures. Only the parts used are registered
// (line, bar, grid, tooltip, SVG renderer); the legend is HTML beside the chart (TrendSection).
import { init, use as registerParts, type EChartsType } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

registerParts([BarChart, LineChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface TrendData {
  months: string[];
  scores: number[];
  received: number[];
  scoreName: string;
  receivedName: string;
  /** How a number is written in the UI language. */
  format: (n: number) => string;
}

// Colours with at least 3:1 against the white background (WCAG non-text contrast).
export const SCORE_COLOUR = '#b35c00';
export const RECEIVED_COLOUR = '#5b8fc9';
const TEXT_COLOUR = '#4d5865';

export function drawTrend(el: HTMLElement, data: TrendData, chart?: EChartsType): EChartsType {
  const c = chart ?? init(el, undefined, { renderer: 'svg' });
  const narrow = el.clientWidth < 480;
  c.setOption(
    {
      animation: false,
      textStyle: { color: TEXT_COLOUR, fontFamily: 'inherit' },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? data.format(v) : String(v)) },
      grid: { left: 8, right: 8, top: narrow ? 12 : 32, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.months,
        axisLabel: { color: TEXT_COLOUR, interval: 0, fontSize: narrow ? 11 : 12 },
        axisLine: { lineStyle: { color: '#8794a3' } },
      },
      yAxis: [
        {
          type: 'value',
          min: 0,
          max: 100,
          name: narrow ? '' : data.scoreName,
          nameTextStyle: { color: TEXT_COLOUR, align: 'left' },
          axisLabel: { color: TEXT_COLOUR, formatter: (v: number) => data.format(v) },
          splitLine: { lineStyle: { color: '#e6ebf1' } },
        },
        {
          type: 'value',
          minInterval: 1,
          name: narrow ? '' : data.receivedName,
          nameTextStyle: { color: TEXT_COLOUR, align: 'right' },
          axisLabel: { color: TEXT_COLOUR, formatter: (v: number) => data.format(v) },
          splitLine: { show: false },
        },
      ],
      series: [
        { name: data.receivedName, type: 'bar', yAxisIndex: 1, data: data.received, itemStyle: { color: RECEIVED_COLOUR }, barMaxWidth: 28 },
        {
          name: data.scoreName,
          type: 'line',
          yAxisIndex: 0,
          data: data.scores,
          itemStyle: { color: SCORE_COLOUR },
          lineStyle: { color: SCORE_COLOUR, width: 3 },
          symbol: 'circle',
          symbolSize: 8,
        },
      ],
    },
    { notMerge: true },
  );
  return c;
}
