import { describe, expect, it } from 'vitest';
import type { OverviewCell, OverviewIndicator, OverviewRow, Verdict } from '@gka/shared';
import { anyFigure, byProvenance, cardSections, splitColumns } from './cells.ts';

const indicator = (code: string) =>
  ({
    code,
    name: code,
    unit: 'percentage',
    source: 'DUO',
    synthetic: false,
    higherIsBetter: true,
    cohort: { code: '2022-2023', label: 'Cohort 2022-2023', schoolYears: [] },
  }) as unknown as OverviewIndicator;

const cell = (code: string, verdict: Verdict, value: number | null = 0.5, suppressed = false) =>
  ({ indicator: code, value, suppressed, verdict, significance: 'onbekend', difference: null, covidChange: null }) as unknown as OverviewCell;

describe('the regio overview columns', () => {
  it('put the toetsen in a table of their own and keep every other indicator in order', () => {
    const codes = ['advies_havo_vwo', 'slagingspercentage_vo', 'eindtoets_gemiddelde', 'havo_vwo_lj3', 'eindtoets_iep', 'achterstandsscore'];
    const { main, toetsen } = splitColumns(codes.map(indicator));
    expect(main.map((c) => [c.indicator.code, c.i])).toEqual([
      ['advies_havo_vwo', 0],
      ['slagingspercentage_vo', 1],
      ['havo_vwo_lj3', 3],
      ['achterstandsscore', 5],
    ]);
    expect(toetsen.map((c) => [c.indicator.code, c.i])).toEqual([
      ['eindtoets_gemiddelde', 2],
      ['eindtoets_iep', 4],
    ]);
  });

  it('know a toets that nobody in the regio took from one that is hidden somewhere', () => {
    const { toetsen } = splitColumns(['eindtoets_iep', 'eindtoets_amn'].map(indicator));
    const row = (area: string, cells: OverviewCell[]): OverviewRow => ({ area, name: area, cells });
    const d = {
      rows: [row('GM0001', [cell('eindtoets_iep', 'onbekend', null), cell('eindtoets_amn', 'onbekend', null, true)])],
      pooled: row('samen', [cell('eindtoets_iep', 'onbekend', null), cell('eindtoets_amn', 'onbekend', null)]),
    };
    expect(toetsen.map((c) => anyFigure(d, c))).toEqual([false, true]);
  });
});

describe('a gemeente on a phone', () => {
  it('lists its unfavourable figures first, then its favourable ones, then the rest, leaving out cells without a figure', () => {
    const codes = ['a', 'b', 'c', 'd', 'e', 'f'];
    const { main } = splitColumns(codes.map(indicator));
    const row: OverviewRow = {
      area: 'GM0001',
      name: 'Ergens',
      cells: [
        cell('a', 'gunstig'),
        cell('b', 'geen_verschil'),
        cell('c', 'ongunstig'),
        cell('d', 'onbekend', null),
        cell('e', 'onbekend', null, true),
        cell('f', 'ongunstig'),
      ],
    };
    const s = cardSections(row, main);
    expect(s.ongunstig.map((l) => l.indicator.code)).toEqual(['c', 'f']);
    expect(s.gunstig.map((l) => l.indicator.code)).toEqual(['a']);
    expect(s.overige.map((l) => l.indicator.code)).toEqual(['b', 'e']);
  });
});

describe('the rest of a card', () => {
  it('groups its figures under their mark, real or synthetic, so that each figure is marked once in words', () => {
    const indicators = [
      { ...indicator('a'), synthetic: true, source: 'GKA-monitor: levering' },
      { ...indicator('b'), source: 'DUO Open Onderwijsdata' },
      { ...indicator('c'), synthetic: true, source: 'GKA-monitor: levering' },
      { ...indicator('d'), source: 'CBS, Achterstandsscores' },
    ] as OverviewIndicator[];
    const lines = indicators.map((indicator, i) => ({ indicator, i, cell: cell(indicator.code, 'geen_verschil') }));
    expect(byProvenance(lines).map((g) => [g.label, g.lines.map((l) => l.indicator.code)])).toEqual([
      ['synthetisch', ['a', 'c']],
      ['echte cijfers (DUO)', ['b']],
      ['echte cijfers (CBS)', ['d']],
    ]);
  });
});
