import { BENCHMARK_LABELS, isLocalLevel, type DataLevel, type Dimension, type FunnelResponse, type Indicator, type IndicatorCohort } from '@gka/shared';
import { funnelLimits } from '../stats/funnel.ts';
import type { AreaDetail } from './areas.ts';
import type { QueryContext } from './context.ts';
import { valuesView } from './values-view.ts';

/**
 * GET /funnel (a share's indicator, one group of its breakdown): the published shares of one group of a level as points (the rows of /values, so the
 * same numbers), the target they are judged against, and the control limits around it. The target
 * is the one the dashboard's own verdict uses: the own gemeente for its wijken or schools, Nederland
 * for gemeenten (and for wijken or schools without a gemeente).
 */
export async function funnelView(
  ctx: QueryContext,
  indicator: Indicator,
  cohort: IndicatorCohort,
  q: { level: DataLevel; dimension: Dimension; group: string; parent?: AreaDetail },
): Promise<FunnelResponse> {
  const group = q.group;
  const gemeente = q.parent?.level === 'gemeente' && isLocalLevel(q.level) ? q.parent : undefined;
  // The answer of /values itself: the same points, benchmarks, overdispersion and verdicts.
  const values = await valuesView(ctx, indicator, cohort, { level: q.level, dimension: q.dimension, parent: q.parent && { areas: [q.parent] } });
  const kind = gemeente ? 'gemeente' : 'nederland';
  const found = values.benchmarks.find((b) => b.kind === kind && b.group === group);
  const target = {
    kind,
    label: found?.label ?? (gemeente ? `${BENCHMARK_LABELS.gemeente}: ${gemeente.name}` : BENCHMARK_LABELS.nederland),
    value: found?.value ?? null,
  } as const;
  const points = values.data.flatMap((r) =>
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
            significance: r.comparisons.find((c) => c.kind === kind)?.significance ?? ('onbekend' as const),
          },
        ],
  );
  const dispersion = values.dispersion.find((d) => d.group === group) ?? { group, units: 0, phi: null, tau2: null };
  return {
    target,
    dispersion,
    points,
    limits:
      target.value === null
        ? []
        : funnelLimits(
            // A pool holds the areas it is made of: each is judged against the rest, as in the tables.
            { value: target.value, numerator: found?.numerator, denominator: found?.denominator, contains: true },
            points.map((p) => p.n),
            dispersion.tau2 ?? 0,
          ),
    meta: values.meta,
  };
}
