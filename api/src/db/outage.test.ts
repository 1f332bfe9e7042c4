import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp } from '../app.ts';
import { testConfig } from '../test/config.ts';
import { createTestDatabase } from '../test/database.ts';
import { freePort } from '../test/free-port.ts';
import { createDb } from './connect.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';
import { migrateToLatest } from './migrate.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'gka-outage-'));
let server: EmbeddedServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('database outage', () => {
  it('answers 503 and JSON errors while Postgres is down, and recovers by itself when it returns', async () => {
    const port = await freePort();
    server = await startEmbeddedPostgres(dir, port);
    const db = createDb(server.url, 4);
    await migrateToLatest(db);
    const app = await buildApp({ config: testConfig(), db });
    try {
      expect((await app.inject('/api/v1/health')).statusCode).toBe(200);

      await server.stop();
      server = undefined;
      const down = await app.inject('/api/v1/health');
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ error: { code: 'database_unavailable' } });
      const data = await app.inject('/api/v1/cohorts');
      expect(data.statusCode).toBe(503);
      expect(data.json()).toMatchObject({ error: { code: 'database_unavailable' } });

      server = await startEmbeddedPostgres(dir, port);
      // The same app and pool, no restart: the pool reconnects on the next request.
      const up = await app.inject('/api/v1/health');
      expect(up.statusCode).toBe(200);
      expect((await app.inject('/api/v1/cohorts')).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.destroy();
    }
  });

  it('a connection Postgres ends between two queries of a transaction fails that transaction, not the process', async () => {
    // As the bulk export's idle_in_transaction_session_timeout does to a client that stalls: an
    // 'error' on a checked-out client without a listener would be an uncaught exception.
    const t = await createTestDatabase({ migrate: false });
    const db = createDb(t.url, 2);
    try {
      const trx = await db.startTransaction().execute();
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(t.db);
      await expect
        .poll(() =>
          sql`select 1`.execute(trx).then(
            () => 'open',
            (e: Error) => e.message,
          ),
        )
        .not.toBe('open');
      await trx
        .rollback()
        .execute()
        .catch(() => {});
      expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.destroy();
      await t.drop();
    }
  });
});
