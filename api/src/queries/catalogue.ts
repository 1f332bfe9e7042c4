import { syntheticFigures, type Area, type Cohort, type Indicator, type ValueNote } from '@gka/shared';
import { allAreas, type AreaDetail, type AreaFilter } from './areas.ts';
import { listCohorts } from './cohorts.ts';
import { indicatorCohort, listCovidNotes, type CovidNotes } from './covid-notes.ts';
import type { QueryContext } from './context.ts';
import { datasetKinds, datasetsByIndicator, listSources, type Sources } from './datasets.ts';
import { listIndicators } from './indicators.ts';

/**
 * The small reference tables every request consults, memoised per data version: a values request
 * then costs only its own value and aggregate queries.
 */
export const cohorts = (ctx: QueryContext): Promise<Cohort[]> => ctx.memo.get('cohorts', () => listCohorts(ctx.db));
export const covidNotes = (ctx: QueryContext): Promise<CovidNotes> => ctx.memo.get('covidNotes', () => listCovidNotes(ctx.db));
/** Each indicator with its own time axis: its cohorts, each with the COVID note for this indicator. */
export const indicators = (ctx: QueryContext): Promise<Indicator[]> =>
  ctx.memo.get('indicators', async () => {
    const [rows, all, notes, datasets, kinds, { sources: loaded }] = await Promise.all([
      listIndicators(ctx.db),
      cohorts(ctx),
      covidNotes(ctx),
      indicatorDatasets(ctx),
      datasetKinds(ctx.db),
      sources(ctx),
    ]);
    const boundaries = loaded.filter((s) => s.kind === 'geo');
    const byCode = new Map(all.map((c) => [c.code, c]));
    return rows.map((r) => ({
      ...r,
      cohorts: r.cohorts.map((code) => indicatorCohort(byCode.get(code)!, notes.get(r.code))),
      pools: r.pools.map((code) => indicatorCohort(byCode.get(code)!, notes.get(r.code))),
      // Only the imports that hold its values now: demo rows replaced by a real import no longer count.
      synthetic: syntheticFigures([...boundaries, ...(datasets.get(r.code) ?? []).flatMap((id) => kinds.get(id) ?? [])]),
    }));
  });
export const sources = (ctx: QueryContext): Promise<Sources> => ctx.memo.get('sources', () => listSources(ctx.db));
// One scan for all indicators per data version: a scan per indicator (twelve of the national table)
// stalled the first requests after a start or an import for seconds.
const indicatorDatasets = (ctx: QueryContext) => ctx.memo.get('indicatorDatasets', () => datasetsByIndicator(ctx.db));
/** Only for a known indicator code: the memo holds one entry per indicator. */
export const indicatorSources = (ctx: QueryContext, indicator: string): Promise<Sources> =>
  ctx.memo.get(`sources:${indicator}`, async () => listSources(ctx.db, (await indicatorDatasets(ctx)).get(indicator) ?? []));
/** Every area without its geometry, in name order (a few thousand rows). */
export const areas = (ctx: QueryContext): Promise<Map<string, AreaDetail>> =>
  ctx.memo.get('areas', async () => new Map((await allAreas(ctx.db)).map((a) => [a.code, a])));

/** Areas of a level, optionally of one parent and by GKA membership, in name order. */
export async function listAreas(ctx: QueryContext, f: AreaFilter): Promise<Area[]> {
  const all = await areas(ctx);
  return [...all.values()]
    .filter((a) => a.level === f.level && (f.parent === undefined || a.parent === f.parent) && (f.gka === undefined || a.gka === f.gka))
    .map(({ omgevingsadressendichtheid: _, ...area }) => area);
}

export const findIndicator = async (ctx: QueryContext, code: string) => (await indicators(ctx)).find((i) => i.code === code);
export const findCohort = async (ctx: QueryContext, code: string) => (await cohorts(ctx)).find((c) => c.code === code);
export const findArea = async (ctx: QueryContext, code: string) => (await areas(ctx)).get(code);

/** What sources say about their figures (a hundred rows), by `indicator|cohort|area`: notes on an area's totaal. */
export const valueNotes = (ctx: QueryContext): Promise<Map<string, ValueNote>> =>
  ctx.memo.get('valueNotes', async () => {
    const rows = await ctx.db.selectFrom('measure_note').select(['indicator', 'cohort', 'area_code', 'note']).execute();
    return new Map(rows.map((r) => [`${r.indicator}|${r.cohort}|${r.area_code}`, r.note]));
  });

/** `group`: per dimension, per group. */
export type SortOrder = { area: Map<string, number>; cohort: Map<string, number>; group: Map<string, Map<string, number>> };

/**
 * Positions in the order every value list is shown in (cohort, area name and code, breakdown group),
 * so value queries need no joins: Postgres sorted the memoised lists with its own collation.
 */
export const sortOrder = (ctx: QueryContext): Promise<SortOrder> =>
  ctx.memo.get('sortOrder', async () => {
    const [a, c, g] = await Promise.all([areas(ctx), cohorts(ctx), ctx.db.selectFrom('breakdown_group').select(['dimension', 'grp', 'sort_order']).execute()]);
    return {
      area: new Map([...a.keys()].map((code, i) => [code, i])),
      cohort: new Map(c.map((x, i) => [x.code, i])),
      group: g.reduce((m, x) => m.set(x.dimension, (m.get(x.dimension) ?? new Map()).set(x.grp, x.sort_order)), new Map<string, Map<string, number>>()),
    };
  });
