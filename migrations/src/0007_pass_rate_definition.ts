import { type Kysely, sql } from 'kysely';
import { PASS_RATE_DENOMINATOR } from './0002_indicators.ts';

/** The pass rate's denominator as the importer counts it (opleidingen under 5, and only from 2019-2020 on). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update indicator set denominator_definition = ${PASS_RATE_DENOMINATOR} where code = 'slagingspercentage_vo'`.execute(db);
}

export async function down(): Promise<void> {
  // The old text described a method the importer never used.
}
