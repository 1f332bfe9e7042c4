import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import axe from 'axe-core';
import { DIMENSIONS, IndicatorsResponse, ValuesResponse, type Dimension } from '@gka/shared';
import { buildApp } from '../../api/src/app.ts';
import { createTestDatabase, type TestDatabase } from '../../api/src/test/database.ts';
import { testConfig } from '../../api/src/test/config.ts';
// The typing of vitest's inject('adminDatabaseUrl'), used by createTestDatabase.
import type {} from '../../api/src/test/global-setup.ts';
import { hasOpenData, OPEN_DATA } from '../../api/src/test/open-data.ts';
import { valueScale } from '../src/lib/scale.ts';
import { seedDemoBesideDuo } from './seed.ts';

/**
 * The charts and legends as a user meets them, on the real 2024 boundaries with the demo values
 * beside the real DUO and CBS figures (every indicator the dashboard has): map legends for every
 * indicator, a school's single-year figures and trend legend, a wijk link, the cohort choice.
 *
 * The app is built into a folder of its own and served by Vite's preview server (its /api passed
 * on to the API under test): app.test.ts builds web/dist at the same time.
 */
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking'];

/** A legend class as its label states it: from `lower` (to `upper`); a value alone has no upper. */
type LegendClass = { label: string; lower: number; upper?: number };
const nlNumber = (s: string) => Number(s.replace('%', '').replaceAll('.', '').replace(',', '.'));
const classesOf = (labels: string[]): LegendClass[] =>
  labels.map((label) => {
    const [lower, upper] = label.split(/ tot(?: en met)? /).map(nlNumber);
    return { label, lower: lower!, upper };
  });

/** Ascending and non-degenerate: each class from a lower to a higher value, starting where the one before ends; a value alone only last. */
function expectOrdered(labels: string[], context: string) {
  const classes = classesOf(labels);
  expect(classes.length, context).toBeGreaterThan(0);
  for (const [i, c] of classes.entries()) {
    const why = `${context}: ${labels.join(' | ')}`;
    expect(Number.isFinite(c.lower), why).toBe(true);
    if (i > 0) expect(c.lower, why).toBe(classes[i - 1]!.upper);
    if (c.upper === undefined) expect(i, why).toBe(classes.length - 1);
    else expect(c.upper, why).toBeGreaterThan(c.lower);
  }
}

describe.skipIf(!hasOpenData)('charts and legends on demo values beside the real DUO figures', { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let base = '';
  let outDir = '';
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'gka-charts-e2e-'));
    execFileSync(path.join(webDir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
      cwd: webDir,
      stdio: 'inherit',
      // vitest sets NODE_ENV=test, which would bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    database = await createTestDatabase();
    await seedDemoBesideDuo(database, OPEN_DATA);
    app = await buildApp({ config: testConfig(), db: database.db });
    const api = await app.listen({ host: '127.0.0.1', port: 0 });
    server = await preview({
      root: webDir,
      configFile: false,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, proxy: { '/api': api } },
    });
    base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // Generous: the machine is shared, and the gemeente page of Tilburg loads all its schools.
    page.setDefaultTimeout(45_000);
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await app?.close();
    await database?.drop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  async function axeViolations(): Promise<string[]> {
    await page.evaluate(axe.source);
    const result = await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    );
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('Map legends of every indicator, at every cohort and group: ascending classes, each from a lower to a higher value', async () => {
    const { data: indicators } = IndicatorsResponse.parse((await app.inject('/api/v1/indicators')).json());
    const loaded = indicators.filter((i) => i.cohorts.length > 0);
    // The nine GKA indicators and the DUO and CBS ones, the achterstandsscore among them.
    expect(loaded.length).toBeGreaterThanOrEqual(15);
    expect(loaded.map((i) => i.code)).toContain('achterstandsscore');
    let legends = 0;
    for (const indicator of loaded) {
      const latest = indicator.cohorts.at(-1)!;
      for (const cohort of [...indicator.cohorts, ...indicator.pools]) {
        // Every cohort of all pupils; the groups of pupils (a breakdown) in the latest cohort.
        for (const dimension of cohort === latest ? (Object.keys(DIMENSIONS) as Dimension[]) : (['totaal'] as const)) {
          const url = `/api/v1/values?indicator=${indicator.code}&cohort=${cohort.code}&level=gemeente&dimension=${dimension}`;
          const values = ValuesResponse.parse((await app.inject(url)).json());
          for (const group of DIMENSIONS[dimension]) {
            const numbers = values.data.flatMap((v) => (v.group === group && v.value !== null ? [v.value] : []));
            if (numbers.length === 0) continue;
            expectOrdered(
              valueScale(numbers, indicator.unit).legend.map((l) => l.label),
              `${indicator.code} ${cohort.code} ${dimension}:${group}`,
            );
            legends++;
          }
        }
      }
    }
    expect(legends).toBeGreaterThan(150);
  }, 180_000);

  it('Kaart: each indicator’s legend as shown is ordered, in its own unit, and never labels the previous indicator’s figures', async () => {
    const { data: indicators } = IndicatorsResponse.parse((await app.inject('/api/v1/indicators')).json());
    // Each request for figures waits until the test has looked at the page in between.
    const held: Route[] = [];
    const isValues = (url: URL) => url.pathname === '/api/v1/values';
    await page.route(isValues, (route) => void held.push(route));
    try {
      await page.goto(`${base}/kaart`);
      const select = page.getByLabel('Kleur de kaart op');
      await expect.poll(() => select.locator('option').count(), { timeout: 45_000 }).toBeGreaterThan(1);
      const codes = (await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter((c) => c !== 'stedelijkheid');
      expect(codes.length).toBeGreaterThanOrEqual(15);
      const legend = page.locator('figure.legend');
      const classLabels = async () => {
        const items = await legend.locator('li').allTextContents();
        return items.slice(0, items.indexOf('Afgeschermd of geen gegevens'));
      };
      for (const code of codes) {
        const indicator = indicators.find((i) => i.code === code)!;
        await select.selectOption(code);
        await expect.poll(() => held.some((r) => new URL(r.request().url()).searchParams.get('indicator') === code), { timeout: 45_000 }).toBe(true);
        // The new indicator is chosen, its figures are on their way: no classes of the previous one in the new unit.
        expect(await legend.getAttribute('aria-label')).toContain(indicator.name);
        expect(await classLabels(), `${code} while loading`).toEqual([]);
        for (const route of held.splice(0)) await route.continue();
        await expect.poll(async () => (await classLabels()).length, { timeout: 45_000 }).toBeGreaterThan(0);
        const labels = await classLabels();
        expectOrdered(labels, code);
        for (const label of labels) expect(label.includes('%'), `${code}: ${label}`).toBe(indicator.unit === 'percentage');
      }
    } finally {
      await page.unroute(isValues);
      for (const route of held.splice(0)) await route.continue().catch(() => {});
    }
  }, 180_000);

  it('A basisschool with one school year per figure: the figures beside their benchmarks, no one-dot trend', async () => {
    await page.goto(`${base}/school/SC15AB00`);
    const figures = page.getByTestId('figures-table');
    await figures.first().waitFor();
    expect(await page.getByTestId('trend-chart').count()).toBe(0);
    // Each table: the school and every benchmark by name, the own gemeente first, a figure in each row.
    const achterstand = page.getByTestId('trend-figures').filter({ has: page.locator('caption', { hasText: 'Achterstandsscore' }) });
    const rows = await achterstand
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent]));
    expect(rows.map(([name]) => name)).toEqual([
      'Basisschool Koningshaven',
      'Eigen gemeente (Tilburg)',
      'Nederland',
      'Gemeenten met dezelfde stedelijkheid',
      'GKA-gemeenten',
    ]);
    for (const [, value] of rows) expect(value).toMatch(/^\d+,\d/);
    expect(await achterstand.textContent()).toContain('Alleen schooljaar 2019-2020 heeft cijfers van Basisschool Koningshaven');
    expect(await axeViolations()).toEqual([]);
  });

  it('A vo school’s trend legend wraps instead of paging, on a phone too, and names the own gemeente', async () => {
    for (const width of [1400, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
      await page.goto(`${base}/school/SC18XU00`);
      const trend = page.getByTestId('trend-chart').first();
      await trend.locator('svg').first().waitFor();
      const legend = trend.getByTestId('chart-legend');
      const items = await legend.locator('li').allTextContents();
      expect(items).toContain('Eigen gemeente (Tilburg)');
      expect(items).toContain('95%-interval van de waarde van Beatrix College voor Mavo, Havo, Atheneum');
      // Every entry on screen, none paged away, and the page does not scroll sideways.
      for (const box of await legend.locator('li').evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.width).toBeGreaterThan(0);
        expect(box.right).toBeLessThanOrEqual(width);
      }
      expect(await trend.textContent()).not.toMatch(/\b1\/2\b/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1400, height: 1000 });
    expect(await axeViolations()).toEqual([]);
  });

  it('Gemeente page: choosing a cohort says which indicators show another period instead', async () => {
    await page.goto(`${base}/gemeente/GM0855?cohort=2020-2021`);
    const note = page.getByTestId('other-periods');
    await note.waitFor();
    const text = await note.textContent();
    expect(text).toMatch(/^Niet elke indicator heeft cijfers voor cohort 2020-2021\./);
    expect(text).toContain('schooljaar 2023-2024 (Slagingspercentage vo-examen)');
    expect(text).not.toContain('Schooladvies havo/vwo');
    // The row says the same.
    const row = page.getByTestId('summary-grid').locator('tbody tr', { hasText: 'Slagingspercentage vo-examen' });
    expect(await row.locator('th').textContent()).toContain('Schooljaar 2023-2024');
    // Each indicator's latest: nothing to say.
    await page.goto(`${base}/gemeente/GM0855`);
    await page.getByTestId('summary-grid').waitFor();
    expect(await page.getByTestId('other-periods').count()).toBe(0);
  });

  it('A wijk link leads to that wijk on every indicator beside its gemeente and Nederland, and singles it out among the others', async () => {
    await page.goto(`${base}/gemeente/GM0855`);
    const link = page.getByTestId('wijk-table').locator('tbody tr').first().getByRole('link');
    const name = (await link.textContent())!;
    await link.click();
    await page.waitForURL(/\/vergelijken\?.*wijk=WK0855/);
    await page.getByRole('heading', { name: `Wijk ${name}` }).waitFor();
    const profile = page.getByTestId('wijk-profile');
    await profile.locator('tbody tr').first().waitFor();
    expect(await profile.locator('thead th').allTextContents()).toEqual(['Indicator', name, 'Tilburg', 'Nederland']);
    // The nine indicators with wijk figures, each compared in colour and word with Tilburg and Nederland.
    expect(await profile.locator('tbody tr').count()).toBe(9);
    for (const cell of await profile.locator('tbody td:nth-child(3), tbody td:nth-child(4)').allTextContents()) {
      expect(cell).toMatch(/^\d+,\d% (gunstig|ongunstig|geen significant verschil|hoger \(neutraal\)|lager \(neutraal\))|^\d+,\d%\s*$/);
    }
    // All wijken stay in the comparison, the one followed marked.
    const heatmap = page.getByTestId('heatmap');
    await heatmap.locator('tbody tr').nth(1).waitFor();
    expect(await heatmap.locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await heatmap.locator('tbody tr[aria-current="true"] th').allTextContents()).toEqual([name]);
    expect(await page.getByLabel('Eén wijk uitlichten').inputValue()).toMatch(/^WK0855/);
    expect(await axeViolations()).toEqual([]);
  });

  it('Typing a gemeente in the vergelijken picker logs no error for the gemeenten passed on the way', async () => {
    const before = consoleErrors.length;
    await page.goto(`${base}/vergelijken?gemeente=GM0855`);
    await page.getByTestId('heatmap').waitFor();
    await page.getByLabel('Gemeente', { exact: true }).focus();
    await page.keyboard.type('Amsterdam');
    await page.waitForURL(/gemeente=GM0363/);
    await page
      .getByText('Kies eerst een gemeente')
      .or(page.getByText('Deze gemeente heeft geen wijken met gegevens', { exact: false }))
      .waitFor();
    expect(consoleErrors.slice(before)).toEqual([]);
  });
});
