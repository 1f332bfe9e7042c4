import { describe, expect, it } from 'vitest';
import { VERDICTS, type FunnelPoint, type FunnelResponse } from '@gka/shared';
import { LIMIT_NAMES, funnelDomain, funnelLegend, funnelOption, funnelRange } from './funnelOption.ts';

const point = (area: string, n: number, value: number, significance: FunnelPoint['significance'] = 'niet_significant'): FunnelPoint => ({
  area,
  name: `Wijk ${area}`,
  n,
  value,
  ciLow: value - 0.05,
  ciHigh: value + 0.05,
  significance,
});

const funnel: Pick<FunnelResponse, 'points' | 'limits' | 'target'> = {
  target: { kind: 'gemeente', label: 'Eigen gemeente: Vlietstad', value: 0.4 },
  points: [point('A', 40, 0.42), point('B', 300, 0.1, 'lager'), point('C', 1200, 0.62, 'hoger')],
  limits: [
    { n: 40, low95: 0.25, high95: 0.56, low998: 0.18, high998: 0.63 },
    { n: 1200, low95: 0.33, high95: 0.47, low998: 0.3, high998: 0.5 },
  ],
};

type Item = { value: [number, number]; name: string; symbol: string; symbolRotate: number; itemStyle: { color: string } };
type Series = { name: string; type: string; data: (Item | [number, number])[]; lineStyle?: { type: string }; label?: { show: boolean; formatter: string } };
const build = (highlight?: string) => funnelOption({ funnel, indicatorName: 'Schooladvies havo/vwo', higherIsBetter: true, areasLabel: 'Wijken', highlight });
const seriesOf = (o: ReturnType<typeof funnelOption>) => o.series as Series[];

describe('funnelOption', () => {
  it('places each area at (pupils, share) on a log axis of pupils, shaped and coloured by its verdict', () => {
    const o = build();
    expect(o.xAxis).toMatchObject({ type: 'log', name: 'Aantal leerlingen', min: 10, max: 10_000 });
    expect(o.yAxis).toMatchObject({ type: 'value', name: 'Schooladvies havo/vwo' });
    const dots = seriesOf(o).find((s) => s.name === 'Wijken')!;
    expect(dots.type).toBe('scatter');
    const items = dots.data as Item[];
    expect(items.map((d) => d.value)).toEqual([
      [40, 0.42],
      [300, 0.1],
      [1200, 0.62],
    ]);
    // Higher is better here: significantly lower is ongunstig and points down, higher gunstig and up.
    expect(items.map((d) => [d.itemStyle.color, d.symbol, d.symbolRotate])).toEqual([
      [VERDICTS.geen_verschil.colour, 'circle', 0],
      [VERDICTS.ongunstig.colour, 'triangle', 180],
      [VERDICTS.gunstig.colour, 'triangle', 0],
    ]);
  });

  it('draws the 95% limits solid and the 99.8% limits dashed on both sides, and the target as a line over the whole axis', () => {
    const series = seriesOf(build());
    const limits = (name: string) => series.filter((s) => s.name === name);
    expect(limits(LIMIT_NAMES.l95).map((s) => [s.data, s.lineStyle!.type])).toEqual([
      [
        [
          [40, 0.25],
          [1200, 0.33],
        ],
        'solid',
      ],
      [
        [
          [40, 0.56],
          [1200, 0.47],
        ],
        'solid',
      ],
    ]);
    expect(limits(LIMIT_NAMES.l998).map((s) => [s.data, s.lineStyle!.type])).toEqual([
      [
        [
          [40, 0.18],
          [1200, 0.3],
        ],
        'dashed',
      ],
      [
        [
          [40, 0.63],
          [1200, 0.5],
        ],
        'dashed',
      ],
    ]);
    expect(series.find((s) => s.name === 'Eigen gemeente: Vlietstad')!.data).toEqual([
      [10, 0.4],
      [10_000, 0.4],
    ]);
  });

  it('draws the highlighted area last, larger and labelled with its name, and names it in the legend', () => {
    const o = build('B');
    const last = seriesOf(o).at(-1)!;
    expect(last.name).toBe('Wijk B');
    expect((last.data as Item[]).map((d) => d.value)).toEqual([[300, 0.1]]);
    expect(last.label).toMatchObject({ show: true, formatter: 'Wijk B' });
    // In the legend beside the chart (never one inside it that pages), with its outline.
    expect(o.legend).toBeUndefined();
    const legend = funnelLegend({ funnel, areasLabel: 'Wijken', higherIsBetter: true, highlight: 'B' });
    expect(legend.map((i) => i.label)).toEqual(['Wijken', 'Eigen gemeente: Vlietstad', LIMIT_NAMES.l95, LIMIT_NAMES.l998, 'Wijk B']);
    expect(legend.at(-1)).toMatchObject({ colour: VERDICTS.ongunstig.colour, outline: '#08306b' });
    expect(funnelLegend({ funnel, areasLabel: 'Wijken', higherIsBetter: true }).map((i) => i.label)).not.toContain('Wijk B');
    // Without a highlight (or one that is no point) the areas are the last series.
    expect(seriesOf(build()).at(-1)!.name).toBe('Wijken');
    expect(seriesOf(build('onbekend')).at(-1)!.name).toBe('Wijken');
  });

  it('says in the tooltip what a point is: its share with interval, its pupils and its verdict against the target', () => {
    const tooltip = (build().tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(tooltip({ data: { name: 'B' } })).toBe(
      '<strong>Wijk B</strong><br/>Schooladvies havo/vwo: 10,0% (5,0% – 15,0%)<br/>Leerlingen: 300<br/>significant lager (t.o.v. Eigen gemeente: Vlietstad)',
    );
    expect(tooltip({ data: undefined })).toBe('');
  });

  it('draws no target line and no limits where the target is hidden', () => {
    const o = funnelOption({
      funnel: { ...funnel, target: { ...funnel.target, value: null }, limits: [] },
      indicatorName: 'x',
      higherIsBetter: null,
      areasLabel: 'Wijken',
    });
    for (const s of seriesOf(o).filter((s) => s.type === 'line')) expect(s.data).toEqual([]);
  });
});

describe('funnelRange and funnelDomain', () => {
  it('fit the points, the target and the 95% limits within 0–100% on whole 5%, and whole powers of ten of pupils', () => {
    expect(funnelRange(funnel.points, 0.4)).toEqual({ min: 0, max: 0.7 });
    expect(funnelRange([point('A', 40, 0.42)], 0.4)).toEqual({ min: 0.35, max: 0.45 });
    // Limits wider than the points widen the axis, so the funnel shows.
    expect(funnelRange([point('A', 40, 0.42)], 0.4, funnel.limits)).toEqual({ min: 0.2, max: 0.65 });
    expect(funnelRange([point('A', 10, 0.97)], 0.95)).toEqual({ min: 0.9, max: 1 });
    expect(funnelRange([], null)).toBeNull();
    expect(funnelDomain([point('A', 12, 0.5), point('B', 99, 0.5)])).toEqual({ min: 10, max: 100 });
    expect(funnelDomain([])).toBeNull();
  });
});
