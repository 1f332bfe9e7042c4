import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../api/src/db/connect.ts';
import { startEmbeddedPostgres } from '../api/src/db/embedded.ts';
import { migrateToLatest } from '../api/src/db/migrate.ts';

async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

/**
 * Runs `fn` on a fresh, migrated database on DATABASE_URL's server (or an embedded Postgres in a temp
 * dir when unset) and drops it afterwards, whatever happens.
 */
export async function withScratchDatabase<T>(prefix: string, fn: (db: Db, url: string) => Promise<T>): Promise<T> {
  let serverUrl = process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  if (!serverUrl) {
    dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
    const server = await startEmbeddedPostgres(dir, 58000 + Math.floor(Math.random() * 1000));
    serverUrl = server.url;
    stop = server.stop;
  }
  const name = `${prefix.replaceAll('-', '_')}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString());
  try {
    await migrateToLatest(db);
    return await fn(db, url.toString());
  } finally {
    await db.destroy();
    await admin(serverUrl, `drop database ${name} with (force)`);
    await stop?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
