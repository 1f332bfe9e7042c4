import { verdictOf, type Indicator, type IndicatorCohort, type MixDimension, type PeerRow, type PeersResponse } from '@gka/shared';
import { adjustedPairDifference, pairDifference, type PairDifference } from '../stats/peers.ts';
import { expectedOf, standardise, type MixArea } from '../stats/standardise.ts';
import type { AreaDetail } from './areas.ts';
import type { QueryContext } from './context.ts';
import { areaDispersions } from './dispersion.ts';
import { expectedDispersion, mixArea, type Reference } from './expected.ts';
import { groupBy } from './group-by.ts';
import { meta } from './meta.ts';
import { similarGroup } from './similar.ts';
import { selectValues } from './values.ts';

/** Observed − expected with its variance, for comparing two areas' distance from their mix. */
function fromMix(mix: MixArea | 'hidden' | 'none' | undefined, tau2: number): { difference: number; variance: number } | null {
  if (typeof mix !== 'object') return null;
  const s = standardise(mix, tau2);
  const e = expectedOf(mix.groups);
  return s && e ? { difference: s.difference, variance: e.variance } : null;
}

/** A gemeente as peers are judged: its counts of the totaal, and its distance from its expected value. */
type PeerEntry = { counts: { k: number; n: number; name: string; value: number | null } | null; mix: { difference: number; variance: number } | null };
/** Every gemeente's entry for one indicator × cohort × mix dimension, with the spreads that widen their differences. */
type PeerTable = { entries: ReadonlyMap<string, PeerEntry>; tau2: number; mixTau2: number };

/**
 * Every gemeente's counts and distance from its mix in one read: the same for every profile and
 * /peers of a data version, so memoised (342 gemeenten per indicator × cohort × dimension), where a
 * read of the gemeente and its peers per request was the profile's slowest query.
 */
function peerTable(
  ctx: QueryContext,
  indicator: Pick<Indicator, 'code' | 'unit'>,
  cohort: IndicatorCohort,
  dimension: MixDimension,
  reference: Reference | null,
): Promise<PeerTable> {
  // The reference follows from indicator × cohort × dimension within a data version; only whether there is one goes in the key.
  return ctx.memo.get(`peerTable|${indicator.code}|${cohort.code}|${dimension}|${reference ? 'mix' : 'none'}`, async () => {
    const [rows, dispersions, mixDispersion] = await Promise.all([
      selectValues(ctx, { indicators: [indicator.code], cohorts: [cohort.code], dimensions: ['totaal', dimension], level: 'gemeente' }, () => indicator.unit),
      areaDispersions(ctx, indicator, 'gemeente', cohort.code, 'totaal'),
      reference ? expectedDispersion(ctx, indicator.code, 'gemeente', cohort.code, dimension, reference) : null,
    ]);
    const mixTau2 = mixDispersion?.tau2 ?? 0;
    const entries = new Map<string, PeerEntry>();
    const entry = (area: string) => entries.get(area) ?? entries.set(area, { counts: null, mix: null }).get(area)!;
    for (const r of rows) {
      if (r.dimension === 'totaal' && r.numerator !== null && r.denominator)
        entry(r.area).counts = { k: r.numerator, n: r.denominator, name: r.name, value: r.value };
    }
    const groups = groupBy(
      rows.filter((r) => r.dimension !== 'totaal'),
      (r) => r.area,
    );
    if (reference) for (const [area, cells] of groups) entry(area).mix = fromMix(mixArea(cells, reference), mixTau2);
    return { entries, tau2: dispersions.get('totaal')?.tau2 ?? 0, mixTau2 };
  });
}

/**
 * GET /peers: the vergelijkbare gemeenten of a gemeente that do significantly better on an indicator,
 * in its direction, with the size of the difference; largest first. Where both have an expected value
 * given the pupil mix, a peer must also be further above its own expectation: a better figure that
 * only reflects a more favourable mix is no example to call.
 */
export async function peersOf(
  ctx: QueryContext,
  indicator: Indicator | Omit<Indicator, 'cohorts'>,
  cohort: IndicatorCohort,
  area: AreaDetail,
  dimension: MixDimension,
  reference: Reference | null,
): Promise<{ own: number | null; data: PeerRow[] }> {
  const [group, { entries, tau2, mixTau2 }] = await Promise.all([
    similarGroup(ctx, `vergelijkbaar-${area.code}`),
    peerTable(ctx, indicator, cohort, dimension, reference),
  ]);
  const own = entries.get(area.code)?.counts;
  const ownMix = entries.get(area.code)?.mix ?? null;
  const better = (d: PairDifference) => verdictOf(d.significance, indicator.higherIsBetter) === 'gunstig';
  const data: PeerRow[] = (group?.members ?? []).flatMap((peer) => {
    const theirs = entries.get(peer)?.counts;
    if (!own || !theirs) return [];
    const d = pairDifference(theirs, own, tau2);
    if (!d || !better(d)) return [];
    const peerMix = entries.get(peer)?.mix ?? null;
    const adjusted = peerMix && ownMix ? adjustedPairDifference(peerMix, ownMix, mixTau2) : null;
    if (adjusted && !better(adjusted)) return [];
    return [
      {
        area: peer,
        name: theirs.name,
        value: theirs.value!,
        ...d,
        adjustedDifference: adjusted?.difference ?? null,
        adjustedSignificance: adjusted?.significance ?? 'onbekend',
      },
    ];
  });
  data.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
  return { own: own?.value ?? null, data };
}

/** GET /peers, with the gemeente's own value and the group the peers come from. */
export async function peersView(
  ctx: QueryContext,
  indicator: Indicator,
  cohort: IndicatorCohort,
  area: AreaDetail,
  dimension: MixDimension,
  reference: Reference | null,
): Promise<PeersResponse> {
  const [{ own, data }, m] = await Promise.all([peersOf(ctx, indicator, cohort, area, dimension, reference), meta(ctx, indicator, cohort)]);
  return { area: { code: area.code, name: area.name, value: own }, group: `vergelijkbaar-${area.code}`, data, meta: m };
}
