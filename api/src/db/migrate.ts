import { type Kysely, type Migration, type MigrationResult, Migrator } from 'kysely';
import { migrations as allMigrations } from '@gka/migrations';

/**
 * Runs pending migrations. On Postgres Kysely runs them all in one transaction, so a failing
 * migration leaves the schema exactly as it was; the error names the migration that failed.
 */
export async function migrateToLatest(db: Kysely<any>, migrations: Record<string, Migration> = allMigrations): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${failed ? `Migratie ${failed.migrationName}` : 'Migreren'} mislukt, niets gewijzigd: ${reason}`);
  }
  return results;
}
