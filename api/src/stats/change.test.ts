import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { change, changeRows, gapChanges, pool, side, sidesOf, type Cell, type Side } from './change.ts';

/** Published counts of one cohort (n ≥ 1, 0 ≤ k ≤ n). */
const counts = fc.integer({ min: 1, max: 5_000 }).chain((n) => fc.record({ n: fc.constant(n), k: fc.integer({ min: 0, max: n }) }));
const published = (group = 'totaal') => counts.map(({ k, n }): Cell => ({ name: 'A', group, numerator: k, denominator: n, suppressed: false }));
const hidden = (group = 'totaal'): Cell => ({ name: 'A', group, numerator: null, denominator: null, suppressed: true });
const sideOf = (k: number, n: number, group = 'totaal', cohorts = 1): Side => ({ name: 'A', group, k, n, hidden: false, cohorts });
const tau2 = fc.double({ min: 1e-6, max: 0.01, noNaN: true });

describe('change of a share', () => {
  it('is value − reference, with an interval around it whose side of zero is its significance', () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const c = change([sideOf(a.k, a.n), sideOf(b.k, b.n)], [1, -1], true);
        expect(c.value).toBeCloseTo(a.k / a.n, 12);
        expect(c.referenceValue).toBeCloseTo(b.k / b.n, 12);
        expect(c.difference).toBeCloseTo(a.k / a.n - b.k / b.n, 12);
        expect(c.ciLow!).toBeLessThanOrEqual(c.difference! + 1e-12);
        expect(c.ciHigh!).toBeGreaterThanOrEqual(c.difference! - 1e-12);
        expect(c.significance === 'hoger').toBe(c.ciLow! > 0);
        expect(c.significance === 'lager').toBe(c.ciHigh! < 0);
        expect(c.suppressed).toBe(false);
      }),
    );
  });

  it('mirrors when its sides swap', () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const ab = change([sideOf(a.k, a.n), sideOf(b.k, b.n)], [1, -1], true);
        const ba = change([sideOf(b.k, b.n), sideOf(a.k, a.n)], [1, -1], true);
        expect(ba.difference).toBeCloseTo(-ab.difference!, 12);
        expect(ba.ciLow).toBeCloseTo(-ab.ciHigh!, 12);
        expect(ba.ciHigh).toBeCloseTo(-ab.ciLow!, 12);
      }),
    );
  });

  it('widens with overdispersion, and less for a side that pools more cohorts', () => {
    fc.assert(
      fc.property(counts, counts, tau2, fc.integer({ min: 2, max: 6 }), (a, b, t, years) => {
        const dispersion = new Map([['totaal', { tau2: t }]]);
        const sides = [sideOf(a.k, a.n), sideOf(b.k, b.n)];
        const plain = change(sides, [1, -1], true);
        const wide = change(sides, [1, -1], true, dispersion);
        const pooled = change([sides[0], sideOf(b.k, b.n, 'totaal', years)], [1, -1], true, dispersion);
        expect(wide.difference).toBe(plain.difference);
        expect(wide.ciLow!).toBeLessThan(plain.ciLow!);
        expect(wide.ciHigh!).toBeGreaterThan(plain.ciHigh!);
        expect(pooled.ciLow!).toBeGreaterThan(wide.ciLow!);
        expect(pooled.ciHigh!).toBeLessThan(wide.ciHigh!);
      }),
    );
  });

  it('of a mean has a difference but no interval, so its significance is unknown', () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const c = change([sideOf(a.k, a.n), sideOf(b.k, b.n)], [1, -1], false);
        expect(c.difference).toBeCloseTo(a.k / a.n - b.k / b.n, 12);
        expect([c.ciLow, c.ciHigh, c.significance]).toEqual([null, null, 'onbekend']);
      }),
    );
  });

  it('tells nothing when a side is hidden, and no difference when one is missing', () => {
    fc.assert(
      fc.property(published(), fc.boolean(), (cell, first) => {
        const shown = side(cell);
        const secret = side(hidden());
        const c = change(first ? [secret, shown] : [shown, secret], [1, -1], true);
        expect(c).toMatchObject({ difference: null, ciLow: null, ciHigh: null, significance: 'onbekend', suppressed: true });
        expect(first ? c.value : c.referenceValue).toBeNull();
        const missing = change(first ? [undefined, shown] : [shown, undefined], [1, -1], true);
        expect(missing).toMatchObject({ difference: null, significance: 'onbekend', suppressed: false });
        expect(first ? missing.referenceValue : missing.value).toBeCloseTo(cell.numerator! / cell.denominator!, 12);
      }),
    );
  });
});

describe('a pooled side', () => {
  it('sums the counts of its cohorts, in any order, and is hidden when one of them is', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(published(), fc.constant(hidden())), { minLength: 1, maxLength: 8 }), (cells) => {
        const forward = cells.reduce<Side | undefined>(pool, undefined)!;
        const backward = [...cells].reverse().reduce<Side | undefined>(pool, undefined)!;
        expect(forward).toEqual(backward);
        expect(forward.k).toBe(cells.reduce((s, c) => s + (c.numerator ?? 0), 0));
        expect(forward.n).toBe(cells.reduce((s, c) => s + (c.denominator ?? 0), 0));
        expect(forward.cohorts).toBe(cells.length);
        expect(forward.hidden).toBe(cells.some((c) => c.suppressed));
      }),
    );
  });
});

describe('changes per area', () => {
  it('set each area and group in the current cohort against its reference cohorts pooled, in the order they came', () => {
    const row = (area: string, cohort: string, group: string, k: number, n: number) => ({
      area,
      cohort,
      name: area,
      group,
      numerator: k,
      denominator: n,
      suppressed: false,
    });
    fc.assert(
      fc.property(counts, counts, counts, (now, y1, y2) => {
        const cells = [
          row('B', 'c3', 'totaal', now.k, now.n),
          row('B', 'c1', 'totaal', y1.k, y1.n),
          row('B', 'c2', 'totaal', y2.k, y2.n),
          // A has no current cohort: a row without a difference.
          row('A', 'c1', 'totaal', y1.k, y1.n),
        ];
        const rows = changeRows(sidesOf(cells, 'c3'), true);
        expect(rows.map((r) => r.area)).toEqual(['B', 'A']);
        expect(rows[0]!.difference).toBeCloseTo(now.k / now.n - (y1.k + y2.k) / (y1.n + y2.n), 12);
        expect(rows[1]).toMatchObject({ value: null, difference: null, significance: 'onbekend' });
      }),
    );
  });

  it('give the kansenkloof change as the difference of its gaps now and before', () => {
    fc.assert(
      fc.property(counts, counts, counts, counts, (h1, l1, h0, l0) => {
        const cell = (cohort: string, group: string, c: { k: number; n: number }) => ({
          area: 'A',
          cohort,
          name: 'A',
          group,
          numerator: c.k,
          denominator: c.n,
          suppressed: false,
        });
        const sides = sidesOf([cell('nu', 'hoog', h1), cell('nu', 'laag', l1), cell('toen', 'hoog', h0), cell('toen', 'laag', l0)], 'nu');
        const [gap] = gapChanges(sides, true);
        expect(gap!.value).toBeCloseTo(h1.k / h1.n - l1.k / l1.n, 12);
        expect(gap!.referenceValue).toBeCloseTo(h0.k / h0.n - l0.k / l0.n, 12);
        expect(gap!.difference).toBeCloseTo(gap!.value! - gap!.referenceValue!, 12);
        expect(gap!.ciLow!).toBeLessThanOrEqual(gap!.difference! + 1e-12);
        expect(gap!.ciHigh!).toBeGreaterThanOrEqual(gap!.difference! - 1e-12);
      }),
    );
  });

  it('give no kansenkloof gap when one of its four cells is hidden', () => {
    const c = (cohort: string, group: string, suppressed: boolean) => ({
      area: 'A',
      cohort,
      name: 'A',
      group,
      numerator: suppressed ? null : 5,
      denominator: suppressed ? null : 10,
      suppressed,
    });
    const [gap] = gapChanges(sidesOf([c('nu', 'hoog', false), c('nu', 'laag', true), c('toen', 'hoog', false), c('toen', 'laag', false)], 'nu'), true);
    expect(gap).toMatchObject({ value: null, referenceValue: null, difference: null, suppressed: true });
  });
});
