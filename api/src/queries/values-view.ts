import {
  isLocalLevel,
  type Benchmark,
  type ComparedValue,
  type DataLevel,
  type Group,
  type GroupDispersion,
  type Indicator,
  type IndicatorCohort,
  type Meta,
} from '@gka/shared';
import { comparisons } from '../stats/compare.ts';
import { benchmarksByCohort, containment } from './benchmarks.ts';
import type { QueryContext } from './context.ts';
import { areaDispersions, publishedDispersion } from './dispersion.ts';
import { meta } from './meta.ts';
import { parentFilter, toValue, valueRows, type Parent } from './values.ts';

export type ValuesView = { data: ComparedValue[]; benchmarks: Benchmark[]; dispersion: GroupDispersion[]; meta: Meta };

/**
 * GET /values: one indicator × cohort × dimension for a level. With gemeenten as parent the
 * benchmarks include their stedelijkheid classes and, for their wijken or schools, each gemeente itself.
 */
export async function valuesView(
  ctx: QueryContext,
  indicator: Indicator,
  cohort: IndicatorCohort,
  q: { level: DataLevel; dimension: string; parent?: Parent; group?: Group },
): Promise<ValuesView> {
  const gemeenten = (q.parent?.areas ?? []).filter((a) => a.level === 'gemeente');
  const [rows, byCohort, m, dispersion, contains] = await Promise.all([
    valueRows(ctx, indicator.unit, {
      indicator: indicator.code,
      cohorts: [cohort.code],
      dimension: q.dimension,
      level: q.level,
      ...parentFilter(q.level, q.parent),
    }),
    benchmarksByCohort(ctx, {
      indicator: indicator.code,
      unit: indicator.unit,
      cohorts: [cohort.code],
      dimension: q.dimension,
      stedelijkheden: [...new Set(gemeenten.flatMap((g) => (g.stedelijkheid ? [g.stedelijkheid] : [])))],
      gemeenten: isLocalLevel(q.level) ? gemeenten.map((g) => g.code) : [],
      group: q.group,
    }),
    meta(ctx, indicator, cohort),
    areaDispersions(ctx, indicator, q.level, cohort.code, q.dimension),
    containment(ctx, q.group),
  ]);
  const benchmarks = byCohort.get(cohort.code) ?? [];
  return {
    data: rows.map((r) => ({ ...toValue(r), comparisons: comparisons(r, benchmarks, contains(r)) })),
    benchmarks,
    dispersion: publishedDispersion(dispersion),
    meta: m,
  };
}
