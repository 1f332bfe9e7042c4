import { BENCHMARK_LABELS, formatDecimal, shortCohortLabel, type BenchmarkKind, type ProfileIndicator, type Unit, formatterFor } from '@gka/shared';
import type { ChartOption } from '../../components/chart/echarts.ts';
import type { ChartLegendItem } from '../../components/chart/ChartLegend.tsx';
import { cohortLabel } from '../../components/controls/options.ts';
import { formatInterval, formatValue } from '../../lib/format.ts';

type Point = ProfileIndicator['trend'][number];

/** The benchmark lines of the trend, in legend order; each has its own dash and marker, not only its own colour. */
export const TREND_BENCHMARKS = [
  { kind: 'nederland', colour: '#636363', dash: 'dashed', symbol: 'diamond' },
  { kind: 'stedelijkheid', colour: '#b2182b', dash: 'dotted', symbol: 'triangle' },
  { kind: 'gka', colour: '#1b7837', dash: [8, 3, 2, 3], symbol: 'rect' },
  // A school's own gemeente (the gemeente page has no such line).
  { kind: 'gemeente', colour: '#6a3d9a', dash: [2, 3], symbol: 'circle' },
] as const satisfies readonly { kind: BenchmarkKind; colour: string; dash: unknown; symbol: string }[];

const AREA_COLOUR = '#08519c';
const BAND_COLOUR = 'rgba(8, 81, 156, 0.15)';
const COVID_COLOUR = 'rgba(179, 88, 6, 0.12)';

const benchmark = (p: Point, kind: BenchmarkKind) => p.benchmarks.find((b) => b.kind === kind)?.value ?? null;

/** The benchmark lines that have at least one value. */
export function trendBenchmarks(trend: Point[]) {
  return TREND_BENCHMARKS.filter((b) => trend.some((p) => benchmark(p, b.kind) !== null));
}

/** A benchmark's name in chart and table; a school's own gemeente by its name when known. */
export function benchmarkName(kind: BenchmarkKind, ownGemeente?: string): string {
  return kind === 'gemeente' && ownGemeente ? `${BENCHMARK_LABELS.gemeente} (${ownGemeente})` : BENCHMARK_LABELS[kind];
}

/** The cohorts with a figure of the area (a value, or one hidden as afgeschermd). */
export function figureCohorts(trend: Point[]): Point[] {
  return trend.filter((p) => p.value !== null || p.suppressed);
}

/** A trend is a line through at least two cohorts with a value; one value is a figure, not a trend. */
export function hasTrend(trend: Point[]): boolean {
  return trend.filter((p) => p.value !== null).length >= 2;
}

/** What the band is: the interval of the area's own value, not of a benchmark. */
export const bandLabel = (area: string) => `95%-interval van de waarde van ${area}`;

/**
 * The legend of the trend chart, shown beside it (ChartLegend) so that it wraps instead of paging:
 * the area, its interval band, each benchmark with its dash and marker, and the COVID shading.
 */
export function trendLegend({ trend, area, ownGemeente }: { trend: Point[]; area: string; ownGemeente?: string }): ChartLegendItem[] {
  return [
    { label: area, colour: AREA_COLOUR, line: 'solid', marker: 'circle' },
    ...(trend.some((p) => p.ciLow !== null && p.ciHigh !== null) ? [{ label: bandLabel(area), colour: BAND_COLOUR, band: true }] : []),
    ...trendBenchmarks(trend).map((b) => ({ label: benchmarkName(b.kind, ownGemeente), colour: b.colour, line: b.dash, marker: b.symbol })),
    ...(trend.some((p) => p.cohort.covid) ? [{ label: 'Cohorten waarin COVID een rol speelde', colour: COVID_COLOUR, band: true }] : []),
  ];
}

/** 1, 2, 2.5 or 5 times a power of ten: the tick step for about five ticks over `span`. */
function niceStep(span: number, smallest: number): number {
  const raw = Math.max(span / 5, smallest);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5].map((m) => m * power).find((s) => s >= raw - 1e-12) ?? 10 * power;
  return Math.max(step, smallest);
}

/**
 * A y-range that fits the values and intervals with some room, on whole ticks (at least whole
 * percents, whole points); shares stay within 0–100%. `fromZero` says whether the axis starts at zero.
 */
export function yRange(trend: Point[], unit: Unit): { min: number; max: number; interval: number; fromZero: boolean } | null {
  const values = trend
    .flatMap((p) => [p.value, p.ciLow, p.ciHigh, ...p.benchmarks.map((b) => b.value)])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return null;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const smallest = unit === 'percentage' ? 0.01 : 1;
  const pad = Math.max((hi - lo) * 0.1, smallest / 2);
  const interval = niceStep(hi - lo + 2 * pad, smallest);
  // Whole multiples of the step, rounded so float noise does not reach the axis labels.
  const round = (v: number) => Math.round(v / interval) * interval;
  let min = round(Math.floor((lo - pad) / interval) * interval);
  let max = round(Math.ceil((hi + pad) / interval) * interval);
  if (unit === 'percentage') {
    min = Math.max(0, min);
    max = Math.min(1, max);
  }
  return { min, max, interval, fromZero: min === 0 };
}

/** Runs of consecutive cohorts COVID touched, as first and last index. */
export function covidRuns(trend: Point[]): [number, number][] {
  const runs: [number, number][] = [];
  trend.forEach((p, i) => {
    if (!p.cohort.covid) return;
    const last = runs.at(-1);
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}

/** The COVID band as the chart draws it: first and last x-axis label of each run. */
export function covidBand(trend: Point[]): [string, string][] {
  const label = (i: number) => {
    const p = trend[i];
    return p ? shortCohortLabel(p.cohort) : '';
  };
  return covidRuns(trend).map(([a, b]) => [label(a), label(b)]);
}

/** An axis bound or tick: whole percents ('35%'), one decimal for means. */
export function axisNumber(v: number, unit: Unit): string {
  return unit === 'percentage' ? `${Math.round(v * 100)}%` : formatDecimal(v);
}

/** The sentence under the chart that states the scale. */
export function scaleNote(trend: Point[], unit: Unit): string {
  const r = yRange(trend, unit);
  if (!r) return '';
  const f = (v: number) => axisNumber(v, unit);
  return r.fromZero
    ? `De verticale as loopt van ${f(r.min)} tot ${f(r.max)}.`
    : `Let op: de verticale as begint bij ${f(r.min)}, niet bij 0, en loopt tot ${f(r.max)}.`;
}

/**
 * The trend chart of one indicator on its own time axis: the area with its 95% interval as a band,
 * the benchmark lines, and the cohorts COVID touched for this indicator as a shaded band.
 */
/** The school year a date falls in: from 1 August (2024-09-01 is in 2024-2025). */
export function schoolYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 8 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

/**
 * Where interventies start on a trend's axis: the first cohort whose school years reach the school
 * year of the start. One that starts after the last cohort has no place yet (its effect cannot show).
 */
export function interventionMarks(trend: Pick<Point, 'cohort'>[], interventies: readonly { naam: string; start: string }[]): { index: number; naam: string }[] {
  return interventies.flatMap((i) => {
    const year = schoolYearOf(i.start);
    const index = trend.findIndex((p) => p.cohort.schoolYears.some((y) => y >= year));
    return index < 0 ? [] : [{ index, naam: i.naam }];
  });
}

export function trendOption({
  trend,
  unit,
  area,
  ownGemeente,
  marks = [],
}: {
  trend: Point[];
  unit: Unit;
  area: string;
  ownGemeente?: string;
  /** Interventies from the dossier, as vertical lines where they start (interventionMarks). */
  marks?: { index: number; naam: string }[];
}): ChartOption {
  const f = formatterFor(unit);
  const labels = trend.map((p) => shortCohortLabel(p.cohort));
  const range = yRange(trend, unit);
  const lines = trendBenchmarks(trend);
  const bandName = bandLabel(area);
  const starts = new Set(covidRuns(trend).map(([a]) => a));
  return {
    // No legend inside the chart: trendLegend goes beside it and wraps.
    grid: { left: 56, right: 16, top: 24, bottom: 40, containLabel: false },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const i = (Array.isArray(params) ? (params[0] as { dataIndex?: number } | undefined) : undefined)?.dataIndex ?? 0;
        const p = trend[i];
        if (!p) return '';
        const rows = [
          `<strong>${cohortLabel(p.cohort)}</strong>`,
          `${area}: ${formatValue(p, unit)}${p.ciLow !== null ? ` (${formatInterval(p, unit)})` : ''}`,
          ...lines.map((b) => `${benchmarkName(b.kind, ownGemeente)}: ${f(benchmark(p, b.kind))}`),
        ];
        return rows.join('<br/>');
      },
    },
    xAxis: { type: 'category', data: labels, boundaryGap: true, axisLabel: { hideOverlap: true } },
    yAxis: [
      {
        type: 'value',
        min: range?.min,
        max: range?.max,
        interval: range?.interval,
        axisLabel: { formatter: (v: number) => axisNumber(v, unit) },
      },
      // The COVID band's own axis: a bar of height 1 fills the whole category.
      { type: 'value', min: 0, max: 1, show: false },
    ],
    series: [
      {
        name: 'COVID',
        type: 'bar',
        yAxisIndex: 1,
        barWidth: '100%',
        silent: true,
        z: 0,
        itemStyle: { color: COVID_COLOUR },
        label: { show: false, position: 'insideTop', formatter: 'COVID', color: '#7f3b08' },
        data: trend.map((p, i) => (p.cohort.covid ? { value: 1, label: { show: starts.has(i) } } : null)),
      },
      // The interval as a band: an invisible line at the lower bound, and the width stacked on it.
      {
        name: bandName,
        type: 'line',
        stack: 'interval',
        data: trend.map((p) => (p.ciLow !== null && p.ciHigh !== null ? p.ciLow : null)),
        lineStyle: { opacity: 0 },
        symbol: 'none',
        color: BAND_COLOUR,
        silent: true,
      },
      {
        name: bandName,
        type: 'line',
        stack: 'interval',
        data: trend.map((p) => (p.ciLow !== null && p.ciHigh !== null ? p.ciHigh - p.ciLow : null)),
        lineStyle: { opacity: 0 },
        areaStyle: { color: BAND_COLOUR },
        symbol: 'none',
        color: BAND_COLOUR,
        silent: true,
      },
      ...lines.map((b) => ({
        name: benchmarkName(b.kind, ownGemeente),
        type: 'line' as const,
        data: trend.map((p) => benchmark(p, b.kind)),
        color: b.colour,
        lineStyle: { type: b.dash as 'dashed', width: 2 },
        symbol: b.symbol,
        symbolSize: 7,
      })),
      // Last, so the area's own line and markers lie over a benchmark with the same value.
      {
        name: area,
        type: 'line',
        data: trend.map((p) => (p.suppressed ? null : p.value)),
        color: AREA_COLOUR,
        lineStyle: { width: 3 },
        symbol: 'circle',
        symbolSize: 8,
        connectNulls: false,
        ...(marks.length
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dotted' as const, color: '#333', width: 1.5 },
                label: { formatter: '{b}', position: 'insideEndTop' as const, color: '#333' },
                data: marks.map((m) => ({ name: m.naam, xAxis: labels[m.index] })),
              },
            }
          : {}),
      },
    ],
  };
}
