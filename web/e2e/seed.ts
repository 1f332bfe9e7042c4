import type { Db } from '../../api/src/db/connect.ts';
import { importFixtureRegion } from '../../api/src/importers/geo/fixtures.ts';
import { DIMENSIONS } from '@gka/shared';

/**
 * The browser tests' data: the fictitious fixture region through the real geo importer (4 gemeenten,
 * 16 wijken), GM9901 and GM9902 as GKA gemeenten, four cohorts with the COVID cohort 2020-2021, and
 * deterministic synthetic measures for three indicators in every group. The last wijk of every
 * gemeente is too small, so its cells are suppressed. Gemeenten hold the pooled counts of their wijken.
 */
export const COHORTS = ['2018-2019', '2019-2020', '2020-2021', '2021-2022'];
export const INDICATORS = ['advies_havo_vwo', 'heroverweging', 'zittenblijven'];

export async function seedRegion(db: Db): Promise<void> {
  await importFixtureRegion(db);
  await db.updateTable('area').set({ gka_lid: true, gka_sinds: '2019-06-01' }).where('code', 'in', ['GM9901', 'GM9902']).execute();
  await db
    .insertInto('cohort')
    .values(
      COHORTS.map((code, i) => ({
        code, label: code, school_years: [code], sort_order: i, covid: code === '2020-2021',
        note: code === '2020-2021' ? 'De eindtoets ging in 2020 niet door; de examens van 2020 en 2021 waren makkelijker te halen.' : null,
      })),
    )
    .execute();
  const [ds] = await db
    .insertInto('dataset')
    .values({ kind: 'demo', source: 'e2e: synthetische waarden voor de fictieve regio', synthetic: true })
    .returning('id')
    .execute();

  const wijken = await db.selectFrom('area').select(['code', 'parent_code']).where('level', '=', 'wijk').orderBy('code').execute();
  const last = new Map(wijken.map((w) => [w.parent_code, w.code]));
  const measures = [];
  for (const [ii, indicator] of INDICATORS.entries())
    for (const [ci, cohort] of COHORTS.entries()) {
      if (indicator === 'heroverweging' && cohort === '2020-2021') continue; // not available, never zero
      for (const [ai, { code, parent_code }] of wijken.entries())
        for (const [dimension, groups] of Object.entries(DIMENSIONS))
          for (const [gi, grp] of groups.entries()) {
            const denominator = last.get(parent_code) === code ? 6 : 40 + ((ai * 37 + gi * 11 + ci * 5) % 90);
            const base = [0.45, 0.2, 0.06][ii] + (dimension === 'opleiding_ouders' ? (gi - 1) * 0.2 : 0) + ((ai * 7) % 10) / 40 - ci * 0.01;
            const numerator = Math.max(0, Math.min(denominator, Math.round(denominator * base)));
            measures.push({ indicator, cohort, dimension, grp, area_code: code, numerator, denominator, dataset_id: ds.id });
          }
    }
  const sums = new Map<string, (typeof measures)[number]>();
  for (const m of measures) {
    const gemeente = `GM${m.area_code.slice(2, 6)}`;
    const key = [m.indicator, m.cohort, m.dimension, m.grp, gemeente].join('|');
    const s = sums.get(key) ?? { ...m, area_code: gemeente, numerator: 0, denominator: 0 };
    s.numerator += m.numerator;
    s.denominator += m.denominator;
    sums.set(key, s);
  }
  const all = [...measures, ...sums.values()];
  for (let i = 0; i < all.length; i += 2000) await db.insertInto('measure').values(all.slice(i, i + 2000)).execute();
  await db.updateTable('dataset').set({ row_count: all.length }).where('id', '=', ds.id).execute();
}
