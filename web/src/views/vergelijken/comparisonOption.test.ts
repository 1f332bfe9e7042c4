import { describe, expect, it } from 'vitest';
import type { Benchmark, CompareRow } from '@gka/shared';
import { init } from '../../components/chart/echarts.ts';
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
    higherIsBetter: true,
  });
  const series = (option.series as { data: unknown[]; markLine: { data: { name: string; xAxis: number; label: { formatter: string } }[] } }[])[0]!;

  it('ranks the wijken with the highest on top and hidden ones at the bottom', () => {
    // ECharts draws the first category at the bottom.
    expect((option.yAxis as { data: string[] }).data).toEqual(['Wijk b', 'Wijk a', 'Wijk c']);
    expect(series.data.map((d) => (d as { value: number | null }).value)).toEqual([null, 0.4, 0.6]);
  });

  it('puts each value beside its wijk name, where no whisker covers it', () => {
    const formatter = (option.yAxis as { axisLabel: { formatter: (name: string, i: number) => string } }).axisLabel.formatter;
    expect(['Wijk b', 'Wijk a', 'Wijk c'].map((n, i) => formatter(n, i))).toEqual(['Wijk b: afgeschermd', 'Wijk a: 40,0%', 'Wijk c: 60,0%']);
  });

  it('draws the average of the gemeenten and the own gemeente as labelled lines', () => {
    expect(series.markLine.data.map((l) => [l.name, l.xAxis, l.label.formatter])).toEqual([
      ['Gemiddelde gemeenten', 0.45, 'Gemiddelde gemeenten: 45,0%'],
      ['Aastad', 0.5, 'Aastad: 50,0%'],
    ]);
  });

  it('draws each reference line at its benchmark value, not rounded', () => {
    // Rotterdam-like shares: 10,7% for the own gemeente, 5,6% for the average gemeente, wijken from 3% to 21%.
    const rotterdam = comparisonOption({
      rows: [row('a', 0.031), row('b', 0.084), row('c', 0.129), row('d', 0.212)],
      benchmarks: [bench('gemeenten', 0.056), bench('gemeente', 0.107)],
      unit: 'percentage',
      indicatorName: 'Zittenblijvers',
      gemeenteName: 'Rotterdam',
      higherIsBetter: false,
    });
    // Drawn as ECharts draws it (server-side, wide, so that a pixel is far less than 0,01 percentage point).
    const chart = init(null, null, { renderer: 'svg', ssr: true, width: 4000, height: 400 });
    chart.setOption(rotterdam);
    const dashed = [...chart.renderToSVGString().matchAll(/<path d="M([\d.]+) [\d.]+L([\d.]+) [\d.]+"[^>]*stroke="(#[0-9a-f]+)"[^>]*stroke-dasharray/g)];
    const drawnAt = new Map(dashed.map((m) => [m[3], chart.convertFromPixel({ xAxisIndex: 0 }, Number(m[1]))]));
    chart.dispose();
    expect(dashed.every((m) => m[1] === m[2])).toBe(true);
    // In percentage points, to 0,01.
    expect(drawnAt.get('#525252')! * 100).toBeCloseTo(5.6, 2);
    expect(drawnAt.get('#a04a00')! * 100).toBeCloseTo(10.7, 2);
  });

  it('leaves the bars at least half of a phone-wide chart when the names get the phone width', () => {
    const long = ['Bedrijventerrein Vossenberg', 'Wandelbos Noord', 'Industrieterrein Loven'].map((n, i) => ({ ...row(String(i), 0.3 + i / 10), name: n }));
    const plotShare = (labelWidth?: number) => {
      const chart = init(null, null, { renderer: 'svg', ssr: true, width: 358, height: 200 });
      chart.setOption(
        comparisonOption({ rows: long, benchmarks: [], unit: 'percentage', indicatorName: 'x', gemeenteName: 'Tilburg', higherIsBetter: true, labelWidth }),
      );
      const [left = NaN, right = NaN] = [0, 1].map((v) => chart.convertToPixel({ xAxisIndex: 0 }, v));
      chart.dispose();
      return (right - left) / 358;
    };
    expect(plotShare(110)).toBeGreaterThanOrEqual(0.5);
    expect(plotShare()).toBeLessThan(plotShare(110));
  });

  it('colours each bar by its verdict against the own gemeente and gives it its 95% interval as a whisker', () => {
    const withSignificance = (r: CompareRow, significance: 'hoger' | 'lager' | 'niet_significant', ci: [number, number]): CompareRow => ({
      ...r,
      ciLow: ci[0],
      ciHigh: ci[1],
      comparisons: [{ kind: 'gemeente', benchmark: 0.5, difference: r.value! - 0.5, ciLow: null, ciHigh: null, share: null, significance }],
    });
    const rows = [
      withSignificance(row('a', 0.4), 'lager', [0.35, 0.45]),
      withSignificance(row('c', 0.6), 'hoger', [0.55, 0.65]),
      withSignificance(row('d', 0.52), 'niet_significant', [0.4, 0.6]),
    ];
    const colours = (higherIsBetter: boolean | null) => {
      const o = comparisonOption({ rows, benchmarks: [], unit: 'percentage', indicatorName: 'x', gemeenteName: 'Aastad', higherIsBetter });
      return ((o.series as { data: { itemStyle: { color: string } }[] }[])[0]!.data as { itemStyle: { color: string } }[]).map((d) => d.itemStyle.color);
    };
    // Ranked a (0.40), d (0.52), c (0.60): lower is unfavourable where higher is better, and the other way round.
    expect(colours(true)).toEqual(['#c51b7d', '#969696', '#4d9221']);
    expect(colours(false)).toEqual(['#4d9221', '#969696', '#c51b7d']);
    expect(colours(null)).toEqual(['#3182bd', '#969696', '#3182bd']);
    const o = comparisonOption({ rows, benchmarks: [], unit: 'percentage', indicatorName: 'x', gemeenteName: 'Aastad', higherIsBetter: true });
    expect((o.series as { data: unknown[] }[])[1]!.data).toEqual([
      [0.35, 0.45, 0],
      [0.4, 0.6, 1],
      [0.55, 0.65, 2],
    ]);
  });

  it('singles out the wijk a page is about: outlined, its name in bold with an arrow', () => {
    const o = comparisonOption({
      rows: [row('a', 0.4), row('b', null), row('c', 0.6)],
      benchmarks: [],
      unit: 'percentage',
      indicatorName: 'Schooladvies',
      gemeenteName: 'Aastad',
      higherIsBetter: true,
      highlight: 'a',
    });
    const bars = (o.series as { data: { itemStyle: { borderWidth?: number } }[] }[])[0]!.data;
    expect(bars.map((b) => b.itemStyle.borderWidth ?? 0)).toEqual([0, 3, 0]);
    const formatter = (o.yAxis as { axisLabel: { formatter: (name: string, i: number) => string } }).axisLabel.formatter;
    expect(['Wijk b', 'Wijk a', 'Wijk c'].map((n, i) => formatter(n, i))).toEqual(['Wijk b: afgeschermd', '{focus|▶ Wijk a: 40,0%}', 'Wijk c: 60,0%']);
  });

  it('starts a share at zero, and lets a mean axis fit its data', () => {
    expect((option.xAxis as { scale: boolean }).scale).toBe(false);
    const means = comparisonOption({
      rows: [row('a', 535)],
      benchmarks: [],
      unit: 'gemiddelde',
      indicatorName: 'Eindtoets',
      gemeenteName: 'Aastad',
      higherIsBetter: true,
    });
    expect((means.xAxis as { scale: boolean }).scale).toBe(true);
  });
});
