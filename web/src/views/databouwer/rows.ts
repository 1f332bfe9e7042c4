import type { BenchmarkKind, ChangeResponse, ChangeRow, ComparedValue, Significance, ValuesResponse } from '@gka/shared';
import { comparisonWith } from '../../lib/significance.ts';

/** A row of the table: the value with the comparison shown, and its change when a reference is chosen. */
export type Row = ComparedValue & { benchmark: number | null; difference: number | null; significance: Significance; change?: ChangeRow };

/** Each value against the benchmark shown, as the API compared them, with the change of the same area and group. */
export function valueRows(
  values: ValuesResponse | undefined,
  change: ChangeResponse | undefined,
  shownBenchmark: BenchmarkKind,
  reference: string | undefined,
): Row[] {
  if (!values) return [];
  const changes = new Map((change?.data ?? []).map((c) => [`${c.area}|${c.group}`, c]));
  return values.data.map((v) => {
    const c = comparisonWith(v, shownBenchmark);
    return {
      ...v,
      benchmark: c?.benchmark ?? null,
      difference: c?.difference ?? null,
      significance: c?.significance ?? 'onbekend',
      change: reference ? changes.get(`${v.area}|${v.group}`) : undefined,
    };
  });
}
