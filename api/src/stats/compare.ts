import { applicableBenchmarks, type Benchmark, type BenchmarkKind, type Placed as SharedPlaced, type Significance } from '@gka/shared';
import { difference, significance } from './benchmarks.ts';
import type { Estimate } from './cells.ts';

export type Comparison = { kind: BenchmarkKind; benchmark: number | null; difference: number | null; significance: Significance };

/** Where a value sits, with its estimate. */
export type Placed = Estimate & SharedPlaced;

export { applicableBenchmarks };

/** The value against each applicable benchmark: difference and significance (docs/methodology.md). */
export function comparisons(v: Placed, benchmarks: readonly Benchmark[]): Comparison[] {
  return applicableBenchmarks(v, benchmarks).map((b) => ({
    kind: b.kind,
    benchmark: b.value,
    difference: difference(v.value, b.value),
    significance: significance(v, b.value),
  }));
}
