import type { Significance } from '@gka/shared';
import type { Counts } from './overdispersion.ts';
import { combinedInterval } from './newcombe.ts';
import { significanceAgainst } from './significance.ts';
import { Z95 } from './wilson.ts';

export type PairDifference = { difference: number; ciLow: number; ciHigh: number; significance: Significance };

/**
 * One gemeente's share minus another's, with the 95% interval of that difference: Newcombe's
 * interval with each side widened by the spread of gemeenten (τ², docs/methodology.md,
 * "Overdispersie"), since two gemeenten differ by more than their pupils' chance. Significant when
 * the interval leaves out 0. Null when a side has no pupils.
 */
export function pairDifference(a: Counts, b: Counts, tau2: number, z = Z95): PairDifference | null {
  const ci = combinedInterval(
    [
      { ...a, sign: 1, tau2 },
      { ...b, sign: -1, tau2 },
    ],
    z,
  );
  if (!ci) return null;
  const out = { difference: ci.difference, ciLow: ci.low, ciHigh: ci.high };
  return { ...out, significance: significanceAgainst({ value: out.difference, ...out }, 0) };
}

/** An observed − expected with its binomial variance (standardise.ts), for comparing two areas' distance from their mix. */
export type Standardised = { difference: number; variance: number };

/**
 * One area's observed − expected minus another's: how much more one does than its pupil mix predicts.
 * Each side's variance plus the spread of areas around their expectation (τ²), combined as two
 * independent estimates.
 */
export function adjustedPairDifference(a: Standardised, b: Standardised, tau2: number, z = Z95): PairDifference {
  const difference = a.difference - b.difference;
  const margin = z * Math.sqrt(a.variance + b.variance + 2 * Math.max(0, tau2));
  const ci = { ciLow: difference - margin, ciHigh: difference + margin };
  return { difference, ...ci, significance: significanceAgainst({ value: difference, ...ci }, 0) };
}
