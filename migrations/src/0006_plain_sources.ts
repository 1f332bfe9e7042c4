import { type Kysely, sql } from 'kysely';

import { GKA_SOURCE } from './0002_indicators.ts';

/**
 * Indicator sources in plain words: the text reaches the UI, the API and every export. Databases
 * made before this migration have a source that pointed to a document outside the product.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update indicator set source = ${GKA_SOURCE} where source like 'GKA-monitor (CBS-levering, zie %'`.execute(db);
}

export async function down(): Promise<void> {
  // Nothing to restore: the old text only pointed elsewhere.
}
