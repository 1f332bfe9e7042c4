import { BENCHMARK_LABELS, DIMENSION_LABELS, GROUP_LABELS, type BenchmarkKind, type IndicatorCohort, type Dimension, type Meta, type Significance, type Indicator } from '@gka/shared';
import { comparisons } from '../stats/compare.ts';
import type { AreaDetail } from './areas.ts';
import { benchmarksByCohort } from './benchmarks.ts';
import type { QueryContext } from './context.ts';
import { meta } from './meta.ts';
import { valueRows } from './values.ts';

export type ExportRow = {
  areaCode: string;
  areaName: string;
  cohort: string;
  indicator: string;
  dimension: string;
  group: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  benchmark: number | null;
  significance: Significance;
  suppressed: boolean;
};

export type ExportTable = {
  meta: Meta;
  level: 'gemeente' | 'wijk';
  parent?: AreaDetail;
  dimension: Dimension;
  benchmarkKind: BenchmarkKind;
  benchmarkLabel: string;
  rows: ExportRow[];
};

/**
 * The table of GET /values as rows for a file, each compared with one chosen benchmark (the one
 * that applies to that row: its own stedelijkheid class, its own gemeente).
 */
export async function exportTable(
  ctx: QueryContext,
  indicator: Indicator,
  cohort: IndicatorCohort,
  q: { level: 'gemeente' | 'wijk'; dimension: Dimension; parent?: AreaDetail; benchmark: BenchmarkKind },
): Promise<ExportTable> {
  const rows = await valueRows(ctx, indicator.unit, {
    indicator: indicator.code,
    cohorts: [cohort.code],
    dimension: q.dimension,
    level: q.level,
    parent: q.parent?.code,
  });
  const [byCohort, m] = await Promise.all([
    benchmarksByCohort(ctx, {
      indicator: indicator.code,
      unit: indicator.unit,
      cohorts: [cohort.code],
      dimension: q.dimension,
      stedelijkheden: q.benchmark === 'stedelijkheid' ? [...new Set(rows.flatMap((r) => (r.stedelijkheid === null ? [] : [r.stedelijkheid])))] : [],
      gemeenten: q.benchmark === 'gemeente' ? [...new Set(rows.flatMap((r) => (r.level === 'wijk' && r.parent ? [r.parent] : [])))] : [],
    }),
    meta(ctx, indicator, cohort),
  ]);
  const benchmarks = byCohort.get(cohort.code) ?? [];
  return {
    meta: m,
    level: q.level,
    parent: q.parent,
    dimension: q.dimension,
    benchmarkKind: q.benchmark,
    benchmarkLabel: BENCHMARK_LABELS[q.benchmark],
    rows: rows.map((r) => {
      const c = comparisons(r, benchmarks).find((x) => x.kind === q.benchmark);
      return {
        areaCode: r.area,
        areaName: r.name,
        cohort: cohort.code,
        indicator: indicator.name,
        dimension: DIMENSION_LABELS[q.dimension],
        group: GROUP_LABELS[r.group] ?? r.group,
        numerator: r.numerator,
        denominator: r.denominator,
        value: r.value,
        ciLow: r.ciLow,
        ciHigh: r.ciHigh,
        benchmark: c?.benchmark ?? null,
        significance: c?.significance ?? 'onbekend',
        suppressed: r.suppressed,
      };
    }),
  };
}
