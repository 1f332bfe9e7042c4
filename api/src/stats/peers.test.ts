import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { random } from '../test/random.ts';
import { areaDispersion, type Counts } from './overdispersion.ts';
import { adjustedPairDifference, pairDifference } from './peers.ts';

describe('pairDifference', () => {
  it('is antisymmetric: swapping the gemeenten flips the difference, its interval and its words', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 5000 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        fc.integer({ min: 10, max: 5000 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        fc.double({ min: 0, max: 0.005, noNaN: true }),
        ([na, ka], [nb, kb], tau2) => {
          const ab = pairDifference({ k: ka, n: na }, { k: kb, n: nb }, tau2)!;
          const ba = pairDifference({ k: kb, n: nb }, { k: ka, n: na }, tau2)!;
          expect(ab.difference).toBeCloseTo(-ba.difference, 12);
          expect(ab.ciLow).toBeCloseTo(-ba.ciHigh, 12);
          expect(ab.significance).toBe(ba.significance === 'hoger' ? 'lager' : ba.significance === 'lager' ? 'hoger' : ba.significance);
          expect(ab.significance).toBe(ab.ciLow > 0 ? 'hoger' : ab.ciHigh < 0 ? 'lager' : 'niet_significant');
        },
      ),
    );
  });

  it('calls about 5% of pairs of gemeenten from the same spread significantly different (3–8%), with the spread measured', () => {
    const r = random(41);
    let calls = 0;
    let naive = 0;
    let pairs = 0;
    for (let rep = 0; rep < 4; rep++) {
      const cells: Counts[] = Array.from({ length: 300 }, () => {
        const n = Math.round(Math.exp(Math.log(40) + r.uniform() * (Math.log(4000) - Math.log(40))));
        return { k: r.binomial(n, Math.min(0.99, Math.max(0.01, 0.45 + 0.03 * r.normal()))), n };
      });
      const tau2 = areaDispersion(cells)!.tau2;
      // Each gemeente against ten others, as it is against its vergelijkbare gemeenten.
      for (let i = 0; i < cells.length; i++) {
        for (let j = 1; j <= 10; j++) {
          const other = cells[(i + j * 7) % cells.length]!;
          pairs++;
          if (pairDifference(cells[i]!, other, tau2)!.significance !== 'niet_significant') calls++;
          if (pairDifference(cells[i]!, other, 0)!.significance !== 'niet_significant') naive++;
        }
      }
    }
    expect((100 * calls) / pairs).toBeGreaterThanOrEqual(3);
    expect((100 * calls) / pairs).toBeLessThanOrEqual(8);
    expect((100 * naive) / pairs).toBeGreaterThan(15);
  });
});

describe('adjustedPairDifference', () => {
  it('adds both variances and both spreads, and says hoger only when the interval lies above 0', () => {
    const d = adjustedPairDifference({ difference: 0.05, variance: 0.0001 }, { difference: -0.01, variance: 0.0002 }, 0.0001);
    expect(d.difference).toBeCloseTo(0.06, 12);
    expect(d.ciHigh - d.difference).toBeCloseTo(1.959963984540054 * Math.sqrt(0.0001 + 0.0002 + 0.0002), 12);
    expect(d.significance).toBe('hoger');
    expect(adjustedPairDifference({ difference: 0.05, variance: 0.0001 }, { difference: -0.01, variance: 0.0002 }, 0.005).significance).toBe(
      'niet_significant',
    );
  });
});
