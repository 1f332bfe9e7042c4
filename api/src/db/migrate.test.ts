import { afterEach, describe, expect, it } from 'vitest';
import { sql, type Kysely, type Migration } from 'kysely';
import { migrations } from '@gka/migrations';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { migrateToLatest } from './migrate.ts';
import { viaKysely } from './raw.ts';
import { ensureDisclosure } from '../disclosure/store.ts';
import { TOETSEN } from '../importers/duo/eindtoets.ts';
import { REFERENTIENIVEAUS } from '../importers/duo/referentieniveaus.ts';

/** The migrations that come before the one numbered `number`, as a database made back then had them. */
const migrationsBefore = (number: string) => Object.fromEntries(Object.entries(migrations).filter(([name]) => name < number));

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.drop();
  t = undefined;
});

async function tables(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(db);
  return rows.map((r) => r.table_name);
}

const broken: Migration = {
  async up(db) {
    await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
    await sql`insert into area (code, level, name) values ('GM9999', 'gemeente', 'Halverwege')`.execute(db);
    await sql`select * from table_that_does_not_exist`.execute(db);
  },
};

describe('migrations', () => {
  it('create the schema with seeded breakdowns and the national area', async () => {
    t = await createTestDatabase();
    expect(await tables(t.db)).toEqual([
      'account',
      'account_session',
      'area',
      'area_group',
      'area_group_member',
      'audit_log',
      'breakdown_group',
      'cohort',
      'covid_note',
      'dataset',
      'dimension',
      'disclosure',
      'disclosure_setting',
      'dossier_item',
      'dossier_version',
      'indicator',
      'login_failure',
      'measure',
      'measure_note',
      'password_link',
      'school',
    ]);
    const groups = await t.db.selectFrom('breakdown_group').select(['dimension', 'grp']).execute();
    expect(groups).toHaveLength(12);
    expect(await t.db.selectFrom('area').selectAll().execute()).toMatchObject([{ code: 'NL01', level: 'land' }]);
    // Both read paths (by indicator, by area) have a covering index: index-only scans.
    const { rows } = await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes where tablename = 'measure' order by indexname`.execute(t.db);
    expect(rows.map((r) => r.indexname)).toEqual(['measure_area_idx', 'measure_pk']);
    expect(rows[0]!.indexdef).toContain('(area_code, indicator, cohort, dimension, grp) INCLUDE (numerator, denominator, hidden)');
    expect(rows[1]!.indexdef).toContain('(indicator, cohort, dimension, area_code, grp) INCLUDE (numerator, denominator, hidden)');
  });

  it('keep every measure when 0004 puts the key columns in byte order', async () => {
    t = await createTestDatabase({ migrate: false });
    const before0004 = migrationsBefore('0004');
    await migrateToLatest(t.db, before0004);
    await t.db.insertInto('cohort').values({ code: '2020-2021', label: '2020-2021' }).execute();
    const rows = ['advies_havo_vwo', 'heroverweging'].map((indicator, i) => ({
      indicator,
      cohort: '2020-2021',
      dimension: 'totaal',
      grp: 'totaal',
      area_code: 'NL01',
      numerator: 3 + i,
      denominator: 7,
      dataset_id: null,
    }));
    await t.db.insertInto('measure').values(rows).execute();
    await migrateToLatest(t.db);
    // 0005: rows from before disclosure control are hidden until a decision is made (see the next test).
    expect(await t.db.selectFrom('measure').selectAll().orderBy('indicator').execute()).toEqual(rows.map((r) => ({ ...r, hidden: true })));
    const { rows: columns } = await sql<{ column_name: string; collation_name: string | null }>`
      select column_name, collation_name from information_schema.columns where table_name = 'measure' and data_type = 'text' order by column_name`.execute(
      t.db,
    );
    expect(columns).toEqual(['area_code', 'cohort', 'dimension', 'grp', 'indicator'].map((column_name) => ({ column_name, collation_name: 'C' })));
  });

  it('are idempotent: a second run does nothing', async () => {
    t = await createTestDatabase();
    expect(await migrateToLatest(t.db)).toEqual([]);
    // The twelve of 0002, the achterstandsscore of 0011, the schooladviezen by school and six more toetsen of 0012,
    // and the six referentieniveaus of 0017.
    const codes = (await t.db.selectFrom('indicator').select('code').orderBy('sort_order').execute()).map((i) => i.code);
    expect(codes).toHaveLength(26);
    // Every toets and referentieniveau the DUO importer reads has its indicator (the importer and the migrations each list them).
    expect(codes).toEqual(expect.arrayContaining(TOETSEN.map((t) => t.indicator)));
    expect(codes).toEqual(expect.arrayContaining(REFERENTIENIVEAUS.map((r) => r.indicator)));
    // The context indicator stays last.
    expect(codes.at(-1)).toBe('achterstandsscore');
  });

  it('hide measures from before 0005 until the next start decides them with the configured threshold', async () => {
    t = await createTestDatabase({ migrate: false });
    const before0005 = migrationsBefore('0005');
    await migrateToLatest(t.db, before0005);
    await t.db.insertInto('cohort').values({ code: '2020-2021', label: '2020-2021' }).execute();
    const row = { indicator: 'advies_havo_vwo', cohort: '2020-2021', dimension: 'totaal', grp: 'totaal', numerator: 6, denominator: 12, dataset_id: null };
    await t.db.insertInto('area').values({ code: 'GM0001', level: 'gemeente', name: 'Voorbeeld', parent_code: 'NL01' }).execute();
    await t.db
      .insertInto('measure')
      .values([
        { ...row, area_code: 'NL01', numerator: 100, denominator: 120 },
        { ...row, area_code: 'GM0001' },
      ])
      .execute();
    await migrateToLatest(t.db);
    const hidden = () => t!.db.selectFrom('measure').select(['area_code', 'hidden']).orderBy('area_code').execute();
    expect(await hidden()).toEqual([
      { area_code: 'GM0001', hidden: true },
      { area_code: 'NL01', hidden: true },
    ]);
    // What openDatabase does after migrating: threshold 10 publishes both; threshold 13 hides the gemeente
    // (12 pupils), and then Nederland too, which would otherwise give it away.
    const decide = (minCell: number) => t!.db.transaction().execute((trx) => ensureDisclosure(viaKysely(trx), minCell));
    expect((await decide(10)).map((p) => [p.indicator, p.cohort])).toEqual([['advies_havo_vwo', '2020-2021']]);
    expect(await hidden()).toEqual([
      { area_code: 'GM0001', hidden: false },
      { area_code: 'NL01', hidden: false },
    ]);
    expect(await decide(10)).toEqual([]);
    await decide(13);
    expect(await hidden()).toEqual([
      { area_code: 'GM0001', hidden: true },
      { area_code: 'NL01', hidden: true },
    ]);
    expect(await t.db.selectFrom('disclosure').select(['min_cell', 'primary_hidden', 'secondary_hidden']).execute()).toEqual([
      { min_cell: 13, primary_hidden: 1, secondary_hidden: 1 },
    ]);
  });

  it('give DUO school years codes of their own in 0008, apart from the GKA cohort with the same years in its name', async () => {
    t = await createTestDatabase({ migrate: false });
    await migrateToLatest(t.db, migrationsBefore('0008'));
    // Before 0008: the demo's GKA cohort 2018-2019 and DUO's school year 2018-2019 were one row.
    await t.db
      .insertInto('cohort')
      .values([
        { code: '2018-2019', label: 'Cohort 2018-2019', school_years: ['2017-2018', '2018-2019'], covid: false, note: null, sort_order: 2018 },
        { code: '2019-2020', label: 'Schooljaar 2019-2020', school_years: ['2019-2020'], covid: true, note: 'Coronajaar', sort_order: 2019 },
        { code: '2022-2023', label: '2022-2023', sort_order: 2022 },
      ] as never)
      .execute();
    const row = { dimension: 'totaal', grp: 'totaal', area_code: 'NL01', numerator: 9, denominator: 10, dataset_id: null };
    await t.db
      .insertInto('measure')
      .values([
        { ...row, indicator: 'advies_havo_vwo', cohort: '2018-2019' },
        { ...row, indicator: 'advies_havo_vwo', cohort: '2022-2023' },
        { ...row, indicator: 'slagingspercentage_vo', cohort: '2018-2019' },
        { ...row, indicator: 'slagingspercentage_vo', cohort: '2019-2020' },
      ])
      .execute();
    await t.db
      .insertInto('disclosure')
      .values({ indicator: 'slagingspercentage_vo', cohort: '2019-2020', min_cell: 10, cells: 1, primary_hidden: 0, secondary_hidden: 0 })
      .execute();
    await migrateToLatest(t.db);

    const measures = await t.db.selectFrom('measure').select(['indicator', 'cohort']).orderBy('indicator').orderBy('cohort').execute();
    expect(measures).toEqual([
      { indicator: 'advies_havo_vwo', cohort: '2018-2019' },
      { indicator: 'advies_havo_vwo', cohort: '2022-2023' },
      { indicator: 'slagingspercentage_vo', cohort: 'sj2018-2019' },
      { indicator: 'slagingspercentage_vo', cohort: 'sj2019-2020' },
    ]);
    expect(await t.db.selectFrom('cohort').select(['code', 'label', 'school_years']).orderBy('code').execute()).toEqual([
      { code: '2018-2019', label: 'Cohort 2018-2019', school_years: ['2017-2018', '2018-2019'] },
      // Made by a values import from a GKA code: now with the groep-8 years it pools.
      { code: '2022-2023', label: 'Cohort 2022-2023', school_years: ['2021-2022', '2022-2023'] },
      { code: 'sj2018-2019', label: 'Schooljaar 2018-2019', school_years: ['2018-2019'] },
      { code: 'sj2019-2020', label: 'Schooljaar 2019-2020', school_years: ['2019-2020'] },
    ]);
    expect(await t.db.selectFrom('disclosure').select(['indicator', 'cohort']).execute()).toEqual([
      { indicator: 'slagingspercentage_vo', cohort: 'sj2019-2020' },
    ]);
    const notes = await t.db.selectFrom('covid_note').select(['indicator', 'school_year']).where('indicator', '=', 'havo_vwo_lj3').execute();
    expect(notes.map((n) => n.school_year)).not.toContain('2019-2020');
  });

  it('give databases from before 0006 plain indicator sources', async () => {
    t = await createTestDatabase({ migrate: false });
    await migrateToLatest(t.db, migrationsBefore('0006'));
    // What 0002 wrote before it was corrected.
    await t.db
      .updateTable('indicator')
      .set({ source: 'GKA-monitor (CBS-levering, zie § 4.2 van een document buiten het product)' })
      .where('code', '=', 'advies_havo_vwo')
      .execute();
    await migrateToLatest(t.db);
    const sources = await t.db.selectFrom('indicator').select('source').distinct().execute();
    expect(sources.map((s) => s.source).sort()).toEqual([
      'CBS, Achterstandsscores per basisschoolvestiging 2019 (Tabel 1), naar vestiging van de school',
      'DUO Open Onderwijsdata, Gemiddelde eindscores per schoolvestiging, naar vestigingsplaats van de school',
      'DUO Open Onderwijsdata, Leerlingen basisonderwijs naar referentieniveau per schoolvestiging, naar vestigingsplaats van de school',
      'DUO Open Onderwijsdata, Schooladviezen per schoolvestiging, naar vestigingsplaats van de school',
      'DUO Open Onderwijsdata, naar vestigingsplaats van de school',
      'GKA-monitor: levering van het CBS per gemeente en wijk',
    ]);
  });

  it('leave an empty database unchanged when one migration fails', async () => {
    t = await createTestDatabase({ migrate: false });
    await expect(migrateToLatest(t.db, { ...migrations, '9999_broken': broken })).rejects.toThrow(/9999_broken mislukt, niets gewijzigd/);
    expect(await tables(t.db)).toEqual([]);
  });

  it('leave a migrated database and its data unchanged when a later migration fails', async () => {
    t = await createTestDatabase();
    await t.db.insertInto('area').values({ code: 'GM0001', level: 'gemeente', name: 'Voorbeeld', parent_code: 'NL01' }).execute();
    const before = await t.db.selectFrom('area').selectAll().orderBy('code').execute();
    await expect(migrateToLatest(t.db, { ...migrations, '9999_broken': broken })).rejects.toThrow(/niets gewijzigd/);
    expect(await tables(t.db)).not.toContain('half_done');
    expect(await t.db.selectFrom('area').selectAll().orderBy('code').execute()).toEqual(before);
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(t.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
  });

  it('reject measures with negative counts or unknown breakdown groups', async () => {
    t = await createTestDatabase();
    await t.db.insertInto('cohort').values({ code: '2020-2021', label: '2020-2021' }).execute();
    const row = { indicator: 'advies_havo_vwo', cohort: '2020-2021', dimension: 'totaal', grp: 'totaal', area_code: 'NL01', numerator: 1, denominator: 2 };
    await expect(
      t.db
        .insertInto('measure')
        .values({ ...row, numerator: -1 })
        .execute(),
    ).rejects.toThrow(/measure_counts_check/);
    await expect(
      t.db
        .insertInto('measure')
        .values({ ...row, grp: 'laag' })
        .execute(),
    ).rejects.toThrow(/measure_group_fk/);
    await t.db.insertInto('measure').values(row).execute();
    expect(await t.db.selectFrom('measure').select(['numerator', 'denominator']).execute()).toEqual([{ numerator: 1, denominator: 2 }]);
  });
});
