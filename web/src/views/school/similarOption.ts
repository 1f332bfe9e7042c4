import { formatPercent, SUPPRESSED_TEXT, VERDICTS } from '@gka/shared';
import type { ChartOption } from '../../components/chart/echarts.ts';
import type { ChartLegendItem } from '../../components/chart/ChartLegend.tsx';
import type { SimilarRow } from './similar.ts';

/** The marker of the band's share: a dark upright stroke, apart from the school's round dot. */
const BAND_COLOUR = '#252525';
const INTERVAL_COLOUR = '#525252';

/** The chart's legend (HTML beside it): the school's dot, its interval, and the similar schools' stroke. */
export const SIMILAR_LEGEND: ChartLegendItem[] = [
  { label: 'Deze school (kleur: oordeel)', colour: VERDICTS.geen_verschil.colour, marker: 'circle' },
  { label: '95%-interval van de school', colour: INTERVAL_COLOUR, line: 'solid' },
  { label: 'Scholen met een vergelijkbare achterstandsscore', colour: BAND_COLOUR, marker: 'rect' },
];

/**
 * Per referentieniveau a row (the first on top): the school's share as a dot coloured by its verdict
 * against schools of a similar achterstandsscore, its 95% interval as a whisker, and the pooled share
 * of those schools as an upright stroke. The axis runs from 0 to 100%; the value goes with the name.
 */
export function similarOption({
  rows,
  narrow = false,
}: {
  rows: SimilarRow[];
  /** A phone: the value under the label, so the dots keep their room. */ narrow?: boolean;
}): ChartOption {
  // ECharts draws the first category at the bottom.
  const shown = [...rows].reverse();
  const own = (r: SimilarRow) => (r.similar.value === null ? SUPPRESSED_TEXT : formatPercent(r.similar.value));
  return {
    grid: { left: 8, right: 24, top: 12, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v == null ? SUPPRESSED_TEXT : formatPercent(v as number)) },
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v).replace(',0', ''), hideOverlap: true } },
    yAxis: {
      type: 'category',
      data: shown.map((r) => r.label),
      axisLabel: { lineHeight: 14, formatter: (label: string, i: number) => `${label}${narrow ? '\n' : ': '}${own(shown[i]!)}` },
    },
    series: [
      {
        type: 'scatter',
        name: 'Deze school',
        symbolSize: 12,
        itemStyle: { color: VERDICTS.geen_verschil.colour },
        data: shown.map((r) => ({ value: r.similar.value, itemStyle: { color: VERDICTS[r.verdict].colour, borderColor: '#ffffff', borderWidth: 1 } })),
        z: 4,
      },
      {
        type: 'scatter',
        name: 'Vergelijkbare scholen',
        symbol: 'rect',
        symbolSize: [4, 22],
        itemStyle: { color: BAND_COLOUR },
        data: shown.map((r) => r.similar.bandValue),
        z: 2,
      },
      {
        // The school's 95% interval, the one its verdict follows: a line from low to high with caps.
        type: 'custom',
        name: '95%-interval',
        silent: true,
        data: shown.flatMap((r, i) => (r.similar.ciLow !== null && r.similar.ciHigh !== null ? [[r.similar.ciLow, r.similar.ciHigh, i]] : [])),
        encode: { x: [0, 1], y: 2 },
        renderItem: (_params, api) => {
          const [lowX = 0, lowY = 0] = api.coord([api.value(0), api.value(2)]);
          const [highX = 0, highY = 0] = api.coord([api.value(1), api.value(2)]);
          const cap = 5;
          const style = { stroke: INTERVAL_COLOUR, lineWidth: 1.5 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: lowX, y1: lowY, x2: highX, y2: highY }, style },
              { type: 'line', shape: { x1: lowX, y1: lowY - cap, x2: lowX, y2: lowY + cap }, style },
              { type: 'line', shape: { x1: highX, y1: highY - cap, x2: highX, y2: highY + cap }, style },
            ],
          };
        },
        z: 3,
      },
    ],
  };
}
