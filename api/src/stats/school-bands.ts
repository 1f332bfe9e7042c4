import type { Significance } from '@gka/shared';
import { compareWith } from './compare.ts';
import { areaDispersion, widen, type Counts } from './overdispersion.ts';
import { wilson } from './wilson.ts';

/**
 * Schools compared with schools of a similar population (docs/methodology.md, "Schools against
 * similar schools"): bands of about equal numbers of schools by their achterstandsscore (quintiles),
 * so that each band holds enough schools to say how far similar schools spread.
 */
export const BANDS = 5;

/** A school with its achterstandsscore (per 100 pupils; null: none) and its counts of one indicator. */
export type BandSchool = { school: string; score: number | null; counts: Counts | null };

/** One band: its scores, its schools' pooled share, and their spread around it beyond chance (τ²). */
export type AchterstandBand = { band: number; from: number; to: number; schools: number; k: number; n: number; value: number; tau2: number };

export type BandComparison = {
  school: string;
  band: number | null;
  /** The school's share and its 95% interval, widened by its band's τ². */
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** The pooled share of its band, and the school minus that with its interval (against the rest of the band). */
  bandValue: number | null;
  difference: number | null;
  differenceLow: number | null;
  differenceHigh: number | null;
  significance: Significance;
};

/** A school with nothing to compare: no share of its own, no band's share, no verdict. */
export const NO_COMPARISON = {
  value: null,
  ciLow: null,
  ciHigh: null,
  bandValue: null,
  difference: null,
  differenceLow: null,
  differenceHigh: null,
  significance: 'onbekend',
} as const satisfies Omit<BandComparison, 'school' | 'band'>;

/**
 * The upper score of each band but the last: the score of the school at the end of each fifth of the
 * schools by score. Schools with the same score share a band, so where many share one (0 is common)
 * a band can be larger and the next one empty.
 */
export function bandCuts(scores: readonly number[], bands = BANDS): number[] {
  const sorted = [...scores].sort((a, b) => a - b);
  if (!sorted.length) return [];
  return Array.from({ length: bands - 1 }, (_, j) => sorted[Math.max(0, Math.ceil((sorted.length * (j + 1)) / bands) - 1)]!);
}

/** The band (0 = lowest scores) of a score: how many cuts lie below it. */
export const bandOf = (score: number, cuts: readonly number[]): number => cuts.filter((c) => score > c).length;

/**
 * Each school against the schools of its band: the band's pooled share (Σk/Σn) and the school's
 * share minus it, compared as with any pooled benchmark (compareWith: against the rest of the band,
 * the school left out). The school's interval is widened by how far the band's schools spread around
 * their pooled share beyond chance (τ², areaDispersion), so that a school is called different only
 * when it lies outside what similar schools usually show; a band of fewer than MIN_UNITS schools has
 * no estimate of that spread and no widening. A school without a score or without pupils is `onbekend`,
 * and so is one alone in its band (no other school to compare it with).
 */
export function compareWithBands(schools: readonly BandSchool[], bands = BANDS): { bands: AchterstandBand[]; schools: BandComparison[] } {
  const eligible = (s: BandSchool): s is BandSchool & { score: number; counts: Counts } => s.score !== null && s.counts !== null && s.counts.n > 0;
  const cuts = bandCuts(
    schools.filter(eligible).map((s) => s.score),
    bands,
  );
  const members = new Map<number, (BandSchool & { score: number; counts: Counts })[]>();
  for (const s of schools.filter(eligible)) {
    const b = bandOf(s.score, cuts);
    const list = members.get(b);
    if (list) list.push(s);
    else members.set(b, [s]);
  }
  const byBand = new Map<number, AchterstandBand>();
  for (const [band, list] of [...members.entries()].sort(([a], [b]) => a - b)) {
    const k = list.reduce((sum, s) => sum + s.counts.k, 0);
    const n = list.reduce((sum, s) => sum + s.counts.n, 0);
    const scores = list.map((s) => s.score);
    byBand.set(band, {
      band,
      from: Math.min(...scores),
      to: Math.max(...scores),
      schools: list.length,
      k,
      n,
      value: k / n,
      tau2: areaDispersion(list.map((s) => s.counts))?.tau2 ?? 0,
    });
  }
  const unknown = NO_COMPARISON;
  return {
    bands: [...byBand.values()],
    schools: schools.map((s): BandComparison => {
      if (!eligible(s)) return { school: s.school, band: s.score === null || !cuts.length ? null : bandOf(s.score, cuts), ...unknown };
      const band = byBand.get(bandOf(s.score, cuts))!;
      const { k, n } = s.counts;
      const value = k / n;
      const ci = widen(value, wilson(k, n)!, band.tau2);
      // Alone in its band there is nothing similar to compare with: its own share, no verdict.
      if (band.schools < 2) return { ...unknown, school: s.school, band: band.band, value, ciLow: ci.low, ciHigh: ci.high, bandValue: band.value };
      const c = compareWith(
        { value, ciLow: ci.low, ciHigh: ci.high, numerator: k, denominator: n, group: 'totaal', level: 'school', parent: null, stedelijkheid: null },
        { value: band.value, numerator: band.k, denominator: band.n },
        true,
      );
      return {
        school: s.school,
        band: band.band,
        value,
        ciLow: ci.low,
        ciHigh: ci.high,
        bandValue: band.value,
        difference: c.difference,
        differenceLow: c.ciLow,
        differenceHigh: c.ciHigh,
        significance: c.significance,
      };
    }),
  };
}
