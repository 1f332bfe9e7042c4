import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import axe from 'axe-core';
import { parse } from 'csv-parse/sync';
import { AreasResponse, BulkExportInfo } from '@gka/shared';
import { buildApp } from '../../api/src/app.ts';
import { createTestDatabase, type TestDatabase } from '../../api/src/test/database.ts';
import { testConfig } from '../../api/src/test/config.ts';
import { buildWeb } from './build.ts';
import { seedRegion } from './seed.ts';

/**
 * The Data page as an analyst uses it: the wijken of several gemeenten or of a group in one table,
 * and the bulk download of everything, linked with its size. The fictitious region: four gemeenten,
 * Vlietstad (GM9901) and Heuvelrode (GM9902) the GKA group.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  await buildWeb();
  database = await createTestDatabase();
  await seedRegion(database);
  app = await buildApp({ config: testConfig(), db: database.db });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.drop();
});

const readCsv = (text: string) => parse<Record<string, string>>(text, { columns: true, delimiter: ';', bom: true });
const api = async <T>(url: string, schema: { parse: (x: unknown) => T }) => schema.parse(await (await fetch(new URL(url, base))).json());
const wijkenOf = async (...gemeenten: string[]) =>
  (await Promise.all(gemeenten.map((g) => api(`/api/v1/areas?level=wijk&parent=${g}`, AreasResponse)))).flatMap((r) => r.data.map((a) => a.code)).sort();
/** The area codes in the table, from its Code column wherever it stands (the name comes first). */
const tableCodes = async () => {
  const table = page.getByTestId('values-table');
  const column = (await table.locator('thead th').allTextContents()).findIndex((h) => h.startsWith('Code')) + 1;
  return (await table.locator(`tbody tr td:nth-child(${column})`).allTextContents()).sort();
};

describe('Data page', () => {
  it('shows the wijken of several gemeenten in one table and one download, chosen and unchosen one by one', async () => {
    await page.goto(`${base}/data?indicator=advies_havo_vwo&cohort=2022-2023&niveau=wijk`);
    await page.getByText('Kies een of meer gemeenten, of een groep, om hun wijken te tonen.').waitFor();
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM9901');
    await page.waitForURL((u) => u.searchParams.get('gemeente') === 'GM9901');
    await page.getByLabel('Gemeente toevoegen').selectOption('GM9902');
    await page.waitForURL((u) => u.searchParams.get('gemeente') === 'GM9901,GM9902');
    const both = await wijkenOf('GM9901', 'GM9902');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=values-table] tbody tr').length === n, both.length);
    expect(await tableCodes()).toEqual(both);
    // The file is the table: the wijken of both, each with its gemeente.
    const href = (await page.getByTestId('download-csv').getAttribute('href'))!;
    expect(new URL(href, base).searchParams.get('parent')).toBe('GM9901,GM9902');
    const rows = readCsv(await (await fetch(new URL(href, base))).text());
    expect(rows.map((r) => r.Gebiedscode).sort()).toEqual(both);
    expect(new Set(rows.map((r) => r.Gemeente))).toEqual(new Set(['Vlietstad', 'Heuvelrode']));
    // The chosen gemeenten are listed; unticking one leaves the other.
    const chosen = page.getByRole('group', { name: /Gekozen gemeenten/ });
    expect(await chosen.getByRole('checkbox').count()).toBe(2);
    await chosen.getByRole('checkbox', { name: 'Vlietstad' }).click();
    await page.waitForURL((u) => u.searchParams.get('gemeente') === 'GM9902');
    expect(await chosen.getByRole('checkbox', { name: 'Vlietstad' }).isChecked()).toBe(false);
    const one = await wijkenOf('GM9902');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=values-table] tbody tr').length === n, one.length);
    expect(await tableCodes()).toEqual(one);
    // One gemeente again: its funnel plot is back. Unticked, Vlietstad can be ticked again.
    await page.getByTestId('funnel-chart').waitFor();
    await chosen.getByRole('checkbox', { name: 'Vlietstad' }).click();
    await page.waitForURL((u) => u.searchParams.get('gemeente') === 'GM9901,GM9902');
  });

  it('takes a group as the wijken of its gemeenten, and passes axe', async () => {
    await page.goto(`${base}/data?indicator=advies_havo_vwo&cohort=2022-2023&niveau=wijk&gemeente=GM9903`);
    await page.getByLabel('Wijken van').selectOption('gka');
    await page.waitForURL((u) => u.searchParams.get('groep') === 'gka');
    const gka = await wijkenOf('GM9901', 'GM9902');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=values-table] tbody tr').length === n, gka.length);
    expect(await tableCodes()).toEqual(gka);
    // The gemeenten chosen before stay in the link, but a group decides; no gemeente picker meanwhile.
    expect(await page.getByLabel('Gemeente toevoegen').count()).toBe(0);
    expect(new URL((await page.getByTestId('download-xlsx').getAttribute('href'))!, base).searchParams.get('parent')).toBe('gka');
    expect(await page.getByText('Het trechterdiagram vergelijkt de wijken van één gemeente met die gemeente: kies één gemeente.').isVisible()).toBe(true);
    await page.evaluate(axe.source);
    const result = await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      }),
    );
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('links the bulk download of what is chosen, with its number of lines, and the file has them', async () => {
    for (const [url, parent, what] of [
      ['/data?indicator=advies_havo_vwo', null, 'alle gemeenten'],
      ['/data?indicator=advies_havo_vwo&niveau=wijk', null, 'alle wijken'],
      ['/data?indicator=advies_havo_vwo&niveau=wijk&groep=gka', 'gka', 'de wijken van GKA-gemeenten (2 gemeenten)'],
    ] as const) {
      await page.goto(`${base}${url}`);
      const link = page.getByTestId('download-bulk');
      await page
        .getByTestId('bulk-size')
        .filter({ hasText: /regels/ })
        .waitFor();
      expect(await link.textContent(), url).toBe(`Download CSV: ${what}`);
      const href = new URL((await link.getAttribute('href'))!, base);
      expect(href.pathname).toBe('/api/v1/export/bulk');
      expect(href.searchParams.get('parent'), url).toBe(parent);
      const info = await api(`/api/v1/export/bulk/info${href.search}`, BulkExportInfo);
      const size = (await page.getByTestId('bulk-size').textContent())!;
      expect(size).toMatch(new RegExp(`^${info.data.rows.toLocaleString('nl-NL')} regels`));
      const rows = readCsv(await (await fetch(href)).text());
      expect(rows).toHaveLength(info.data.rows);
      expect(rows.length).toBeGreaterThan(0);
    }
    // Reachable from the top of the page.
    await page.getByRole('link', { name: 'alles in één bestand' }).click();
    await page.waitForURL(/#alles$/);
    expect(pageErrors).toEqual([]);
  });
});
