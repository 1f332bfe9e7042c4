import { verdictOf, type Indicator, type IndicatorCohort, type MixDimension, type PeerRow, type PeersResponse } from '@gka/shared';
import { adjustedPairDifference, pairDifference, type PairDifference } from '../stats/peers.ts';
import { expectedOf, standardise, type MixArea } from '../stats/standardise.ts';
import type { AreaDetail } from './areas.ts';
import type { QueryContext } from './context.ts';
import { areaDispersions } from './dispersion.ts';
import { expectedDispersion, mixArea, type Reference } from './expected.ts';
import { meta } from './meta.ts';
import { similarGroup } from './similar.ts';
import { selectValues, type ValueRow } from './values.ts';

/** Observed − expected with its variance, for comparing two areas' distance from their mix. */
function fromMix(mix: MixArea | 'hidden' | 'none' | undefined, tau2: number): { difference: number; variance: number } | null {
  if (typeof mix !== 'object') return null;
  const s = standardise(mix, tau2);
  const e = expectedOf(mix.groups);
  return s && e ? { difference: s.difference, variance: e.variance } : null;
}

/**
 * GET /peers: the vergelijkbare gemeenten of a gemeente that do significantly better on an indicator,
 * in its direction, with the size of the difference; largest first. Where both have an expected value
 * given the pupil mix, a peer must also be further above its own expectation: a better figure that
 * only reflects a more favourable mix is no example to call.
 */
/** What peers are judged on: a gemeente's vergelijkbare gemeenten and their and its own totals and groups. */
export type PeerValues = { members: string[]; rows: ValueRow[] };

/** The values of a gemeente and its peers for some indicators and cohorts, in one read (the profile asks for all at once). */
export async function peerValues(
  ctx: QueryContext,
  area: AreaDetail,
  indicators: readonly Pick<Indicator, 'code' | 'unit'>[],
  cohorts: readonly string[],
  dimension: MixDimension,
): Promise<PeerValues> {
  const members = (await similarGroup(ctx, `vergelijkbaar-${area.code}`))?.members ?? [];
  const units = new Map(indicators.map((i) => [i.code, i.unit]));
  const rows = await selectValues(
    ctx,
    { indicators: [...units.keys()], cohorts, dimensions: ['totaal', dimension], areas: [area.code, ...members] },
    (i) => units.get(i) ?? 'percentage',
  );
  return { members, rows };
}

export async function peersOf(
  ctx: QueryContext,
  indicator: Indicator | Omit<Indicator, 'cohorts'>,
  cohort: IndicatorCohort,
  area: AreaDetail,
  dimension: MixDimension,
  reference: Reference | null,
  values?: PeerValues,
): Promise<{ own: number | null; data: PeerRow[] }> {
  const [{ members, rows }, dispersions, mixDispersion] = await Promise.all([
    values ?? peerValues(ctx, area, [indicator], [cohort.code], dimension),
    areaDispersions(ctx, indicator, 'gemeente', cohort.code, 'totaal'),
    reference ? expectedDispersion(ctx, indicator.code, 'gemeente', cohort.code, dimension, reference) : null,
  ]);
  const codes = [area.code, ...members];
  const mine = rows.filter((r) => r.indicator === indicator.code && r.cohort === cohort.code);
  const totals = mine.filter((r) => r.dimension === 'totaal');
  const groups = mine.filter((r) => r.dimension === dimension);
  const tau2 = dispersions.get('totaal')?.tau2 ?? 0;
  const mixTau2 = mixDispersion?.tau2 ?? 0;
  const counts = new Map(totals.flatMap((r) => (r.numerator !== null && r.denominator ? [[r.area, { k: r.numerator, n: r.denominator, v: r }] as const] : [])));
  const mixes = new Map(
    reference
      ? codes.map(
          (c) =>
            [
              c,
              fromMix(
                mixArea(
                  groups.filter((g) => g.area === c),
                  reference,
                ),
                mixTau2,
              ),
            ] as const,
        )
      : [],
  );
  const own = counts.get(area.code);
  const ownMix = mixes.get(area.code) ?? null;
  const better = (d: PairDifference) => verdictOf(d.significance, indicator.higherIsBetter) === 'gunstig';
  const data: PeerRow[] = members.flatMap((peer) => {
    const theirs = counts.get(peer);
    if (!own || !theirs) return [];
    const d = pairDifference(theirs, own, tau2);
    if (!d || !better(d)) return [];
    const peerMix = mixes.get(peer) ?? null;
    const adjusted = peerMix && ownMix ? adjustedPairDifference(peerMix, ownMix, mixTau2) : null;
    if (adjusted && !better(adjusted)) return [];
    return [
      {
        area: peer,
        name: theirs.v.name,
        value: theirs.v.value!,
        ...d,
        adjustedDifference: adjusted?.difference ?? null,
        adjustedSignificance: adjusted?.significance ?? 'onbekend',
      },
    ];
  });
  data.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
  return { own: own?.v.value ?? null, data };
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
