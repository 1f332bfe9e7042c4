import { describe, expect, it } from 'vitest';
import { random } from '../test/random.ts';
import { wilson } from './wilson.ts';
import { bandCuts, bandOf, compareWithBands, type BandSchool } from './school-bands.ts';

const school = (i: number, score: number | null, k: number, n: number): BandSchool => ({ school: `SC${String(i).padStart(6, '0')}`, score, counts: { k, n } });

describe('achterstandsscore bands', () => {
  it('put a fifth of the schools in each band by score, schools with the same score together', () => {
    const scores = Array.from({ length: 100 }, (_, i) => i);
    const cuts = bandCuts(scores);
    expect(cuts).toEqual([19, 39, 59, 79]);
    const sizes = [0, 1, 2, 3, 4].map((b) => scores.filter((s) => bandOf(s, cuts) === b).length);
    expect(sizes).toEqual([20, 20, 20, 20, 20]);
    // Half the schools at 0: they all share the lowest band, and the next is empty.
    const many0 = [...Array.from({ length: 50 }, () => 0), ...Array.from({ length: 50 }, (_, i) => i + 1)];
    const c0 = bandCuts(many0);
    expect(many0.filter((s) => bandOf(s, c0) === 0)).toHaveLength(50);
    expect(many0.filter((s) => bandOf(s, c0) === 1)).toHaveLength(0);
  });

  it('give each band the pooled share of its schools, and each school its difference from the rest of its band', () => {
    // Two bands of two schools' worth of scores each (cuts at the median with 2 bands).
    const schools = [school(1, 1, 30, 40), school(2, 2, 10, 40), school(3, 10, 20, 50), school(4, 12, 30, 50)];
    const { bands, schools: out } = compareWithBands(schools, 2);
    expect(bands.map((b) => ({ band: b.band, k: b.k, n: b.n, from: b.from, to: b.to }))).toEqual([
      { band: 0, k: 40, n: 80, from: 1, to: 2 },
      { band: 1, k: 50, n: 100, from: 10, to: 12 },
    ]);
    // Fewer than ten schools: no estimate of their spread, no widening.
    expect(bands.every((b) => b.tau2 === 0)).toBe(true);
    const first = out[0]!;
    expect(first.bandValue).toBe(0.5);
    expect(first.difference).toBeCloseTo(0.75 - 0.5, 12);
    expect(first.ciLow).toBeCloseTo(wilson(30, 40)!.low, 12);
    // 30/40 against the rest of its band, 10/40: far apart.
    expect(first.significance).toBe('hoger');
    expect(out[1]!.significance).toBe('lager');
  });

  it('call no school different where every school of a band has the same share', () => {
    const schools = Array.from({ length: 30 }, (_, i) => school(i, i, 12, 40));
    for (const c of compareWithBands(schools).schools) {
      expect(c.difference).toBeCloseTo(0, 12);
      expect(c.significance).toBe('niet_significant');
    }
  });

  it('say nothing of a school without a score or without pupils', () => {
    const schools = [...Array.from({ length: 10 }, (_, i) => school(i, i, 5, 20)), school(90, null, 5, 20), { school: 'SC000091', score: 3, counts: null }];
    const out = compareWithBands(schools).schools;
    expect(out.at(-2)).toMatchObject({ band: null, value: null, significance: 'onbekend' });
    expect(out.at(-1)).toMatchObject({ value: null, significance: 'onbekend' });
    expect(out.at(-1)!.band).toBe(bandOf(3, bandCuts(schools.slice(0, 10).map((s) => s.score!))));
  });

  it('give no verdict to a school alone in its band: there is no similar school to compare it with', () => {
    const schools = [school(1, 1, 30, 40), school(2, 2, 10, 40), school(3, 10, 20, 50)];
    const out = compareWithBands(schools, 2).schools;
    expect(out[2]).toMatchObject({ band: 1, value: 0.4, bandValue: 0.4, difference: null, significance: 'onbekend' });
    expect(out[0]!.significance).toBe('hoger');
  });

  it('widen by the spread of similar schools: about 5% called different where schools vary as usual, far more without widening', () => {
    const r = random(26);
    // 1000 schools; the share falls with the score; each school has an effect of its own (sd 8 points).
    const schools = Array.from({ length: 1000 }, (_, i) => {
      const score = r.uniform() * 40;
      const p = Math.min(0.98, Math.max(0.02, 0.7 - score / 100 + 0.08 * r.normal()));
      const n = 15 + Math.floor(r.uniform() * 60);
      return school(i, score, r.binomial(n, p), n);
    });
    const { bands, schools: out } = compareWithBands(schools);
    expect(bands).toHaveLength(5);
    expect(bands.every((b) => b.tau2 > 0)).toBe(true);
    const called = out.filter((c) => c.significance === 'hoger' || c.significance === 'lager').length / out.length;
    expect(called).toBeGreaterThan(0.02);
    expect(called).toBeLessThan(0.09);
    // The same comparison without the widening calls far more schools different.
    const narrow = out.filter((c) => {
      const s = schools.find((x) => x.school === c.school)!;
      const ci = wilson(s.counts!.k, s.counts!.n)!;
      return ci.low > c.bandValue! || ci.high < c.bandValue!;
    }).length;
    expect(narrow / out.length).toBeGreaterThan(2 * called);
  });
});
