import type { Db } from '../db/connect.ts';
import { viaKysely } from '../db/raw.ts';
import { refreshDisclosure } from '../disclosure/store.ts';

/**
 * A small, fully known dataset for the API tests, inserted directly (independent of the importers):
 * three gemeenten (two GKA, two of stedelijkheid 1), four wijken with geometry, two cohorts of
 * which one COVID, two indicators (a percentage and a mean), and cells below the minimum of 10.
 */
export const SEED = {
  gemeenten: [
    { code: 'GM0001', name: 'Aastad', stedelijkheid: 1, gka: true, inwoners: 150000 },
    { code: 'GM0002', name: 'Beedorp', stedelijkheid: 1, gka: false, inwoners: 20000 },
    { code: 'GM0003', name: 'Ceeveen', stedelijkheid: 3, gka: true, inwoners: 45000 },
  ],
  wijken: [
    { code: 'WK000101', name: 'Aastad-Centrum', parent: 'GM0001' },
    { code: 'WK000102', name: 'Aastad-Noord', parent: 'GM0001' },
    { code: 'WK000201', name: 'Beedorp', parent: 'GM0002' },
    { code: 'WK000301', name: 'Ceeveen-Oost', parent: 'GM0003' },
  ],
  cohorts: [
    // School years as for a GKA cohort, but 2019-2020 without the COVID year 2019-2020: the seed's COVID cohort is 2020-2021 only.
    { code: '2019-2020', label: 'Cohort 2019-2020', school_years: ['2018-2019'], sort_order: 1 },
    { code: '2020-2021', label: 'Cohort 2020-2021', school_years: ['2019-2020', '2020-2021'], sort_order: 2 },
  ],
  /** The suppressed cell every leak test looks for (denominator 9 < 10). */
  suppressed: { area: 'WK000102', cohort: '2020-2021', indicator: 'advies_havo_vwo', dimension: 'totaal', grp: 'totaal', numerator: 7, denominator: 9 },
} as const;

type Measure = { area_code: string; cohort: string; indicator: string; dimension: string; grp: string; numerator: number; denominator: number };

/** [area, cohort] → [totaal, laag, midden, hoog] as [numerator, denominator] for advies_havo_vwo. */
const ADVIES: Record<string, [number, number][]> = {
  'NL01 2019-2020': [
    [45000, 100000],
    [6000, 25000],
    [18000, 45000],
    [21000, 30000],
  ],
  'GM0001 2019-2020': [
    [400, 1000],
    [50, 250],
    [180, 450],
    [170, 300],
  ],
  'GM0001 2020-2021': [
    [450, 1000],
    [60, 250],
    [200, 450],
    [190, 300],
  ],
  'GM0002 2019-2020': [
    [300, 500],
    [20, 100],
    [130, 250],
    [150, 150],
  ],
  'GM0002 2020-2021': [
    [320, 500],
    [3, 8],
    [140, 292],
    [177, 200],
  ],
  'GM0003 2019-2020': [
    [100, 400],
    [10, 100],
    [40, 200],
    [50, 100],
  ],
  'GM0003 2020-2021': [
    [120, 400],
    [12, 100],
    [50, 200],
    [58, 100],
  ],
  'WK000101 2019-2020': [
    [200, 500],
    [20, 100],
    [90, 250],
    [90, 150],
  ],
  'WK000101 2020-2021': [
    [240, 500],
    [25, 100],
    [100, 250],
    [115, 150],
  ],
  'WK000102 2019-2020': [
    [30, 60],
    [2, 5],
    [10, 25],
    [18, 30],
  ],
  'WK000102 2020-2021': [
    [7, 9],
    [1, 2],
    [3, 4],
    [3, 3],
  ],
  'WK000201 2019-2020': [
    [90, 150],
    [5, 20],
    [40, 80],
    [45, 50],
  ],
  'WK000201 2020-2021': [
    [95, 150],
    [6, 20],
    [44, 80],
    [45, 50],
  ],
  'WK000301 2019-2020': [
    [50, 200],
    [5, 50],
    [20, 100],
    [25, 50],
  ],
  'WK000301 2020-2021': [
    [60, 200],
    [6, 50],
    [25, 100],
    [29, 50],
  ],
};

/** eindtoets_gemiddelde (unit 'gemiddelde'): [sum of scores, pupils] for the gemeenten, totaal only. */
const EINDTOETS: Record<string, [number, number]> = {
  'GM0001 2019-2020': [535 * 1000, 1000],
  'GM0002 2019-2020': [538 * 500, 500],
  'GM0003 2019-2020': [532 * 400, 400],
  'GM0001 2020-2021': [536 * 1000, 1000],
};

export const SEED_MEASURES: Measure[] = [
  ...Object.entries(ADVIES).flatMap(([key, groups]) => {
    const [area_code, cohort] = key.split(' ') as [string, string];
    return (['totaal', 'laag', 'midden', 'hoog'] as const).map((grp, i) => ({
      area_code,
      cohort,
      indicator: 'advies_havo_vwo',
      dimension: grp === 'totaal' ? 'totaal' : 'opleiding_ouders',
      grp,
      numerator: groups[i]![0],
      denominator: groups[i]![1],
    }));
  }),
  ...Object.entries(EINDTOETS).map(([key, [numerator, denominator]]) => {
    const [area_code, cohort] = key.split(' ') as [string, string];
    return { area_code, cohort, indicator: 'eindtoets_gemiddelde', dimension: 'totaal', grp: 'totaal', numerator, denominator };
  }),
];

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 0.1, y],
      [x + 0.1, y + 0.1],
      [x, y + 0.1],
      [x, y],
    ],
  ],
});

export async function seed(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('dataset')
      .values({ kind: 'values', source: 'test-seed.csv', row_count: SEED_MEASURES.length, synthetic: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('area')
      .values(
        SEED.gemeenten.map((g, i) => ({
          code: g.code,
          level: 'gemeente' as const,
          name: g.name,
          parent_code: 'NL01',
          stedelijkheid: g.stedelijkheid,
          inwoners: g.inwoners,
          provincie: 'Testland',
          gka_lid: g.gka,
          gka_sinds: g.gka ? '2019-06-01' : null,
          geometry: JSON.stringify(square(5 + i, 52)),
          indeling_jaar: 2024,
          omgevingsadressendichtheid: null,
          dataset_id: id,
        })),
      )
      .execute();
    await trx
      .insertInto('area')
      .values(
        SEED.wijken.map((w, i) => ({
          code: w.code,
          level: 'wijk' as const,
          name: w.name,
          parent_code: w.parent,
          stedelijkheid: null,
          inwoners: null,
          provincie: 'Testland',
          indeling_jaar: 2024,
          omgevingsadressendichtheid: null,
          geometry: JSON.stringify(square(5 + i / 10, 53)),
          dataset_id: id,
        })),
      )
      .execute();
    await trx
      .insertInto('cohort')
      .values(SEED.cohorts.map((c) => ({ ...c, school_years: [...c.school_years] })))
      .execute();
    await trx
      .insertInto('measure')
      .values(SEED_MEASURES.map((m) => ({ ...m, dataset_id: id })))
      .execute();
    await refreshDisclosure(viaKysely(trx));
  });
}
