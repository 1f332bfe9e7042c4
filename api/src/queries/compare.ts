import { DIMENSIONS, type IndicatorCohort, type CompareResponse, type CompareRow, type Dimension, type Group, type Indicator, isLocalLevel } from '@gka/shared';
import { comparisons } from '../stats/compare.ts';
import type { AreaDetail } from './areas.ts';
import { benchmarksByCohort, containment } from './benchmarks.ts';
import type { QueryContext } from './context.ts';
import { meta } from './meta.ts';
import { toValue, valueRows } from './values.ts';

/**
 * GET /compare: chosen areas (in the order asked) against every benchmark that applies to each:
 * Nederland, the gemeenten, GKA, its stedelijkheid class and, for a wijk, its own gemeente.
 * An area without values still gets a row, so a table shows it as 'geen gegevens'.
 */
export async function compareView(
  ctx: QueryContext,
  indicator: Indicator,
  cohort: IndicatorCohort,
  areas: readonly AreaDetail[],
  dimension: Dimension,
  group?: Group,
): Promise<CompareResponse> {
  const rows = await valueRows(ctx, indicator.unit, {
    indicator: indicator.code,
    cohorts: [cohort.code],
    dimension,
    areas: areas.map((a) => a.code),
  });
  const stedelijkheden = [...new Set(rows.map((r) => r.stedelijkheid).filter((s): s is number => s !== null))];
  const gemeenten = [...new Set(rows.filter((r) => isLocalLevel(r.level) && r.parent).map((r) => r.parent!))];
  const [byCohort, m, contains] = await Promise.all([
    benchmarksByCohort(ctx, { indicator: indicator.code, unit: indicator.unit, cohorts: [cohort.code], dimension, stedelijkheden, gemeenten, group }),
    meta(ctx, indicator, cohort),
    containment(ctx, group),
  ]);
  const benchmarks = byCohort.get(cohort.code) ?? [];

  const data: CompareRow[] = areas.flatMap((area) => {
    const own = rows.filter((r) => r.area === area.code);
    const placed = own.length
      ? own
      : DIMENSIONS[dimension].map((group) => ({
          area: area.code,
          name: area.name,
          group,
          numerator: null,
          denominator: null,
          value: null,
          ciLow: null,
          ciHigh: null,
          suppressed: false,
          level: area.level,
          parent: area.parent,
          stedelijkheid: null,
        }));
    return placed.map((r) => ({ ...toValue(r), level: r.level, parent: r.parent, comparisons: comparisons(r, benchmarks, contains(r)) }));
  });
  return { data, benchmarks, meta: m };
}
