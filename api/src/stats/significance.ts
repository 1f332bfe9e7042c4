import { isLocalLevel, type Benchmark, type Significance } from '@gka/shared';

/**
 * A value against a fixed benchmark: significant when the benchmark lies outside the value's 95%
 * interval; without an interval (hidden, no data, a mean) unknown. A pooled benchmark with counts is
 * compared by the API as the rest of the pool (`compareWith`), which
 * falls back to this rule where a benchmark has no counts.
 */
export function significanceAgainst(
  v: { value?: number | null; ciLow: number | null; ciHigh: number | null },
  benchmark: number | null | undefined,
): Significance {
  if (v.value === null || v.ciLow === null || v.ciHigh === null || benchmark === null || benchmark === undefined) return 'onbekend';
  if (benchmark < v.ciLow) return 'hoger';
  if (benchmark > v.ciHigh) return 'lager';
  return 'niet_significant';
}

/** Where a value sits: its group, its reference stedelijkheid class and, for a wijk or school, its gemeente. */
export type Placed = { group: string; level: string; parent: string | null; stedelijkheid: number | null };

/** The benchmarks that apply to a value: same group, its own stedelijkheid class, its own gemeente. */
export function applicableBenchmarks<B extends Benchmark>(v: Placed, benchmarks: readonly B[]): B[] {
  return benchmarks.filter(
    (b) =>
      b.group === v.group &&
      (b.kind !== 'stedelijkheid' || b.stedelijkheid === v.stedelijkheid) &&
      (b.kind !== 'gemeente' || (isLocalLevel(v.level) && b.area === v.parent)),
  );
}
