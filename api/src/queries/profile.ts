import {
  allSynthetic,
  syntheticBoundaries,
  cohortCodes,
  DEVIATING_WIJKEN,
  covidSplit,
  PROFILE_BREAKDOWNS,
  type Group,
  type Unit,
  type IndicatorCohort,
  type ProfileIndicator,
  type ProfileResponse,
} from '@gka/shared';
import { hasKansenkloof, kansenkloof, KANSENKLOOF_DIMENSION } from '../stats/benchmarks.ts';
import { nearest, roundDown, roundUp } from '../stats/cells.ts';
import { compareWith, comparisons, furthestFirst } from '../stats/compare.ts';
import type { AreaDetail } from './areas.ts';
import { benchmarksByCohort, containment } from './benchmarks.ts';
import { cohorts as allCohorts, covidNotes, indicators as allIndicators, listAreas, sources as allSources } from './catalogue.ts';
import { trendAxis } from './covid-notes.ts';
import type { QueryContext } from './context.ts';
import { changeDispersions, type Dispersions } from './dispersion.ts';
import { change, pool, side, type Side } from '../stats/change.ts';
import { preCovidReference } from './change.ts';
import { selectValues, toValue, type ValueRow } from './values.ts';
import { expectedOfGemeenten, usableMixReference } from './expected.ts';
import { peersOf } from './peers.ts';
import { aandachtspunten } from './aandachtspunten.ts';
import { groupBy } from './group-by.ts';

/**
 * GET /profile/{gemeente}: everything the gemeente page and the gespreksnotitie show, per indicator
 * with values for the gemeente: the chosen cohort (or the latest the gemeente has), benchmarks and
 * comparisons, kansenkloof, the breakdowns, the trend next to Nederland and the wijken that differ
 * most from the gemeente, significant ones first.
 */
export async function profileView(ctx: QueryContext, area: AreaDetail, cohortCode?: string, group?: Group): Promise<ProfileResponse> {
  const [cohorts, indicators, wijken, { sources }, notes] = await Promise.all([
    allCohorts(ctx),
    allIndicators(ctx),
    listAreas(ctx, { level: 'wijk', parent: area.code }),
    allSources(ctx),
    covidNotes(ctx),
  ]);
  const unitOf = new Map(indicators.map((i) => [i.code, i.unit]));
  const unit = (i: string) => unitOf.get(i) ?? 'percentage';
  // Only the rows shown, from the covering indexes (index-only: an area's rows are scattered over the heap).
  const totals = await selectValues(
    ctx,
    { indicators: indicators.map((i) => i.code), cohorts: cohorts.map((c) => c.code), dimensions: ['totaal'], areas: [area.code] },
    unit,
  );

  // Per indicator with data for this gemeente: the asked cohort if it has one, else its latest.
  const chosen = indicators.flatMap((indicator) => {
    const mine = new Set(totals.filter((r) => r.indicator === indicator.code).map((r) => r.cohort));
    const cohort = indicator.cohorts.find((c) => c.code === cohortCode && mine.has(c.code)) ?? indicator.cohorts.filter((c) => mine.has(c.code)).at(-1);
    return cohort ? [{ indicator, cohort }] : [];
  });
  // One banner only when every figure shown is synthetic; otherwise each indicator carries its own mark.
  const synthetic = allSynthetic(
    chosen.map((c) => c.indicator.synthetic),
    syntheticBoundaries(sources),
  );
  if (chosen.length === 0)
    return { area, cohorts, indicators: [], aandachtspunten: { zorgen: [], sterk: [] }, wijken, minCell: ctx.minCell, sources, synthetic };

  const chosenIndicators = chosen.map((c) => c.indicator.code);
  const chosenCohorts = [...new Set(chosen.map((c) => c.cohort.code))];
  const [breakdownRows, wijkRows, perIndicator] = await Promise.all([
    selectValues(ctx, { indicators: chosenIndicators, cohorts: chosenCohorts, dimensions: PROFILE_BREAKDOWNS, areas: [area.code] }, unit),
    selectValues(ctx, { indicators: chosenIndicators, cohorts: chosenCohorts, dimensions: ['totaal'], areas: wijken.map((w) => w.code) }, unit),
    Promise.all(
      chosen.map(async (c) => {
        const [byCohort, changeDispersion] = await Promise.all([
          benchmarksByCohort(ctx, {
            indicator: c.indicator.code,
            unit: c.indicator.unit,
            cohorts: cohortCodes(c.indicator),
            dimension: 'totaal',
            stedelijkheden: area.stedelijkheid ? [area.stedelijkheid] : [],
            group,
          }),
          changeDispersions(ctx, c.indicator, 'gemeente', 'totaal'),
        ]);
        return { ...c, byCohort, changeDispersion };
      }),
    ),
  ]);
  const contains = await containment(ctx, group);
  // What explains the figure: the pupil mix (parents' education) and the vergelijkbare gemeenten that do
  // better; both from tables of every gemeente, memoised per data version.
  const explained = await Promise.all(
    perIndicator.map(async (each) => {
      const { indicator, cohort } = each;
      const [expected, peers] = await Promise.all([
        expectedOfGemeenten(ctx, indicator, cohort, [area.code]).then((e) => e.get(area.code) ?? null),
        indicator.unit === 'percentage' && indicator.higherIsBetter !== null
          ? usableMixReference(ctx, indicator, cohort, KANSENKLOOF_DIMENSION).then((reference) =>
              peersOf(ctx, indicator, cohort, area, KANSENKLOOF_DIMENSION, reference),
            )
          : null,
      ]);
      return { ...each, why: { expected: expected && { ...expected, dimension: KANSENKLOOF_DIMENSION }, peers: peers?.data ?? null } };
    }),
  );

  // Each indicator's rows looked up, not filtered out of all of them: a profile has some 30 indicators.
  const own = groupBy([...totals, ...breakdownRows], (r) => r.indicator);
  const wijkenOf = groupBy(wijkRows, (r) => `${r.indicator}|${r.cohort}`);
  const result: ProfileIndicator[] = explained.map(({ indicator: { cohorts: indicatorCohorts, ...indicator }, cohort, byCohort, changeDispersion, why }) => {
    const rows = own.get(indicator.code) ?? [];
    const inCohort = rows.filter((r) => r.cohort === cohort.code);
    const totaal = inCohort.find((r) => r.dimension === 'totaal');
    const opleiding = (g: string) => inCohort.find((r) => r.dimension === KANSENKLOOF_DIMENSION && r.group === g)?.value;
    const cohortBenchmarks = byCohort.get(cohort.code) ?? [];
    return {
      indicator,
      cohort,
      value: totaal ? toValue(totaal) : null,
      comparisons: totaal ? comparisons(totaal, cohortBenchmarks, contains(totaal)) : [],
      benchmarks: cohortBenchmarks,
      ...(hasKansenkloof(indicator) ? { kansenkloof: kansenkloof(opleiding('hoog'), opleiding('laag')) } : {}),
      covidChange: covidChange(indicator.unit, indicatorCohorts, rows, changeDispersion),
      ...why,
      breakdown: breakdowns(inCohort),
      trend: trendAxis(indicatorCohorts, notes.get(indicator.code)).map((c) => {
        const r = rows.find((x) => x.cohort === c.code && x.dimension === 'totaal');
        return {
          cohort: c,
          value: r?.value ?? null,
          ciLow: roundDown(r?.ciLow ?? null),
          ciHigh: roundUp(r?.ciHigh ?? null),
          suppressed: r?.suppressed ?? false,
          benchmarks: (byCohort.get(c.code) ?? []).map((b) => ({ kind: b.kind, value: b.value })),
        };
      }),
      deviatingWijken: deviating(wijkenOf.get(`${indicator.code}|${cohort.code}`) ?? [], totaal),
    };
  });
  return { area, cohorts, indicators: result, aandachtspunten: aandachtspunten(result), wijken, minCell: ctx.minCell, sources, synthetic };
}

function breakdowns(rows: ValueRow[]): ProfileIndicator['breakdown'] {
  const dims = PROFILE_BREAKDOWNS.filter((d) => rows.some((r) => r.dimension === d));
  return dims.map((dimension) => ({ dimension, values: rows.filter((r) => r.dimension === dimension).map(toValue) }));
}

/** The DEVIATING_WIJKEN wijken furthest from their gemeente (which holds them): significant first, then by distance; unknown last. */
function deviating(wijken: ValueRow[], gemeente: ValueRow | undefined): ProfileIndicator['deviatingWijken'] {
  const against = { value: gemeente?.value ?? null, numerator: gemeente?.numerator, denominator: gemeente?.denominator };
  return wijken
    .map((w) => {
      const c = compareWith(w, against, true);
      return { ...toValue(w), difference: nearest(c.difference), significance: c.significance };
    })
    .sort(furthestFirst)
    .slice(0, DEVIATING_WIJKEN);
}

/** The gemeente's totaal in the indicator's first COVID cohort against its cohorts before COVID, pooled. */
function covidChange(unit: Unit, own: IndicatorCohort[], rows: ValueRow[], dispersion: Dispersions): ProfileIndicator['covidChange'] {
  const split = covidSplit(own);
  if (!split || split.before.length === 0) return null;
  const totaal = (code: string) => rows.find((r) => r.cohort === code && r.dimension === 'totaal');
  const now = totaal(split.covid.code);
  let before: Side | undefined;
  for (const c of split.before) {
    const r = totaal(c.code);
    if (r) before = pool(before, r);
  }
  if (!now && !before) return null;
  return { cohort: split.covid, reference: preCovidReference(split.before), ...change([now && side(now), before], [1, -1], unit === 'percentage', dispersion) };
}
