import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { testConfig } from './config.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { seed } from './seed.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

/** For a test file of the routes: a fresh database with the seed data and the app on it, closed after the file. */
export function useSeededApp(ready: (app: TestApp, t: TestDatabase) => void, config: Partial<Config> = {}): void {
  let app: TestApp | undefined;
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seed(t.db);
    app = await buildApp({ config: testConfig(config), db: t.db });
    ready(app, t);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
}
