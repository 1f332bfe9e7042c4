import {
  allSynthetic,
  covidSplit,
  shownDifference,
  verdictOf,
  type Benchmark,
  type Group,
  type Indicator,
  type IndicatorCohort,
  type Overview,
  type OverviewCell,
} from '@gka/shared';
import { pooled, sumPublished } from '../stats/benchmarks.ts';
import { applicableBenchmarks, compareWith, type Against, type Placed } from '../stats/compare.ts';
import type { AreaDetail } from './areas.ts';
import { benchmarksByCohort, containment, type Containment } from './benchmarks.ts';
import { change, pool, side, type Side } from '../stats/change.ts';
import { preCovidReference } from './change.ts';
import type { QueryContext } from './context.ts';
import { areaDispersions, changeDispersions } from './dispersion.ts';
import { widenEstimate } from '../stats/overdispersion.ts';
import { selectValues, type ValueRow } from './values.ts';
import { expectedOfGemeenten } from './expected.ts';

type Kind = Overview['benchmark'];

/**
 * GET /overview: gemeenten × indicators in one table, each cell against the chosen benchmark that
 * applies to it (its own stedelijkheid class, the group) with a verdict from the indicator's
 * direction, and the change since before COVID; plus the members pooled, over published cells only.
 */
export async function overviewView(
  ctx: QueryContext,
  q: { areas: AreaDetail[]; group?: Group; indicators: Indicator[]; cohort?: string; benchmark: Kind },
): Promise<Overview> {
  const codes = q.areas.map((a) => a.code);
  // Each indicator's cohort shown, and its COVID change: its first COVID cohort against its cohorts
  // before COVID, whichever cohort is shown (the same change as on the gemeente page and the notitie).
  // An indicator without cohorts has nothing to show (resolveOverview already leaves those out).
  const plans = q.indicators.flatMap((indicator): Plan[] => {
    const cohort = indicator.cohorts.find((c) => c.code === q.cohort) ?? indicator.cohorts.at(-1);
    const split = covidSplit(indicator.cohorts);
    return cohort ? [{ indicator, cohort, covid: split?.before.length ? split.covid : null, since: split?.before ?? [] }] : [];
  });
  const [loaded, contains] = await Promise.all([
    Promise.all(
      plans.map(async (plan) => {
        const [totals, covidTotals, before] = await Promise.all([
          gemeenteTotals(ctx, plan.indicator, plan.cohort.code),
          plan.covid ? gemeenteTotals(ctx, plan.indicator, plan.covid.code) : new Map<string, ValueRow>(),
          plan.covid ? preCovidSides(ctx, plan.indicator, plan.since) : new Map<string, Before>(),
        ]);
        return { plan, totals, covidTotals, before };
      }),
    ),
    containment(ctx, q.group),
  ]);
  const of = (m: Map<string, ValueRow>) => codes.flatMap((c) => m.get(c) ?? []);
  const columns = await Promise.all(
    loaded.map(({ plan, totals, covidTotals, before }) => column(ctx, plan, of(totals), covidTotals, before, codes, q, contains)),
  );
  return {
    group: q.group ?? null,
    benchmark: q.benchmark,
    indicators: columns.map((c) => c.indicator),
    rows: q.areas.map((a) => ({ area: a.code, name: a.name, cells: columns.map((c) => c.cells.get(a.code) ?? emptyCell(c.indicator.code)) })),
    pooled: { area: q.group?.code ?? 'selectie', name: q.group ? `${q.group.name} samen` : 'Gekozen gemeenten samen', cells: columns.map((c) => c.pooled) },
    minCell: ctx.minCell,
    // One banner only when every column is synthetic; otherwise each column is marked.
    synthetic: allSynthetic(q.indicators.map((i) => i.synthetic)),
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
    differenceCiLow: null,
    differenceCiHigh: null,
    significance: 'onbekend',
    verdict: 'onbekend',
    covidChange: null,
  };
}

/** An indicator's column: the cohort shown, and its COVID cohort with the cohorts before it (none without). */
type Plan = { indicator: Indicator; cohort: IndicatorCohort; covid: IndicatorCohort | null; since: IndicatorCohort[] };

/**
 * Every gemeente's total of an indicator in a cohort. An overview of any group reads the same cells,
 * so they are memoised per data version (342 rows per indicator × cohort) instead of read per request.
 */
function gemeenteTotals(ctx: QueryContext, indicator: Indicator, cohort: string): Promise<Map<string, ValueRow>> {
  return ctx.memo.get(`gemeenteTotals|${indicator.code}|${cohort}`, async () => {
    const rows = await selectValues(ctx, { indicators: [indicator.code], cohorts: [cohort], dimensions: ['totaal'], level: 'gemeente' }, () => indicator.unit);
    return new Map(rows.map((r) => [r.area, r]));
  });
}

/** A gemeente before COVID: its cohorts pooled (hidden when one is), and the sum of its published ones for a pool of gemeenten. */
type Before = { side: Side; published: { k: number; n: number; areas: number } };

/** Every gemeente's cells before COVID, pooled per gemeente: the same for every overview of a data version, so memoised. */
function preCovidSides(ctx: QueryContext, indicator: Indicator, since: IndicatorCohort[]): Promise<Map<string, Before>> {
  const cohorts = since.map((c) => c.code);
  return ctx.memo.get(`preCovid|${indicator.code}|${cohorts.join(',')}`, async () => {
    const rows = await selectValues(ctx, { indicators: [indicator.code], cohorts, dimensions: ['totaal'], level: 'gemeente' }, () => indicator.unit);
    const out = new Map<string, Before>();
    for (const r of rows) {
      const b = out.get(r.area);
      const published = sumPublished([r]);
      if (!b) out.set(r.area, { side: side(r), published });
      else {
        b.side = pool(b.side, r);
        b.published = { k: b.published.k + published.k, n: b.published.n + published.n, areas: b.published.areas + published.areas };
      }
    }
    return out;
  });
}

async function column(
  ctx: QueryContext,
  plan: Plan,
  rows: ValueRow[],
  covidTotals: Map<string, ValueRow>,
  before: Map<string, Before>,
  members: string[],
  q: { group?: Group; benchmark: Kind },
  contains: Containment,
) {
  const { indicator, cohort, covid, since } = plan;
  const stedelijkheden = [...new Set(rows.flatMap((r) => (r.stedelijkheid === null ? [] : [r.stedelijkheid])))];
  // The group as benchmark is the members pooled: the rows already read, no second query.
  const [byCohort, dispersion, areaSpread, expected] = await Promise.all([
    benchmarksByCohort(ctx, {
      indicator: indicator.code,
      unit: indicator.unit,
      cohorts: [cohort.code],
      dimension: 'totaal',
      stedelijkheden,
    }),
    covid ? changeDispersions(ctx, indicator, 'gemeente', 'totaal') : undefined,
    areaDispersions(ctx, indicator, 'gemeente', cohort.code, 'totaal'),
    q.benchmark === 'verwacht' ? expectedOfGemeenten(ctx, indicator, cohort, members) : null,
  ]);
  const benchmarks = byCohort.get(cohort.code) ?? [];
  const percentage = indicator.unit === 'percentage';
  const cell = (r: Placed & { suppressed: boolean }, against: Against, contained: boolean, covid: OverviewCell['covidChange']): OverviewCell => {
    const c = compareWith(r, against, contained);
    return {
      indicator: indicator.code,
      value: r.value,
      ciLow: r.ciLow,
      ciHigh: r.ciHigh,
      denominator: r.denominator,
      suppressed: r.suppressed,
      benchmark: c.benchmark,
      difference: shownDifference(r.value, c.benchmark, indicator.unit),
      differenceCiLow: c.ciLow,
      differenceCiHigh: c.ciHigh,
      significance: c.significance,
      verdict: verdictOf(c.significance, indicator.higherIsBetter),
      covidChange: covid,
    };
  };
  // The members together: published cells only, like every pooled benchmark.
  // A pool of gemeenten is widened as one gemeente: year-to-year variation they share does not average out.
  const asSide = (s: { k: number; n: number; areas: number }, cohorts: number): Side | undefined =>
    s.areas ? { name: '', group: 'totaal', k: s.k, n: s.n, hidden: false, cohorts } : undefined;
  const nowSum = sumPublished(rows);
  const now = asSide(nowSum, 1);
  const est = pooled(now?.k ?? null, now?.n ?? null, nowSum.areas, indicator.unit);
  // The members together are widened as one gemeente, like their change.
  const groupRow = {
    ...widenEstimate(est, areaSpread.get('totaal')?.tau2),
    suppressed: !now,
    group: 'totaal',
    level: 'groep',
    parent: null,
    stedelijkheid: null,
  };
  const chosen = (r: ValueRow): [Against, boolean] => {
    if (q.benchmark === 'groep') return [est, true];
    const b = applicableBenchmarks(r, benchmarks).find((x: Benchmark) => x.kind === q.benchmark);
    return b ? [b, contains(r)(b)] : [{ value: null }, false];
  };
  const covidRows = members.flatMap((m) => covidTotals.get(m) ?? []);
  const changeOf = (area: string) => change([covidTotals.get(area) && side(covidTotals.get(area)!), before.get(area)?.side], [1, -1], percentage, dispersion);
  // A gemeente's change is the same whatever the cohort shown, the benchmark or the group: made once
  // per data version for every gemeente, where it was some 3,000 interval computations per request.
  const changes = covid
    ? await ctx.memo.get(`gemeenteChanges|${indicator.code}|${covid.code}|${since.map((c) => c.code).join(',')}`, async () => {
        const areas = new Set([...covidTotals.keys(), ...before.keys()]);
        return new Map([...areas].map((area) => [area, changeOf(area)] as const));
      })
    : undefined;
  const covidChange = (area: string) => (changes ? (changes.get(area) ?? changeOf(area)) : null);
  // Against its own expected value: the interval and verdict of observed − expected (/expected).
  const expectedCell = (r: ValueRow): OverviewCell => {
    const e = expected?.get(r.area);
    const significance = r.suppressed ? 'onbekend' : (e?.significance ?? 'onbekend');
    return {
      ...cell(r, { value: null }, false, covidChange(r.area)),
      benchmark: e?.expected ?? null,
      difference: shownDifference(r.value, e?.expected ?? null, indicator.unit),
      differenceCiLow: e?.ciLow ?? null,
      differenceCiHigh: e?.ciHigh ?? null,
      significance,
      verdict: verdictOf(significance, indicator.higherIsBetter),
    };
  };
  const cells = new Map(rows.map((r) => [r.area, expected ? expectedCell(r) : cell(r, ...chosen(r), covidChange(r.area))]));

  // One benchmark for the pool; stedelijkheid has one per class, so the pool has none to meet. The pool
  // lies wholly in Nederland and is itself the group; its overlap with GKA is partial and left out.
  const reference: Against =
    q.benchmark === 'groep'
      ? est
      : q.benchmark === 'stedelijkheid'
        ? { value: null }
        : (benchmarks.find((b) => b.kind === q.benchmark && b.group === 'totaal') ?? { value: null });
  const beforeSum = { k: 0, n: 0, areas: 0 };
  for (const m of members) {
    const p = before.get(m)?.published;
    if (!p) continue;
    beforeSum.k += p.k;
    beforeSum.n += p.n;
    beforeSum.areas += p.areas;
  }
  const pooledCell = cell(
    groupRow,
    reference,
    q.benchmark === 'groep' || q.benchmark === 'nederland',
    covid ? change([asSide(sumPublished(covidRows), 1), asSide(beforeSum, since.length)], [1, -1], percentage, dispersion) : null,
  );
  return {
    indicator: {
      code: indicator.code,
      name: indicator.name,
      definition: indicator.definition,
      unit: indicator.unit,
      higherIsBetter: indicator.higherIsBetter,
      source: indicator.source,
      synthetic: indicator.synthetic,
      cohort,
      reference: covid ? preCovidReference(since) : null,
      covidCohort: covid,
    },
    cells,
    pooled: pooledCell,
  };
}
