import { type Kysely, sql } from 'kysely';

/**
 * What a source itself says about one of its figures: CBS flags the achterstandsscore of a school
 * with 40 pupils or fewer as unreliable (code `a`). Kept beside `measure`, not in it: a hundred rows
 * against millions, and a rebuild of measure (disclosure) must not lose them. One note per area's
 * totaal of an indicator × cohort; the import that writes the figure writes its notes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table measure_note (
      indicator text not null references indicator(code) on delete cascade,
      cohort text not null references cohort(code) on delete cascade,
      area_code text not null references area(code) on delete cascade,
      note text not null check (note in ('onbetrouwbaar')),
      primary key (indicator, cohort, area_code)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table measure_note`.execute(db);
}
