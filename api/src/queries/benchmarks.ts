import { sql } from 'kysely';
import {
  BENCHMARK_LABELS,
  BENCHMARKS,
  DIMENSIONS,
  NATIONAL_CODE,
  isLocalLevel,
  type AreaLevel,
  type Benchmark,
  type Dimension,
  type Group,
  stedelijkheidLabel,
} from '@gka/shared';
import { areas } from './catalogue.ts';
import { pooled, sumPublished } from '../stats/benchmarks.ts';
import type { Unit } from '../stats/cells.ts';
import type { QueryContext } from './context.ts';
import { valueRows, type ValueRow } from './values.ts';

export type BenchmarkScope = {
  indicator: string;
  unit: Unit;
  cohorts: readonly string[];
  dimension: string;
  /** Stedelijkheid classes to pool gemeenten for. */
  stedelijkheden?: readonly number[];
  /** Gemeenten whose own value is the 'gemeente' benchmark of their wijken. */
  gemeenten?: readonly string[];
  /** A group of gemeenten pooled as the 'groep' benchmark. */
  group?: Pick<Group, 'code' | 'name' | 'members'>;
};

type AggregateRow = {
  cohort: string;
  group: string;
  kind: 'nederland' | 'gemeenten' | 'stedelijkheid' | 'gka';
  stedelijkheid: number | null;
  /** Null for a hidden NL01 cell. */
  k: number | null;
  n: number | null;
  areas: number;
  mean: number | null;
};

/**
 * Benchmarks per cohort, from published gemeente cells only (never wijken, which would count
 * pupils twice): Nederland is the NL01 row when delivered, else the pooled gemeenten; 'gemeenten'
 * is the unweighted mean of gemeente values; stedelijkheid and GKA are pooled.
 */
export function benchmarksByCohort(ctx: QueryContext, s: BenchmarkScope): Promise<Map<string, Benchmark[]>> {
  // Without a gemeente or group of their own, the lists are the same for every area of a stedelijkheid
  // class: kept per data version (shared, so never changed by a caller), not built again for each profile.
  if (s.gemeenten?.length || s.group) return buildBenchmarks(ctx, s);
  const classes = [...new Set(s.stedelijkheden ?? [])].sort((a, b) => a - b);
  return ctx.memo.get(`benchmarkLists|${s.indicator}|${s.dimension}|${s.cohorts.join(',')}|${classes.join(',')}`, () => buildBenchmarks(ctx, s));
}

async function buildBenchmarks(ctx: QueryContext, s: BenchmarkScope): Promise<Map<string, Benchmark[]>> {
  const out = new Map<string, Benchmark[]>(s.cohorts.map((c) => [c, []]));
  if (s.cohorts.length === 0) return out;
  const [aggregates, own, members] = await Promise.all([
    // The same for every area of a level: memoised per data version.
    ctx.memo.get(`benchmarks|${s.indicator}|${s.dimension}|${s.cohorts.join(',')}`, () => aggregateRows(ctx, s)),
    s.gemeenten?.length ? valueRows(ctx, s.unit, { indicator: s.indicator, cohorts: s.cohorts, dimension: s.dimension, areas: s.gemeenten }) : [],
    s.group?.members.length ? valueRows(ctx, s.unit, { indicator: s.indicator, cohorts: s.cohorts, dimension: s.dimension, areas: s.group.members }) : [],
  ]);

  const classes = new Set(s.stedelijkheden ?? []);
  for (const r of aggregates) {
    if (r.kind === 'stedelijkheid' && !classes.has(r.stedelijkheid!)) continue;
    const label = r.kind === 'stedelijkheid' ? `${BENCHMARK_LABELS.stedelijkheid} (${stedelijkheidLabel(r.stedelijkheid)})` : BENCHMARK_LABELS[r.kind];
    // A hidden NL01 cell stays hidden; pooled sums are over published cells only.
    const est =
      r.kind === 'gemeenten' ? { value: r.mean, ciLow: null, ciHigh: null, n: r.areas, numerator: null, denominator: null } : pooled(r.k, r.n, r.areas, s.unit);
    out.get(r.cohort)?.push({ kind: r.kind, label, group: r.group, ...est, ...(r.kind === 'stedelijkheid' ? { stedelijkheid: r.stedelijkheid } : {}) });
  }
  for (const v of own) {
    out.get(v.cohort)?.push({
      kind: 'gemeente',
      label: `${BENCHMARK_LABELS.gemeente}: ${v.name}`,
      group: v.group,
      value: v.value,
      ciLow: v.ciLow,
      ciHigh: v.ciHigh,
      ...(v.samplingCiLow !== undefined ? { samplingCiLow: v.samplingCiLow, samplingCiHigh: v.samplingCiHigh } : {}),
      numerator: v.numerator,
      denominator: v.denominator,
      n: v.suppressed ? 0 : 1,
      area: v.area,
    });
  }
  if (s.group) {
    // Pooled like stedelijkheid and GKA: published member cells only, so the pool reopens nothing.
    const byKey = new Map<string, ValueRow[]>();
    for (const v of members) byKey.set(`${v.cohort}|${v.group}`, [...(byKey.get(`${v.cohort}|${v.group}`) ?? []), v]);
    for (const [key, cells] of byKey) {
      const [cohort, group] = key.split('|') as [string, string];
      const sum = sumPublished(cells);
      const est = sum.areas ? pooled(sum.k, sum.n, sum.areas, s.unit) : pooled(null, null, 0, s.unit);
      out.get(cohort)?.push({ kind: 'groep', label: `Groep: ${s.group.name}`, group, ...est, groep: s.group.code });
    }
  }
  const groups: readonly string[] = DIMENSIONS[s.dimension as Dimension] ?? [];
  const order = (b: Benchmark) => groups.indexOf(b.group);
  const kindOrder = (b: Benchmark) => BENCHMARKS.indexOf(b.kind);
  for (const list of out.values()) list.sort((a, b) => kindOrder(a) - kindOrder(b) || order(a) - order(b) || (a.stedelijkheid ?? 0) - (b.stedelijkheid ?? 0));
  return out;
}

/**
 * Pooled sums and the unweighted mean over published gemeente cells, per cohort and group. Pooling
 * hidden cells would let a reader subtract the published members and recover them (docs/methodology.md).
 */
async function aggregateRows(ctx: QueryContext, s: BenchmarkScope): Promise<AggregateRow[]> {
  const { rows } = await sql<AggregateRow>`
    with g as (
      select m.cohort, m.grp, m.numerator::float8 as k, m.denominator::float8 as n, a.stedelijkheid, a.gka_lid
      from measure m join area a on a.code = m.area_code
      where m.indicator = ${s.indicator} and m.dimension = ${s.dimension} and m.cohort = any(${s.cohorts})
        and a.level = 'gemeente' and not m.hidden
    ), agg as (
      -- Which grouping set a row belongs to, by name: adding a column to the sets changes no literal.
      select cohort, grp, stedelijkheid, gka_lid,
        grouping(stedelijkheid) = 1 and grouping(gka_lid) = 1 as national,
        grouping(stedelijkheid) = 0 as by_stedelijkheid,
        grouping(gka_lid) = 0 as by_gka,
        sum(k) as k, sum(n) as n, count(*)::int as areas, avg(k / n) as mean
      from g group by grouping sets ((cohort, grp), (cohort, grp, stedelijkheid), (cohort, grp, gka_lid))
    ), nl as (
      select m.cohort, m.grp, case when not m.hidden then m.numerator::float8 end as k, case when not m.hidden then m.denominator::float8 end as n
      from measure m
      where m.area_code = ${NATIONAL_CODE} and m.indicator = ${s.indicator} and m.dimension = ${s.dimension}
        and m.cohort = any(${s.cohorts})
    )
    select cohort, grp as "group", 'nederland' as kind, null::int as stedelijkheid, k, n, 1 as areas, null::float8 as mean from nl
    union all
    select cohort, grp, 'nederland', null, k, n, areas, null from agg
      where national and not exists (select 1 from nl where nl.cohort = agg.cohort and nl.grp = agg.grp)
    union all
    select cohort, grp, 'gemeenten', null, k, n, areas, mean from agg where national
    union all
    select cohort, grp, 'stedelijkheid', stedelijkheid, k, n, areas, null from agg where by_stedelijkheid and stedelijkheid is not null
    union all
    select cohort, grp, 'gka', null, k, n, areas, null from agg where by_gka and gka_lid
  `.execute(ctx.db);
  return rows;
}

/** For an area, whether a benchmark's pool holds its pupils (see containment). */
export type Containment = (v: { area: string; level: string; parent: string | null }) => (b: Benchmark) => boolean;

/**
 * Whether a benchmark's pool holds an area's own pupils, so that the area is compared with the rest
 * of it (stats/compare.ts): Nederland and the own stedelijkheid class always, GKA and a group when
 * the area (or, for a wijk or school, its gemeente) is a member, the own gemeente of a wijk or school.
 * The mean of the gemeenten has no pool.
 */
export async function containment(ctx: QueryContext, group?: Pick<Group, 'members'>): Promise<Containment> {
  const all = await areas(ctx);
  const members = new Set(group?.members ?? []);
  return (v) => {
    const gemeente = isLocalLevel(v.level as AreaLevel) ? v.parent : v.area;
    return (b) => {
      switch (b.kind) {
        case 'nederland':
        case 'stedelijkheid':
        case 'gemeente':
          return true;
        case 'gka':
          return all.get(v.area)?.gka === true;
        case 'groep':
          return gemeente !== null && members.has(gemeente);
        default:
          return false;
      }
    };
  };
}
