import type { Db } from '../../api/src/db/connect.ts';
import { DIMENSIONS } from '@gka/shared';

/**
 * A small fictitious region for the browser tests: a 3 × 2 grid of gemeenten (two GKA), four
 * wijken each (one too small, so suppressed), four cohorts with the COVID cohort 2020-2021, and
 * measures for three indicators in every group. Deterministic, marked synthetic.
 */
export const GEMEENTEN = ['GM9901', 'GM9902', 'GM9903', 'GM9904', 'GM9905', 'GM9906'];
export const COHORTS = ['2018-2019', '2019-2020', '2020-2021', '2021-2022'];
export const INDICATORS = ['advies_havo_vwo', 'heroverweging', 'zittenblijven'];

const NAMES = ['Noorderstad', 'Zuidwaard', 'Oosterveen', 'Westerdijk', 'Middelburcht', 'Heidedorp'];
const WIJKEN = ['Centrum', 'Haven', 'Park', 'Dorp'];

function rect(x: number, y: number, w: number, h: number) {
  return { type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] };
}

export async function seedRegion(db: Db): Promise<void> {
  const [ds] = await db
    .insertInto('dataset')
    .values({ kind: 'demo', source: 'e2e-fictieve-regio', synthetic: true, row_count: 0 })
    .returning('id')
    .execute();
  const areas = GEMEENTEN.flatMap((code, i) => {
    const x = 5 + (i % 3) * 0.4;
    const y = 52 + Math.floor(i / 3) * 0.3;
    return [
      {
        code, level: 'gemeente' as const, name: NAMES[i], parent_code: 'NL01', stedelijkheid: (i % 5) + 1,
        inwoners: 20000 + i * 15000, provincie: 'Fictief', gka_lid: i < 2, gka_sinds: i < 2 ? '2019-06-01' : null,
        geometry: JSON.stringify(rect(x, y, 0.4, 0.3)), dataset_id: ds.id, indeling_jaar: 2024,
        omgevingsadressendichtheid: [2600, 1800, 1200, 700, 300, 2600][i],
      },
      ...WIJKEN.map((name, j) => ({
        code: `WK${code.slice(2)}0${j}`, level: 'wijk' as const, name: `${name} ${NAMES[i]}`, parent_code: code,
        stedelijkheid: null, inwoners: 5000, provincie: 'Fictief', gka_lid: false, gka_sinds: null,
        geometry: JSON.stringify(rect(x + (j % 2) * 0.2, y + Math.floor(j / 2) * 0.15, 0.2, 0.15)), dataset_id: ds.id,
        indeling_jaar: 2024, omgevingsadressendichtheid: null,
      })),
    ];
  });
  await db.insertInto('area').values(areas).execute();
  await db
    .insertInto('cohort')
    .values(
      COHORTS.map((code, i) => ({
        code, label: code, school_years: [code], sort_order: i, covid: code === '2020-2021',
        note: code === '2020-2021' ? 'De eindtoets ging in 2020 niet door; de examens van 2020 en 2021 waren makkelijker te halen.' : null,
      })),
    )
    .execute();

  const measures = [];
  const wijkCodes = areas.filter((a) => a.level === 'wijk').map((a) => a.code);
  for (const [ii, indicator] of INDICATORS.entries())
    for (const [ci, cohort] of COHORTS.entries()) {
      if (indicator === 'heroverweging' && cohort === '2020-2021') continue; // not available, never zero
      for (const [ai, area] of wijkCodes.entries())
        for (const [dimension, groups] of Object.entries(DIMENSIONS))
          for (const [gi, grp] of groups.entries()) {
            const small = ai % 4 === 3;
            const denominator = small ? 6 : 40 + ((ai * 37 + gi * 11 + ci * 5) % 90);
            const base = [0.45, 0.2, 0.06][ii] + (dimension === 'opleiding_ouders' ? (gi - 1) * 0.2 : 0) + ((ai * 7) % 10) / 40 - ci * 0.01;
            const numerator = Math.max(0, Math.min(denominator, Math.round(denominator * base)));
            measures.push({ indicator, cohort, dimension, grp, area_code: area, numerator, denominator, dataset_id: ds.id });
          }
    }
  // Gemeenten are the sums of their wijken (pooled counts), as a real delivery would hold them.
  const sums = new Map<string, (typeof measures)[number]>();
  for (const m of measures) {
    const g = `GM${m.area_code.slice(2, 6)}`;
    const key = [m.indicator, m.cohort, m.dimension, m.grp, g].join('|');
    const s = sums.get(key) ?? { ...m, area_code: g, numerator: 0, denominator: 0 };
    s.numerator += m.numerator;
    s.denominator += m.denominator;
    sums.set(key, s);
  }
  const all = [...measures, ...sums.values()];
  for (let i = 0; i < all.length; i += 2000) await db.insertInto('measure').values(all.slice(i, i + 2000)).execute();
  await db.updateTable('dataset').set({ row_count: all.length }).where('id', '=', ds.id).execute();
}
