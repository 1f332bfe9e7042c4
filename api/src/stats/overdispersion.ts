import { Z95, type Interval } from './wilson.ts';

/**
 * Overdispersion of whole populations (docs/methodology.md, "Overdispersie"). Our counts are not
 * samples: areas and years differ by more than the binomial model allows, so a 95% sampling interval
 * calls far more than 5% of differences significant where nothing but the usual year-to-year or
 * area-to-area variation is at work. Following Spiegelhalter (2005, "Funnel plots for comparing
 * institutional performance") and the NHS SHMI, the spread is measured as a multiplicative φ from
 * winsorised z-scores and turned into an additive between-area variance τ² (DerSimonian–Laird), which
 * widens every interval by the same amount on the scale of a share: a large area's interval no longer
 * shrinks to nothing while its year-to-year variation does not.
 */
export type Dispersion = {
  /** How many areas (or pairs of years) the estimate is made from. */
  units: number;
  /** Mean squared winsorised z-score, made consistent under the binomial model (1 = no overdispersion). */
  phi: number;
  /** Additive variance on the scale of a share; 0 when φ ≤ 1 (no widening). */
  tau2: number;
};

/** Fewer units than this tell too little about the spread: no estimate. */
export const MIN_UNITS = 10;
/** Winsorised at the 10th and 90th percentile (Spiegelhalter 2005; NHS SHMI). */
export const WINSOR = 0.1;

function quantile(sorted: readonly number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/** E[min(max(Z, −a), a)²] for a standard normal Z winsorised at its q and 1 − q quantiles. */
function winsorisedNormalSecondMoment(q: number): number {
  const a = normalQuantile(1 - q);
  const density = Math.exp((-a * a) / 2) / Math.sqrt(2 * Math.PI);
  return 1 - 2 * q - 2 * a * density + 2 * q * a * a;
}

/**
 * φ from z-scores: winsorised so that a few extreme areas (a merger, a data error) do not set the
 * width for all, then divided by what a winsorised standard normal gives (0.68 at 10%), so that φ is
 * 1 where only binomial variation is at work. Without that correction winsorising alone would
 * understate φ by a third and leave most of the overclaiming in place.
 */
export function winsorisedPhi(z: readonly number[], q = WINSOR): number {
  const sorted = [...z].sort((a, b) => a - b);
  const lo = quantile(sorted, q);
  const hi = quantile(sorted, 1 - q);
  let sum = 0;
  for (const x of z) {
    const w = Math.min(hi, Math.max(lo, x));
    sum += w * w;
  }
  return sum / z.length / winsorisedNormalSecondMoment(q);
}

/** A unit of the estimate: its deviation from the target and the binomial variance of that deviation. */
export type Deviation = { d: number; v: number };

/**
 * φ and τ² from deviations with their binomial variances. φ: the winsorised mean squared z-score.
 * τ²: the variance that makes the standardised residuals d/√(v + τ²) as variable as a standard normal,
 * judged winsorised as φ is (Paule–Mandel's equation with the robust φ of Spiegelhalter 2005). Unlike
 * DerSimonian–Laird from a winsorised φ, this stays unbiased when areas differ much in size: there
 * the z-scores of large areas are mostly τ and would be cut off as outliers. 0 when φ ≤ 1; null with
 * fewer than MIN_UNITS usable units.
 */
export function estimateDispersion(deviations: readonly Deviation[]): Dispersion | null {
  const usable = deviations.filter((x) => x.v > 0 && Number.isFinite(x.d));
  const units = usable.length;
  if (units < MIN_UNITS) return null;
  const spread = (tau2: number) => winsorisedPhi(usable.map((x) => x.d / Math.sqrt(x.v + tau2)));
  const phi = spread(0);
  if (!(phi > 1)) return { units, phi, tau2: 0 };
  // spread() falls as τ² grows: find a τ² where it is below 1, then halve the bracket.
  let low = 0;
  let high = Math.max(...usable.map((x) => x.d * x.d), 1e-12);
  while (spread(high) > 1) high *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (spread(mid) > 1) low = mid;
    else high = mid;
  }
  return { units, phi, tau2: (low + high) / 2 };
}

/** Counts of one area. */
export type Counts = { k: number; n: number };

/**
 * The spread of areas around their common share (Σk/Σn), as a funnel plot shows it: what widens an
 * area's interval before it is compared with a benchmark.
 */
export function areaDispersion(areas: readonly Counts[]): Dispersion | null {
  const usable = areas.filter((a) => a.n > 0);
  const n = usable.reduce((s, a) => s + a.n, 0);
  const target = usable.reduce((s, a) => s + a.k, 0) / n;
  const base = target * (1 - target);
  return estimateDispersion(usable.map((a) => ({ d: a.k / a.n - target, v: base / a.n })));
}

/**
 * The spread of year-to-year changes of areas in stable years (no change of rules, no COVID): each
 * pair is one area in two consecutive years, the variance of its change from its own share over both
 * years, as a test of two shares takes it (a pair at 0% or 100% in both years tells nothing and is
 * left out). τ² here is that of a difference of two years; one year's own part is half of it.
 */
export function changeDispersion(pairs: readonly { now: Counts; before: Counts }[]): Dispersion | null {
  return estimateDispersion(
    pairs
      .filter((p) => p.now.n > 0 && p.before.n > 0)
      .map((p) => {
        const both = (p.now.k + p.before.k) / (p.now.n + p.before.n);
        return { d: p.now.k / p.now.n - p.before.k / p.before.n, v: both * (1 - both) * (1 / p.now.n + 1 / p.before.n) };
      }),
  );
}

/**
 * A share's interval widened by an additive variance τ²: each margin of the sampling interval and
 * z·τ combined by the square-root rule (as MOVER combines independent parts), kept within [0, 1].
 * With τ² = 0 it is the interval itself.
 */
export function widen(p: number, ci: Interval, tau2: number, z = Z95): Interval {
  if (!(tau2 > 0)) return ci;
  const extra = z * z * tau2;
  return {
    low: Math.max(0, p - Math.sqrt((p - ci.low) ** 2 + extra)),
    high: Math.min(1, p + Math.sqrt((ci.high - p) ** 2 + extra)),
  };
}

/** An estimate's interval widened by τ² (as widen), or as it is where it has none or τ² is 0. */
export function widenEstimate<E extends { value: number | null; ciLow: number | null; ciHigh: number | null }>(e: E, tau2: number | null | undefined): E {
  if (!tau2 || e.value === null || e.ciLow === null || e.ciHigh === null) return e;
  const wide = widen(e.value, { low: e.ciLow, high: e.ciHigh }, tau2);
  return { ...e, ciLow: wide.low, ciHigh: wide.high };
}

/** Inverse of the standard normal distribution function (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}
