import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { significanceAgainst as significance } from './significance.ts';
import { difference, kansenkloof, pooled } from './benchmarks.ts';
import { cellValue, estimate } from './cells.ts';
import { wilson } from './wilson.ts';
import { compareWith, comparisons } from './compare.ts';
import type { Benchmark } from '@gka/shared';

describe('wilson', () => {
  it('matches published values', () => {
    // Reference values: Wilson 95% (z = 1.95996), e.g. Newcombe (1998) and R binom::binom.wilson.
    const cases: [number, number, number, number][] = [
      [5, 10, 0.2366, 0.7634],
      [0, 10, 0, 0.2775],
      [10, 10, 0.7225, 1],
      [81, 263, 0.2553, 0.3662],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, low, high] of cases) {
      const ci = wilson(k, n)!;
      expect(ci.low).toBeCloseTo(low, 4);
      expect(ci.high).toBeCloseTo(high, 4);
    }
  });

  it('has no interval without a denominator or with impossible counts', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(3, 2)).toBeNull();
    expect(wilson(-1, 2)).toBeNull();
  });

  it('always contains the share, stays in [0, 1] and narrows as n grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const ci = wilson(k, n)!;
        expect(ci.low).toBeGreaterThanOrEqual(0);
        expect(ci.high).toBeLessThanOrEqual(1);
        expect(ci.low).toBeLessThanOrEqual(k / n);
        expect(ci.high).toBeGreaterThanOrEqual(k / n);
        const wider = wilson(k * 4, n * 4)!;
        expect(wider.high - wider.low).toBeLessThanOrEqual(ci.high - ci.low + 1e-12);
      }),
    );
  });

  it('is symmetric: the interval of n-k mirrors that of k', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const a = wilson(k, n)!;
        const b = wilson(n - k, n)!;
        expect(a.low).toBeCloseTo(1 - b.high, 9);
        expect(a.high).toBeCloseTo(1 - b.low, 9);
      }),
    );
  });
});

describe('published cells', () => {
  it('carry counts, share and interval; a hidden cell carries none', () => {
    expect(cellValue(3, 10, 'percentage')).toMatchObject({ numerator: 3, denominator: 10, suppressed: false, value: 0.3 });
    expect(cellValue(null, null, 'percentage')).toEqual({ numerator: null, denominator: null, suppressed: true, value: null, ciLow: null, ciHigh: null });
  });

  it("gives a mean without an interval for unit 'gemiddelde'", () => {
    expect(estimate({ numerator: 5350, denominator: 10, suppressed: false }, 'gemiddelde')).toEqual({ value: 535, ciLow: null, ciHigh: null });
  });
});

describe('benchmarks', () => {
  it('pools counts, and keeps a hidden pool hidden', () => {
    const b = pooled(50, 100, 3, 'percentage');
    expect(b.value).toBe(0.5);
    expect(b.ciLow).toBeCloseTo(0.4038, 4);
    expect(b.n).toBe(3);
    expect(pooled(null, null, 1, 'percentage').value).toBeNull();
  });

  it('calls a difference significant exactly when the benchmark is outside the interval', () => {
    const area = estimate({ numerator: 50, denominator: 100, suppressed: false }, 'percentage'); // 0.4038–0.5962
    expect(significance(area, 0.3)).toBe('hoger');
    expect(significance(area, 0.7)).toBe('lager');
    expect(significance(area, 0.45)).toBe('niet_significant');
    expect(significance(area, null)).toBe('onbekend');
    expect(significance(estimate({ numerator: null, denominator: null, suppressed: true }, 'percentage'), 0.5)).toBe('onbekend');
    expect(significance(estimate({ numerator: 5350, denominator: 10, suppressed: false }, 'gemiddelde'), 530)).toBe('onbekend');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, f, bench) => {
          const e = estimate({ numerator: Math.round(f * n), denominator: n, suppressed: false }, 'percentage');
          const s = significance(e, bench);
          expect(s === 'niet_significant').toBe(bench >= e.ciLow! && bench <= e.ciHigh!);
          if (s === 'hoger') expect(e.value!).toBeGreaterThan(bench);
          if (s === 'lager') expect(e.value!).toBeLessThan(bench);
        },
      ),
    );
  });

  it('computes kansenkloof and differences only when both sides are known', () => {
    expect(kansenkloof(0.7, 0.25)).toBeCloseTo(0.45, 12);
    expect(kansenkloof(null, 0.25)).toBeNull();
    expect(kansenkloof(0.7, undefined)).toBeNull();
    expect(difference(0.5, 0.4)).toBeCloseTo(0.1, 12);
    expect(difference(null, 0.4)).toBeNull();
  });
});

describe('comparisons', () => {
  const bench = (kind: Benchmark['kind'], value: number, extra: Partial<Benchmark> = {}): Benchmark => ({
    kind,
    label: kind,
    group: 'totaal',
    value,
    ciLow: null,
    ciHigh: null,
    n: 1,
    ...extra,
  });
  const list = [
    bench('nederland', 0.3),
    bench('gemeenten', 0.5),
    bench('stedelijkheid', 0.2, { stedelijkheid: 1 }),
    bench('stedelijkheid', 0.9, { stedelijkheid: 2 }),
    bench('gemeente', 0.45, { area: 'GM0001' }),
    bench('gemeente', 0.1, { area: 'GM0002' }),
    bench('nederland', 0.1, { group: 'laag' }),
  ];
  const wijk = {
    ...cellValue(50, 100, 'percentage'),
    group: 'totaal',
    level: 'wijk',
    parent: 'GM0001',
    stedelijkheid: 1,
  };

  it('uses only the benchmarks of its own group, class and gemeente', () => {
    expect(comparisons(wijk, list).map((c) => [c.kind, c.benchmark, c.significance])).toEqual([
      ['nederland', 0.3, 'hoger'],
      ['gemeenten', 0.5, 'niet_significant'],
      ['stedelijkheid', 0.2, 'hoger'],
      ['gemeente', 0.45, 'niet_significant'],
    ]);
  });

  it('gives a gemeente no own-gemeente comparison', () => {
    expect(comparisons({ ...wijk, level: 'gemeente', parent: 'NL01' }, list).map((c) => c.kind)).toEqual(['nederland', 'gemeenten', 'stedelijkheid']);
  });
});

describe('an area against a benchmark (compareWith)', () => {
  const area = (k: number, n: number) => ({ ...cellValue(k, n, 'percentage'), group: 'totaal', level: 'gemeente', parent: null, stedelijkheid: null });
  const counts = fc.integer({ min: 1, max: 20_000 }).chain((n) => fc.record({ n: fc.constant(n), k: fc.integer({ min: 0, max: n }) }));

  it('takes a benchmark without counts as a fixed value: significant exactly when it lies outside the area interval', () => {
    fc.assert(
      fc.property(counts, fc.double({ min: 0, max: 1, noNaN: true }), ({ k, n }, b) => {
        const a = area(k, n);
        const c = compareWith(a, { value: b }, false);
        expect(c.significance).toBe(significance(a, b));
        expect(c.ciLow).toBeCloseTo(a.ciLow! - b, 12);
        expect(c.ciHigh).toBeCloseTo(a.ciHigh! - b, 12);
        expect(c.difference).toBeCloseTo(a.value! - b, 12);
      }),
    );
  });

  it('compares with the rest of a pool that holds the area: the difference is (1 − w) times that with the rest, and so is its interval', () => {
    fc.assert(
      fc.property(counts, counts, ({ k, n }, rest) => {
        const a = area(k, n);
        const pool = { value: (k + rest.k) / (n + rest.n), numerator: k + rest.k, denominator: n + rest.n };
        const inside = compareWith(a, pool, true);
        const apart = compareWith(a, { value: rest.k / rest.n, numerator: rest.k, denominator: rest.n }, false);
        const w = n / (n + rest.n);
        expect(inside.share).toBeCloseTo(w, 12);
        expect(inside.significance).toBe(apart.significance);
        expect(inside.difference!).toBeCloseTo((1 - w) * apart.difference!, 12);
        expect(inside.ciLow!).toBeCloseTo((1 - w) * apart.ciLow!, 12);
        expect(inside.ciHigh!).toBeCloseTo((1 - w) * apart.ciHigh!, 12);
        // The interval holds the difference, and the verdict follows the interval.
        expect(inside.ciLow!).toBeLessThanOrEqual(inside.difference! + 1e-12);
        expect(inside.ciHigh!).toBeGreaterThanOrEqual(inside.difference! - 1e-12);
        expect(inside.significance).toBe(inside.ciLow! > 0 ? 'hoger' : inside.ciHigh! < 0 ? 'lager' : 'niet_significant');
      }),
    );
  });

  it('finds no difference between a school and the gemeente it is the whole of', () => {
    const school = area(40, 50);
    expect(compareWith(school, { value: 0.8, numerator: 40, denominator: 50 }, true)).toMatchObject({
      difference: 0,
      share: 1,
      significance: 'niet_significant',
    });
  });

  it('counts the benchmark own uncertainty: a small pool calls fewer differences than its value alone would', () => {
    const a = area(60, 100);
    // 60% of 100 against 40%: significant as a fixed value; as 24 of 60 pupils the benchmark's own margin widens the interval.
    const fixed = compareWith(a, { value: 0.4 }, false);
    const small = compareWith(a, { value: 0.4, numerator: 24, denominator: 60 }, false);
    expect(fixed.significance).toBe('hoger');
    expect(small.ciLow!).toBeLessThan(fixed.ciLow!);
    // Against a national pool the benchmark's own uncertainty hardly counts.
    const large = compareWith(a, { value: 0.4, numerator: 400_000, denominator: 1_000_000 }, false);
    expect(large.ciLow!).toBeCloseTo(fixed.ciLow!, 3);
  });
});
