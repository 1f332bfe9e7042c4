import { verdictOf, type Benchmark, type Group, type Indicator, type OverviewCell, type OverviewResponse } from '@gka/shared';
import { difference, pooled, significance } from '../stats/benchmarks.ts';
import { applicableBenchmarks } from '../stats/compare.ts';
import type { AreaDetail } from './areas.ts';
import { benchmarksByCohort } from './benchmarks.ts';
import { indicatorSources } from './catalogue.ts';
import { change, covidSplit, pool, preCovidReference, side, type Side } from './change.ts';
import type { QueryContext } from './context.ts';
import { valueRows, type ValueRow } from './values.ts';

type Kind = OverviewResponse['benchmark'];

/**
 * GET /overview: gemeenten × indicators in one table, each cell against the chosen benchmark that
 * applies to it (its own stedelijkheid class, the group) with a verdict from the indicator's
 * direction, and the change since before COVID; plus the members pooled, over published cells only.
 */
export async function overviewView(
  ctx: QueryContext,
  q: { areas: AreaDetail[]; group?: Group; indicators: Indicator[]; cohort?: string; benchmark: Kind },
): Promise<OverviewResponse> {
  const codes = q.areas.map((a) => a.code);
  const columns = await Promise.all(q.indicators.map((indicator) => column(ctx, indicator, codes, q)));
  const synthetic = (await Promise.all(q.indicators.map((i) => indicatorSources(ctx, i.code)))).some((s) => s.synthetic);
  return {
    group: q.group ?? null,
    benchmark: q.benchmark,
    indicators: columns.map((c) => c.indicator),
    rows: q.areas.map((a) => ({ area: a.code, name: a.name, cells: columns.map((c) => c.cells.get(a.code) ?? emptyCell(c.indicator.code)) })),
    pooled: { area: q.group?.code ?? 'selectie', name: q.group ? `${q.group.name} samen` : 'Gekozen gemeenten samen', cells: columns.map((c) => c.pooled) },
    minCell: ctx.minCell,
    synthetic,
  };
}

function emptyCell(indicator: string): OverviewCell {
  return {
    indicator,
    value: null,
    ciLow: null,
    ciHigh: null,
    denominator: null,
    suppressed: false,
    benchmark: null,
    difference: null,
    significance: 'onbekend',
    verdict: 'onbekend',
    covidChange: null,
  };
}

async function column(ctx: QueryContext, indicator: Indicator, codes: string[], q: { group?: Group; cohort?: string; benchmark: Kind }) {
  const { cohorts: own, synthetic: _synthetic, ...rest } = indicator;
  const cohort = own.find((c) => c.code === q.cohort) ?? own.at(-1)!;
  const split = covidSplit(own);
  const since = split && split.before.length && own.indexOf(cohort) >= own.indexOf(split.covid) ? split.before : [];
  const [rows, before] = await Promise.all([
    valueRows(ctx, indicator.unit, { indicator: indicator.code, cohorts: [cohort.code], dimension: 'totaal', areas: codes }),
    since.length ? valueRows(ctx, indicator.unit, { indicator: indicator.code, cohorts: since.map((c) => c.code), dimension: 'totaal', areas: codes }) : [],
  ]);
  const stedelijkheden = [...new Set(rows.flatMap((r) => (r.stedelijkheid === null ? [] : [r.stedelijkheid])))];
  const byCohort = await benchmarksByCohort(ctx, {
    indicator: indicator.code,
    unit: indicator.unit,
    cohorts: [cohort.code],
    dimension: 'totaal',
    stedelijkheden,
    group: q.group,
  });
  const benchmarks = byCohort.get(cohort.code) ?? [];
  const percentage = indicator.unit === 'percentage';
  const pooledBefore = new Map<string, Side>();
  for (const r of before) pooledBefore.set(r.area, pool(pooledBefore.get(r.area), r));
  const cell = (
    r: Pick<ValueRow, 'value' | 'ciLow' | 'ciHigh' | 'denominator' | 'suppressed'>,
    b: number | null,
    covid: OverviewCell['covidChange'],
  ): OverviewCell => {
    const sig = significance(r, b);
    return {
      indicator: indicator.code,
      value: r.value,
      ciLow: r.ciLow,
      ciHigh: r.ciHigh,
      denominator: r.denominator,
      suppressed: r.suppressed,
      benchmark: b,
      difference: difference(r.value, b),
      significance: sig,
      verdict: verdictOf(sig, indicator.higherIsBetter),
      covidChange: covid,
    };
  };
  const chosen = (r: ValueRow) => applicableBenchmarks(r, benchmarks).find((b: Benchmark) => b.kind === q.benchmark)?.value ?? null;
  const cells = new Map(rows.map((r) => [r.area, cell(r, chosen(r), since.length ? change([side(r), pooledBefore.get(r.area)], [1, -1], percentage) : null)]));

  // The members together: published cells only, like every pooled benchmark.
  const sum = (list: ValueRow[]) => {
    const published = list.filter((r) => !r.suppressed && r.numerator !== null && r.denominator !== null);
    return {
      side: published.length
        ? { name: '', k: published.reduce((s, r) => s + r.numerator!, 0), n: published.reduce((s, r) => s + r.denominator!, 0), hidden: false }
        : undefined,
      areas: published.length,
    };
  };
  const now = sum(rows);
  const est = now.side ? pooled(now.side.k, now.side.n, now.areas, indicator.unit) : pooled(null, null, 0, indicator.unit);
  const groupRow = { ...est, denominator: now.side?.n ?? null, suppressed: !now.side };
  const national = q.benchmark === 'stedelijkheid' ? null : (benchmarks.find((b) => b.kind === q.benchmark && b.group === 'totaal')?.value ?? null);
  const then = sum(before);
  const pooledCell = cell(groupRow, national, since.length ? change([now.side, then.side], [1, -1], percentage) : null);
  return {
    indicator: { ...rest, cohort, reference: since.length ? preCovidReference(since) : null },
    cells,
    pooled: pooledCell,
  };
}
