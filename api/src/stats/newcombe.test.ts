import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeSignificance } from './change.ts';
import { combinedInterval, newcombe } from './newcombe.ts';

const share = fc.integer({ min: 1, max: 5_000 }).chain((n) => fc.record({ n: fc.constant(n), k: fc.integer({ min: 0, max: n }) }));

describe('newcombe', () => {
  it("matches Newcombe's worked examples (1998, Table II, method 10)", () => {
    const cases: [number, number, number, number, number, number][] = [
      [56, 70, 48, 80, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [6, 7, 2, 7, 0.0582, 0.8062],
      [5, 56, 0, 29, -0.0381, 0.1926],
      [0, 10, 0, 20, -0.1611, 0.2775],
      [10, 10, 0, 20, 0.6791, 1.0],
    ];
    for (const [k1, n1, k2, n2, low, high] of cases) {
      const ci = newcombe(k1, n1, k2, n2)!;
      expect(ci.difference).toBeCloseTo(k1 / n1 - k2 / n2, 12);
      expect(ci.low).toBeCloseTo(low, 4);
      expect(ci.high).toBeCloseTo(high, 4);
    }
  });

  it('has no interval without two denominators', () => {
    expect(newcombe(1, 0, 1, 2)).toBeNull();
    expect(newcombe(1, 2, 3, 2)).toBeNull();
  });

  it('contains the difference and stays within [-1, 1]', () => {
    fc.assert(
      fc.property(share, share, (a, b) => {
        const ci = newcombe(a.k, a.n, b.k, b.n)!;
        expect(ci.low).toBeLessThanOrEqual(ci.difference + 1e-12);
        expect(ci.high).toBeGreaterThanOrEqual(ci.difference - 1e-12);
        expect(ci.low).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(ci.high).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('is symmetric under swap: the interval of p2 − p1 mirrors that of p1 − p2', () => {
    fc.assert(
      fc.property(share, share, (a, b) => {
        const ab = newcombe(a.k, a.n, b.k, b.n)!;
        const ba = newcombe(b.k, b.n, a.k, a.n)!;
        expect(ba.difference).toBeCloseTo(-ab.difference, 12);
        expect(ba.low).toBeCloseTo(-ab.high, 12);
        expect(ba.high).toBeCloseTo(-ab.low, 12);
      }),
    );
  });

  it('narrows as both groups grow with the same shares', () => {
    fc.assert(
      fc.property(share, share, fc.integer({ min: 2, max: 10 }), (a, b, f) => {
        const small = newcombe(a.k, a.n, b.k, b.n)!;
        const large = newcombe(a.k * f, a.n * f, b.k * f, b.n * f)!;
        expect(large.high - large.low).toBeLessThan(small.high - small.low + 1e-12);
      }),
    );
  });

  it('gives a change of a gap an interval wider than either gap alone', () => {
    // Kansenkloof: hoog − laag now (60/100 − 30/100) against before (55/100 − 35/100).
    const change = combinedInterval([
      { k: 60, n: 100, sign: 1 },
      { k: 30, n: 100, sign: -1 },
      { k: 55, n: 100, sign: -1 },
      { k: 35, n: 100, sign: 1 },
    ])!;
    const now = newcombe(60, 100, 30, 100)!;
    expect(change.difference).toBeCloseTo(0.1, 12);
    expect(change.high - change.low).toBeGreaterThan(now.high - now.low);
    expect(change.low).toBeLessThan(0);
  });
});

describe('significance of a change', () => {
  it('follows the interval: above zero hoger, below zero lager, else niet significant, without one onbekend', () => {
    expect(changeSignificance(newcombe(90, 100, 50, 100))).toBe('hoger');
    expect(changeSignificance(newcombe(50, 100, 90, 100))).toBe('lager');
    expect(changeSignificance(newcombe(52, 100, 50, 100))).toBe('niet_significant');
    expect(changeSignificance(null)).toBe('onbekend');
    fc.assert(
      fc.property(share, share, (a, b) => {
        const ci = newcombe(a.k, a.n, b.k, b.n)!;
        const s = changeSignificance(ci);
        expect(s === 'hoger').toBe(ci.low > 0);
        expect(s === 'lager').toBe(ci.high < 0);
      }),
    );
  });
});
