import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { formatInteger, formatPercent, ValuesResponse } from '@gka/shared';
import { buildApp } from '../../api/src/app.ts';
import { createTestDatabase, type TestDatabase } from '../../api/src/test/database.ts';
import { testConfig } from '../../api/src/test/config.ts';
import type { Config } from '../../api/src/config.ts';
// The typing of vitest's inject('adminDatabaseUrl'), used by createTestDatabase.
import type {} from '../../api/src/test/global-setup.ts';
import { buildWeb } from './build.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { seedRegion } from './seed.ts';

/** What a browser test works with: the app served by the real API on its own database, and one page in Chromium. */
export type E2eApp = {
  base: string;
  database: TestDatabase;
  browser: Browser;
  page: Page;
  /** Script errors the page raised; every test ends with none. */
  pageErrors: string[];
};

export const DESKTOP = { width: 1280, height: 900 };

/** An API on a fresh database seeded by `seed`, listening on a free port, for the tests of the enclosing block. */
export function useServerOn(seed: (database: TestDatabase) => Promise<void>, config: Config = testConfig()): () => { base: string; database: TestDatabase } {
  let database: TestDatabase | undefined;
  let server: Awaited<ReturnType<typeof buildApp>> | undefined;
  let base = '';
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database);
    server = await buildApp({ config, db: database.db });
    base = await server.listen({ host: '127.0.0.1', port: 0 });
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });
  return () => ({ base, database: database! });
}

/**
 * The built web app served by the real API (in-process, on a fresh database seeded by `seed`: the
 * fictitious region unless given), and a page in Debian's Chromium, for the tests of the enclosing
 * block. Each test must leave no script error and no blocked load (the API's CSP) behind.
 */
export function useApp(
  seed: (database: TestDatabase) => Promise<void> = seedRegion,
  { viewport = DESKTOP, config }: { viewport?: { width: number; height: number }; config?: Config } = {},
): E2eApp {
  // Built before the API starts: it serves web/dist only when it is there.
  beforeAll(buildWeb, 240_000);
  const server = useServerOn(seed, config);
  const app = { pageErrors: [] as string[] } as E2eApp;
  const cspViolations: string[] = [];
  beforeAll(async () => {
    Object.assign(app, server());
    app.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    app.page = await app.browser.newPage({ viewport });
    app.page.setDefaultTimeout(15_000);
    app.page.on('pageerror', (e) => app.pageErrors.push(e.message));
    // Chromium reports each load the CSP blocked on the console.
    app.page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  }, 240_000);
  afterEach(() => {
    expect(app.pageErrors.splice(0), 'script errors on the page').toEqual([]);
    expect(cspViolations.splice(0), 'loads the CSP blocked').toEqual([]);
  });
  afterAll(async () => {
    await app.browser?.close();
  });
  return app;
}

/**
 * The funnel plot on the page: drawn, and its table (opened) holds exactly the published totaal rows
 * of /values at `valuesUrl`, area by area, with the same number of pupils and the same share, shown
 * rounded as the page rounds them. Gives the areas' names.
 */
export async function expectFunnelOfValues(page: Page, valuesUrl: string): Promise<string[]> {
  const funnel = page.getByTestId('funnel-chart');
  await funnel.locator('svg').first().waitFor();
  await funnel.getByText('Tabel bij de grafiek').click();
  const table = funnel.getByTestId('funnel-table');
  await table.locator('tbody tr').first().waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      area: tr.getAttribute('data-area'),
      n: Number(tr.getAttribute('data-n')),
      value: Number(tr.getAttribute('data-value')),
      cells: [...tr.children].map((c) => c.textContent),
    })),
  );
  const values = ValuesResponse.parse(await (await fetch(valuesUrl)).json());
  const published = values.data.filter((v) => v.group === 'totaal' && !v.suppressed);
  expect(rows.map((r) => [r.area, r.n, r.value])).toEqual(published.map((v) => [v.area, v.denominator, v.value]));
  expect(rows.map((r) => r.cells.slice(0, 3))).toEqual(published.map((v) => [v.name, formatInteger(v.denominator), formatPercent(v.value)]));
  return published.map((v) => v.name);
}

/** Until no view or part of one says it is loading: what a measurement of the laid-out page waits for. */
export const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('.status--loading'));
