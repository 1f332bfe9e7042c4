import { DIMENSIONS, type AreaLevel, type ExpectedResponse, type ExpectedRow, type Indicator, type IndicatorCohort, type MixDimension } from '@gka/shared';
import { sql } from 'kysely';
import type { Dispersion } from '../stats/overdispersion.ts';
import { standardise, standardisedDispersion, type MixArea } from '../stats/standardise.ts';
import { benchmarksByCohort } from './benchmarks.ts';
import type { QueryContext } from './context.ts';
import { groupBy } from './group-by.ts';
import { meta } from './meta.ts';
import { parentFilter, valueRows, type Parent, type ValueRow } from './values.ts';

/** Nederland's share per group of a dimension: the reference rates (null where Nederland's cell is hidden or missing). */
export type Reference = ReadonlyMap<string, number | null>;

export async function mixReference(
  ctx: QueryContext,
  indicator: Pick<Indicator, 'code' | 'unit'>,
  cohort: IndicatorCohort,
  dimension: MixDimension,
): Promise<Reference> {
  const benchmarks =
    (await benchmarksByCohort(ctx, { indicator: indicator.code, unit: indicator.unit, cohorts: [cohort.code], dimension })).get(cohort.code) ?? [];
  return new Map(DIMENSIONS[dimension].map((g) => [g, benchmarks.find((b) => b.kind === 'nederland' && b.group === g)?.value ?? null]));
}

/** The reference rates where the indicator has them for this breakdown (not defined by it, Nederland known in every group), else null. */
export async function usableMixReference(
  ctx: QueryContext,
  indicator: Pick<Indicator, 'code' | 'unit' | 'definedBy'>,
  cohort: IndicatorCohort,
  dimension: MixDimension,
): Promise<Reference | null> {
  if (indicator.unit !== 'percentage' || indicator.definedBy === dimension) return null;
  const reference = await mixReference(ctx, indicator, cohort, dimension);
  return [...reference.values()].some((rate) => rate === null) ? null : reference;
}

export type Cell = { area: string; group: string; numerator: number | null; denominator: number | null; suppressed: boolean };

/**
 * An area's groups at the reference rates, or why there is no expected value: 'hidden' where one of
 * its groups is hidden (E = Σ n_g·p_g / N would give those group sizes back from the published total),
 * 'none' where it has no published group with pupils or a group lacks a reference rate.
 */
export function mixArea(cells: readonly Cell[], reference: Reference): MixArea | 'hidden' | 'none' {
  if (cells.some((c) => c.suppressed)) return 'hidden';
  let k = 0;
  let n = 0;
  const groups = [];
  for (const c of cells) {
    if (c.numerator === null || c.denominator === null || c.denominator <= 0) continue;
    const rate = reference.get(c.group);
    if (rate === null || rate === undefined) return 'none';
    k += c.numerator;
    n += c.denominator;
    groups.push({ n: c.denominator, rate });
  }
  return n > 0 ? { observed: { k, n }, groups } : 'none';
}

const byArea = <C extends { area: string }>(cells: readonly C[]): Map<string, C[]> => groupBy(cells, (c) => c.area);

/**
 * The spread of every area of the level around its expected value (published areas only, as every
 * estimate of spread): the same for every request of a data version, so memoised.
 */
export function expectedDispersion(
  ctx: QueryContext,
  indicator: string,
  level: AreaLevel,
  cohort: string,
  dimension: MixDimension,
  reference: Reference,
): Promise<Dispersion | null> {
  return ctx.memo.get(`expectedDispersion|${indicator}|${level}|${cohort}|${dimension}`, async () => {
    const { rows } = await sql<Cell>`
      select m.area_code as area, m.grp as "group", m.hidden as suppressed,
        case when not m.hidden then m.numerator::float8 end as numerator,
        case when not m.hidden then m.denominator::float8 end as denominator
      from measure m join area a on a.code = m.area_code
      where m.indicator = ${indicator} and m.dimension = ${dimension} and m.cohort = ${cohort} and a.level = ${level}
    `.execute(ctx.db);
    const areas = [...byArea(rows).values()].map((cells) => mixArea(cells, reference)).filter((a): a is MixArea => typeof a === 'object');
    return standardisedDispersion(areas);
  });
}

/** An area's figures against its expected value, or why it has none: hidden (a group is) or no figures. */
function expectedFigures(cells: readonly Cell[], reference: Reference, tau2: number): Omit<ExpectedRow, 'area' | 'name'> {
  const mix = mixArea(cells, reference);
  const s = typeof mix === 'object' ? standardise(mix, tau2) : null;
  return s
    ? { ...s, suppressed: false }
    : { observed: null, expected: null, difference: null, ciLow: null, ciHigh: null, significance: 'onbekend', suppressed: mix === 'hidden' };
}

/** GET /expected: each area of the level (under the parent) against what its pupil mix predicts. */
export async function expectedView(
  ctx: QueryContext,
  indicator: Indicator,
  cohort: IndicatorCohort,
  reference: Reference,
  q: { level: 'gemeente' | 'wijk'; dimension: MixDimension; parent?: Parent },
): Promise<ExpectedResponse> {
  const [rows, dispersion, m] = await Promise.all([
    valueRows(ctx, indicator.unit, {
      indicator: indicator.code,
      cohorts: [cohort.code],
      dimension: q.dimension,
      level: q.level,
      ...parentFilter(q.level, q.parent),
    }),
    expectedDispersion(ctx, indicator.code, q.level, cohort.code, q.dimension, reference),
    meta(ctx, indicator, cohort),
  ]);
  const tau2 = dispersion?.tau2 ?? 0;
  const data = [...byArea<ValueRow>(rows).values()].map((cells): ExpectedRow => {
    const { area, name } = cells[0]!;
    return { area, name, ...expectedFigures(cells, reference, tau2) };
  });
  return {
    data,
    reference: [...reference].map(([group, rate]) => ({ group, rate })),
    dispersion: { units: dispersion?.units ?? 0, phi: dispersion?.phi ?? null, tau2: dispersion?.tau2 ?? null },
    meta: m,
  };
}

/**
 * The expected value of each of these gemeenten, by parents' education, where the indicator has one
 * (the regio overview's benchmark `verwacht`, the gemeente page); an empty map where it has none.
 */
export async function expectedOfGemeenten(
  ctx: QueryContext,
  indicator: Pick<Indicator, 'code' | 'unit' | 'definedBy'>,
  cohort: IndicatorCohort,
  areas: readonly string[],
): Promise<Map<string, Omit<ExpectedRow, 'area' | 'name'>>> {
  const all = await expectedOfEveryGemeente(ctx, indicator, cohort);
  return new Map(areas.flatMap((a) => (all.has(a) ? [[a, all.get(a)!] as const] : [])));
}

/**
 * Every gemeente's expected value in one read: the same for every overview and profile of a data
 * version, so memoised (342 rows per indicator × cohort), where a query per request cost the overview
 * with `verwacht` a round trip per indicator.
 */
function expectedOfEveryGemeente(
  ctx: QueryContext,
  indicator: Pick<Indicator, 'code' | 'unit' | 'definedBy'>,
  cohort: IndicatorCohort,
): Promise<ReadonlyMap<string, Omit<ExpectedRow, 'area' | 'name'>>> {
  return ctx.memo.get(`expectedGemeenten|${indicator.code}|${cohort.code}`, async () => {
    const dimension = 'opleiding_ouders';
    const reference = await usableMixReference(ctx, indicator, cohort, dimension);
    if (!reference) return new Map();
    const [rows, dispersion] = await Promise.all([
      valueRows(ctx, indicator.unit, { indicator: indicator.code, cohorts: [cohort.code], dimension, level: 'gemeente' }),
      expectedDispersion(ctx, indicator.code, 'gemeente', cohort.code, dimension, reference),
    ]);
    const tau2 = dispersion?.tau2 ?? 0;
    return new Map([...byArea<ValueRow>(rows)].map(([area, cells]) => [area, expectedFigures(cells, reference, tau2)] as const));
  });
}
