import { sql, type RawBuilder } from 'kysely';
import type { AreaLevel, Benchmark, Cohort, Meta, Value, Indicator } from '@gka/shared';
import { cellValue, type Unit } from '../stats/cells.ts';
import type { AreaDetail } from './areas.ts';
import { benchmarksByCohort } from './benchmarks.ts';
import type { QueryContext } from './context.ts';
import { meta } from './meta.ts';

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

type CellRow = Omit<ValueRow, 'value' | 'ciLow' | 'ciHigh' | 'suppressed'>;

/**
 * The values SELECT over m = measure, a = area, p = its parent. Suppression happens in the SELECT
 * itself: counts of a cell below minCell never leave Postgres, so nothing downstream can leak them.
 */
export function valuesSql(minCell: number, where: RawBuilder<unknown>): RawBuilder<CellRow> {
  return sql<CellRow>`
    select m.indicator, m.cohort, m.dimension, m.area_code as area, a.name, a.level, a.parent_code as parent,
      case when a.level = 'wijk' then p.stedelijkheid else a.stedelijkheid end as stedelijkheid,
      m.grp as "group",
      case when m.denominator >= ${minCell} then m.numerator end as numerator,
      case when m.denominator >= ${minCell} then m.denominator end as denominator
    from measure m
      join area a on a.code = m.area_code
      left join area p on p.code = a.parent_code
      join breakdown_group g on g.dimension = m.dimension and g.grp = m.grp
      join cohort c on c.code = m.cohort
    where ${where}
    order by c.sort_order, c.code, a.name, a.code, g.sort_order
  `;
}

/** Measure rows matching `where`, suppressed, with their share and Wilson interval. */
export async function selectValues(
  { db, minCell }: QueryContext,
  where: RawBuilder<unknown>,
  unitOf: (indicator: string) => Unit,
): Promise<ValueRow[]> {
  const { rows } = await valuesSql(minCell, where).execute(db);
  return rows.map((r) => {
    const v = r.numerator === null || r.denominator === null ? null : cellValue(r.numerator, r.denominator, unitOf(r.indicator), minCell);
    return {
      ...r,
      numerator: v?.numerator ?? null,
      denominator: v?.denominator ?? null,
      value: v?.value ?? null,
      ciLow: v?.ciLow ?? null,
      ciHigh: v?.ciHigh ?? null,
      suppressed: v === null || v.suppressed,
    };
  });
}

export type ValueFilter = {
  indicator: string;
  cohorts: readonly string[];
  dimension: string;
  level?: 'gemeente' | 'wijk';
  parent?: string;
  areas?: readonly string[];
};

/** The WHERE of valueRows, on its own so the benchmark can time the bare SQL. */
export function valueFilterSql(f: ValueFilter): RawBuilder<unknown> {
  return sql`m.indicator = ${f.indicator} and m.dimension = ${f.dimension} and m.cohort = any(${f.cohorts})
    ${f.level === undefined ? sql`` : sql`and a.level = ${f.level}`}
    ${f.parent === undefined ? sql`` : sql`and a.parent_code = ${f.parent}`}
    ${f.areas === undefined ? sql`` : sql`and m.area_code = any(${f.areas})`}`;
}

/** Values of one indicator and dimension for some cohorts and areas. */
export async function valueRows(ctx: QueryContext, unit: Unit, f: ValueFilter): Promise<ValueRow[]> {
  if (f.cohorts.length === 0 || f.areas?.length === 0) return [];
  return selectValues(ctx, valueFilterSql(f), () => unit);
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
    ciLow: r.ciLow,
    ciHigh: r.ciHigh,
    suppressed: r.suppressed,
  };
}

export type ValuesView = { data: Value[]; benchmarks: Benchmark[]; meta: Meta };

/**
 * GET /values: one indicator × cohort × dimension for a level. With a gemeente as parent the
 * benchmarks include its stedelijkheid class and, for its wijken, the gemeente itself.
 */
export async function valuesView(
  ctx: QueryContext,
  indicator: Indicator,
  cohort: Cohort,
  q: { level: 'gemeente' | 'wijk'; dimension: string; parent?: AreaDetail },
): Promise<ValuesView> {
  const gemeente = q.parent?.level === 'gemeente' ? q.parent : undefined;
  const [rows, benchmarks, m] = await Promise.all([
    valueRows(ctx, indicator.unit, { indicator: indicator.code, cohorts: [cohort.code], dimension: q.dimension, level: q.level, parent: q.parent?.code }),
    benchmarksByCohort(ctx, {
      indicator: indicator.code,
      unit: indicator.unit,
      cohorts: [cohort.code],
      dimension: q.dimension,
      stedelijkheden: gemeente?.stedelijkheid ? [gemeente.stedelijkheid] : [],
      gemeenten: gemeente && q.level === 'wijk' ? [gemeente.code] : [],
    }),
    meta(ctx, indicator, cohort),
  ]);
  return { data: rows.map(toValue), benchmarks: benchmarks.get(cohort.code) ?? [], meta: m };
}
