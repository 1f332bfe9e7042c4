/** Seeded pseudo-random numbers: the demo data must be identical on every run with the same seed. */

export type Rng = () => number;

/** mulberry32: a tiny 32-bit generator, uniform in [0, 1); plenty for synthetic counts. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generator for one key (e.g. an area code) under a seed, so an area's numbers depend only on
 * the seed and the area itself, not on which other areas exist or in which order they come.
 */
export function rngFor(seed: number, key: string): Rng {
  // FNV-1a over the key, mixed with the seed.
  let h = (0x811c9dc5 ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return mulberry32(h);
}

/** A standard normal draw (Box–Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
