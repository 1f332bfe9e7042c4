import { type Kysely, sql } from 'kysely';

/**
 * Pooled periods: a cohort row can stand for several cohorts of one indicator together (their
 * codes in `pooled`), with its own measure rows (the counts summed) and its own disclosure decision.
 * Ordinary cohorts have none. The rows are made by the API after every import.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table cohort add column pooled text[] not null default '{}'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from cohort where pooled <> '{}'`.execute(db);
  await sql`alter table cohort drop column pooled`.execute(db);
}
