import { type Kysely, sql } from 'kysely';

/**
 * Groups of gemeenten that are data: COROP-gebieden (CBS) and groupings a user imports (GKA regio's,
 * G4, RMC-regio's). Provincies and the GKA gemeenten follow from `area` and need no rows here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('area_group')
    .addColumn('code', 'text', (c) => c.primaryKey())
    // 'corop' or the kind an import names ('regio', 'g4', …).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('dataset_id', 'integer', (c) => c.references('dataset.id'))
    .execute();
  await db.schema
    .createTable('area_group_member')
    .addColumn('group_code', 'text', (c) => c.notNull().references('area_group.code').onDelete('cascade'))
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code').onDelete('cascade'))
    .addPrimaryKeyConstraint('area_group_member_pk', ['group_code', 'area_code'])
    .execute();
  await sql`create index area_group_member_area_idx on area_group_member (area_code)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('area_group_member').execute();
  await db.schema.dropTable('area_group').execute();
}
