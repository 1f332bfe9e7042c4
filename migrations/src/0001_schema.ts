import { type Kysely, sql } from 'kysely';

/** The schema (docs/architecture.md): areas, cohorts, indicators, breakdowns, measures and datasets. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dataset')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('notes', 'jsonb')
    .execute();

  await db.schema
    .createTable('area')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('land', 'gemeente', 'wijk')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text', (c) => c.references('area.code').onDelete('cascade'))
    .addColumn('indeling_jaar', 'integer')
    .addColumn('stedelijkheid', 'smallint', (c) => c.check(sql`stedelijkheid between 1 and 5`))
    .addColumn('omgevingsadressendichtheid', 'integer')
    .addColumn('inwoners', 'integer')
    .addColumn('provincie', 'text')
    .addColumn('gka_lid', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('gka_sinds', 'date')
    // KWB attributes that drive the demo generator (shares of low income, education levels, ...).
    .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Simplified GeoJSON geometry (WGS84); the machine's Postgres has no PostGIS, and the web only needs GeoJSON.
    .addColumn('geometry', 'jsonb')
    .addColumn('dataset_id', 'integer', (c) => c.references('dataset.id'))
    .execute();
  await db.schema.createIndex('area_level_parent_idx').on('area').columns(['level', 'parent_code']).execute();

  await db.schema
    .createTable('cohort')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('school_years', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('covid', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('note', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('indicator')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('numerator_definition', 'text', (c) => c.notNull())
    .addColumn('denominator_definition', 'text', (c) => c.notNull())
    // 'percentage': numerator/denominator is a share; 'gemiddelde': numerator is a sum of scores.
    .addColumn('unit', 'text', (c) =>
      c
        .notNull()
        .defaultTo('percentage')
        .check(sql`unit in ('percentage', 'gemiddelde')`),
    )
    // true: higher is better, false: lower is better, null: neutral.
    .addColumn('higher_is_better', 'boolean')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('dimension')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('breakdown_group')
    .addColumn('dimension', 'text', (c) => c.notNull().references('dimension.code'))
    .addColumn('grp', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('breakdown_group_pk', ['dimension', 'grp'])
    .execute();

  await db.schema
    .createTable('measure')
    .addColumn('indicator', 'text', (c) => c.notNull().references('indicator.code').onDelete('cascade'))
    .addColumn('cohort', 'text', (c) => c.notNull().references('cohort.code').onDelete('cascade'))
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('grp', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code').onDelete('cascade'))
    .addColumn('numerator', 'bigint', (c) => c.notNull())
    .addColumn('denominator', 'bigint', (c) => c.notNull())
    .addColumn('dataset_id', 'integer', (c) => c.references('dataset.id'))
    // The read path of `values`: one indicator × cohort × dimension, all areas of a level.
    .addPrimaryKeyConstraint('measure_pk', ['indicator', 'cohort', 'dimension', 'area_code', 'grp'])
    .addForeignKeyConstraint('measure_group_fk', ['dimension', 'grp'], 'breakdown_group', ['dimension', 'grp'])
    .addCheckConstraint('measure_counts_check', sql`denominator >= 0 and numerator >= 0`)
    .execute();
  // trend and profile read one area across cohorts and indicators.
  await db.schema.createIndex('measure_area_idx').on('measure').columns(['area_code', 'indicator']).execute();

  await sql`insert into dimension (code, label) values
    ('totaal', 'Totaal'), ('opleiding_ouders', 'Opleiding ouders'), ('inkomen_ouders', 'Inkomen ouders'),
    ('migratieachtergrond', 'Migratieachtergrond'), ('geslacht', 'Geslacht')`.execute(db);
  await sql`insert into breakdown_group (dimension, grp, label, sort_order) values
    ('totaal', 'totaal', 'Totaal', 0),
    ('opleiding_ouders', 'laag', 'Laag', 1), ('opleiding_ouders', 'midden', 'Midden', 2), ('opleiding_ouders', 'hoog', 'Hoog', 3),
    ('inkomen_ouders', 'laag', 'Laag', 1), ('inkomen_ouders', 'midden', 'Midden', 2), ('inkomen_ouders', 'hoog', 'Hoog', 3),
    ('migratieachtergrond', 'nederland', 'Nederland', 1), ('migratieachtergrond', 'europa', 'Europa', 2),
    ('migratieachtergrond', 'buiten_europa', 'Buiten Europa', 3),
    ('geslacht', 'jongen', 'Jongen', 1), ('geslacht', 'meisje', 'Meisje', 2)`.execute(db);
  await sql`insert into area (code, level, name) values ('NL01', 'land', 'Nederland')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['measure', 'breakdown_group', 'dimension', 'indicator', 'cohort', 'area', 'dataset']) {
    await db.schema.dropTable(t).execute();
  }
}
