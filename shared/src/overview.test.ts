import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OverviewResponse, type Overview, type OverviewCell, type Significance } from './api.ts';
import { compactOverview, expandOverview, shownDifference } from './overview.ts';
import { verdictOf } from './significance.ts';

const SIGNIFICANCE: Significance[] = ['hoger', 'lager', 'niet_significant', 'onbekend'];
const share = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });

const cellArb = (indicator: string): fc.Arbitrary<OverviewCell> =>
  fc
    .record({
      value: share,
      ciLow: share,
      ciHigh: share,
      denominator: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
      suppressed: fc.boolean(),
      benchmark: share,
      differenceCiLow: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null }),
      differenceCiHigh: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null }),
      significance: fc.constantFrom(...SIGNIFICANCE),
      change: fc.option(
        fc.record({ difference: share, ciLow: share, ciHigh: share, significance: fc.constantFrom(...SIGNIFICANCE), suppressed: fc.boolean() }),
        { nil: null },
      ),
    })
    .map((c) => ({
      indicator,
      value: c.value,
      ciLow: c.ciLow,
      ciHigh: c.ciHigh,
      denominator: c.denominator,
      suppressed: c.suppressed,
      benchmark: c.benchmark,
      // As the API makes it: of the numbers sent, so the files and the page say the same.
      difference: shownDifference(c.value, c.benchmark, 'percentage'),
      differenceCiLow: c.differenceCiLow,
      differenceCiHigh: c.differenceCiHigh,
      significance: c.significance,
      verdict: verdictOf(c.significance, true),
      covidChange: c.change,
    }));

const indicator = (code: string): Overview['indicators'][number] => ({
  code,
  name: code,
  definition: '',
  unit: 'percentage',
  higherIsBetter: true,
  source: 'test',
  synthetic: false,
  cohort: { code: '2021-2022', label: 'Cohort 2021-2022', schoolYears: ['2021-2022'], pooled: [], covid: true, note: null },
  covidCohort: null,
  reference: null,
});

const overviewArb = fc.integer({ min: 1, max: 4 }).chain((width) =>
  fc.array(fc.array(cellArb('x'), { minLength: width, maxLength: width }), { minLength: 2, maxLength: 8 }).map((grid): Overview => {
    const codes = Array.from({ length: width }, (_, i) => `i${i}`);
    const rows = grid.map((cells, r) => ({ area: `GM000${r}`, name: `G${r}`, cells: cells.map((c, i) => ({ ...c, indicator: codes[i]! })) }));
    // A column has a change for every row or for none, as the API makes it.
    for (let i = 0; i < width; i++) {
      const some = rows[0]!.cells[i]!.covidChange;
      for (const row of rows) {
        const c = row.cells[i]!;
        if (!some) c.covidChange = null;
        else c.covidChange ??= { difference: null, ciLow: null, ciHigh: null, significance: 'onbekend', suppressed: false };
      }
    }
    return {
      group: null,
      benchmark: 'nederland',
      indicators: codes.map(indicator),
      rows: rows.slice(0, -1),
      pooled: rows.at(-1)!,
      minCell: 10,
      synthetic: true,
    };
  }),
);

/** A sent interval holds the computed one and is at most 0.001 (0.1 procentpunt) wider on each side. */
function expectOutward([low, high]: readonly [number | null, number | null], [cLow, cHigh]: readonly [number | null, number | null]) {
  for (const [sent, computed, sign] of [
    [low, cLow, 1],
    [high, cHigh, -1],
  ] as const) {
    // Both null, or both numbers.
    if (computed === null || sent === null) expect(sent).toBe(computed);
    else {
      expect(sign * (computed - sent)).toBeGreaterThanOrEqual(-1e-12);
      expect(sign * (computed - sent)).toBeLessThan(1e-3 + 1e-12);
    }
  }
}

describe('the overview sent column-wise', () => {
  it('gives back every cell: flags exactly, values to 0.0001, intervals rounded outward to 0.001; and passes the contract', () => {
    fc.assert(
      fc.property(overviewArb, (o) => {
        const sent = OverviewResponse.parse(JSON.parse(JSON.stringify(compactOverview(o))));
        const back = expandOverview(sent);
        expect(back.rows.map((r) => r.area)).toEqual(o.rows.map((r) => r.area));
        [...o.rows, o.pooled].forEach((row, r) => {
          const got = [...back.rows, back.pooled][r]!;
          row.cells.forEach((c, i) => {
            const b = got.cells[i]!;
            expect([b.indicator, b.suppressed, b.significance, b.verdict]).toEqual([c.indicator, c.suppressed, c.significance, c.verdict]);
            for (const k of ['value', 'benchmark'] as const) {
              if (c[k] === null) expect(b[k]).toBeNull();
              else expect(Math.abs(b[k]! - c[k])).toBeLessThanOrEqual(0.5e-4 + 1e-12);
            }
            // The page's difference is the API's, to the last digit: the files cannot round it otherwise.
            expect(b.difference).toBe(c.difference);
            expectOutward([b.ciLow, b.ciHigh], [c.ciLow, c.ciHigh]);
            expectOutward([b.differenceCiLow, b.differenceCiHigh], [c.differenceCiLow, c.differenceCiHigh]);
            expect(b.covidChange === null).toBe(c.covidChange === null);
            if (c.covidChange && b.covidChange) {
              expect([b.covidChange.significance, b.covidChange.suppressed]).toEqual([c.covidChange.significance, c.covidChange.suppressed]);
              if (c.covidChange.difference === null) expect(b.covidChange.difference).toBeNull();
              else expect(b.covidChange.difference).toBeCloseTo(c.covidChange.difference, 4);
              expectOutward([b.covidChange.ciLow, b.covidChange.ciHigh], [c.covidChange.ciLow, c.covidChange.ciHigh]);
            }
          });
        });
      }),
    );
  });
});
