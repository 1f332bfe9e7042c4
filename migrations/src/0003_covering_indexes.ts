import { type Kysely, sql } from 'kysely';

/**
 * Both read paths of `measure` answered from an index alone. `values` probes measure_pk
 * per area; trend and profile read one area's rows, which a load in primary-key order (`gka demo`)
 * scatters over the heap, one page per row. With the counts carried in both indexes, an index-only
 * scan touches a few leaf pages instead, once VACUUM has set the visibility map (the importers run
 * it after commit). The area index now holds the full key, so one range scan serves an area.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Building two indexes over a national table sorts ~3M keys each; the default 64 MB spills to disk.
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await sql`alter table measure drop constraint measure_pk,
    add constraint measure_pk primary key (indicator, cohort, dimension, area_code, grp) include (numerator, denominator)`.execute(db);
  await sql`drop index measure_area_idx`.execute(db);
  await sql`create index measure_area_idx on measure (area_code, indicator, cohort, dimension, grp) include (numerator, denominator)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table measure drop constraint measure_pk,
    add constraint measure_pk primary key (indicator, cohort, dimension, area_code, grp)`.execute(db);
  await sql`drop index measure_area_idx`.execute(db);
  await sql`create index measure_area_idx on measure (area_code, indicator)`.execute(db);
}
