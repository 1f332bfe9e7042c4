import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createDb, type Db } from '../db/connect.ts';
import { testConfig } from '../test/config.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { seed } from '../test/seed.ts';
import type { TestApp } from '../test/seeded-app.ts';

let t: TestDatabase;
let db: Db;
let app: TestApp;

beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db);
  // Room for two downloads, the lock below and the ordinary queries next to them.
  db = createDb(t.url, 10);
  app = await buildApp({ config: testConfig({ rateLimitPerMinute: 0 }), db });
});
afterAll(async () => {
  await app?.close();
  await db?.destroy();
  await t?.drop();
});

const BULK = '/api/v1/export/bulk?level=wijk';

/** Until a condition holds (at most 10 s): no fixed sleeps. */
async function until(what: string, ok: () => Promise<boolean> | boolean): Promise<void> {
  for (const start = Date.now(); !(await ok());) {
    if (Date.now() - start > 10_000) throw new Error(`nooit: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The app's database sessions that wait for a lock, or sit in an open transaction. */
async function sessions(): Promise<{ waiting: number; inTransaction: number }> {
  const { rows } = await sql<{ waiting: number; in_transaction: number }>`
    select count(*) filter (where wait_event_type = 'Lock')::int as waiting,
           count(*) filter (where state like 'idle in transaction%' or (state = 'active' and xact_start is not null and wait_event_type = 'Lock'))::int as in_transaction
    from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(t.db);
  return { waiting: rows[0]!.waiting, inTransaction: rows[0]!.in_transaction };
}

/** A request made while the figures are locked: it must answer without waiting for them. */
async function withoutFigures(request: Promise<Awaited<ReturnType<TestApp['inject']>>>) {
  let settled = false;
  void request.then(() => (settled = true));
  await until('antwoord, of een sessie die op de cijfers wacht', async () => settled || (await sessions()).waiting > 0);
  expect(settled, 'het verzoek wacht op de cijfers').toBe(true);
  return request;
}

/**
 * Runs `fn` while another session holds `measure` exclusively: an export that reads figures then
 * waits, visibly, in pg_stat_activity, and holds its slot until `fn` returns.
 */
async function withFiguresLocked<T>(fn: () => Promise<T>): Promise<T> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let taken!: () => void;
  const locked = new Promise<void>((r) => (taken = r));
  const holder = t.db.transaction().execute(async (trx) => {
    await sql`lock table measure in access exclusive mode`.execute(trx);
    taken();
    await released;
  });
  await locked;
  try {
    return await fn();
  } finally {
    release();
    await holder;
  }
}

describe('HEAD on a download', () => {
  it('answers the headers without running the export, and a following GET is served', async () => {
    const exports = [
      '/api/v1/export?format=csv&indicator=advies_havo_vwo&cohort=2019-2020&level=wijk',
      '/api/v1/export?format=xlsx&indicator=advies_havo_vwo&cohort=2019-2020&level=gemeente',
      '/api/v1/overview/export?group=gka&format=xlsx',
      '/api/v1/overview/export?group=gka&format=csv',
    ];
    // Codes resolve from the memoised catalogue: once it is loaded, a HEAD needs no figures.
    for (const url of exports) expect((await app.inject(url)).statusCode).toBe(200);
    const { pending } = await withFiguresLocked(async () => {
      for (let i = 0; i < 3; i++) {
        const head = await withoutFigures(app.inject({ method: 'HEAD', url: BULK }));
        expect(head.statusCode).toBe(200);
        expect(head.headers['content-disposition']).toBe('attachment; filename="gka_alles_wijk.csv"');
        expect(head.body).toBe('');
      }
      for (const url of exports) {
        const head = await withoutFigures(app.inject({ method: 'HEAD', url }));
        expect(head.statusCode, url).toBe(200);
        expect(head.headers['content-disposition'], url).toMatch(/^attachment; filename="gka/);
      }
      // Unknown codes are still refused as a GET would be.
      const unknown = await withoutFigures(app.inject({ method: 'HEAD', url: '/api/v1/export?format=csv&indicator=x&cohort=2019-2020&level=wijk' }));
      expect(unknown.statusCode).toBe(404);
      const pending = app.inject(BULK);
      // The GET is not refused for the HEADs: it starts, and waits for the lock, the only session that does.
      let settled = false;
      void pending.then(() => (settled = true));
      await until('de GET wacht op de figures', async () => settled || (await sessions()).waiting > 0);
      expect(settled).toBe(false);
      expect((await sessions()).waiting).toBe(1);
      // Wrapped: returning the promise itself would wait for the GET while the lock is still held.
      return { pending };
    });
    const get = await pending;
    expect(get.statusCode).toBe(200);
    expect(get.body.split('\r\n').length).toBeGreaterThan(10);
    await until('geen open transactie meer', async () => (await sessions()).inTransaction === 0);
  });
});
