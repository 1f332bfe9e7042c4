import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { significanceAgainst } from './significance.ts';
import { changeSignificance } from './change.ts';
import { combinedInterval } from './newcombe.ts';
import { areaDispersion, changeDispersion, estimateDispersion, MIN_UNITS, normalQuantile, widen, winsorisedPhi, type Counts } from './overdispersion.ts';
import { wilson, Z95 } from './wilson.ts';
import { random } from '../test/random.ts';

describe('normalQuantile', () => {
  it('matches the tables', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z95, 8);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232, 5);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });
});

describe('winsorisedPhi', () => {
  it('is about 1 for standard normal z-scores, and φ for z-scores φ times as variable', () => {
    const r = random(7);
    const z = Array.from({ length: 20_000 }, () => r.normal());
    expect(Math.abs(winsorisedPhi(z) - 1)).toBeLessThan(0.05);
    expect(Math.abs(winsorisedPhi(z.map((x) => x * Math.sqrt(2))) / 2 - 1)).toBeLessThan(0.05);
  });
  it('is not moved by a few extreme areas', () => {
    const r = random(8);
    const z = Array.from({ length: 1000 }, () => r.normal());
    const outliers = [...z.slice(0, 980), ...Array.from({ length: 20 }, () => 50)];
    expect(winsorisedPhi(outliers)).toBeLessThan(1.3);
  });
});

describe('estimateDispersion', () => {
  it('has no estimate from fewer than MIN_UNITS units', () => {
    const few = Array.from({ length: MIN_UNITS - 1 }, (_, i) => ({ d: i / 100, v: 0.001 }));
    expect(estimateDispersion(few)).toBeNull();
    expect(estimateDispersion([...few, { d: 0.1, v: 0.001 }])).not.toBeNull();
  });
  it('adds nothing where the spread is binomial or less (φ ≤ 1), and more the more the areas spread', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: MIN_UNITS, maxLength: 200 }),
        fc.double({ min: 1.1, max: 5, noNaN: true }),
        (z, f) => {
          const base = estimateDispersion(z.map((d) => ({ d: d * 0.01, v: 0.0001 + Math.abs(d) * 1e-4 })))!;
          if (base.phi <= 1) expect(base.tau2).toBe(0);
          else expect(base.tau2).toBeGreaterThan(0);
          const wider = estimateDispersion(z.map((d) => ({ d: d * 0.01 * f, v: 0.0001 + Math.abs(d) * 1e-4 })))!;
          expect(wider.tau2).toBeGreaterThanOrEqual(base.tau2);
        },
      ),
    );
  });
});

describe('widen', () => {
  it('keeps the interval without overdispersion, and otherwise contains it, within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        (n, f, tau2) => {
          const k = Math.round(f * n);
          const ci = wilson(k, n)!;
          const p = k / n;
          expect(widen(p, ci, 0)).toEqual(ci);
          const w = widen(p, ci, tau2);
          expect(w.low).toBeLessThanOrEqual(ci.low + 1e-15);
          expect(w.high).toBeGreaterThanOrEqual(ci.high - 1e-15);
          expect(w.low).toBeGreaterThanOrEqual(0);
          expect(w.high).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
  it('gives a large area a floor: its interval no longer shrinks to nothing', () => {
    const tau2 = 0.0004; // τ = 2 procentpunt
    const huge = widen(0.5, wilson(500_000, 1_000_000)!, tau2);
    expect(huge.high - huge.low).toBeCloseTo(2 * Z95 * 0.02, 3);
  });
});

/** Share of significant calls among the tests, in percent. */
const percent = (calls: boolean[]) => (100 * calls.filter(Boolean).length) / calls.length;

describe('simulated areas without true differences, with realistic overdispersion', () => {
  // Sizes like the real files: gemeenten with 30 to 6,000 exam candidates a year, schools with 20 to 500.
  const sizes = (r: ReturnType<typeof random>, count: number, min: number, max: number) =>
    Array.from({ length: count }, () => Math.round(Math.exp(Math.log(min) + r.uniform() * (Math.log(max) - Math.log(min)))));

  // Each area its own level; each year a shift of its own (τ per year as the real pass rate shows,
  // about 0.8 procentpunt for a gemeente and 2 for a school) and binomial counts on top.
  const levels = [
    { name: 'gemeenten', count: 300, min: 30, max: 6000, yearTau: 0.008, seed: 11 },
    { name: 'scholen', count: 1200, min: 20, max: 500, yearTau: 0.02, seed: 12 },
  ];
  for (const level of levels) {
    it(`calls about 5% of year-to-year changes of ${level.name} significant (3–8%); the binomial interval alone calls far more`, () => {
      const r = random(level.seed);
      const calls: boolean[] = [];
      const naive: boolean[] = [];
      for (let rep = 0; rep < 4; rep++) {
        const n = sizes(r, level.count, level.min, level.max);
        const base = n.map(() => 0.9 + 0.04 * r.normal());
        const years = Array.from({ length: 5 }, () =>
          n.map((m, a) => ({ k: r.binomial(m, Math.min(0.999, Math.max(0.3, base[a]! + level.yearTau * r.normal()))), n: m })),
        );
        const pairs = years.slice(1).flatMap((now, t) => now.map((c, a) => ({ now: c, before: years[t]![a]! })));
        const tau2 = changeDispersion(pairs)!.tau2 / 2;
        for (const p of pairs) {
          const terms = (extra: number) => [
            { ...p.now, sign: 1 as const, tau2: extra },
            { ...p.before, sign: -1 as const, tau2: extra },
          ];
          calls.push(['hoger', 'lager'].includes(changeSignificance(combinedInterval(terms(tau2)))));
          naive.push(['hoger', 'lager'].includes(changeSignificance(combinedInterval(terms(0)))));
        }
      }
      expect(percent(calls)).toBeGreaterThanOrEqual(3);
      expect(percent(calls)).toBeLessThanOrEqual(8);
      expect(percent(naive)).toBeGreaterThan(10);
    });

    it(`calls about 5% of ${level.name} significantly different from their common share (3–8%)`, () => {
      const r = random(level.seed + 100);
      const calls: boolean[] = [];
      for (let rep = 0; rep < 4; rep++) {
        const n = sizes(r, level.count, level.min, level.max);
        // Between areas the spread is larger than from year to year: 2 procentpunt for gemeenten, 4 for schools.
        const areaTau = level.yearTau * 2.5;
        const cells: Counts[] = n.map((m) => ({ k: r.binomial(m, Math.min(0.999, Math.max(0.3, 0.88 + areaTau * r.normal()))), n: m }));
        const d = areaDispersion(cells)!;
        const target = cells.reduce((s, c) => s + c.k, 0) / cells.reduce((s, c) => s + c.n, 0);
        for (const c of cells) {
          const p = c.k / c.n;
          const ci = widen(p, wilson(c.k, c.n)!, d.tau2);
          calls.push(['hoger', 'lager'].includes(significanceAgainst({ value: p, ciLow: ci.low, ciHigh: ci.high }, target)));
        }
      }
      expect(percent(calls)).toBeGreaterThanOrEqual(3);
      expect(percent(calls)).toBeLessThanOrEqual(8);
    });
  }
});
