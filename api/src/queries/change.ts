import {
  PRE_COVID,
  shortCohortLabel,
  type ChangeReference,
  type ChangeResponse,
  type ChangeRow,
  type Dimension,
  type Indicator,
  type IndicatorCohort,
  type DataLevel,
} from '@gka/shared';
import { hasKansenkloof, KANSENKLOOF_DIMENSION } from '../stats/benchmarks.ts';
import { changeSignificance } from '../stats/change.ts';
import { combinedInterval, type Term } from '../stats/newcombe.ts';
import type { QueryContext } from './context.ts';
import { changeDispersions, publishedDispersion, type Dispersions } from './dispersion.ts';
import { meta } from './meta.ts';
import { parentFilter, valueRows, type Parent, type ValueRow } from './values.ts';

/** The reference as published, and where pooled cohorts are stored as a pooled period, the code to read instead. */
export type Reference = ChangeReference & { stored?: string };

export const preCovidReference = (before: readonly IndicatorCohort[]): Reference => ({
  code: PRE_COVID,
  label: `vóór COVID (${before.length > 1 ? `${shortCohortLabel(before[0]!)} t/m ${shortCohortLabel(before.at(-1)!)} samen` : before[0] ? shortCohortLabel(before[0]) : ''})`,
  cohorts: before.map((c) => c.code),
});

/**
 * Published counts of one side; a pooled side is hidden when any of its cohorts is. `cohorts`: how
 * many cohorts it pools, since a pool of several years varies less from year to year than one year.
 */
export type Side = { name: string; group: string; k: number; n: number; hidden: boolean; cohorts: number };

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
  const now = new Map<string, Side>();
  const before = new Map<string, Side>();
  const order: { area: string; group: string }[] = [];
  for (const r of rows) {
    const key = `${r.area}|${r.group}`;
    if (!now.has(key) && !before.has(key)) order.push({ area: r.area, group: r.group });
    if (r.cohort === cohort.code) now.set(key, side(r));
    else before.set(key, pool(before.get(key), r));
  }
  const percentage = indicator.unit === 'percentage';
  const data: ChangeRow[] = order.map(({ area, group }) => {
    const a = now.get(`${area}|${group}`);
    const b = before.get(`${area}|${group}`);
    return { area, name: (a ?? b)!.name, group, ...change([a, b], [1, -1], percentage, dispersion) };
  });
  const kansenkloof =
    q.dimension === KANSENKLOOF_DIMENSION && hasKansenkloof(indicator)
      ? [...new Set(order.map((o) => o.area))].map((area) => {
          const at = (m: Map<string, Side>, g: string) => m.get(`${area}|${g}`);
          const sides = [at(now, 'hoog'), at(now, 'laag'), at(before, 'hoog'), at(before, 'laag')];
          const c = change(sides, [1, -1, -1, 1], percentage, dispersion);
          // value and referenceValue are the gaps themselves: hoog − laag now and before.
          const gap = (h?: Side, l?: Side) => (c.suppressed || !h || !l ? null : h.k / h.n - l.k / l.n);
          return { area, name: sides.find(Boolean)!.name, ...c, value: gap(sides[0], sides[1]), referenceValue: gap(sides[2], sides[3]) };
        })
      : undefined;
  return {
    data,
    ...(kansenkloof ? { kansenkloof } : {}),
    dispersion: publishedDispersion(dispersion),
    meta: { ...m, reference: { code: reference.code, label: reference.label, cohorts: reference.cohorts } },
  };
}

export const side = (r: ValueRow): Side => ({ name: r.name, group: r.group, k: r.numerator ?? 0, n: r.denominator ?? 0, hidden: r.suppressed, cohorts: 1 });
export const pool = (s: Side | undefined, r: ValueRow): Side =>
  s
    ? { name: s.name, group: s.group, k: s.k + (r.numerator ?? 0), n: s.n + (r.denominator ?? 0), hidden: s.hidden || r.suppressed, cohorts: s.cohorts + 1 }
    : side(r);

/**
 * The variance beyond sampling of one side: half the τ² of a change between two single years (each
 * year carries its own part, independently), divided over the years a pooled side sums.
 */
const sideTau2 = (s: Side, dispersion: Dispersions | undefined): number => (dispersion?.get(s.group)?.tau2 ?? 0) / 2 / s.cohorts;

/**
 * Σ sign × share over the sides, for two sides (value − reference) or four (a change of a gap):
 * unknown when a side is missing or hidden; an interval only for shares (a mean has none), widened
 * by the overdispersion of stable year-to-year changes (`dispersion`, per group).
 */
export function change(
  sides: (Side | undefined)[],
  signs: (1 | -1)[],
  percentage: boolean,
  dispersion?: Dispersions,
): Omit<ChangeRow, 'area' | 'name' | 'group'> {
  const [a, b] = sides;
  const suppressed = sides.some((s) => s?.hidden);
  const value = a && !a.hidden && a.n > 0 ? a.k / a.n : null;
  const referenceValue = b && !b.hidden && b.n > 0 ? b.k / b.n : null;
  const complete = !suppressed && sides.every((s) => s && s.n > 0);
  const ci =
    complete && percentage
      ? combinedInterval(sides.map((s, i) => ({ k: s!.k, n: s!.n, sign: signs[i]!, tau2: sideTau2(s!, dispersion) }) satisfies Term))
      : null;
  const difference = complete ? sides.reduce((d, s, i) => d + signs[i]! * (s!.k / s!.n), 0) : null;
  return { value, referenceValue, difference, ciLow: ci?.low ?? null, ciHigh: ci?.high ?? null, significance: changeSignificance(ci), suppressed };
}
