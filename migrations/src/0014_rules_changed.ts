import { type Kysely, sql } from 'kysely';

/**
 * School years in which the rules of an indicator itself changed, so that a change into them says
 * nothing good or bad about the pupils: the central exams of 2020 were cancelled and those of 2021
 * and 2022 easier to pass; in 2020 the schooladvies could not be heroverwogen. Their COVID note says why.
 */
export const RULES_CHANGED: { indicator: string; school_year: string }[] = [
  { indicator: 'slagingspercentage_vo', school_year: '2019-2020' },
  { indicator: 'slagingspercentage_vo', school_year: '2020-2021' },
  { indicator: 'slagingspercentage_vo', school_year: '2021-2022' },
  { indicator: 'heroverweging', school_year: '2019-2020' },
  { indicator: 'bijstelling', school_year: '2019-2020' },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('covid_note')
    .addColumn('rules_changed', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  for (const r of RULES_CHANGED) {
    await sql`update covid_note set rules_changed = true where indicator = ${r.indicator} and school_year = ${r.school_year}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('covid_note').dropColumn('rules_changed').execute();
}
