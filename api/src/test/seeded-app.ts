import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { testConfig } from './config.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { seed } from './seed.ts';
import { viaKysely } from '../db/raw.ts';
import { refreshDisclosure } from '../disclosure/store.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

/**
 * For a test file of the routes: a fresh database with the seed data and the app on it, closed after
 * the file. `more` adds a file's own areas and cells to the seed; the disclosure decision is then made
 * again over all of them, as an import makes it.
 */
export function useSeededApp(ready: (app: TestApp, t: TestDatabase) => void, config: Partial<Config> = {}, more?: (t: TestDatabase) => Promise<void>): void {
  let app: TestApp | undefined;
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seed(t.db);
    if (more) {
      await more(t);
      await t.db.transaction().execute((trx) => refreshDisclosure(viaKysely(trx)));
    }
    app = await buildApp({ config: testConfig(config), db: t.db });
    ready(app, t);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
}
