import type { Dimension, TrendResponse } from '@gka/shared';
import type { AreaDetail } from './areas.ts';
import { benchmarksByCohort } from './benchmarks.ts';
import { listCohorts } from './cohorts.ts';
import type { QueryContext } from './context.ts';
import { listSources } from './datasets.ts';
import { indicatorCohorts, type IndicatorInfo } from './indicators.ts';
import { toValue, valueRows } from './values.ts';

/**
 * GET /trend: one point per cohort that holds values for the indicator, with the area's values and
 * its benchmarks (its stedelijkheid class is its gemeente's for a wijk, and a wijk's own gemeente).
 */
export async function trendView(
  ctx: QueryContext,
  indicator: IndicatorInfo,
  area: AreaDetail,
  gemeente: AreaDetail | undefined,
  dimension: Dimension,
): Promise<TrendResponse> {
  const [codes, allCohorts, { synthetic }] = await Promise.all([indicatorCohorts(ctx.db, indicator.code), listCohorts(ctx.db), listSources(ctx.db)]);
  const cohorts = allCohorts.filter((c) => codes.includes(c.code));
  const reference = area.level === 'wijk' ? gemeente : area;
  const [rows, benchmarks] = await Promise.all([
    valueRows(ctx, indicator.unit, { indicator: indicator.code, cohorts: codes, dimension, areas: [area.code] }),
    benchmarksByCohort(ctx, {
      indicator: indicator.code,
      unit: indicator.unit,
      cohorts: codes,
      dimension,
      stedelijkheden: reference?.stedelijkheid ? [reference.stedelijkheid] : [],
      gemeenten: area.level === 'wijk' && gemeente ? [gemeente.code] : [],
    }),
  ]);
  return {
    area,
    indicator,
    data: cohorts.map((cohort) => ({
      cohort,
      values: rows.filter((r) => r.cohort === cohort.code).map(toValue),
      benchmarks: benchmarks.get(cohort.code) ?? [],
    })),
    minCell: ctx.minCell,
    synthetic,
  };
}
