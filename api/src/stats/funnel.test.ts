import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { significanceAgainst } from './significance.ts';
import { controlLimits, funnelLimits, logGrid, widenedInterval, Z998 } from './funnel.ts';
import { compareWith } from './compare.ts';
import { widen } from './overdispersion.ts';
import { wilson, Z95 } from './wilson.ts';

const share = fc.double({ min: 0, max: 1, noNaN: true });
const tau2 = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 0.02, noNaN: true }));
const pupils = fc.integer({ min: 1, max: 20_000 });
/**
 * Away from floating-point ties: a point this close to a limit may fall on either side of it. Near a
 * share of 0 or 1 Wilson's bounds come from a difference of two nearly equal numbers, so the edge
 * itself is only known to about 1e-9 there.
 */
const TIE = 1e-7;

describe('controlLimits', () => {
  it('puts a point outside the 95% limits exactly when significanceAgainst calls it significant against the target', () => {
    fc.assert(
      fc.property(
        pupils.chain((n) => fc.record({ n: fc.constant(n), k: fc.integer({ min: 0, max: n }) })),
        // A target anywhere, or close to an edge of the interval, where a wrong limit shows first.
        fc.oneof(
          share.map((t) => ({ t, edge: null })),
          fc.record({ t: fc.double({ min: -0.01, max: 0.01, noNaN: true }), edge: fc.constantFrom('low', 'high') }),
        ),
        tau2,
        ({ n, k }, { t, edge }, t2) => {
          const p = k / n;
          // The interval exactly as /values publishes it: Wilson of the counts, widened by τ².
          const ci = widen(p, wilson(k, n)!, t2);
          const target = Math.min(1, Math.max(0, edge === null ? t : ci[edge] + t));
          const sig = significanceAgainst({ value: p, ciLow: ci.low, ciHigh: ci.high }, target);
          const { low, high } = controlLimits(target, n, t2);
          fc.pre(Math.abs(p - low) > TIE && Math.abs(p - high) > TIE);
          expect(sig === 'lager', `p ${p} low ${low}`).toBe(p < low);
          expect(sig === 'hoger', `p ${p} high ${high}`).toBe(p > high);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('against a pool that holds the areas, puts a point outside the limits exactly when compareWith calls it significant', () => {
    fc.assert(
      fc.property(
        pupils.chain((n) => fc.record({ n: fc.constant(n), k: fc.integer({ min: 0, max: n }) })),
        pupils.chain((n) => fc.record({ n: fc.constant(n), k: fc.integer({ min: 0, max: n }) })),
        tau2,
        ({ n, k }, rest, t2) => {
          const p = k / n;
          const ci = widen(p, wilson(k, n)!, t2);
          // The gemeente of a school: its pupils and the school's, as the tables compare them.
          const pool = { value: (k + rest.k) / (n + rest.n), numerator: k + rest.k, denominator: n + rest.n, contains: true };
          const c = compareWith(
            { value: p, ciLow: ci.low, ciHigh: ci.high, numerator: k, denominator: n, group: '', level: '', parent: null, stedelijkheid: null },
            pool,
            true,
          );
          const { low, high } = controlLimits(pool, n, t2);
          fc.pre(Math.abs(p - low) > 1e-7 && Math.abs(p - high) > 1e-7);
          expect(c.significance === 'lager', `p ${p} low ${low}`).toBe(p < low);
          expect(c.significance === 'hoger', `p ${p} high ${high}`).toBe(p > high);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('puts the target on the edge of the interval of a share at a limit', () => {
    fc.assert(
      fc.property(pupils, fc.double({ min: 0.05, max: 0.95, noNaN: true }), tau2, (n, target, t2) => {
        const { low, high } = controlLimits(target, n, t2);
        if (low > 0) expect(widenedInterval(low, n, t2).high).toBeCloseTo(target, 9);
        if (high < 1) expect(widenedInterval(high, n, t2).low).toBeCloseTo(target, 9);
      }),
    );
  });

  it('narrows as n grows, stays within 0–1 around the target, and the 99.8% limits lie outside the 95% ones', () => {
    fc.assert(
      fc.property(pupils, pupils, share, tau2, (a, b, target, t2) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        for (const z of [Z95, Z998]) {
          const s = controlLimits(target, small, t2, z);
          const l = controlLimits(target, large, t2, z);
          for (const x of [s, l]) {
            expect(x.low).toBeGreaterThanOrEqual(0);
            expect(x.high).toBeLessThanOrEqual(1);
            expect(x.low).toBeLessThanOrEqual(target + TIE);
            expect(x.high).toBeGreaterThanOrEqual(target - TIE);
          }
          expect(l.low).toBeGreaterThanOrEqual(s.low - TIE);
          expect(l.high).toBeLessThanOrEqual(s.high + TIE);
        }
        const wide = controlLimits(target, small, t2, Z998);
        const narrow = controlLimits(target, small, t2, Z95);
        expect(wide.low).toBeLessThanOrEqual(narrow.low + TIE);
        expect(wide.high).toBeGreaterThanOrEqual(narrow.high - TIE);
      }),
    );
  });

  it('keeps the funnel open by the ordinary spread between areas: never narrower than z·τ around the target', () => {
    // Without τ² a very large area's limits close on the target; with it they stay about z·τ away.
    const t2 = 0.0009; // τ = 3 procentpunt
    const bare = controlLimits(0.5, 1_000_000, 0);
    const wide = controlLimits(0.5, 1_000_000, t2);
    expect(bare.high - 0.5).toBeLessThan(0.002);
    expect(wide.high - 0.5).toBeCloseTo(Z95 * 0.03, 3);
    expect(0.5 - wide.low).toBeCloseTo(Z95 * 0.03, 3);
  });

  it('has no lower limit where no share can lie significantly below the target (a target of 0)', () => {
    expect(controlLimits(0, 100, 0).low).toBe(0);
    expect(controlLimits(1, 100, 0).high).toBe(1);
    expect(controlLimits(0, 100, 0).high).toBeGreaterThan(0);
  });
});

describe('funnelLimits', () => {
  it('runs over a log-spaced grid from the smallest to the largest area', () => {
    const limits = funnelLimits(0.4, [250, 10, 1000, 0], 0.001);
    expect(limits[0]!.n).toBe(10);
    expect(limits.at(-1)!.n).toBe(1000);
    const ratios = limits.slice(1).map((l, i) => l.n / limits[i]!.n);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0]!, 9);
    expect(funnelLimits(0.4, [], 0)).toEqual([]);
    expect(logGrid(5, 5)).toEqual([5]);
  });
});
