/** Candidates and passes of one exam row: `k` of `n` passed. */
export type Counts = { k: number; n: number };

/** The percentage DUO publishes for k of n, to one decimal, as tenths (66.7% is 667). */
const tenths = (k: number, n: number) => Math.round((1000 * k) / n);

/**
 * Every count a row DUO shows as `<5` candidates (1–4) can hold, given the pass percentage DUO still
 * publishes for it: the pairs whose percentage, rounded to one decimal as DUO does, is the published one.
 */
export function consistentCounts(percentage: number): Counts[] {
  const published = Math.round(percentage * 10);
  const fits: Counts[] = [];
  for (let n = 1; n <= 4; n++) for (let k = 0; k <= n; k++) if (tenths(k, n) === published) fits.push({ k, n });
  return fits;
}

/**
 * The count a masked row stands for in the pass rate: of the counts the percentage allows, the one
 * whose candidates lie closest to 2.5 (the middle of 1–4), the smaller on a tie. So 100% and 0% count
 * as 2 candidates, 50% as 1 of 2, 75% as 3 of 4, 66.7% as 2 of 3. Any choice among the allowed counts
 * keeps a school's rate inside what the file allows; this one is near the mean size of such rows in
 * the years DUO published them (2.3 candidates for 100% in 2014-2019). Undefined when the percentage
 * fits no count of 1–4 (missing or malformed): the row then cannot be counted.
 */
export function estimateMasked(percentage: number | null): Counts | undefined {
  if (percentage === null) return undefined;
  let best: Counts | undefined;
  for (const c of consistentCounts(percentage)) if (!best || Math.abs(c.n - 2.5) < Math.abs(best.n - 2.5)) best = c;
  return best;
}

/**
 * The lowest and highest rate (passes over candidates) that exact counts together with masked rows
 * can have, each masked row holding any count its percentage allows: for each bound, Dinkelbach's
 * iteration (pick per row the count that moves the ratio furthest, recompute, until it stands still),
 * exact on these finite choices. Undefined when a percentage fits no count, or nothing is counted.
 */
export function passRateRange(exact: Counts, masked: readonly number[]): [number, number] | undefined {
  const choices = masked.map(consistentCounts);
  if (choices.some((c) => c.length === 0)) return undefined;
  if (exact.n === 0 && choices.length === 0) return undefined;
  const bound = (sign: 1 | -1) => {
    let rate = ratio(
      exact,
      choices.map((c) => c[0]!),
    );
    for (;;) {
      // The count minimising sign × (k − rate × n) per row gives a ratio at least as extreme.
      const next = choices.map((c) => c.reduce((a, b) => (sign * (b.k - rate * b.n) < sign * (a.k - rate * a.n) ? b : a)));
      const r = ratio(exact, next);
      if (sign * r >= sign * rate - 1e-15) return rate;
      rate = r;
    }
  };
  return [bound(1), bound(-1)];
}

function ratio(exact: Counts, rows: readonly Counts[]): number {
  let k = exact.k;
  let n = exact.n;
  for (const r of rows) {
    k += r.k;
    n += r.n;
  }
  return k / n;
}
