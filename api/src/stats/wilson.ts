/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export type Interval = { low: number; high: number };

/**
 * Wilson score interval for k successes out of n. Unlike the normal approximation it stays inside
 * [0, 1] and behaves for small n and for shares near 0 or 1, which small wijken often have.
 */
export function wilson(k: number, n: number, z = Z95): Interval | null {
  if (!(n > 0) || !(k >= 0) || k > n) return null;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // Clamp floating-point dust; mathematically the bounds already lie in [0, 1] and around p.
  return { low: Math.min(p, Math.max(0, centre - half)), high: Math.max(p, Math.min(1, centre + half)) };
}
