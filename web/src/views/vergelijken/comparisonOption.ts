import {
  BENCHMARK_INFO,
  SUPPRESSED_TEXT,
  VERDICTS,
  formatterFor,
  verdictOf,
  type Benchmark,
  type BenchmarkKind,
  type CompareRow,
  type Unit,
  type Verdict,
} from '@gka/shared';
import type { ChartOption } from '../../components/chart/echarts.ts';

/** The benchmark a group of wijken is compared with: its totaal, or the first of that kind. */
export function benchmarkOf(benchmarks: Benchmark[], kind: Benchmark['kind']): Benchmark | undefined {
  return benchmarks.find((b) => b.kind === kind && b.group === 'totaal') ?? benchmarks.find((b) => b.kind === kind);
}

/** A wijk's verdict against one of its benchmarks; unknown when it is hidden or has no such comparison. */
export function compareVerdict(row: CompareRow, kind: BenchmarkKind, higherIsBetter: boolean | null): Verdict {
  const c = row.comparisons.find((x) => x.kind === kind);
  return row.suppressed || !c ? 'onbekend' : verdictOf(c.significance, higherIsBetter);
}

/** The outline and the name of the wijk a page is about (followed from a wijk link), among the others. */
const HIGHLIGHT = { borderColor: '#1a1a1a', borderWidth: 3 };

/**
 * Wijken as bars ranked by value (highest on top; hidden and missing at the bottom, labelled
 * 'afgeschermd'; the value beside the name), each coloured by its verdict against the own gemeente and with its 95% interval
 * as a whisker; the average of the gemeenten and the own gemeente as dashed lines whose labels sit
 * at different heights so they never overlap. Wijk names wrap rather than being cut off. A highlighted
 * wijk gets a dark outline and its name in bold, marked with an arrow.
 */
export function comparisonOption({
  rows,
  benchmarks,
  unit,
  indicatorName,
  gemeenteName,
  higherIsBetter,
  highlight,
  labelWidth = 190,
}: {
  rows: CompareRow[];
  benchmarks: Benchmark[];
  unit: Unit;
  indicatorName: string;
  gemeenteName: string;
  higherIsBetter: boolean | null;
  /** The code of the wijk to single out. */
  highlight?: string;
  /** Room for a wijk's name and value; narrower on a phone, so the bars keep room beside them. */
  labelWidth?: number;
}): ChartOption {
  const f = formatterFor(unit);
  const ranked = [...rows].sort((a, b) => (a.value ?? -Infinity) - (b.value ?? -Infinity));
  const gemiddelde = benchmarkOf(benchmarks, 'gemeenten');
  const eigen = benchmarkOf(benchmarks, 'gemeente');
  const lines = [
    gemiddelde?.value != null && { name: BENCHMARK_INFO.gemeenten.short, xAxis: gemiddelde.value, colour: '#525252', distance: 4 },
    eigen?.value != null && { name: gemeenteName, xAxis: eigen.value, colour: '#a04a00', distance: 20 },
  ].filter((x): x is { name: string; xAxis: number; colour: string; distance: number } => !!x);
  const valueText = (r: CompareRow | undefined) => (r?.value == null ? SUPPRESSED_TEXT : f(r.value));
  return {
    // The axis labels (long wijk names) stay inside the chart: what `containLabel` was before ECharts 6.
    grid: { left: 8, right: 56, top: 48, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v == null ? SUPPRESSED_TEXT : f(v as number)) },
    // Averages (eindtoets 501–550) would be flat bars from zero: let the axis fit the data. On a phone the bars
    // get little room beside the names: ticks too close to read are left out rather than printed over each other.
    xAxis: { type: 'value', scale: unit !== 'percentage', axisLabel: { formatter: (v: number) => f(v), hideOverlap: true } },
    // The value goes with the name on the axis: beside the bar it would collide with the whisker.
    yAxis: {
      type: 'category',
      data: ranked.map((r) => r.name),
      axisLabel: {
        width: labelWidth,
        overflow: 'break',
        lineHeight: 13,
        formatter: (name: string, i: number) =>
          ranked[i]?.area === highlight ? `{focus|▶ ${name}: ${valueText(ranked[i])}}` : `${name}: ${valueText(ranked[i])}`,
        rich: { focus: { fontWeight: 'bold', color: '#1a1a1a' } },
      },
    },
    series: [
      {
        type: 'bar',
        name: indicatorName,
        data: ranked.map((r) => ({
          value: r.value,
          itemStyle: { color: VERDICTS[compareVerdict(r, 'gemeente', higherIsBetter)].colour, ...(r.area === highlight ? HIGHLIGHT : {}) },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          // ECharts rounds a line's value to `precision` decimals (2 by default): a share of 10,7% (0.107) would sit at 11,0%.
          precision: 20,
          data: lines.map((l) => ({
            name: l.name,
            xAxis: l.xAxis,
            lineStyle: { color: l.colour, type: 'dashed', width: 2 },
            label: { formatter: `${l.name}: ${f(l.xAxis)}`, color: l.colour, position: 'end', distance: l.distance },
          })),
        },
      },
      {
        // The 95% interval: a line from low to high with caps, on the bar's row.
        type: 'custom',
        name: '95%-interval',
        silent: true,
        data: ranked.flatMap((r, i) => (r.ciLow !== null && r.ciHigh !== null ? [[r.ciLow, r.ciHigh, i]] : [])),
        encode: { x: [0, 1], y: 2 },
        renderItem: (_params, api) => {
          const [lowX = 0, lowY = 0] = api.coord([api.value(0), api.value(2)]);
          const [highX = 0, highY = 0] = api.coord([api.value(1), api.value(2)]);
          const cap = 5;
          const style = { stroke: '#252525', lineWidth: 1.5 };
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
