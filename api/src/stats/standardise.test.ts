import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { random, type Random } from '../test/random.ts';
import { expectedOf, standardise, standardisedDispersion, type MixArea } from './standardise.ts';

describe('expectedOf', () => {
  it('weighs the reference rates by the area’s own groups', () => {
    // 100 pupils of highly educated parents at Nederland's 60%, 50 of low educated parents at 20%.
    const e = expectedOf([
      { n: 100, rate: 0.6 },
      { n: 50, rate: 0.2 },
    ])!;
    expect(e.expected).toBeCloseTo(70 / 150, 12);
    expect(e.variance).toBeCloseTo((100 * 0.6 * 0.4 + 50 * 0.2 * 0.8) / 150 ** 2, 15);
    expect(e.n).toBe(150);
  });

  it('gives nothing without pupils or with a rate that is no share', () => {
    expect(expectedOf([])).toBeNull();
    expect(expectedOf([{ n: 0, rate: 0.5 }])).toBeNull();
    expect(expectedOf([{ n: 10, rate: Number.NaN }])).toBeNull();
    expect(expectedOf([{ n: 10, rate: 1.2 }])).toBeNull();
  });

  const groups = fc.array(fc.record({ n: fc.integer({ min: 1, max: 5000 }), rate: fc.double({ min: 0, max: 1, noNaN: true }) }), {
    minLength: 1,
    maxLength: 6,
  });

  it('lies between the lowest and highest reference rate, and is that rate where all groups share it', () => {
    fc.assert(
      fc.property(groups, (gs) => {
        const e = expectedOf(gs)!;
        const rates = gs.map((g) => g.rate);
        expect(e.expected).toBeGreaterThanOrEqual(Math.min(...rates) - 1e-12);
        expect(e.expected).toBeLessThanOrEqual(Math.max(...rates) + 1e-12);
        const same = expectedOf(gs.map((g) => ({ ...g, rate: rates[0]! })))!;
        expect(same.expected).toBeCloseTo(rates[0]!, 12);
      }),
    );
  });

  it('does not depend on the size of the area, only on its mix; its variance falls with the size', () => {
    fc.assert(
      fc.property(groups, fc.integer({ min: 2, max: 20 }), (gs, c) => {
        const e = expectedOf(gs)!;
        const bigger = expectedOf(gs.map((g) => ({ ...g, n: g.n * c })))!;
        expect(bigger.expected).toBeCloseTo(e.expected, 12);
        expect(bigger.variance).toBeCloseTo(e.variance / c, 15);
      }),
    );
  });
});

describe('standardise', () => {
  it('finds an area whose groups reach exactly the reference rates as expected', () => {
    const groups = [
      { n: 400, rate: 0.55 },
      { n: 200, rate: 0.25 },
    ];
    const s = standardise({ observed: { k: 220 + 50, n: 600 }, groups }, 0.0004)!;
    expect(s.expected).toBeCloseTo(0.45, 12);
    expect(s.difference).toBeCloseTo(0, 12);
    expect(s.significance).toBe('niet_significant');
  });

  it('states its verdict in the words of its interval, and a wider spread never makes it more certain', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 3000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (n, p, r1, r2) => {
          const area: MixArea = {
            observed: { k: Math.round(p * n), n },
            groups: [
              { n: Math.ceil(n / 3), rate: r1 },
              { n: n - Math.ceil(n / 3), rate: r2 },
            ],
          };
          for (const tau2 of [0, 0.0004, 0.004]) {
            const s = standardise(area, tau2)!;
            expect(s.significance).toBe(s.ciLow > 0 ? 'hoger' : s.ciHigh < 0 ? 'lager' : 'niet_significant');
            expect(s.ciLow).toBeLessThanOrEqual(s.difference);
            expect(s.ciHigh).toBeGreaterThanOrEqual(s.difference);
          }
          const narrow = standardise(area, 0)!;
          const wide = standardise(area, 0.004)!;
          expect(wide.ciHigh - wide.ciLow).toBeGreaterThanOrEqual(narrow.ciHigh - narrow.ciLow);
        },
      ),
    );
  });
});

const percent = (calls: boolean[]) => (100 * calls.filter(Boolean).length) / calls.length;

describe('simulated gemeenten whose pupils reach what their mix predicts, give or take the usual spread', () => {
  // Nederland's schooladvies havo/vwo by parents' education (laag, midden, hoog), roughly as the kansenkloof file shows it.
  const RATES = [0.22, 0.4, 0.72];
  const size = (r: Random) => Math.round(Math.exp(Math.log(40) + r.uniform() * (Math.log(4000) - Math.log(40))));
  /** A gemeente: its own mix (from mostly laag to mostly hoog), each group at Nederland's rate plus the gemeente's own shift. */
  const gemeente = (r: Random, tau: number): MixArea => {
    const n = size(r);
    const hoog = 0.1 + 0.6 * r.uniform();
    const laag = (1 - hoog) * (0.2 + 0.6 * r.uniform());
    const sizes = [Math.round(n * laag), Math.round(n * (1 - hoog - laag)), Math.round(n * hoog)];
    const shift = tau * r.normal();
    const k = sizes.reduce((s, m, g) => s + r.binomial(m, Math.min(0.99, Math.max(0.01, RATES[g]! + shift))), 0);
    return { observed: { k, n: sizes.reduce((a, b) => a + b, 0) }, groups: sizes.map((m, g) => ({ n: m, rate: RATES[g]! })) };
  };

  it('calls about 5% significant (3–8%) with the spread measured; the binomial interval alone calls far more', () => {
    const r = random(26);
    const calls: boolean[] = [];
    const naive: boolean[] = [];
    for (let rep = 0; rep < 4; rep++) {
      const areas = Array.from({ length: 300 }, () => gemeente(r, 0.025));
      const tau2 = standardisedDispersion(areas)!.tau2;
      for (const a of areas) {
        calls.push(standardise(a, tau2)!.significance !== 'niet_significant');
        naive.push(standardise(a, 0)!.significance !== 'niet_significant');
      }
    }
    expect(percent(calls)).toBeGreaterThanOrEqual(3);
    expect(percent(calls)).toBeLessThanOrEqual(8);
    expect(percent(naive)).toBeGreaterThan(15);
  });

  it('finds no spread where there is none: about 5% by chance alone', () => {
    const r = random(27);
    const calls: boolean[] = [];
    for (let rep = 0; rep < 4; rep++) {
      const areas = Array.from({ length: 300 }, () => gemeente(r, 0));
      const tau2 = standardisedDispersion(areas)!.tau2;
      expect(tau2).toBeLessThan(0.0002);
      for (const a of areas) calls.push(standardise(a, tau2)!.significance !== 'niet_significant');
    }
    expect(percent(calls)).toBeGreaterThanOrEqual(3);
    expect(percent(calls)).toBeLessThanOrEqual(8);
  });

  it('finds the gemeente that does better than its mix, where the raw share would only show its mix', () => {
    const r = random(28);
    const areas = Array.from({ length: 300 }, () => gemeente(r, 0.02));
    // Mostly pupils of low educated parents, 8 procentpunt above what each group reaches in Nederland.
    const sizes = [1800, 900, 300];
    const k = sizes.reduce((s, m, g) => s + Math.round(m * (RATES[g]! + 0.08)), 0);
    const better: MixArea = { observed: { k, n: 3000 }, groups: sizes.map((m, g) => ({ n: m, rate: RATES[g]! })) };
    const s = standardise(better, standardisedDispersion([...areas, better])!.tau2)!;
    expect(s.observed).toBeLessThan(0.45);
    expect(s.difference).toBeCloseTo(0.08, 2);
    expect(s.significance).toBe('hoger');
  });
});
