import { normalQuantile } from '../stats/overdispersion.ts';

/** A seeded generator (mulberry32), so a failing simulation can be rerun as it was. */
export function random(seed: number) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, uniform())));
  const binomial = (n: number, p: number) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (uniform() < p) k++;
    return k;
  };
  return { uniform, normal, binomial };
}

export type Random = ReturnType<typeof random>;
