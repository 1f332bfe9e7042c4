import { type Kysely, sql } from 'kysely';

/**
 * The breakdown that defines an indicator, if one does: opleidingsmobiliteit compares a child's
 * level with its parents' education, so its gap between children of hoog- and laagopgeleide ouders
 * measures the definition, not unequal chances. Such an indicator gets no kansenkloof.
 */
export const DEFINED_BY: { indicator: string; dimension: string }[] = [{ indicator: 'opleidingsmobiliteit', dimension: 'opleiding_ouders' }];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('indicator')
    .addColumn('defined_by', 'text', (c) => c.references('dimension.code'))
    .execute();
  for (const d of DEFINED_BY) await sql`update indicator set defined_by = ${d.dimension} where code = ${d.indicator}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indicator').dropColumn('defined_by').execute();
}
