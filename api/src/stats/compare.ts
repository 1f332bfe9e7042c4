import type { Benchmark, Comparison, Significance } from '@gka/shared';
import { applicableBenchmarks, significanceAgainst, type Placed as SharedPlaced } from './significance.ts';
import { difference } from './benchmarks.ts';
import { nearest, roundDown, roundUp, type Estimate } from './cells.ts';
import { wilson, Z95 } from './wilson.ts';

export type { Comparison };

/** Where a value sits, with its counts and estimate (the interval widened for overdispersion). */
export type Placed = Estimate & SharedPlaced & { area?: string; numerator: number | null; denominator: number | null };

export { applicableBenchmarks };

/** A benchmark as a comparison needs it: its value and, for a pool, the pupils it sums. */
export type Against = Pick<Benchmark, 'value'> & { numerator?: number | null; denominator?: number | null };

const sign = (low: number, high: number): Significance => (low > 0 ? 'hoger' : high < 0 ? 'lager' : 'niet_significant');

/**
 * An area against one benchmark (docs/methodology.md, "Benchmarks without the area"): the difference
 * value − benchmark with its 95% interval and the significance that interval gives.
 *
 * A pooled benchmark with counts is compared as two independent groups: the area and the rest of the
 * benchmark, without the area when it is part of it (`contained`). The area's margins are those of
 * its interval (widened for overdispersion), the rest's those of its Wilson interval, combined by the
 * square-root rule (MOVER); the interval of the published difference p − p_B is that of p − p_rest
 * times 1 − w, w the area's share of the benchmark's pupils, since p − p_B = (1 − w)(p − p_rest).
 * So Amsterdam, 17% of its stedelijkheid class, is compared with the other 83%, and a school that is
 * its whole gemeente differs from it by nothing. A benchmark without counts (the unweighted mean of
 * the gemeenten, a hidden pool) is taken as a fixed value: significant when it lies outside the
 * area's interval. `z` sets the confidence of the rest's interval, as the area's was made (a
 * funnel's 99.8% limits).
 */
export function compareWith(v: Placed, b: Against, contained: boolean, z = Z95): Omit<Comparison, 'kind'> {
  const d = difference(v.value, b.value);
  const none = { benchmark: b.value, difference: d, ciLow: null, ciHigh: null, share: null, significance: 'onbekend' as const };
  if (v.value === null || v.ciLow === null || v.ciHigh === null || b.value === null || d === null) return none;
  const kB = b.numerator ?? null;
  const nB = b.denominator ?? null;
  if (kB === null || nB === null || nB <= 0) {
    return { ...none, ciLow: v.ciLow - b.value, ciHigh: v.ciHigh - b.value, significance: significanceAgainst(v, b.value) };
  }
  const kA = v.numerator ?? 0;
  const nA = v.denominator ?? 0;
  const kR = contained ? kB - kA : kB;
  const nR = contained ? nB - nA : nB;
  const share = contained ? Math.min(1, nA / nB) : 0;
  // The area is (all but nothing of) the benchmark: no rest to differ from.
  if (nR <= 0 || kR < 0 || kR > nR) return { ...none, ciLow: 0, ciHigh: 0, share, significance: 'niet_significant' };
  const rest = wilson(kR, nR, z)!;
  const pR = kR / nR;
  const dR = v.value - pR;
  const low = (1 - share) * (dR - Math.hypot(v.value - v.ciLow, rest.high - pR));
  const high = (1 - share) * (dR + Math.hypot(v.ciHigh - v.value, pR - rest.low));
  return { benchmark: b.value, difference: d, ciLow: low, ciHigh: high, share, significance: sign(low, high) };
}

/**
 * The value against each applicable benchmark (docs/methodology.md). `contains` tells whether a
 * benchmark's pool holds the area's own pupils: the own gemeente of a wijk, the class, GKA or the
 * group of its gemeente, Nederland always.
 */
export function comparisons(v: Placed, benchmarks: readonly Benchmark[], contains: (b: Benchmark) => boolean = () => false): Comparison[] {
  return applicableBenchmarks(v, benchmarks).map((b) => {
    const c = compareWith(v, b, contains(b));
    // Published at the precision of cells.ts, the verdict decided before.
    return {
      kind: b.kind,
      benchmark: c.benchmark,
      difference: nearest(c.difference),
      ciLow: roundDown(c.ciLow),
      ciHigh: roundUp(c.ciHigh),
      share: nearest(c.share),
      significance: c.significance,
    };
  });
}

const SIGNIFICANT = new Set<Significance>(['hoger', 'lager']);
/**
 * The order in which the notitie names areas that differ from their gemeente: significant first,
 * then by distance; without a difference last.
 */
export function furthestFirst(
  a: { difference: number | null; significance: Significance },
  b: { difference: number | null; significance: Significance },
): number {
  return (
    Number(SIGNIFICANT.has(b.significance)) - Number(SIGNIFICANT.has(a.significance)) ||
    (b.difference === null ? -1 : Math.abs(b.difference)) - (a.difference === null ? -1 : Math.abs(a.difference))
  );
}
