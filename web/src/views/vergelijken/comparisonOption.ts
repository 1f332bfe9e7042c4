import { SUPPRESSED_TEXT, formatterFor, type Benchmark, type CompareRow, type Unit } from '@gka/shared';
import type { ChartOption } from '../../components/chart/echarts.ts';

/** The benchmark a group of wijken is compared with: its totaal, or the first of that kind. */
export function benchmarkOf(benchmarks: Benchmark[], kind: Benchmark['kind']): Benchmark | undefined {
  return benchmarks.find((b) => b.kind === kind && b.group === 'totaal') ?? benchmarks.find((b) => b.kind === kind);
}

/**
 * Wijken as bars ranked by value (highest on top; hidden and missing at the bottom, labelled
 * 'afgeschermd'), with the average of the gemeenten and the own gemeente as dashed lines whose
 * labels sit at different heights so they never overlap.
 */
export function comparisonOption({
  rows,
  benchmarks,
  unit,
  indicatorName,
  gemeenteName,
}: {
  rows: CompareRow[];
  benchmarks: Benchmark[];
  unit: Unit;
  indicatorName: string;
  gemeenteName: string;
}): ChartOption {
  const f = formatterFor(unit);
  const ranked = [...rows].sort((a, b) => (a.value ?? -Infinity) - (b.value ?? -Infinity));
  const gemiddelde = benchmarkOf(benchmarks, 'gemeenten');
  const eigen = benchmarkOf(benchmarks, 'gemeente');
  const lines = [
    gemiddelde?.value != null && { name: 'Gemiddelde gemeenten', xAxis: gemiddelde.value, colour: '#525252', distance: 4 },
    eigen?.value != null && { name: gemeenteName, xAxis: eigen.value, colour: '#a04a00', distance: 20 },
  ].filter((x): x is { name: string; xAxis: number; colour: string; distance: number } => !!x);
  return {
    grid: { left: 8, right: 56, top: 48, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v == null ? SUPPRESSED_TEXT : f(v as number)) },
    // Averages (eindtoets 501–550) would be flat bars from zero: let the axis fit the data.
    xAxis: { type: 'value', scale: unit !== 'percentage', axisLabel: { formatter: (v: number) => f(v) } },
    yAxis: { type: 'category', data: ranked.map((r) => r.name), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: indicatorName,
        data: ranked.map((r) => r.value),
        color: '#3182bd',
        label: { show: true, position: 'right', formatter: (p) => (p.value == null ? SUPPRESSED_TEXT : f(p.value as number)) },
        markLine: {
          silent: true,
          symbol: 'none',
          data: lines.map((l) => ({
            name: l.name,
            xAxis: l.xAxis,
            lineStyle: { color: l.colour, type: 'dashed', width: 2 },
            label: { formatter: `${l.name}: ${f(l.xAxis)}`, color: l.colour, position: 'end', distance: l.distance },
          })),
        },
      },
    ],
  };
}
