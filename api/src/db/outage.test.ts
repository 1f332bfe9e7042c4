import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { testConfig } from '../test/config.ts';
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
});
