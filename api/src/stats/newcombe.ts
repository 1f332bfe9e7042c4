import { wilson, Z95 } from './wilson.ts';

export type DifferenceInterval = { difference: number; low: number; high: number };
/** A share with its sign, and `tau2`: variance beyond sampling (overdispersion) that widens its margins. */
export type Term = { k: number; n: number; sign: 1 | -1; tau2?: number };

/**
 * A sum of shares with signs (p1 − p2, or a change of a gap: (h1 − l1) − (h0 − l0)) with its 95%
 * interval, each share's Wilson interval combined by the square-root rule (MOVER, Zou & Donner
 * 2008). For two terms this is Newcombe's hybrid score interval (Newcombe 1998, method 10):
 * L = d − √((p1 − l1)² + (u2 − p2)²), U = d + √((u1 − p1)² + (p2 − l2)²). A term's `tau2` adds z²τ² under
 * each root (widen in overdispersion.ts).
 * Null when a term has no denominator.
 */
export function combinedInterval(terms: readonly Term[], z = Z95): DifferenceInterval | null {
  let d = 0;
  let below = 0;
  let above = 0;
  for (const t of terms) {
    const ci = wilson(t.k, t.n, z);
    if (!ci) return null;
    const p = t.k / t.n;
    d += t.sign * p;
    // A term that adds pulls the lower limit down by its own lower margin; one that subtracts, by its upper.
    const extra = t.tau2 && t.tau2 > 0 ? z * z * t.tau2 : 0;
    below += (t.sign > 0 ? p - ci.low : ci.high - p) ** 2 + extra;
    above += (t.sign > 0 ? ci.high - p : p - ci.low) ** 2 + extra;
  }
  return { difference: d, low: d - Math.sqrt(below), high: d + Math.sqrt(above) };
}

/** p1 − p2 of two independent shares with Newcombe's hybrid score interval. */
export function newcombe(k1: number, n1: number, k2: number, n2: number, z = Z95): DifferenceInterval | null {
  return combinedInterval(
    [
      { k: k1, n: n1, sign: 1 },
      { k: k2, n: n2, sign: -1 },
    ],
    z,
  );
}
