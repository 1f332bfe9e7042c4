import { type Kysely, sql } from 'kysely';

/**
 * Disclosure control (docs/methodology.md): `measure.hidden` is the stored decision, the same for
 * every route and export. New rows are hidden until a decision is made (the safe default); the
 * process that migrates decides every indicator × cohort right after (api/src/disclosure/store.ts).
 * Both covering indexes carry the flag, so reads stay index-only. `disclosure` records per
 * indicator × cohort the threshold used and what was hidden; `disclosure_setting` is the threshold
 * in force, which importers read so that their decisions match the server's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await sql`alter table measure add column hidden boolean not null default true`.execute(db);
  await sql`alter table measure drop constraint measure_pk,
    add constraint measure_pk primary key (indicator, cohort, dimension, area_code, grp) include (numerator, denominator, hidden)`.execute(db);
  await sql`drop index measure_area_idx`.execute(db);
  await sql`create index measure_area_idx on measure (area_code, indicator, cohort, dimension, grp) include (numerator, denominator, hidden)`.execute(db);

  await db.schema
    .createTable('disclosure')
    .addColumn('indicator', 'text', (c) => c.notNull().references('indicator.code').onDelete('cascade'))
    .addColumn('cohort', 'text', (c) => c.notNull().references('cohort.code').onDelete('cascade'))
    .addColumn('min_cell', 'integer', (c) => c.notNull())
    .addColumn('cells', 'integer', (c) => c.notNull())
    .addColumn('primary_hidden', 'integer', (c) => c.notNull())
    .addColumn('secondary_hidden', 'integer', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('disclosure_pk', ['indicator', 'cohort'])
    .execute();
  await db.schema
    .createTable('disclosure_setting')
    .addColumn('id', 'boolean', (c) =>
      c
        .primaryKey()
        .defaultTo(true)
        .check(sql`id`),
    )
    .addColumn('min_cell', 'integer', (c) => c.notNull().check(sql`min_cell >= 1`))
    .execute();
  await sql`insert into disclosure_setting (min_cell) values (10)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('disclosure_setting').execute();
  await db.schema.dropTable('disclosure').execute();
  await sql`alter table measure drop constraint measure_pk,
    add constraint measure_pk primary key (indicator, cohort, dimension, area_code, grp) include (numerator, denominator)`.execute(db);
  await sql`drop index measure_area_idx`.execute(db);
  await sql`create index measure_area_idx on measure (area_code, indicator, cohort, dimension, grp) include (numerator, denominator)`.execute(db);
  await sql`alter table measure drop column hidden`.execute(db);
}
