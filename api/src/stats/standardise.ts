import type { Significance } from '@gka/shared';
import { estimateDispersion, type Counts, type Dispersion } from './overdispersion.ts';
import { significanceAgainst } from './significance.ts';
import { Z95 } from './wilson.ts';

/**
 * Indirect standardisation on the pupil mix (docs/methodology.md, "Verwacht gegeven de leerlingen").
 * An area's expected share is what its pupils would reach at the reference's rates for their group
 * (parents' education, income or migration background): E = Σ n_g·p_g / Σ n_g. Observed − expected
 * then says how far the area is from what its mix explains. Its interval takes the binomial variance
 * of the observed share under that model, Σ n_g·p_g(1 − p_g) / N², and the spread of all areas around
 * their own expected values (τ², as the comparisons widen theirs): areas differ by more than their
 * mix and chance explain, and a 95% rule must flag about 5% where nothing but that spread is at work.
 */

/** One group of an area's breakdown: its pupils and the reference rate of that group. */
export type MixGroup = { n: number; rate: number };

export type Expected = {
  /** E: the share the area's pupils would reach at the reference rates. */
  expected: number;
  /** The binomial variance of the observed share if every group reached its reference rate. */
  variance: number;
  /** Σ n_g: the pupils the expectation is made for. */
  n: number;
};

/** E and its variance from an area's groups; null without pupils or with a group that has no reference rate. */
export function expectedOf(groups: readonly MixGroup[]): Expected | null {
  let n = 0;
  let sum = 0;
  let variance = 0;
  for (const g of groups) {
    if (!(g.n >= 0) || !Number.isFinite(g.rate) || g.rate < 0 || g.rate > 1) return null;
    n += g.n;
    sum += g.n * g.rate;
    variance += g.n * g.rate * (1 - g.rate);
  }
  if (n <= 0) return null;
  return { expected: sum / n, variance: variance / (n * n), n };
}

/** An area to standardise: its observed counts (the groups' own pupils) and its groups at the reference rates. */
export type MixArea = { observed: Counts; groups: readonly MixGroup[] };

export type Standardised = {
  observed: number;
  expected: number;
  /** observed − expected, as a fraction (percentage points / 100). */
  difference: number;
  ciLow: number;
  ciHigh: number;
  significance: Significance;
};

/** The spread of areas' observed − expected beyond their binomial variance: τ² for the intervals (null below MIN_UNITS areas). */
export function standardisedDispersion(areas: readonly MixArea[]): Dispersion | null {
  return estimateDispersion(
    areas.flatMap((a) => {
      const e = expectedOf(a.groups);
      return e && a.observed.n > 0 ? [{ d: a.observed.k / a.observed.n - e.expected, v: e.variance }] : [];
    }),
  );
}

/**
 * Observed − expected for one area with its interval: (O − E) ± z·√(variance + τ²), significant in
 * the words of the interval (hoger, lager) when it leaves out 0. With τ² unknown (too few areas to
 * measure the spread) the interval is the binomial one.
 */
export function standardise(area: MixArea, tau2: number, z = Z95): Standardised | null {
  const e = expectedOf(area.groups);
  if (!e || !(area.observed.n > 0)) return null;
  const observed = area.observed.k / area.observed.n;
  const difference = observed - e.expected;
  const margin = z * Math.sqrt(e.variance + Math.max(0, tau2));
  const ci = { ciLow: difference - margin, ciHigh: difference + margin };
  return { observed, expected: e.expected, difference, ...ci, significance: significanceAgainst({ value: difference, ...ci }, 0) };
}
