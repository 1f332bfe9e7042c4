import { normalQuantile, widen } from './overdispersion.ts';
import { wilson, Z95, type Interval } from './wilson.ts';

/**
 * Control limits of a funnel plot (docs/methodology.md, "Trechterdiagram"). A share is significantly
 * different from a target exactly when the target lies outside the share's published interval: its
 * Wilson interval widened by the overdispersion τ². The limits are that rule turned round: for n
 * pupils, the shares at which the target sits exactly on the edge of their interval. So a point lies
 * outside the 95% limits exactly when the dashboard calls it significant, and the chart and the
 * tables can never disagree.
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
 * The limits for n pupils around target t: `low` is the largest share whose interval still lies
 * wholly below t (the edge where its upper bound reaches t), `high` the smallest share whose interval
 * lies wholly above t. Both bounds of the interval rise with p, so halving finds each edge; a limit
 * that no share reaches is 0 or 1.
 */
export function controlLimits(target: number, n: number, tau2: number, z = Z95): Interval {
  const interval = (p: number) => widenedInterval(p, n, tau2, z);
  let low = 0;
  if (interval(0).high < target) {
    let [a, b] = [0, 1];
    for (let i = 0; i < STEPS; i++) {
      const mid = (a + b) / 2;
      if (interval(mid).high < target) a = mid;
      else b = mid;
    }
    low = a;
  }
  let high = 1;
  if (interval(1).low > target) {
    let [a, b] = [0, 1];
    for (let i = 0; i < STEPS; i++) {
      const mid = (a + b) / 2;
      if (interval(mid).low > target) b = mid;
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
export function funnelLimits(target: number, sizes: readonly number[], tau2: number): FunnelLimit[] {
  const positive = sizes.filter((n) => n > 0);
  if (positive.length === 0) return [];
  return logGrid(Math.min(...positive), Math.max(...positive)).map((n) => {
    const l95 = controlLimits(target, n, tau2, Z95);
    const l998 = controlLimits(target, n, tau2, Z998);
    return { n, low95: l95.low, high95: l95.high, low998: l998.low, high998: l998.high };
  });
}
