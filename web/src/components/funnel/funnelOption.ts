import { SIGNIFICANCE_WORDS, VERDICTS, formatInteger, formatPercent, verdictOf, type FunnelLimit, type FunnelPoint, type FunnelResponse } from '@gka/shared';
import type { ChartOption } from '../chart/echarts.ts';
import type { ChartLegendItem } from '../chart/ChartLegend.tsx';
import { formatInterval } from '../../lib/format.ts';

const TARGET_COLOUR = '#a04a00';
const LIMIT_COLOUR = '#525252';
const HIGHLIGHT_COLOUR = '#08306b';

export const LIMIT_NAMES = { l95: '95%-grenzen', l998: '99,8%-grenzen' } as const;

/** A shape per verdict besides its colour: up for significantly higher, down for lower. */
function symbolOf(p: FunnelPoint): { symbol: string; symbolRotate: number } {
  if (p.significance === 'hoger') return { symbol: 'triangle', symbolRotate: 0 };
  if (p.significance === 'lager') return { symbol: 'triangle', symbolRotate: 180 };
  return { symbol: 'circle', symbolRotate: 0 };
}

/**
 * The y-range: the points, the target and the 95% limits with room around them, on whole 5%, within
 * 0–100%. The 99.8% limits may run off it: with much spread between areas they would squash the rest.
 */
export function funnelRange(points: FunnelPoint[], target: number | null, limits: FunnelLimit[] = []): { min: number; max: number } | null {
  const values = [...points.map((p) => p.value), ...(target === null ? [] : [target]), ...limits.flatMap((l) => [l.low95, l.high95])];
  if (values.length === 0) return null;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.15, 0.02);
  return { min: Math.max(0, Math.floor((lo - pad) * 20) / 20), max: Math.min(1, Math.ceil((hi + pad) * 20) / 20) };
}

/** The x-range on a log axis: from the power of ten below the smallest area to the one above the largest. */
export function funnelDomain(points: FunnelPoint[]): { min: number; max: number } | null {
  if (points.length === 0) return null;
  const ns = points.map((p) => p.n);
  return { min: 10 ** Math.floor(Math.log10(Math.min(...ns))), max: 10 ** Math.ceil(Math.log10(Math.max(...ns))) };
}

/** One limit curve as [n, share] pairs. */
const curve = (limits: FunnelLimit[], key: keyof Omit<FunnelLimit, 'n'>) => limits.map((l) => [l.n, l[key]]);

/**
 * The legend of the funnel plot, shown beside it (ChartLegend) so that it wraps instead of paging:
 * the areas, the target, the two pairs of limits and the highlighted area.
 */
export function funnelLegend({
  funnel,
  areasLabel,
  higherIsBetter,
  highlight,
}: {
  funnel: Pick<FunnelResponse, 'points' | 'target'>;
  areasLabel: string;
  higherIsBetter: boolean | null;
  highlight?: string;
}): ChartLegendItem[] {
  const marked = funnel.points.find((p) => p.area === highlight);
  return [
    { label: areasLabel, colour: VERDICTS.geen_verschil.colour, marker: 'circle' },
    { label: funnel.target.label, colour: TARGET_COLOUR, line: 'solid' },
    { label: LIMIT_NAMES.l95, colour: LIMIT_COLOUR, line: 'solid' },
    { label: LIMIT_NAMES.l998, colour: LIMIT_COLOUR, line: 'dashed' },
    ...(marked
      ? [{ label: marked.name, colour: VERDICTS[verdictOf(marked.significance, higherIsBetter)].colour, marker: 'circle' as const, outline: HIGHLIGHT_COLOUR }]
      : []),
  ];
}

/**
 * A funnel plot: each area at (pupils, share) on a log axis of pupils, shaped and coloured by its
 * verdict against the target; the target as a line; the 95% limits solid and the 99.8% limits dashed;
 * the highlighted area last, so nothing covers it, larger and labelled with its name.
 */
export function funnelOption({
  funnel,
  indicatorName,
  higherIsBetter,
  areasLabel,
  highlight,
}: {
  funnel: Pick<FunnelResponse, 'points' | 'limits' | 'target'>;
  indicatorName: string;
  higherIsBetter: boolean | null;
  /** What the points are: 'Wijken', 'Scholen', 'Gemeenten'. */
  areasLabel: string;
  highlight?: string;
}): ChartOption {
  const { points, limits, target } = funnel;
  const range = funnelRange(points, target.value, limits);
  const domain = funnelDomain(points);
  const marked = points.find((p) => p.area === highlight);
  const limitLine = (name: string, key: keyof Omit<FunnelLimit, 'n'>, dashed: boolean) => ({
    name,
    type: 'line' as const,
    data: curve(limits, key),
    symbol: 'none',
    silent: true,
    color: LIMIT_COLOUR,
    lineStyle: { color: LIMIT_COLOUR, width: dashed ? 1.5 : 2, type: dashed ? ('dashed' as const) : ('solid' as const) },
    z: 2,
  });
  const tooltipOf = (p: FunnelPoint) =>
    [
      `<strong>${p.name}</strong>`,
      `${indicatorName}: ${formatPercent(p.value)} (${formatInterval(p)})`,
      `Leerlingen: ${formatInteger(p.n)}`,
      `${SIGNIFICANCE_WORDS[p.significance]} (t.o.v. ${target.label})`,
    ].join('<br/>');
  return {
    // No legend inside the chart: funnelLegend goes beside it and wraps.
    grid: { left: 56, right: 32, top: 40, bottom: 48, containLabel: false },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const area = (params as { data?: { name?: string } }).data?.name;
        const p = points.find((x) => x.area === area);
        return p ? tooltipOf(p) : '';
      },
    },
    xAxis: {
      type: 'log',
      logBase: 10,
      min: domain?.min,
      max: domain?.max,
      name: 'Aantal leerlingen',
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { formatter: (v: number) => formatInteger(v) },
    },
    yAxis: {
      type: 'value',
      min: range?.min,
      max: range?.max,
      name: indicatorName,
      nameLocation: 'end',
      nameTextStyle: { align: 'left' },
      axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
    },
    series: [
      limitLine(LIMIT_NAMES.l998, 'low998', true),
      limitLine(LIMIT_NAMES.l998, 'high998', true),
      limitLine(LIMIT_NAMES.l95, 'low95', false),
      limitLine(LIMIT_NAMES.l95, 'high95', false),
      {
        name: target.label,
        type: 'line',
        data: target.value === null || !domain ? [] : [domain.min, domain.max].map((n) => [n, target.value]),
        symbol: 'none',
        silent: true,
        color: TARGET_COLOUR,
        lineStyle: { color: TARGET_COLOUR, width: 2 },
        z: 3,
      },
      {
        name: areasLabel,
        type: 'scatter',
        symbolSize: 9,
        color: VERDICTS.geen_verschil.colour,
        data: points.map((p) => ({
          value: [p.n, p.value],
          name: p.area,
          ...symbolOf(p),
          itemStyle: { color: VERDICTS[verdictOf(p.significance, higherIsBetter)].colour, opacity: 0.85 },
        })),
        z: 4,
      },
      // Last: drawn over every other point and line.
      ...(marked
        ? [
            {
              name: marked.name,
              type: 'scatter' as const,
              symbolSize: 16,
              color: HIGHLIGHT_COLOUR,
              data: [
                {
                  value: [marked.n, marked.value],
                  name: marked.area,
                  ...symbolOf(marked),
                  itemStyle: { color: VERDICTS[verdictOf(marked.significance, higherIsBetter)].colour, borderColor: HIGHLIGHT_COLOUR, borderWidth: 3 },
                },
              ],
              label: { show: true, position: 'right' as const, formatter: marked.name, color: HIGHLIGHT_COLOUR, fontWeight: 'bold' as const },
              z: 10,
            },
          ]
        : []),
    ],
  };
}
