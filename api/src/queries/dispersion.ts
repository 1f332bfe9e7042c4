import { covidSplit, poolMembers, type AreaLevel, type GroupDispersion, type Indicator } from '@gka/shared';
import { sql } from 'kysely';
import { areaDispersion, changeDispersion, type Counts, type Dispersion } from '../stats/overdispersion.ts';
import type { QueryContext } from './context.ts';

/** Per breakdown group: the spread of its areas, or null where too few areas have a published figure. */
export type Dispersions = ReadonlyMap<string, Dispersion | null>;

type CountsRow = { cohort: string; grp: string; area: string; k: number; n: number };

/** Published counts of every area of a level, per cohort and group: what an estimate may use (never a hidden cell). */
export async function publishedCounts(
  ctx: QueryContext,
  indicator: string,
  level: AreaLevel,
  cohorts: readonly string[],
  dimension: string,
): Promise<CountsRow[]> {
  const { rows } = await sql<CountsRow>`
    select m.cohort, m.grp, m.area_code as area, m.numerator::float8 as k, m.denominator::float8 as n
    from measure m join area a on a.code = m.area_code
    where m.indicator = ${indicator} and m.dimension = ${dimension} and m.cohort = any(${cohorts})
      and a.level = ${level} and not m.hidden and m.denominator > 0
  `.execute(ctx.db);
  return rows;
}

/**
 * The spread of the areas of a level around their common share, per group, for one cohort: what
 * widens an area's interval before it is compared with a benchmark (docs/methodology.md,
 * "Overdispersie"). The same for every request of a data version, so memoised. Means have none.
 */
export function areaDispersions(
  ctx: QueryContext,
  indicator: Pick<Indicator, 'code' | 'unit'>,
  level: AreaLevel,
  cohort: string,
  dimension: string,
): Promise<Dispersions> {
  if (indicator.unit !== 'percentage' || level === 'land') return Promise.resolve(new Map());
  return ctx.memo.get(`dispersion|${indicator.code}|${level}|${cohort}|${dimension}`, async () => {
    const byGroup = new Map<string, Counts[]>();
    for (const r of await publishedCounts(ctx, indicator.code, level, [cohort], dimension)) {
      const list = byGroup.get(r.grp) ?? byGroup.set(r.grp, []).get(r.grp)!;
      list.push({ k: r.k, n: r.n });
    }
    return new Map([...byGroup].map(([group, cells]) => [group, areaDispersion(cells)]));
  });
}

/**
 * The cohorts whose year-to-year changes measure ordinary variation: those before the indicator's
 * first COVID cohort (all of them without one), of one kind, consecutive. Where that leaves no pair
 * (an indicator that starts with COVID), every consecutive pair, which counts COVID's own shifts as
 * ordinary variation and so errs on the side of fewer verdicts.
 */
function stablePairs(indicator: Pick<Indicator, 'cohorts'>): [string, string][] {
  const own = indicator.cohorts.filter((c) => c.pooled.length === 0);
  const pairsOf = (cohorts: readonly { code: string }[]) => cohorts.slice(1).map((c, i): [string, string] => [cohorts[i]!.code, c.code]);
  const stable = pairsOf(poolMembers(covidSplit(own)?.before ?? own));
  return stable.length ? stable : pairsOf(poolMembers(own));
}

/**
 * The spread of an area's year-to-year changes in stable years, per group (τ² of a difference of two
 * years): what widens the interval of a change (docs/methodology.md). Memoised per data version.
 */
export function changeDispersions(
  ctx: QueryContext,
  indicator: Pick<Indicator, 'code' | 'unit' | 'cohorts'>,
  level: AreaLevel,
  dimension: string,
): Promise<Dispersions> {
  if (indicator.unit !== 'percentage' || level === 'land') return Promise.resolve(new Map());
  return ctx.memo.get(`changeDispersion|${indicator.code}|${level}|${dimension}`, async () => {
    const pairs = stablePairs(indicator);
    const rows = await publishedCounts(ctx, indicator.code, level, [...new Set(pairs.flat())], dimension);
    const cell = new Map(rows.map((r) => [`${r.cohort}|${r.grp}|${r.area}`, r]));
    const byGroup = new Map<string, { now: Counts; before: Counts }[]>();
    for (const r of rows) {
      for (const [before, now] of pairs) {
        if (r.cohort !== now) continue;
        const b = cell.get(`${before}|${r.grp}|${r.area}`);
        if (b) (byGroup.get(r.grp) ?? byGroup.set(r.grp, []).get(r.grp)!).push({ now: r, before: b });
      }
    }
    return new Map([...byGroup].map(([group, p]) => [group, changeDispersion(p)]));
  });
}

/** The estimates as published next to the figures they widen. */
export function publishedDispersion(d: Dispersions): GroupDispersion[] {
  return [...d].map(([group, e]) => ({ group, units: e?.units ?? 0, phi: e?.phi ?? null, tau2: e?.tau2 ?? null }));
}
