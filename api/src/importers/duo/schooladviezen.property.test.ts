import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskedExpectation, shareRange } from './schooladviezen.ts';

/** One side of a school: exact counts of 0 or 5+, and the true values (1–4) DUO shows as `<5`. */
const side = fc.record({
  exact: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 5, max: 60 })), { maxLength: 8 }),
  hidden: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 8 }),
});
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('masked schooladviezen counts', () => {
  it('put the true share of every school, whatever its masked cells hold, inside the range the importer derives', () => {
    fc.assert(
      fc.property(side, side, (havo, other) => {
        const truth = sum([...havo.exact, ...havo.hidden]) / sum([...havo.exact, ...havo.hidden, ...other.exact, ...other.hidden]);
        fc.pre(Number.isFinite(truth));
        const [lo, hi] = shareRange({ exact: sum(havo.exact), masked: havo.hidden.length }, { exact: sum(other.exact), masked: other.hidden.length });
        expect(truth).toBeGreaterThanOrEqual(lo - 1e-12);
        expect(truth).toBeLessThanOrEqual(hi + 1e-12);
      }),
      { numRuns: 2000 },
    );
  });

  it('count k masked cells as 2.5 × k, whole, never off by more than a half, rounding odd k down and up in turn', () => {
    for (let k = 0; k <= 40; k++) {
      expect(Number.isInteger(maskedExpectation(k))).toBe(true);
      expect(Math.abs(maskedExpectation(k) - 2.5 * k)).toBeLessThanOrEqual(0.5);
    }
    expect([1, 3, 5, 7].map(maskedExpectation)).toEqual([2, 8, 12, 18]);
    // Over many schools the rounding cancels: no lean up or down.
    const ks = Array.from({ length: 1000 }, (_, i) => (i % 8) + 1);
    expect(Math.abs(sum(ks.map(maskedExpectation)) - 2.5 * sum(ks))).toBeLessThanOrEqual(1);
  });
});
