import {
  BENCHMARKS,
  DIMENSION_LABELS,
  GROUP_LABELS,
  type BenchmarkKind,
  type ChangeReference,
  type ChangeRow,
  type Dimension,
  type Group,
  type Indicator,
  type IndicatorCohort,
  type Meta,
  type Significance,
  isLocalLevel,
  type DataLevel,
} from '@gka/shared';
import { comparisons } from '../stats/compare.ts';
import { benchmarksByCohort, containment } from './benchmarks.ts';
import { areas as allAreas } from './catalogue.ts';
import { changeView } from './change.ts';
import type { QueryContext } from './context.ts';
import { meta } from './meta.ts';
import { parentFilter, valueRows, type Parent } from './values.ts';

export type ExportRow = {
  areaCode: string;
  areaName: string;
  level: DataLevel;
  parentCode: string | null;
  parentName: string | null;
  provincie: string | null;
  stedelijkheid: number | null;
  gka: boolean;
  cohort: string;
  indicator: string;
  dimension: string;
  group: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  suppressed: boolean;
  /** Per benchmark kind of the table: the value this row is compared with, and the verdict. */
  benchmarks: Partial<Record<BenchmarkKind, { value: number | null; difference: number | null; significance: Significance }>>;
  change?: ChangeRow;
};

export type ExportTable = {
  meta: Meta;
  level: DataLevel;
  parent?: Parent;
  dimension: Dimension;
  /** The benchmark columns, in this order: every benchmark that applies at this level. */
  benchmarkKinds: BenchmarkKind[];
  reference?: ChangeReference;
  /** The group compared with (kind 'groep'), by name. */
  groupName?: string;
  rows: ExportRow[];
};

/**
 * The table of GET /values as rows for a file: each area with its context (parent gemeente,
 * provincie, stedelijkheid, GKA), every benchmark that applies to it (its own stedelijkheid
 * class, its own gemeente) with the verdict, and with a reference the change as /change gives it.
 */
export async function exportTable(
  ctx: QueryContext,
  indicator: Indicator,
  cohort: IndicatorCohort,
  q: { level: DataLevel; dimension: Dimension; parent?: Parent; reference?: ChangeReference; group?: Group },
): Promise<ExportTable> {
  const rows = await valueRows(ctx, indicator.unit, {
    indicator: indicator.code,
    cohorts: [cohort.code],
    dimension: q.dimension,
    level: q.level,
    ...parentFilter(q.level, q.parent),
  });
  const wijken = isLocalLevel(q.level);
  const [byCohort, m, areas, change, contains] = await Promise.all([
    benchmarksByCohort(ctx, {
      indicator: indicator.code,
      unit: indicator.unit,
      cohorts: [cohort.code],
      dimension: q.dimension,
      stedelijkheden: [...new Set(rows.flatMap((r) => (r.stedelijkheid === null ? [] : [r.stedelijkheid])))],
      gemeenten: wijken ? [...new Set(rows.flatMap((r) => (r.parent ? [r.parent] : [])))] : [],
      group: q.group,
    }),
    meta(ctx, indicator, cohort),
    allAreas(ctx),
    q.reference ? changeView(ctx, indicator, cohort, q.reference, { level: q.level, dimension: q.dimension, parent: q.parent }) : undefined,
    containment(ctx, q.group),
  ]);
  const benchmarks = byCohort.get(cohort.code) ?? [];
  const changes = new Map((change?.data ?? []).map((c) => [`${c.area}|${c.group}`, c]));
  const benchmarkKinds = BENCHMARKS.filter((k) => (k !== 'gemeente' || wijken) && (k !== 'groep' || q.group));
  return {
    meta: m,
    level: q.level,
    parent: q.parent,
    dimension: q.dimension,
    benchmarkKinds,
    reference: change?.meta.reference,
    groupName: q.group?.name,
    rows: rows.map((r) => {
      const area = areas.get(r.area);
      const parent = r.parent ? areas.get(r.parent) : undefined;
      // As /values decides them, so a file never says other than the page.
      const own = comparisons(r, benchmarks, contains(r));
      return {
        areaCode: r.area,
        areaName: r.name,
        level: q.level,
        parentCode: wijken ? r.parent : null,
        parentName: wijken ? (parent?.name ?? null) : null,
        provincie: area?.provincie ?? parent?.provincie ?? null,
        stedelijkheid: r.stedelijkheid,
        gka: area?.gka ?? false,
        cohort: cohort.label,
        indicator: indicator.name,
        dimension: DIMENSION_LABELS[q.dimension],
        group: GROUP_LABELS[r.group] ?? r.group,
        numerator: r.numerator,
        denominator: r.denominator,
        value: r.value,
        ciLow: r.ciLow,
        ciHigh: r.ciHigh,
        suppressed: r.suppressed,
        benchmarks: Object.fromEntries(own.map((c) => [c.kind, { value: c.benchmark, difference: c.difference, significance: c.significance }])),
        change: q.reference ? changes.get(`${r.area}|${r.group}`) : undefined,
      };
    }),
  };
}
