import type { Benchmark, BenchmarkKind, Significance } from '@gka/shared';
import { difference, significance } from './benchmarks.ts';
import type { Estimate } from './cells.ts';

export type Comparison = { kind: BenchmarkKind; benchmark: number | null; difference: number | null; significance: Significance };

/** Where a value sits: its group, its reference stedelijkheid class and, for a wijk, its gemeente. */
export type Placed = Estimate & { group: string; level: string; parent: string | null; stedelijkheid: number | null };

/** The benchmarks that apply to a value: same group, its own stedelijkheid class, its own gemeente. */
export function applicableBenchmarks(v: Placed, benchmarks: readonly Benchmark[]): Benchmark[] {
  return benchmarks.filter(
    (b) =>
      b.group === v.group &&
      (b.kind !== 'stedelijkheid' || b.stedelijkheid === v.stedelijkheid) &&
      (b.kind !== 'gemeente' || (v.level === 'wijk' && b.area === v.parent)),
  );
}

/** The value against each applicable benchmark: difference and significance (docs/methodology.md). */
export function comparisons(v: Placed, benchmarks: readonly Benchmark[]): Comparison[] {
  return applicableBenchmarks(v, benchmarks).map((b) => ({
    kind: b.kind,
    benchmark: b.value,
    difference: difference(v.value, b.value),
    significance: significance(v, b.value),
  }));
}
