import { isLocalLevel, type DataLevel } from '@gka/shared';
import { sql, type RawBuilder } from 'kysely';
import type { AreaLevel, Group, Value } from '@gka/shared';
import { cellValue, roundDown, roundUp, type Unit } from '../stats/cells.ts';
import { widenEstimate } from '../stats/overdispersion.ts';
import type { AreaDetail } from './areas.ts';
import { areas as allAreas, sortOrder, valueNotes } from './catalogue.ts';
import type { QueryContext } from './context.ts';
import { areaDispersions, type Dispersions } from './dispersion.ts';

/**
 * A value with where it sits: `stedelijkheid` is the class its benchmark compares with, the area's
 * own for a gemeente and its gemeente's for a wijk (a wijk is judged in the context of its gemeente).
 */
export type ValueRow = Value & {
  indicator: string;
  cohort: string;
  dimension: string;
  level: AreaLevel;
  parent: string | null;
  stedelijkheid: number | null;
};

/** Every combination of these codes; all areas when `areas` is absent, then only those of `level`. */
export type MeasureKeys = {
  indicators: readonly string[];
  cohorts: readonly string[];
  dimensions: readonly string[];
  areas?: readonly string[];
  level?: AreaLevel;
};

type CountRow = Pick<ValueRow, 'indicator' | 'cohort' | 'dimension' | 'area' | 'group' | 'numerator' | 'denominator'>;

/**
 * The values SELECT: `measure` alone, `= any` on key columns, so one index-only scan of measure_pk or
 * measure_area_idx. Names and sort order come from the memoised catalogue: joining area, cohort and
 * breakdown_group here cost Postgres four times the throughput, mostly in planning. Suppression happens
 * in the SELECT itself: counts of a hidden cell (the stored disclosure decision) never leave Postgres,
 * so nothing downstream can leak them.
 */
export function valuesSql(k: MeasureKeys): RawBuilder<CountRow> {
  return sql<CountRow>`
    select indicator, cohort, dimension, area_code as area, grp as "group",
      case when not hidden then numerator end as numerator,
      case when not hidden then denominator end as denominator
    from measure
    where indicator = any(${k.indicators}) and cohort = any(${k.cohorts}) and dimension = any(${k.dimensions})
      ${k.areas === undefined ? sql`` : sql`and area_code = any(${k.areas})`}
  `;
}

/** Measure rows with these keys, suppressed, with their share and Wilson interval, by cohort, area name and group. */
export async function selectValues(ctx: QueryContext, k: MeasureKeys, unitOf: (indicator: string) => Unit): Promise<ValueRow[]> {
  if (k.indicators.length === 0 || k.cohorts.length === 0 || k.dimensions.length === 0 || k.areas?.length === 0) return [];
  const [{ rows }, areas, order, notes] = await Promise.all([valuesSql(k).execute(ctx.db), allAreas(ctx), sortOrder(ctx), valueNotes(ctx)]);
  // A plain loop: this runs for every row of a national response (3,763 for all wijken).
  const ranked: { row: ValueRow; c: number; a: number; g: number }[] = [];
  for (const r of rows) {
    const a = areas.get(r.area);
    if (!a || (k.level !== undefined && a.level !== k.level)) continue;
    const v = cellValue(r.numerator, r.denominator, unitOf(r.indicator));
    const row: ValueRow = {
      indicator: r.indicator,
      cohort: r.cohort,
      dimension: r.dimension,
      area: r.area,
      name: a.name,
      level: a.level,
      parent: a.parent,
      stedelijkheid: isLocalLevel(a.level) ? (a.parent === null ? null : (areas.get(a.parent)?.stedelijkheid ?? null)) : a.stedelijkheid,
      group: r.group,
      numerator: v.numerator,
      denominator: v.denominator,
      value: v.value,
      ciLow: v.ciLow,
      ciHigh: v.ciHigh,
      suppressed: v.suppressed,
    };
    const note = r.group === 'totaal' && !v.suppressed ? notes.get(`${r.indicator}|${r.cohort}|${r.area}`) : undefined;
    if (note) row.note = note;
    ranked.push({ row, c: order.cohort.get(r.cohort) ?? 0, a: order.area.get(r.area) ?? 0, g: order.group.get(r.dimension)?.get(r.group) ?? 0 });
  }
  const sorted = ranked.sort((x, y) => x.c - y.c || x.a - y.a || x.g - y.g).map((x) => x.row);
  await widenForDispersion(ctx, sorted, unitOf);
  return sorted;
}

/**
 * Every published share's interval widened by the overdispersion of its indicator × level × cohort ×
 * group (docs/methodology.md): the interval every verdict follows. The binomial one stays beside it.
 */
async function widenForDispersion(ctx: QueryContext, rows: ValueRow[], unitOf: (indicator: string) => Unit): Promise<void> {
  const tables = new Map<string, Promise<Dispersions>>();
  for (const r of rows) {
    const key = `${r.indicator}|${r.level}|${r.cohort}|${r.dimension}`;
    if (r.ciLow !== null && !tables.has(key))
      tables.set(key, areaDispersions(ctx, { code: r.indicator, unit: unitOf(r.indicator) }, r.level, r.cohort, r.dimension));
  }
  const resolved = new Map(await Promise.all([...tables].map(async ([key, p]) => [key, await p] as const)));
  for (const r of rows) {
    const wide = widenEstimate(r, resolved.get(`${r.indicator}|${r.level}|${r.cohort}|${r.dimension}`)?.get(r.group)?.tau2);
    if (wide === r) continue;
    r.samplingCiLow = r.ciLow;
    r.samplingCiHigh = r.ciHigh;
    r.ciLow = wide.ciLow;
    r.ciHigh = wide.ciHigh;
  }
}

export type ValueFilter = {
  indicator: string;
  cohorts: readonly string[];
  dimension: string;
  level?: DataLevel;
  /** Only areas whose parent is one of these (the wijken or schools of some gemeenten). */
  parents?: readonly string[];
  areas?: readonly string[];
};

/** Where the areas of a table lie: one parent area, several gemeenten, or the gemeenten of a group. */
export type Parent = { areas: AreaDetail[]; group?: Group };

/** A parent as a value filter: the areas of `level` under its areas, or at level gemeente a group's gemeenten themselves. */
export function parentFilter(level: DataLevel, parent: Parent | undefined): Pick<ValueFilter, 'parents' | 'areas'> {
  if (!parent) return {};
  const codes = parent.areas.map((a) => a.code);
  return parent.group && level === 'gemeente' ? { areas: codes } : { parents: codes };
}

/** The codes of the areas of `level` under these parents, in catalogue order. */
async function areasUnder(ctx: QueryContext, level: DataLevel | undefined, parents: readonly string[]): Promise<string[]> {
  const under = new Set(parents);
  return [...(await allAreas(ctx)).values()]
    .filter((a) => a.parent !== null && under.has(a.parent) && (level === undefined || a.level === level))
    .map((a) => a.code);
}

/** The codes of the areas a parent gives at `level` (as a value filter chooses them). */
export async function areasOf(ctx: QueryContext, level: DataLevel, parent: Parent): Promise<string[]> {
  const f = parentFilter(level, parent);
  return f.parents ? areasUnder(ctx, level, f.parents) : [...(f.areas ?? [])];
}

/** The measure keys of valueRows (parents become their children's codes), on their own so the benchmark can time the bare SQL. */
export async function valueKeys(ctx: QueryContext, f: ValueFilter): Promise<MeasureKeys> {
  let areas = f.areas;
  if (f.parents !== undefined) {
    const children = await areasUnder(ctx, f.level, f.parents);
    areas = f.areas === undefined ? children : children.filter((code) => f.areas!.includes(code));
  }
  return { indicators: [f.indicator], cohorts: f.cohorts, dimensions: [f.dimension], areas, level: f.level };
}

/** Values of one indicator and dimension for some cohorts and areas. */
export async function valueRows(ctx: QueryContext, unit: Unit, f: ValueFilter): Promise<ValueRow[]> {
  return selectValues(ctx, await valueKeys(ctx, f), () => unit);
}

/** The API shape of a value row. */
export function toValue(r: Value): Value {
  return {
    area: r.area,
    name: r.name,
    group: r.group,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    ciLow: roundDown(r.ciLow),
    ciHigh: roundUp(r.ciHigh),
    ...(r.samplingCiLow !== undefined ? { samplingCiLow: roundDown(r.samplingCiLow ?? null), samplingCiHigh: roundUp(r.samplingCiHigh ?? null) } : {}),
    suppressed: r.suppressed,
    ...(r.note ? { note: r.note } : {}),
  };
}
