import {
  cohortCodes,
  covidSplit,
  DIMENSIONS,
  isLocalLevel,
  MIX_PHRASES,
  PRE_COVID,
  type Dimension,
  type Group,
  type Indicator,
  type IndicatorCohort,
  type MixDimension,
  type OverviewQuery,
  type ParentParam,
} from '@gka/shared';
import { mixReference, type Reference as MixReference } from '../queries/expected.ts';
import { listGroups } from '../queries/groups.ts';
import { similarGroup } from '../queries/similar.ts';
import { badRequest, HttpError, notFound } from '../errors.ts';
import { preCovidReference, type Reference } from '../queries/change.ts';
import type { AreaDetail } from '../queries/areas.ts';
import { areas as allAreas, findArea, findCohort, findIndicator, indicators as allIndicators } from '../queries/catalogue.ts';
import type { Parent } from '../queries/values.ts';
import type { QueryContext } from '../queries/context.ts';

/** Lookups that turn an unknown code into the API's 404 body. */
export async function requireIndicator(ctx: QueryContext, code: string) {
  const found = await findIndicator(ctx, code);
  if (!found) throw notFound(`Indicator '${code}'`, { indicator: code });
  return found;
}

export async function requireCohort(ctx: QueryContext, code: string) {
  const found = await findCohort(ctx, code);
  if (!found) throw notFound(`Cohort '${code}'`, { cohort: code });
  return found;
}

export async function requireArea(ctx: QueryContext, code: string, level?: AreaDetail['level']): Promise<AreaDetail> {
  const found = await findArea(ctx, code);
  if (!found || (level && found.level !== level)) throw notFound(`Gebied '${code}'${level ? ` (${level})` : ''}`, { area: code });
  return found;
}

/**
 * The asked cohort as the indicator has it (with its COVID note), or without one the indicator's
 * latest. A known cohort without values for the indicator answers with no values and no note.
 */
export async function cohortFor(ctx: QueryContext, indicator: Indicator, code: string | undefined): Promise<IndicatorCohort> {
  if (code === undefined) {
    const latest = indicator.cohorts.at(-1);
    if (!latest) throw new HttpError(404, 'not_found', `Indicator '${indicator.code}' heeft nog geen waarden`, { indicator: indicator.code });
    return latest;
  }
  return (
    indicator.cohorts.find((c) => c.code === code) ??
    indicator.pools.find((c) => c.code === code) ?? { ...(await requireCohort(ctx, code)), covid: false, note: null }
  );
}

/** A cohort of the indicator other than `cohort`, or its pre-COVID cohorts pooled. */
export async function resolveReference(ctx: QueryContext, indicator: Indicator, cohort: IndicatorCohort, code: string): Promise<Reference> {
  if (cohort.pooled.length) throw badRequest(`${cohort.label} is een samengevoegde periode; een verandering meet het dashboard per cohort`);
  if (code === PRE_COVID) {
    const split = covidSplit(indicator.cohorts);
    if (!split) throw badRequest(`${indicator.name} heeft geen COVID-cohort; kies een cohort als referentie`);
    if (split.before.length === 0) throw badRequest(`${indicator.name} heeft geen cohorten vóór COVID`);
    if (split.before.some((c) => c.code === cohort.code))
      throw badRequest(`Cohort ${cohort.code} valt zelf vóór COVID; kies een later cohort of een ander cohort als referentie`);
    // Read as the stored pooled period where there is one: it gives small wijken a value the cohorts do not.
    const stored = indicator.pools.find((p) => p.pooled.join() === split.before.map((c) => c.code).join());
    return { ...preCovidReference(split.before), ...(stored ? { stored: stored.code } : {}) };
  }
  const reference = await requireCohort(ctx, code);
  if (reference.code === cohort.code) throw badRequest('De referentie moet een ander cohort zijn dan het cohort zelf');
  const own = cohortCodes(indicator);
  if (!own.includes(reference.code)) throw badRequest(`${indicator.name} heeft geen waarden voor cohort ${reference.code}`);
  if (own.indexOf(reference.code) > own.indexOf(cohort.code)) {
    throw badRequest(`De referentie moet een eerder cohort zijn dan ${cohort.code}`);
  }
  return { code: reference.code, label: reference.label, cohorts: [reference.code] };
}

/** A group of gemeenten by code (GET /groups), or the API's 404. */
export async function requireGroup(ctx: QueryContext, code: string): Promise<Group> {
  const found = (await listGroups(ctx)).find((g) => g.code === code) ?? (await similarGroup(ctx, code));
  if (!found) throw notFound(`Groep '${code}'`, { group: code });
  return found;
}

/** The group asked for, or undefined when none is. */
export const groupFor = async (ctx: QueryContext, code: string | undefined): Promise<Group | undefined> =>
  code === undefined ? undefined : requireGroup(ctx, code);

/** Areas by code in the order asked, every one known: unknown ones are the API's 404, naming them all. */
export async function requireAreas(ctx: QueryContext, codes: readonly string[]): Promise<AreaDetail[]> {
  const areas = await allAreas(ctx);
  const unknown = codes.filter((c) => !areas.has(c));
  if (unknown.length) throw notFound(`Gebied ${unknown.map((c) => `'${c}'`).join(', ')}`, { areas: unknown });
  return codes.flatMap((c) => areas.get(c) ?? []);
}

/** The gemeente a wijk or school is judged in, when it has one. */
export const gemeenteOf = async (ctx: QueryContext, area: AreaDetail): Promise<AreaDetail | undefined> =>
  isLocalLevel(area.level) && area.parent ? requireArea(ctx, area.parent) : undefined;

/**
 * The group of a breakdown a funnel plots (its first without one); a 400 for a mean, which has no
 * interval to draw limits from, and for a group the breakdown does not have.
 */
export function funnelGroup(indicator: Indicator, dimension: Dimension, subgroup: string | undefined): string {
  if (indicator.unit !== 'percentage') {
    throw badRequest(`${indicator.name} is een gemiddelde: een trechterdiagram bestaat alleen voor percentages, want een gemiddelde heeft geen interval`, {
      indicator: indicator.code,
    });
  }
  const groups: readonly string[] = DIMENSIONS[dimension];
  const group = subgroup ?? groups[0];
  if (group === undefined || !groups.includes(group))
    throw badRequest(`Groep '${group}' hoort niet bij de uitsplitsing ${dimension}; kies uit ${groups.join(', ')}`);
  return group;
}

/** The members and indicators of an overview, checked: an unknown gemeente, indicator or cohort is a 404. */
export async function resolveOverview(ctx: QueryContext, q: OverviewQuery) {
  // A known cohort an indicator lacks gives that indicator's latest, as on the gemeente page.
  const [group, areas, catalogue] = await Promise.all([
    groupFor(ctx, q.group),
    allAreas(ctx),
    allIndicators(ctx),
    q.cohort ? requireCohort(ctx, q.cohort) : undefined,
  ]);
  const codes = group ? group.members : (q.areas ?? []);
  const members = codes.flatMap((c) => {
    const a = areas.get(c);
    return a?.level === 'gemeente' ? [a] : [];
  });
  const unknown = codes.filter((c) => areas.get(c)?.level !== 'gemeente');
  if (unknown.length) throw notFound(`Gemeente ${unknown.map((c) => `'${c}'`).join(', ')}`, { areas: unknown });
  const withValues = catalogue.filter((i) => i.cohorts.length > 0);
  const byCode = new Map(withValues.map((i) => [i.code, i]));
  const missing = (q.indicators ?? []).filter((c) => !byCode.has(c));
  if (missing.length) throw notFound(`Indicator ${missing.map((c) => `'${c}'`).join(', ')} (of zonder waarden)`, { indicators: missing });
  const indicators = q.indicators ? q.indicators.flatMap((c) => byCode.get(c) ?? []) : withValues;
  return { areas: members, group, indicators, cohort: q.cohort, benchmark: q.benchmark };
}

/**
 * `parent` as areas: its codes, every one known (an unknown one is the API's 404, naming them all),
 * or a group's gemeenten. The shape was checked by the schema (ParentParam).
 */
export async function resolveParent(ctx: QueryContext, parent: ParentParam | undefined): Promise<Parent | undefined> {
  if (parent === undefined) return undefined;
  const areas = await allAreas(ctx);
  if ('group' in parent) {
    const group = await requireGroup(ctx, parent.group);
    return { group, areas: group.members.flatMap((c) => areas.get(c) ?? []) };
  }
  const unknown = parent.areas.filter((c) => !areas.has(c));
  if (unknown.length === 1) throw notFound(`Gebied '${unknown[0]}'`, { area: unknown[0] });
  if (unknown.length) throw new HttpError(404, 'not_found', `Deze gebieden bestaan niet: ${unknown.join(', ')}`, { areas: unknown });
  return { areas: parent.areas.map((c) => areas.get(c)!) };
}

/**
 * The reference rates an expected value is made from: the indicator must be a share, not defined by
 * the breakdown itself, have wijk figures when wijken are asked, and Nederland must have a figure
 * for every group of the breakdown.
 */
export async function requireMixReference(
  ctx: QueryContext,
  indicator: Indicator,
  cohort: IndicatorCohort,
  level: 'gemeente' | 'wijk',
  dimension: MixDimension,
): Promise<MixReference> {
  const by = MIX_PHRASES[dimension];
  if (indicator.unit !== 'percentage') throw badRequest(`${indicator.name} is een gemiddelde, geen aandeel: een verwachte waarde bestaat alleen voor aandelen`);
  if (indicator.definedBy === dimension) throw badRequest(`${indicator.name} wordt bepaald door ${by}: standaardiseer op een andere uitsplitsing`);
  if (level === 'wijk' && !indicator.hasWijken) throw badRequest(`${indicator.name} heeft geen cijfers per wijk`);
  const reference = await mixReference(ctx, indicator, cohort, dimension);
  if ([...reference.values()].some((rate) => rate === null))
    throw badRequest(`${indicator.name} heeft voor ${cohort.label} geen landelijke cijfers naar ${by}`);
  return reference;
}

/** An indicator peers can do better on: a share (with an interval) that has a direction. */
export function requirePeerIndicator(indicator: Indicator): void {
  if (indicator.unit !== 'percentage')
    throw badRequest(`${indicator.name} is een gemiddelde zonder interval: vergelijkbare gemeenten zijn er niet op te toetsen`);
  if (indicator.higherIsBetter === null) throw badRequest(`${indicator.name} is een neutrale indicator: hoger is niet beter of slechter`);
}
