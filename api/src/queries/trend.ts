import { isLocalLevel } from '@gka/shared';
import type { Dimension, Group, Indicator, TrendResponse } from '@gka/shared';
import type { AreaDetail } from './areas.ts';
import { benchmarksByCohort } from './benchmarks.ts';
import { covidNotes, indicatorSources } from './catalogue.ts';
import type { QueryContext } from './context.ts';
import { trendAxis } from './covid-notes.ts';
import { toValue, valueRows } from './values.ts';

/**
 * GET /trend: one point per cohort of the indicator's own axis (with its COVID note; school years
 * without figures as empty points, trendAxis), with the area's values and its benchmarks (its
 * stedelijkheid class is its gemeente's for a wijk, and a wijk's own gemeente).
 */
export async function trendView(
  ctx: QueryContext,
  { cohorts: own, synthetic: _synthetic, ...indicator }: Indicator,
  area: AreaDetail,
  gemeente: AreaDetail | undefined,
  dimension: Dimension,
  group?: Group,
): Promise<TrendResponse> {
  const reference = isLocalLevel(area.level) ? gemeente : area;
  const codes = own.map((c) => c.code);
  const [{ synthetic }, notes, rows, benchmarks] = await Promise.all([
    indicatorSources(ctx, indicator.code),
    covidNotes(ctx),
    valueRows(ctx, indicator.unit, { indicator: indicator.code, cohorts: codes, dimension, areas: [area.code] }),
    benchmarksByCohort(ctx, {
      indicator: indicator.code,
      unit: indicator.unit,
      cohorts: codes,
      dimension,
      stedelijkheden: reference?.stedelijkheid ? [reference.stedelijkheid] : [],
      gemeenten: isLocalLevel(area.level) && gemeente ? [gemeente.code] : [],
      group,
    }),
  ]);
  return {
    area,
    indicator,
    data: trendAxis(own, notes.get(indicator.code)).map((cohort) => ({
      cohort,
      values: rows.filter((r) => r.cohort === cohort.code).map(toValue),
      benchmarks: benchmarks.get(cohort.code) ?? [],
    })),
    minCell: ctx.minCell,
    synthetic,
  };
}
