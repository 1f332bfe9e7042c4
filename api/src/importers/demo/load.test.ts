import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { importFixtureRegion } from '../geo/fixtures.ts';
import { loadDemo } from './load.ts';
import { DEMO_INDICATORS } from './model.ts';

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.drop();
  t = undefined;
});

async function withRegion(): Promise<TestDatabase> {
  t = await createTestDatabase();
  await importFixtureRegion(t.db);
  return t;
}

const measures = (db: TestDatabase['db']) =>
  db
    .selectFrom('measure')
    .select(['indicator', 'cohort', 'dimension', 'grp', 'area_code', 'numerator', 'denominator'])
    .orderBy(['indicator', 'cohort', 'dimension', 'area_code', 'grp'])
    .execute();

async function keys(db: TestDatabase['db']) {
  const { rows } = await sql<{ name: string; def: string }>`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'measure'::regclass
    union all select indexname, indexdef from pg_indexes where tablename = 'measure' order by 1, 2`.execute(db);
  return rows;
}

describe('loadDemo', () => {
  it('loads every area × group of each indicator × cohort it can have in one synthetic dataset and marks GKA gemeenten', async () => {
    const { db, url } = await withRegion();
    const before = await keys(db);
    const result = await loadDemo(url, { seed: 3 });
    const areas = await db.selectFrom('area').select('code').execute();
    // Six cohorts of nine indicators, less stapelaars vo and mbo and opleidingsmobiliteit of 2022-2023 (not measurable yet).
    expect(result.rows).toBe(areas.length * (6 * DEMO_INDICATORS.length - 3) * 12);
    const stored = await db.selectFrom('measure').select('indicator').distinct().where('cohort', '=', '2022-2023').execute();
    expect(stored.map((r) => r.indicator).sort()).toEqual(
      DEMO_INDICATORS.filter((i) => !['stapelen_vo', 'stapelen_mbo', 'opleidingsmobiliteit'].includes(i)).sort(),
    );
    expect(result.areas).toBe(areas.length);
    const count = (pooled: boolean) =>
      db
        .selectFrom('measure')
        .innerJoin('cohort', 'cohort.code', 'measure.cohort')
        .where(sql<boolean>`(cohort.pooled <> '{}') = ${pooled}`)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
    expect(await count(false)).toEqual({ n: result.rows });
    // Besides: each indicator's four cohorts before COVID together, one pooled row per area and group.
    expect(await count(true)).toEqual({ n: areas.length * DEMO_INDICATORS.length * 12 });

    const datasets = await db.selectFrom('dataset').selectAll().where('kind', '=', 'demo').execute();
    expect(datasets).toHaveLength(1);
    expect(datasets[0]).toMatchObject({ id: result.datasetId, synthetic: true, source: 'pnpm gka demo (seed 3)', row_count: result.rows });
    expect(JSON.stringify(datasets[0]!.notes)).toMatch(/demoset/);

    const cohorts = await db.selectFrom('cohort').selectAll().orderBy('sort_order').execute();
    expect(cohorts.map((c) => c.code)).toEqual(['2012-2013', '2014-2015', '2016-2017', '2018-2019', '2020-2021', '2022-2023', '2012-2013_2018-2019']);
    expect(cohorts.at(-1)).toMatchObject({ label: 'Cohorten 2012-2013 t/m 2018-2019 samen', pooled: ['2012-2013', '2014-2015', '2016-2017', '2018-2019'] });
    expect(cohorts[4]).toMatchObject({ label: 'Cohort 2020-2021', school_years: ['2019-2020', '2020-2021'] });

    // Four fictitious gemeenten: ceil(4 × 101/342) = 2 members, the two largest.
    const gka = await db.selectFrom('area').select(['code', 'gka_sinds']).where('gka_lid', '=', true).orderBy('code').execute();
    expect(gka.map((g) => g.code)).toEqual(result.gka.map((m) => m.code));
    expect(gka).toHaveLength(2);
    // The bulk load restores the primary key, foreign keys and indexes exactly.
    expect(await keys(db)).toEqual(before);
  });

  it('replaces its own earlier values, writes the same rows for the same seed and keeps other cohorts', async () => {
    const { db, url } = await withRegion();
    await db.insertInto('cohort').values({ code: '2030-2031', label: 'Toekomst' }).execute();
    const duo = {
      indicator: 'slagingspercentage_vo',
      cohort: '2030-2031',
      dimension: 'totaal',
      grp: 'totaal',
      area_code: 'GM9902',
      numerator: 90,
      denominator: 100,
    };
    await db.insertInto('measure').values(duo).execute();
    await loadDemo(url, { seed: 5 });
    const first = await measures(db);
    await db.updateTable('cohort').set({ label: 'veranderd' }).where('code', '=', '2012-2013').execute();
    const second = await loadDemo(url, { seed: 5 });
    expect(await measures(db)).toEqual(first);
    expect(first).toContainEqual(duo);
    expect(await db.selectFrom('dataset').select('id').where('kind', '=', 'demo').execute()).toEqual([{ id: second.datasetId }]);
    expect(await db.selectFrom('cohort').select(['code', 'label']).where('code', 'in', ['2030-2031', '2012-2013']).orderBy('code').execute()).toEqual([
      { code: '2012-2013', label: 'Cohort 2012-2013' },
      { code: '2030-2031', label: 'Toekomst' },
    ]);
  });

  it('refuses to overwrite values of other imports unless asked, and then changes nothing', async () => {
    const { db, url } = await withRegion();
    await db.insertInto('cohort').values({ code: '2018-2019', label: 'x' }).execute();
    const real = { indicator: 'advies_havo_vwo', cohort: '2018-2019', dimension: 'totaal', grp: 'totaal', area_code: 'GM9901', numerator: 1, denominator: 2 };
    await db.insertInto('measure').values(real).execute();
    await expect(loadDemo(url)).rejects.toThrow(/--replace/);
    expect(await measures(db)).toEqual([{ ...real, numerator: 1, denominator: 2 }]);
    expect(await db.selectFrom('dataset').select('id').where('kind', '=', 'demo').execute()).toEqual([]);

    await loadDemo(url, { replace: true });
    expect(
      await db
        .selectFrom('measure')
        .select('numerator')
        .where('area_code', '=', 'GM9901')
        .where('cohort', '=', '2018-2019')
        .where('indicator', '=', 'advies_havo_vwo')
        .where('dimension', '=', 'totaal')
        .executeTakeFirstOrThrow(),
    ).not.toEqual({ numerator: 1 });
  });

  it('says what to do when no boundaries are loaded', async () => {
    t = await createTestDatabase();
    await expect(loadDemo(t.url)).rejects.toThrow(/import-geo|download-geo/);
  });
});
