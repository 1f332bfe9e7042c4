import type { Benchmark } from './api.ts';
import { isLocalLevel } from './domain.ts';

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
