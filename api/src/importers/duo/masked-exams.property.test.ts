import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistentCounts, estimateMasked, passRateRange, type Counts } from './masked-exams.ts';

/** A school year as DUO has it: rows of 5 or more candidates published, rows of 1–4 shown as `<5` with their percentage. */
const row = (min: number, max: number) => fc.integer({ min, max }).chain((n) => fc.integer({ min: 0, max: n }).map((k): Counts => ({ k, n })));
const schoolYear = fc.record({ exact: fc.array(row(5, 60), { maxLength: 5 }), masked: fc.array(row(1, 4), { minLength: 1, maxLength: 6 }) });
const sum = (rows: readonly Counts[]) => rows.reduce((a, r) => ({ k: a.k + r.k, n: a.n + r.n }), { k: 0, n: 0 });
/** The percentage DUO publishes: one decimal. */
const published = (c: Counts) => Math.round((1000 * c.k) / c.n) / 10;

describe('masked exam rows', () => {
  it('keep the true rate of any school year inside the range the masked file allows, and so does the estimate', () => {
    fc.assert(
      fc.property(schoolYear, ({ exact, masked }) => {
        const truth = sum([...exact, ...masked]);
        const percentages = masked.map(published);
        const range = passRateRange(sum(exact), percentages)!;
        expect(truth.k / truth.n).toBeGreaterThanOrEqual(range[0] - 1e-12);
        expect(truth.k / truth.n).toBeLessThanOrEqual(range[1] + 1e-12);
        const estimate = sum([...exact, ...percentages.map((p) => estimateMasked(p)!)]);
        expect(estimate.k / estimate.n).toBeGreaterThanOrEqual(range[0] - 1e-12);
        expect(estimate.k / estimate.n).toBeLessThanOrEqual(range[1] + 1e-12);
      }),
      { numRuns: 3000 },
    );
  });

  it('find the range exactly: the extremes over every combination of allowed counts', () => {
    fc.assert(
      fc.property(
        schoolYear.filter((s) => s.masked.length <= 4),
        ({ exact, masked }) => {
          const percentages = masked.map(published);
          let rates = [sum(exact)];
          for (const p of percentages) rates = rates.flatMap((r) => consistentCounts(p).map((c) => ({ k: r.k + c.k, n: r.n + c.n })));
          const all = rates.map((r) => r.k / r.n);
          const [lo, hi] = passRateRange(sum(exact), percentages)!;
          expect(lo).toBeCloseTo(Math.min(...all), 12);
          expect(hi).toBeCloseTo(Math.max(...all), 12);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('estimate each percentage DUO shows with its count nearest 2.5 candidates, and nothing for one no count of 1–4 gives', () => {
    expect([100, 0, 50, 75, 25, 66.7, 33.3].map((p) => estimateMasked(p))).toEqual([
      { k: 2, n: 2 },
      { k: 0, n: 2 },
      { k: 1, n: 2 },
      { k: 3, n: 4 },
      { k: 1, n: 4 },
      { k: 2, n: 3 },
      { k: 1, n: 3 },
    ]);
    expect(estimateMasked(80)).toBeUndefined();
    expect(estimateMasked(null)).toBeUndefined();
    expect(passRateRange({ k: 10, n: 12 }, [80])).toBeUndefined();
  });
});
