import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { createDb, type Db } from './connect.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrateToLatest } from './migrate.ts';
import { ensureDisclosure, viaKysely } from '../disclosure/store.ts';

export type OpenDatabase = { db: Db; url: string; embedded: boolean; close: () => Promise<void> };

/** The database of a process: DATABASE_URL when set, else the embedded Postgres in GKA_DATA_DIR; always migrated. */
export async function openDatabase(config: Config, log: (msg: string) => void = () => {}): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    log(`Geen DATABASE_URL: ingebouwde Postgres starten in ${config.dataDir} (poort ${config.embeddedPort})…`);
    const server = await startEmbeddedPostgres(config.dataDir, config.embeddedPort, log);
    url = server.url;
    stopEmbedded = server.stop;
  }
  const db = createDb(url);
  try {
    const results = await migrateToLatest(db);
    for (const r of results) log(`Migratie ${r.migrationName}: ${r.status === 'Success' ? 'uitgevoerd' : r.status}`);
    const decided = await db.transaction().execute((trx) => ensureDisclosure(viaKysely(trx), config.minCell));
    if (decided.length) {
      log(`Afscherming opnieuw bepaald (drempel ${config.minCell}) voor ${decided.length} combinaties van indicator en cohort.`);
      // Statistics and the visibility map for index-only reads, as after every import.
      await sql`vacuum (analyze) measure`.execute(db);
    }
  } catch (e) {
    await db.destroy();
    await stopEmbedded?.();
    throw e;
  }
  return {
    db,
    url,
    embedded: Boolean(stopEmbedded),
    close: async () => {
      await db.destroy();
      await stopEmbedded?.();
    },
  };
}
