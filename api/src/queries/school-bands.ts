import { ACHTERSTAND_INDICATOR, type AchterstandBand, type SimilarSchools } from '@gka/shared';
import { nearest, roundDown, roundUp } from '../stats/cells.ts';
import { compareWithBands, NO_COMPARISON, type BandSchool } from '../stats/school-bands.ts';
import { indicators } from './catalogue.ts';
import type { QueryContext } from './context.ts';
import { publishedCounts } from './dispersion.ts';

/** The bands of one indicator × school year and every school against its band, by school code. */
export type SchoolBands = { scoreCohort: { code: string; label: string }; bands: AchterstandBand[]; bySchool: ReadonlyMap<string, SimilarSchools> };

/**
 * Every school of Nederland with a published figure of the indicator in the school year, banded by
 * its achterstandsscore and compared with its band (stats/school-bands.ts). Only published cells go
 * in: a hidden school is in no band's pool and gets `onbekend`, so nothing published is made from
 * what was hidden. Null where there are no achterstandsscores. The same for every request of a data
 * version, so memoised: the table of one gemeente and the page of one school read the same bands.
 */
export function schoolBands(ctx: QueryContext, indicator: string, cohort: string): Promise<SchoolBands | null> {
  return ctx.memo.get(`schoolBands|${indicator}|${cohort}`, async () => {
    const latest = (await indicators(ctx)).find((i) => i.code === ACHTERSTAND_INDICATOR)?.cohorts.at(-1);
    if (!latest) return null;
    const scoreCohort = { code: latest.code, label: latest.label };
    const [scores, counts] = await Promise.all([
      publishedCounts(ctx, ACHTERSTAND_INDICATOR, 'school', [scoreCohort.code], 'totaal'),
      publishedCounts(ctx, indicator, 'school', [cohort], 'totaal'),
    ]);
    const schools = new Map<string, BandSchool>();
    // The score per 100 pupils, as the achterstandsscore is shown (its numerator is score × 100).
    for (const s of scores) if (s.grp === 'totaal') schools.set(s.area, { school: s.area, score: s.k / s.n, counts: null });
    for (const c of counts) {
      if (c.grp !== 'totaal') continue;
      const s = schools.get(c.area) ?? { school: c.area, score: null, counts: null };
      schools.set(c.area, { ...s, counts: { k: c.k, n: c.n } });
    }
    const list = [...schools.values()];
    const result = compareWithBands(list);
    const bands = result.bands.map((b): AchterstandBand => ({
      band: b.band + 1,
      from: b.from,
      to: b.to,
      schools: b.schools,
      numerator: b.k,
      denominator: b.n,
      value: b.value,
    }));
    const bySchool = new Map<string, SimilarSchools>();
    result.schools.forEach((c, i) => {
      const band = bands.find((b) => b.band === (c.band ?? -2) + 1);
      bySchool.set(c.school, {
        band: c.band === null ? null : c.band + 1,
        score: list[i]!.score,
        value: c.value,
        ciLow: roundDown(c.ciLow),
        ciHigh: roundUp(c.ciHigh),
        // A hidden school still lies in a band (its score is public): the band's share, not the school's.
        bandValue: c.bandValue ?? band?.value ?? null,
        difference: nearest(c.difference),
        differenceLow: roundDown(c.differenceLow),
        differenceHigh: roundUp(c.differenceHigh),
        significance: c.significance,
      });
    });
    return { scoreCohort, bands, bySchool };
  });
}

/** A school that is in no list of the bands (no score, no published figure): nothing to say. */
export const UNKNOWN_SIMILAR: SimilarSchools = { band: null, score: null, ...NO_COMPARISON };
