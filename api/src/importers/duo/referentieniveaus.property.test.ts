import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK_MARGIN, shareRange } from './schooladviezen.ts';
import { estimate, ownFigure, split } from './referentieniveaus.ts';

/** One domain of a school, lowest level first: each cell a true count, shown as DUO does (1–4 as `<5`). */
const domain = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 })), { minLength: 3, maxLength: 4 });
const shown = (truth: number[]) => truth.map((v) => (v >= 1 && v <= 4 ? ('lt5' as const) : v));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('masked referentieniveau counts', () => {
  it('keep every estimated count within what the masked cells allow, and one denominator per domain for both levels', () => {
    fc.assert(
      fc.property(domain, (truth) => {
        const cells = shown(truth);
        const denominators = new Set<number>();
        for (const from of [1, 2]) {
          const { above, below } = split(cells, from);
          const { numerator, denominator } = estimate(above, below);
          expect(Number.isInteger(numerator) && Number.isInteger(denominator)).toBe(true);
          expect(numerator).toBeGreaterThanOrEqual(above.exact + above.masked);
          expect(numerator).toBeLessThanOrEqual(above.exact + 4 * above.masked);
          // What is left for the cells below the level is a possible count too.
          expect(denominator - numerator).toBeGreaterThanOrEqual(below.exact + below.masked);
          expect(denominator - numerator).toBeLessThanOrEqual(below.exact + 4 * below.masked);
          denominators.add(denominator);
        }
        expect(denominators.size).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('put the true and the estimated share inside the range the masking allows, at most 10 points wide for a school with a figure of its own', () => {
    fc.assert(
      fc.property(domain, fc.integer({ min: 1, max: 2 }), (truth, from) => {
        const total = sum(truth);
        fc.pre(total > 0);
        const { above, below } = split(shown(truth), from);
        const share = sum(truth.slice(from)) / total;
        const { numerator, denominator } = estimate(above, below);
        const [lo, hi] = shareRange(above, below);
        for (const s of [share, numerator / denominator]) {
          expect(s).toBeGreaterThanOrEqual(lo - 1e-12);
          expect(s).toBeLessThanOrEqual(hi + 1e-12);
        }
        if (ownFigure(above, below)) expect(hi - lo).toBeLessThanOrEqual(2 * MASK_MARGIN + 1e-12);
        else expect(hi - lo).toBeGreaterThan(2 * MASK_MARGIN);
      }),
      { numRuns: 2000 },
    );
  });
});
