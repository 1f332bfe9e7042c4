import { normalQuantile, widen } from './overdispersion.ts';
import { compareWith, type Against } from './compare.ts';
import { wilson, Z95, type Interval } from './wilson.ts';

/**
 * Control limits of a funnel plot (docs/methodology.md, "Trechterdiagram"). A share differs
 * significantly from a target exactly when the interval of their difference leaves out 0 (compareWith:
 * the share's Wilson interval widened by the overdispersion τ², against the rest of a target pool that
 * holds the area). The limits are that rule turned round: for n pupils, the shares at which the
 * difference interval just reaches 0. So a point lies outside the 95% limits exactly when the
 * dashboard calls it significant, and the chart and the tables can never disagree.
 */

/** z for a two-sided 99.8% interval (3.09): the outer funnel, for differences that are rarely chance. */
export const Z998 = normalQuantile(0.999);

/** The interval a share p of n pupils is published with (as /values does it, at confidence z). */
export function widenedInterval(p: number, n: number, tau2: number, z = Z95): Interval {
  return widen(p, wilson(p * n, n, z)!, tau2, z);
}

/** Halving steps on [0, 1]: 2^-60 is below the resolution of a double near any share. */
const STEPS = 60;

/**
 * What a funnel's areas are judged against: a fixed value, or a pool with its counts that holds the
 * areas themselves (`contains`), so that each is compared with the rest of it as the tables do.
 */
export type FunnelTarget = Against & { value: number; contains?: boolean };

/**
 * The interval of p − target for a share p of n pupils, as compareWith makes it at confidence z. For
 * a pool that holds the area, the rest is the pool less the area's pupils; for a share no real area of
 * that pool can have (more passes than the pool has), the rest is held within its own counts, so the
 * interval keeps rising with p and the limits can be found by halving.
 */
export function differenceInterval(p: number, n: number, target: FunnelTarget, tau2: number, z = Z95): Interval {
  const ci = widenedInterval(p, n, tau2, z);
  const area = { value: p, ciLow: ci.low, ciHigh: ci.high, numerator: p * n, denominator: n, group: '', level: '', parent: null, stedelijkheid: null };
  const kB = target.numerator ?? null;
  const nB = target.denominator ?? null;
  if (!target.contains || kB === null || nB === null || nB <= 0) {
    const c = compareWith(area, target, false, z);
    return { low: c.ciLow!, high: c.ciHigh! };
  }
  const nR = nB - n;
  if (nR <= 0) return { low: 0, high: 0 };
  const kR = Math.min(nR, Math.max(0, kB - p * n));
  const c = compareWith(area, { value: kR / nR, numerator: kR, denominator: nR }, false, z);
  const w = n / nB;
  return { low: (1 - w) * c.ciLow!, high: (1 - w) * c.ciHigh! };
}

/**
 * The limits for n pupils around the target: `low` is the largest share whose difference interval
 * still lies wholly below 0 (the edge where its upper bound reaches 0), `high` the smallest share
 * whose difference interval lies wholly above 0. Both bounds rise with p, so halving finds each edge;
 * a limit that no share reaches is 0 or 1.
 */
export function controlLimits(target: number | FunnelTarget, n: number, tau2: number, z = Z95): Interval {
  const t = typeof target === 'number' ? { value: target } : target;
  const interval = (p: number) => differenceInterval(p, n, t, tau2, z);
  let low = 0;
  if (interval(0).high < 0) {
    let [a, b] = [0, 1];
    for (let i = 0; i < STEPS; i++) {
      const mid = (a + b) / 2;
      if (interval(mid).high < 0) a = mid;
      else b = mid;
    }
    low = a;
  }
  let high = 1;
  if (interval(1).low > 0) {
    let [a, b] = [0, 1];
    for (let i = 0; i < STEPS; i++) {
      const mid = (a + b) / 2;
      if (interval(mid).low > 0) b = mid;
      else a = mid;
    }
    high = b;
  }
  return { low, high };
}

export type FunnelLimit = { n: number; low95: number; high95: number; low998: number; high998: number };

/** Points on the grid of n: enough for a smooth curve on a log axis. */
export const GRID_POINTS = 60;

/** n from `from` to `to`, evenly spaced on a log scale (one point when they are equal). */
export function logGrid(from: number, to: number, points = GRID_POINTS): number[] {
  if (!(from > 0) || !(to >= from)) return [];
  if (to === from) return [from];
  const step = Math.log(to / from) / (points - 1);
  return Array.from({ length: points }, (_, i) => (i === points - 1 ? to : from * Math.exp(step * i)));
}

/** The 95% and 99.8% limits around the target over the sizes of the areas. */
export function funnelLimits(target: number | FunnelTarget, sizes: readonly number[], tau2: number): FunnelLimit[] {
  const positive = sizes.filter((n) => n > 0);
  if (positive.length === 0) return [];
  return logGrid(Math.min(...positive), Math.max(...positive)).map((n) => {
    const l95 = controlLimits(target, n, tau2, Z95);
    const l998 = controlLimits(target, n, tau2, Z998);
    return { n, low95: l95.low, high95: l95.high, low998: l998.low, high998: l998.high };
  });
}
