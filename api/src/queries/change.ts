import {
  PRE_COVID,
  shortCohortLabel,
  type ChangeReference,
  type ChangeResponse,
  type Dimension,
  type Indicator,
  type IndicatorCohort,
  type DataLevel,
} from '@gka/shared';
import { hasKansenkloof, KANSENKLOOF_DIMENSION } from '../stats/benchmarks.ts';
import { changeRows, gapChanges, sidesOf } from '../stats/change.ts';
import type { QueryContext } from './context.ts';
import { changeDispersions, publishedDispersion } from './dispersion.ts';
import { meta } from './meta.ts';
import { parentFilter, valueRows, type Parent } from './values.ts';

/** The reference as published, and where pooled cohorts are stored as a pooled period, the code to read instead. */
export type Reference = ChangeReference & { stored?: string };

export function preCovidReference(before: readonly IndicatorCohort[]): Reference {
  const [first, last] = [before[0], before.at(-1)];
  const span = !first || !last ? '' : first === last ? shortCohortLabel(first) : `${shortCohortLabel(first)} t/m ${shortCohortLabel(last)} samen`;
  return { code: PRE_COVID, label: `vóór COVID (${span})`, cohorts: before.map((c) => c.code) };
}

/**
 * GET /change: per area and group the value in `cohort` against the reference (one cohort, or
 * several pooled: counts summed), the difference with its Newcombe interval, and for opleiding_ouders
 * the change of the kansenkloof (not for an indicator that breakdown defines). Built from published cells only, so it tells nothing they do not.
 */
export async function changeView(
  ctx: QueryContext,
  indicator: Indicator,
  cohort: IndicatorCohort,
  reference: Reference,
  q: { level: DataLevel; dimension: Dimension; parent?: Parent },
): Promise<ChangeResponse> {
  const [rows, m, dispersion] = await Promise.all([
    valueRows(ctx, indicator.unit, {
      indicator: indicator.code,
      cohorts: [cohort.code, ...(reference.stored ? [reference.stored] : reference.cohorts)],
      dimension: q.dimension,
      level: q.level,
      ...parentFilter(q.level, q.parent),
    }),
    meta(ctx, indicator, cohort),
    changeDispersions(ctx, indicator, q.level, q.dimension),
  ]);
  const sides = sidesOf(rows, cohort.code);
  const percentage = indicator.unit === 'percentage';
  const data = changeRows(sides, percentage, dispersion);
  const kansenkloof = q.dimension === KANSENKLOOF_DIMENSION && hasKansenkloof(indicator) ? gapChanges(sides, percentage, dispersion) : undefined;
  return {
    data,
    ...(kansenkloof ? { kansenkloof } : {}),
    dispersion: publishedDispersion(dispersion),
    meta: { ...m, reference: { code: reference.code, label: reference.label, cohorts: reference.cohorts } },
  };
}
