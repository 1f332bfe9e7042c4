import {
  preCovidCohortsFor,
  verdictOf,
  type Benchmark,
  type Group,
  type Indicator,
  type IndicatorCohort,
  type OverviewCell,
  type OverviewResponse,
} from '@gka/shared';
import { difference, pooled, significance, sumPublished } from '../stats/benchmarks.ts';
import { applicableBenchmarks } from '../stats/compare.ts';
import type { AreaDetail } from './areas.ts';
import { benchmarksByCohort } from './benchmarks.ts';
import { indicatorSources } from './catalogue.ts';
import { change, pool, preCovidReference, side, type Side } from './change.ts';
import type { QueryContext } from './context.ts';
import { selectValues, type ValueRow } from './values.ts';

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
  // Each indicator's cohort and its cohorts before COVID (when the cohort is COVID or later).
  const plans = q.indicators.map((indicator) => {
    const cohort = indicator.cohorts.find((c) => c.code === q.cohort) ?? indicator.cohorts.at(-1)!;
    return { indicator, cohort, since: preCovidCohortsFor(indicator.cohorts, cohort.code) };
  });
  // One read for the whole table (all indicators at once), not one per indicator.
  const unitOf = new Map(q.indicators.map((i) => [i.code, i.unit]));
  const unit = (code: string) => unitOf.get(code) ?? 'percentage';
  const read = (cohorts: string[]) =>
    cohorts.length
      ? selectValues(ctx, { indicators: q.indicators.map((i) => i.code), cohorts: [...new Set(cohorts)], dimensions: ['totaal'], areas: codes }, unit)
      : Promise.resolve([]);
  const members = new Set(codes);
  const [now, ...befores] = await Promise.all([
    read(plans.map((p) => p.cohort.code)),
    // The same for every overview of the data version: every gemeente's cells before COVID, memoised.
    ...plans.map((p) =>
      p.since.length
        ? ctx.memo.get(`preCovid|${p.indicator.code}|${p.since.map((c) => c.code).join(',')}`, () =>
            selectValues(
              ctx,
              { indicators: [p.indicator.code], cohorts: p.since.map((c) => c.code), dimensions: ['totaal'], level: 'gemeente' },
              () => p.indicator.unit,
            ),
          )
        : Promise.resolve([] as ValueRow[]),
    ),
  ]);
  const columns = await Promise.all(
    plans.map((p, i) =>
      column(
        ctx,
        p,
        now.filter((r) => r.indicator === p.indicator.code && r.cohort === p.cohort.code),
        befores[i]!.filter((r) => members.has(r.area)),
        q,
      ),
    ),
  );
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

type Plan = { indicator: Indicator; cohort: IndicatorCohort; since: IndicatorCohort[] };

async function column(ctx: QueryContext, plan: Plan, rows: ValueRow[], before: ValueRow[], q: { group?: Group; benchmark: Kind }) {
  const { indicator, cohort, since } = plan;
  const { cohorts: _cohorts, synthetic: _synthetic, ...rest } = indicator;
  const stedelijkheden = [...new Set(rows.flatMap((r) => (r.stedelijkheid === null ? [] : [r.stedelijkheid])))];
  const byCohort = await benchmarksByCohort(ctx, {
    indicator: indicator.code,
    unit: indicator.unit,
    cohorts: [cohort.code],
    dimension: 'totaal',
    stedelijkheden,
    group: q.benchmark === 'groep' ? q.group : undefined,
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
  const asSide = (s: { k: number; n: number; areas: number }): Side | undefined => (s.areas ? { name: '', k: s.k, n: s.n, hidden: false } : undefined);
  const nowSum = sumPublished(rows);
  const now = asSide(nowSum);
  const est = pooled(now?.k ?? null, now?.n ?? null, nowSum.areas, indicator.unit);
  const groupRow = { ...est, denominator: now?.n ?? null, suppressed: !now };
  // One value for the pool; stedelijkheid has one per class, so the pool has none to meet.
  const reference = q.benchmark === 'stedelijkheid' ? null : (benchmarks.find((b) => b.kind === q.benchmark && b.group === 'totaal')?.value ?? null);
  const pooledCell = cell(groupRow, reference, since.length ? change([now, asSide(sumPublished(before))], [1, -1], percentage) : null);
  return {
    indicator: { ...rest, cohort, reference: since.length ? preCovidReference(since) : null },
    cells,
    pooled: pooledCell,
  };
}
