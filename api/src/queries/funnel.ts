import {
  BENCHMARK_LABELS,
  DIMENSIONS,
  isLocalLevel,
  type DataLevel,
  type Dimension,
  type FunnelResponse,
  type Indicator,
  type IndicatorCohort,
} from '@gka/shared';
import { badRequest } from '../errors.ts';
import { compareWith } from '../stats/compare.ts';
import { funnelLimits } from '../stats/funnel.ts';
import type { AreaDetail } from './areas.ts';
import { benchmarksByCohort } from './benchmarks.ts';
import type { QueryContext } from './context.ts';
import { areaDispersions, publishedDispersion } from './dispersion.ts';
import { meta } from './meta.ts';
import { valueRows } from './values.ts';

/**
 * GET /funnel: the published shares of one group of a level as points (the rows of /values, so the
 * same numbers), the target they are judged against, and the control limits around it. The target
 * is the one the dashboard's own verdict uses: the own gemeente for its wijken or schools, Nederland
 * for gemeenten (and for wijken or schools without a gemeente).
 */
export async function funnelView(
  ctx: QueryContext,
  indicator: Indicator,
  cohort: IndicatorCohort,
  q: { level: DataLevel; dimension: Dimension; subgroup?: string; parent?: AreaDetail },
): Promise<FunnelResponse> {
  if (indicator.unit !== 'percentage') {
    throw badRequest(`${indicator.name} is een gemiddelde: een trechterdiagram bestaat alleen voor percentages, want een gemiddelde heeft geen interval`, {
      indicator: indicator.code,
    });
  }
  const groups: readonly string[] = DIMENSIONS[q.dimension];
  const group = q.subgroup ?? groups[0]!;
  if (!groups.includes(group)) throw badRequest(`Groep '${group}' hoort niet bij de uitsplitsing ${q.dimension}; kies uit ${groups.join(', ')}`);
  const gemeente = q.parent?.level === 'gemeente' && isLocalLevel(q.level) ? q.parent : undefined;
  const [rows, benchmarks, m, dispersion] = await Promise.all([
    valueRows(ctx, indicator.unit, { indicator: indicator.code, cohorts: [cohort.code], dimension: q.dimension, level: q.level, parent: q.parent?.code }),
    benchmarksByCohort(ctx, {
      indicator: indicator.code,
      unit: indicator.unit,
      cohorts: [cohort.code],
      dimension: q.dimension,
      gemeenten: gemeente ? [gemeente.code] : [],
    }),
    meta(ctx, indicator, cohort),
    areaDispersions(ctx, indicator, q.level, cohort.code, q.dimension),
  ]);
  const kind = gemeente ? 'gemeente' : 'nederland';
  const found = benchmarks.get(cohort.code)?.find((b) => b.kind === kind && b.group === group);
  const target = {
    kind,
    label: found?.label ?? (gemeente ? `${BENCHMARK_LABELS.gemeente}: ${gemeente.name}` : BENCHMARK_LABELS.nederland),
    value: found?.value ?? null,
  } as const;
  const points = rows.flatMap((r) =>
    r.group !== group || r.value === null || r.ciLow === null || r.ciHigh === null || r.denominator === null
      ? []
      : [
          {
            area: r.area,
            name: r.name,
            n: r.denominator,
            value: r.value,
            ciLow: r.ciLow,
            ciHigh: r.ciHigh,
            // As the tables decide it: against the rest of the target, which holds the area.
            significance: found ? compareWith(r, found, true).significance : ('onbekend' as const),
          },
        ],
  );
  const estimate = dispersion.get(group) ?? null;
  return {
    target,
    dispersion: publishedDispersion(new Map([[group, estimate]]))[0]!,
    points,
    limits:
      target.value === null
        ? []
        : funnelLimits(
            { value: target.value, numerator: found?.numerator, denominator: found?.denominator, contains: true },
            points.map((p) => p.n),
            estimate?.tau2 ?? 0,
          ),
    meta: m,
  };
}
