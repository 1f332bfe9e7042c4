import { describe, expect, it } from 'vitest';
import type { Benchmark, CompareRow } from '@gka/shared';
import { comparisonOption } from './comparisonOption.ts';

const row = (area: string, value: number | null): CompareRow => ({
  area,
  name: `Wijk ${area}`,
  group: 'totaal',
  numerator: null,
  denominator: null,
  value,
  ciLow: null,
  ciHigh: null,
  suppressed: value === null,
  level: 'wijk',
  parent: 'GM0001',
  comparisons: [],
});
const bench = (kind: Benchmark['kind'], value: number): Benchmark => ({ kind, label: kind, group: 'totaal', value, ciLow: null, ciHigh: null, n: 1 });

describe('comparisonOption', () => {
  const option = comparisonOption({
    rows: [row('a', 0.4), row('b', null), row('c', 0.6)],
    benchmarks: [bench('gemeenten', 0.45), bench('gemeente', 0.5)],
    unit: 'percentage',
    indicatorName: 'Schooladvies',
    gemeenteName: 'Aastad',
  });
  const series = (option.series as { data: unknown[]; markLine: { data: { name: string; xAxis: number; label: { formatter: string } }[] } }[])[0]!;

  it('ranks the wijken with the highest on top and hidden ones at the bottom', () => {
    // ECharts draws the first category at the bottom.
    expect((option.yAxis as { data: string[] }).data).toEqual(['Wijk b', 'Wijk a', 'Wijk c']);
    expect(series.data).toEqual([null, 0.4, 0.6]);
  });

  it('draws the average of the gemeenten and the own gemeente as labelled lines', () => {
    expect(series.markLine.data.map((l) => [l.name, l.xAxis, l.label.formatter])).toEqual([
      ['Gemiddelde gemeenten', 0.45, 'Gemiddelde gemeenten: 45,0%'],
      ['Aastad', 0.5, 'Aastad: 50,0%'],
    ]);
  });

  it('starts a share at zero, and lets a mean axis fit its data', () => {
    expect((option.xAxis as { scale: boolean }).scale).toBe(false);
    const means = comparisonOption({ rows: [row('a', 535)], benchmarks: [], unit: 'gemiddelde', indicatorName: 'Eindtoets', gemeenteName: 'Aastad' });
    expect((means.xAxis as { scale: boolean }).scale).toBe(true);
  });
});
