import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { createDb, type Db } from './connect.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrateToLatest } from './migrate.ts';
import { ensureDisclosure } from '../disclosure/store.ts';
import { viaKysely } from './raw.ts';

export type OpenDatabase = {
  db: Db;
  url: string;
  embedded: boolean;
  /** Migrates to the latest schema and decides disclosure where needed; done by openDatabase unless `migrate: false`. */
  prepare: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * The database of a process: DATABASE_URL when set, else the embedded Postgres in GKA_DATA_DIR;
 * migrated, unless `migrate: false` (backup and restore must see it as it is).
 */
export async function openDatabase(
  config: Config,
  log: (msg: string) => void = () => {},
  { migrate = true }: { migrate?: boolean } = {},
): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    log(`Geen DATABASE_URL: ingebouwde Postgres starten in ${config.dataDir} (poort ${config.embeddedPort})…`);
    const server = await startEmbeddedPostgres(config.dataDir, config.embeddedPort, log);
    url = server.url;
    stopEmbedded = server.stop;
  }
  const db = createDb(url);
  const prepare = () => prepareDatabase(db, config, log);
  try {
    await reach(db, url, config.databaseUrl ? ' Controleer DATABASE_URL.' : '');
    if (migrate) await prepare();
  } catch (e) {
    await db.destroy();
    await stopEmbedded?.();
    throw e;
  }
  return {
    db,
    url,
    embedded: Boolean(stopEmbedded),
    prepare,
    close: async () => {
      await db.destroy();
      await stopEmbedded?.();
    },
  };
}

async function prepareDatabase(db: Db, config: Config, log: (msg: string) => void): Promise<void> {
  const results = await migrateToLatest(db);
  for (const r of results) log(`Migratie ${r.migrationName}: ${r.status === 'Success' ? 'uitgevoerd' : r.status}`);
  const decided = await db.transaction().execute((trx) => ensureDisclosure(viaKysely(trx), config.minCell));
  if (decided.length) {
    log(`Afscherming opnieuw bepaald (drempel ${config.minCell}) voor ${decided.length} combinaties van indicator en cohort.`);
    // Statistics and the visibility map for index-only reads, as after every import.
    await sql`vacuum (analyze) measure`.execute(db);
  }
}

/** Where a connection string points, without user or password: `127.0.0.1:5432, database gka`. */
export function databaseAddress(url: string): string {
  try {
    const u = new URL(url);
    // A socket directory or another host can also come as ?host=…
    const host = u.searchParams.get('host') ?? (decodeURIComponent(u.hostname) || 'localhost');
    const port = u.searchParams.get('port') ?? (u.port || '5432');
    const database = decodeURIComponent(u.pathname.slice(1));
    return `${host}:${port}${database ? `, database ${database}` : ''}`;
  } catch {
    return 'het adres in DATABASE_URL (geen geldige URL)';
  }
}

/** What a failed first connection means, in words; undefined for an error that is not about reaching the server. */
function cause(e: unknown): string | undefined {
  const err = e as { code?: string; message?: string; errors?: { code?: string }[] };
  // Node reports a refused connection to a name with several addresses (localhost) as an AggregateError.
  const code = err.code ?? err.errors?.[0]?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'de verbinding werd geweigerd, er luistert geen Postgres op die poort';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'de host is onbekend';
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'de host antwoordt niet';
    case 'ECONNRESET':
      return 'de server verbrak de verbinding';
    case '28P01':
    case '28000':
      return 'gebruiker of wachtwoord geweigerd';
    case '3D000':
      return 'de database bestaat niet';
  }
  if (/timeout/i.test(err.message ?? '')) return 'geen antwoord binnen 5 seconden';
  return undefined;
}

/** The first query, so that a database that cannot be reached is named as such rather than as a failed migration. */
async function reach(db: Db, url: string, hint: string): Promise<void> {
  try {
    await sql`select 1`.execute(db);
  } catch (e) {
    const why = cause(e);
    if (!why) throw e;
    throw new Error(`De database op ${databaseAddress(url)} is niet bereikbaar: ${why}.${hint}`, { cause: e });
  }
}
