import { type Kysely, sql } from 'kysely';

/**
 * The key columns of `measure` in byte order ("C"). They hold ASCII codes, which every collation sorts
 * alike, but with "C" Postgres compares them with memcmp and abbreviated keys instead of strcoll: the
 * index builds of a national import sort ~3M keys twice, and every read descends the indexes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await sql`alter table measure
    alter column indicator type text collate "C", alter column cohort type text collate "C",
    alter column dimension type text collate "C", alter column grp type text collate "C",
    alter column area_code type text collate "C"`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table measure
    alter column indicator type text collate "default", alter column cohort type text collate "default",
    alter column dimension type text collate "default", alter column grp type text collate "default",
    alter column area_code type text collate "default"`.execute(db);
}
