import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { formatInteger, formatPercent, IndicatorsResponse, ProfileResponse, SchoolsResponse, ValuesResponse } from '@gka/shared';
import { buildApp } from '../../api/src/app.ts';
import { createTestDatabase, type TestDatabase } from '../../api/src/test/database.ts';
import { testConfig } from '../../api/src/test/config.ts';
// The typing of vitest's inject('adminDatabaseUrl'), used by createTestDatabase.
import type {} from '../../api/src/test/global-setup.ts';
import { buildWeb } from './build.ts';
import { axeFindings as axeOf, CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { seedAmsterdam, seedDemoBesideDuo, seedRegion, seedSchools } from './seed.ts';
import { DEMO_INDICATORS } from '../../api/src/importers/demo/model.ts';
import { importValues } from '../../api/src/importers/values/import.ts';
import { hasOpenData, OPEN_DATA } from '../../api/src/test/open-data.ts';
import { withoutSoftHyphens } from '../src/lib/hyphens.ts';

/**
 * End to end: the built web app served by the real API (in-process, on a fresh seeded database),
 * driven by Debian's Chromium. Walks the four views as a user would.
 */

let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];
// The app is served with the API's helmet CSP; Chromium reports each blocked load on the console.
const cspViolations: string[] = [];

beforeAll(async () => {
  await buildWeb();
  database = await createTestDatabase();
  await seedRegion(database);
  // Tests here change the data: a short re-check lets the API see it soon, and the tests poll for it.
  app = await buildApp({ config: testConfig({ dataRecheckMs: 50 }), db: database.db });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.drop();
});

/** Colours of the map canvas as painted on screen: colour → pixel count, background left out. */
async function mapColours(): Promise<Map<string, number>> {
  const canvas = page.getByTestId('map-canvas').first();
  const png = await canvas.screenshot();
  const counts: [string, number][] = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const m = new Map<string, number>();
    for (let i = 0; i < d.length; i += 4) {
      const k = `${d[i]},${d[i + 1]},${d[i + 2]}`;
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m];
  }, png.toString('base64'));
  const background = '247,247,242'; // MAP_BACKGROUND #f7f7f2
  return new Map(counts.filter(([k, n]) => k !== background && n > 200));
}

/** axe-core on the page as it is now. */
const axeFindings = () => axeOf(page);

/**
 * The funnel plot on the page: drawn, and its table (opened) holds exactly the published totaal rows
 * of /values at `valuesUrl`, area by area, with the same number of pupils and the same share, shown
 * rounded as the page rounds them. Gives the areas' names.
 */
async function expectFunnelOfValues(valuesUrl: string): Promise<string[]> {
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

async function waitForColours(min: number): Promise<Map<string, number>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const colours = await mapColours();
    if (colours.size >= min || Date.now() > deadline) return colours;
    await page.waitForTimeout(250);
  }
}

describe('web app in Chromium', () => {
  it('Kaart: a coloured choropleth that recolours by indicator, with a table and legend', async () => {
    const start = Date.now();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Kaart van de gemeenten' }).waitFor();
    const legend = page.getByRole('figure', { name: /Legenda/ });
    await legend.getByText('1 Zeer sterk stedelijk').waitFor();
    await legend.getByText('≥ 2.500 adressen/km²').waitFor();
    const stedelijkheid = await waitForColours(4);
    expect(stedelijkheid.size, 'distinct colours of the stedelijkheid map').toBeGreaterThanOrEqual(4);
    // Budgets are measured and reported (BENCHMARKS.md), not asserted (shared CI machines vary).
    console.log(`first coloured map after ${Date.now() - start} ms`);
    expect(await page.getByTestId('gemeenten-table').locator('tbody tr').count()).toBe(4);

    const switched = Date.now();
    await page.getByLabel('Kleur de kaart op').selectOption('advies_havo_vwo');
    await page.waitForURL(/indicator=advies_havo_vwo/);
    await page
      .getByTestId('gemeenten-table')
      .getByRole('columnheader', { name: /Schooladvies havo\/vwo/ })
      .waitFor();
    const deadline = Date.now() + 10_000;
    let recoloured = await mapColours();
    while ([...recoloured.keys()].sort().join() === [...stedelijkheid.keys()].sort().join() && Date.now() < deadline) {
      await page.waitForTimeout(200);
      recoloured = await mapColours();
    }
    expect([...recoloured.keys()].sort()).not.toEqual([...stedelijkheid.keys()].sort());
    console.log(`recoloured by indicator after ${Date.now() - switched} ms (including fetching the values)`);
    expect(await page.getByTestId('synthetic-banner').textContent()).toContain('synthetisch');
    expect(await page.getByTestId('gemeenten-table').textContent()).toMatch(/\d+,\d%/);

    // Back to stedelijkheid: no fetch, only feature-state. Timed from the change to MapLibre's idle.
    await page.evaluate(() => performance.clearMarks('gka:map-coloured'));
    const before = await page.evaluate(() => performance.now());
    await page.getByLabel('Kleur de kaart op').selectOption('stedelijkheid');
    await page.waitForFunction(() => performance.getEntriesByName('gka:map-coloured').length > 0);
    const mark = await page.evaluate(() => performance.getEntriesByName('gka:map-coloured')[0]?.startTime ?? NaN);
    console.log(`recolour by feature-state took ${Math.round(mark - before)} ms`);
    expect([...(await waitForColours(4)).keys()].sort()).toEqual([...stedelijkheid.keys()].sort());
  });

  it('Kaart: coloured by the change since before COVID, with the legend and the table saying so', async () => {
    await page.goto(`${base}/kaart?indicator=advies_havo_vwo&cohort=2020-2021`);
    await page.getByLabel('Toon').selectOption('voor-covid');
    await page.waitForURL(/tov=voor-covid/);
    const legend = page.getByRole('figure', { name: /Legenda: Verandering: Schooladvies havo\/vwo, cohort 2020-2021 t\.o\.v\. vóór COVID/ });
    await legend.getByText('Significant hoger').waitFor();
    const table = page.getByTestId('gemeenten-table');
    await table.getByRole('columnheader', { name: /Verandering t\.o\.v\. vóór COVID/ }).waitFor();
    // Gemeente, value, interval, against Nederland, then the change.
    const cells = await table.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(
      cells.every((t) => /^[+−]?\d+,\d procentpunt, (significant (hoger|lager)|niet significant|zonder significantietoets)$|afgeschermd|^–$/.test(t)),
    ).toBe(true);
    // The map is painted from the change palette (PuOr), not the sequential blues of values.
    const change = ['#b35806', '#fdb863', '#b2abd2', '#542788'].map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const near = (c: string) => change.some((p) => c.split(',').every((x, i) => Math.abs(Number(x) - p[i]!) < 16));
    const deadline = Date.now() + 10_000;
    let colours = await mapColours();
    while (![...colours.keys()].some(near) && Date.now() < deadline) {
      await page.waitForTimeout(200);
      colours = await mapColours();
    }
    expect([...colours.keys()].filter(near).length).toBeGreaterThan(0);
    // For a cohort before COVID, 'vóór COVID' is no reference: the parameter goes, earlier cohorts stay choosable.
    await page.getByLabel('Cohort', { exact: true }).selectOption('2016-2017');
    await page.waitForURL((u) => !u.searchParams.has('tov'));
    expect(await page.getByLabel('Toon').count()).toBe(1);
  });

  it('Kaart: the keyboard and a click on the map open a gemeente', async () => {
    await page.goto(`${base}/kaart`);
    const link = page.getByTestId('gemeenten-table').getByRole('link', { name: 'Vlietstad' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/gemeente\/GM9901$/);
    await page.getByRole('heading', { name: 'Gemeente Vlietstad' }).waitFor();

    await page.goto(`${base}/`);
    await waitForColours(4);
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/\/gemeente\/GM99\d\d$/);
  });

  it('Gemeente: the summary grid, KPI cards, the trend with the COVID cohort marked, a sortable wijk table', async () => {
    await page.goto(`${base}/gemeente/GM9901?indicator=advies_havo_vwo`);
    // At a glance: an indicator per row, a benchmark per column, a word in every compared cell.
    const grid = page.getByTestId('summary-grid');
    await grid.waitFor();
    expect(await grid.locator('thead th').allTextContents()).toEqual([
      'Indicator',
      'Waarde',
      'Nederland',
      'Zelfde stedelijkheid',
      'GKA-gemeenten',
      'COVID-cohort t.o.v. vóór COVID',
    ]);
    const advies = grid.locator('tbody tr', { hasText: 'Schooladvies havo/vwo' });
    await advies.locator('th').getByTestId('provenance').getByText('synthetisch', { exact: true }).waitFor();
    for (const cell of (await advies.locator('td').allTextContents()).slice(1, 4))
      expect(cell).toMatch(/^(gunstig|ongunstig|geen significant verschil|hoger \(neutraal\)|lager \(neutraal\))/);
    // A group the gemeente belongs to as one more benchmark, kept in the URL.
    await page.getByLabel('Vergelijk ook met een groep').selectOption({ index: 1 });
    await page.waitForURL(/groep=/);
    await grid.locator('thead th').nth(6).waitFor();
    expect(await grid.locator('thead th').count()).toBe(7);
    // The cards fold away under the grid, and open on request.
    expect(await page.getByTestId('kpi-cards').isVisible()).toBe(false);
    await page.getByText('Toelichting per indicator in zinnen').click();
    await page.getByTestId('kpi-cards').waitFor();
    const kpi = await page.getByTestId('kpi-cards').textContent();
    expect(kpi).toMatch(/\d+,\d%/);
    expect(kpi).toMatch(/significant (hoger|lager) dan|niet significant verschillend van/);
    // Every GKA card: the COVID cohort against the cohorts before COVID, with the change and its significance in words.
    const covid = await page.getByTestId('kpi-covid').first().textContent();
    expect(covid).toMatch(/^COVID \(2020-2021\) t\.o\.v\. vóór COVID \(2012-2013 t\/m 2018-2019 samen\):/);
    expect(covid).toMatch(/[+−]?\d+,\d procentpunt, (significant hoger|significant lager|niet significant)$|afgeschermd$/);
    const trend = page.getByTestId('trend-chart');
    await trend.locator('svg').first().waitFor();
    // The schooladvies: its own six cohorts, the COVID band on 2020-2021, and a note about the
    // schooladvies (no eindtoets in 2020), not about exams.
    expect(await trend.getAttribute('data-covid-band')).toBe('2020-2021');
    const note = (await page.getByTestId('covid-note').first().textContent())!;
    expect(note).toMatch(/^Cohort 2020-2021 en COVID: Groep 8 in 2019-2020: de eindtoets ging niet door/);
    expect(note).not.toMatch(/examen|COVID-cohort/);
    await trend.getByText('Tabel bij de grafiek').click();
    const rows = await page.getByTestId('trend-table').locator('tbody th').allTextContents();
    expect(rows).toEqual(['Cohort 2012-2013', 'Cohort 2014-2015', 'Cohort 2016-2017', 'Cohort 2018-2019', 'Cohort 2020-2021 (COVID)', 'Cohort 2022-2023']);
    expect(await page.getByTestId('trend-table').textContent()).not.toContain('niet beschikbaar');
    const headers = await page.getByTestId('trend-table').locator('thead th').allTextContents();
    expect(headers).toEqual(['Cohort', 'Vlietstad', '95%-interval', 'Nederland', 'Gemeenten met dezelfde stedelijkheid', 'GKA-gemeenten']);
    expect(await page.getByTestId('trend-scale').textContent()).toMatch(/verticale as (begint bij|loopt van) \d+%/);
    expect(await page.getByTestId('breakdown').textContent()).toMatch(/Kansenkloof.*procentpunt/s);

    const table = page.getByTestId('wijk-table');
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(6);
    // Each wijk's change from the cohorts before COVID, in words.
    await table.getByRole('columnheader', { name: /Verschil 2020-2021 met vóór COVID/ }).waitFor();
    const covidCells = await table.locator('tbody tr td:last-child').allTextContents();
    expect(covidCells.every((t) => /pp, (significant|niet)|afgeschermd|^–$/.test(t))).toBe(true);
    expect(covidCells.some((t) => / pp, /.test(t))).toBe(true);
    const names = () => table.locator('tbody tr td:first-child').allTextContents();
    await table.getByRole('button', { name: /^Wijk/ }).click();
    expect(await table.getByRole('columnheader', { name: /^Wijk/ }).getAttribute('aria-sort')).toBe('ascending');
    const asc = await names();
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, 'nl')));
    await table.getByRole('button', { name: /^Wijk/ }).click();
    expect(await table.getByRole('columnheader', { name: /^Wijk/ }).getAttribute('aria-sort')).toBe('descending');
    expect(await names()).toEqual([...asc].reverse());
  });

  it('Gemeente: the pass rate on its own axis of school years, COVID on the exam years 2020-2022', async () => {
    await page.goto(`${base}/gemeente/GM9901?indicator=slagingspercentage_vo`);
    const trend = page.getByTestId('trend-chart');
    await trend.locator('svg').first().waitFor();
    expect(await trend.getAttribute('data-covid-band')).toBe('2019-2020 t/m 2021-2022');
    await trend.getByText('Tabel bij de grafiek').click();
    const rows = await page.getByTestId('trend-table').locator('tbody th').allTextContents();
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => /^Schooljaar \d{4}-\d{4}( \(COVID\))?$/.test(r))).toBe(true);
    expect(rows.filter((r) => r.endsWith('(COVID)'))).toEqual(['Schooljaar 2019-2020 (COVID)', 'Schooljaar 2020-2021 (COVID)', 'Schooljaar 2021-2022 (COVID)']);
    // The axis fits pass rates near 90%, and says it does not start at 0.
    expect(await page.getByTestId('trend-scale').textContent()).toMatch(/begint bij [1-9]\d%, niet bij 0/);
    // The x-axis as drawn: the school years, and no two-year cohort among them.
    const ticks = await trend.locator('svg text').allTextContents();
    expect(ticks).toContain('2023-2024');
    expect(ticks).not.toContain('2022-2023 ');
    expect(await page.getByTestId('covid-note').textContent()).toMatch(/Schooljaar 2019-2020: In 2020 gingen de centrale examens niet door/);
  });

  it('Regio: the gemeenten of a group × the indicators with verdicts in words, sortable by keyboard, linked to the gemeente', async () => {
    await page.goto(`${base}/regio`);
    await page.getByLabel('Regio', { exact: true }).selectOption('gka');
    await page.waitForURL(/groep=gka/);
    const table = page.getByTestId('overview-table');
    await table.locator('tbody tr').first().waitFor();
    // The two demo GKA gemeenten of the fixture region, and their pooled row last.
    expect(await table.locator('tbody tr th, tbody tr td:first-child').allTextContents()).toEqual(['Heuvelrode', 'Vlietstad', 'GKA-gemeenten samen']);
    const text = (await table.textContent())!;
    expect(text).toMatch(/gunstig|ongunstig|geen significant verschil/);
    // A cell's change since before COVID is in its details.
    await table.locator('tbody tr').first().locator('td button').first().click();
    expect(await page.getByTestId('overview-detail').textContent()).toMatch(/COVID \(\d{4}-\d{4}\)[+−]?\d+,\d pp/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Regio-overzicht: GKA-gemeenten');
    await page.waitForFunction(() => document.title === 'Regio GKA-gemeenten – GKA Dashboard');
    // Sorting with the keyboard: focus a column's button, press Enter.
    const sort = table.getByRole('button', { name: /^Schooladvies havo\/vwo/ });
    await sort.focus();
    await page.keyboard.press('Enter');
    // Numbers sort highest first, then lowest first.
    const header = table.getByRole('columnheader', { name: /^Schooladvies havo\/vwo/ });
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    // The same table as a file, and printed in landscape with every column on the page.
    const csv = await fetch(new URL((await page.getByTestId('overview-csv').getAttribute('href'))!, base));
    expect(csv.status).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Gemeentecode;Gemeente;Indicator;/);
    expect(lines.some((l) => l.startsWith('GM9901;Vlietstad;Schooladvies havo/vwo;'))).toBe(true);
    const xlsx = await fetch(new URL((await page.getByTestId('overview-xlsx').getAttribute('href'))!, base));
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    await page.emulateMedia({ media: 'print' });
    try {
      const fits = await table.evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth + 1);
      expect(fits).toBe(true);
      expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: null });
    }
    // A provincie, compared with the regio itself.
    await page.goto(`${base}/regio?groep=provincie-fictieland&vergelijk=groep`);
    await table.locator('tbody tr').nth(4).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(5);
    await table.getByRole('link', { name: 'Vlietstad' }).click();
    await page.waitForURL(/\/gemeente\/GM9901/);
    // A gemeente with its vergelijkbare gemeenten (here the three others of the region); leaving one out keeps the choice in the URL.
    await page.goto(`${base}/regio?groep=vergelijkbaar-GM9901`);
    await table.locator('tbody tr').nth(4).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(5);
    expect(await table.locator('tbody tr').first().textContent()).toContain('Vlietstad');
    await page.locator('input[name=leden]').first().click();
    await page.waitForURL(/leden=/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=overview-table] tbody tr').length === 4);
  });

  it('Wijken vergelijken: ranked bars and a table per indicator', async () => {
    await page.goto(`${base}/vergelijken?gemeente=GM9902&indicatoren=advies_havo_vwo,zittenblijven`);
    const sections = page.getByTestId('comparison');
    await sections.nth(1).getByTestId('compare-table').waitFor();
    expect(await sections.count()).toBe(2);
    for (const i of [0, 1]) {
      await sections.nth(i).locator('svg').first().waitFor();
      expect(await sections.nth(i).getByTestId('compare-table').locator('tbody tr').count()).toBe(4);
    }
    const text = await sections.first().textContent();
    expect(text).toContain('gemiddelde van de gemeenten');
    expect(text).toMatch(/significant (hoger|lager) dan|niet significant verschillend van/);
  });

  it('Wijken vergelijken: all indicators in one wijk × indicator table that fits 1400 px, against a benchmark the page explains', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    try {
      await page.goto(`${base}/vergelijken?gemeente=GM9901`);
      await page.getByRole('button', { name: 'Alles kiezen' }).last().click();
      const heatmap = page.getByTestId('heatmap');
      await heatmap.locator('thead th').nth(9).waitFor();
      await heatmap.locator('tbody td', { hasText: /%/ }).first().waitFor();
      // Nine GKA indicators with wijk figures; the exam pass rate exists per gemeente only, so it is disabled and says why.
      expect(await heatmap.locator('thead th').count()).toBe(1 + 9);
      expect(await heatmap.locator('tbody tr').count()).toBe(await page.locator('input[name=wijken]').count());
      const passRate = page.getByLabel(/Slagingspercentage vo-examen/);
      expect(await passRate.isDisabled()).toBe(true);
      expect(await page.locator('label', { has: passRate }).textContent()).toContain('geen cijfers per wijk');
      const { table, box } = await heatmap.evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement!.clientWidth }));
      expect(table).toBeLessThanOrEqual(box);
      // Every cell: a value or 'afgeschermd', and a word beside the colour.
      const cells = await heatmap.locator('tbody td').allTextContents();
      expect(cells.every((c) => /afgeschermd|^–$|(gunstig|ongunstig|n\.s\.|hoger|lager)$/.test(c))).toBe(true);
      expect(await heatmap.locator('caption').textContent()).toContain('vergeleken met Vlietstad');
      await page.getByLabel('Vergelijk elke wijk met').selectOption('gemeenten');
      await page.waitForURL(/vergelijk=gemeenten/);
      await heatmap.locator('caption', { hasText: 'vergeleken met het gemiddelde van de gemeenten' }).waitFor();
      expect(await page.getByText(/ongewogen gemiddelde van alle gemeentewaarden/).count()).toBe(1);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('Data: the table builder shows the values and links a CSV with a BOM', async () => {
    await page.goto(`${base}/data?indicator=advies_havo_vwo&cohort=2022-2023`);
    await page.getByTestId('values-table').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('values-table').locator('tbody tr').count()).toBe(4);
    const href = (await page.getByTestId('download-csv').getAttribute('href'))!;
    expect(href).toContain('format=csv');
    expect(href).toContain('indicator=advies_havo_vwo');
    const res = await fetch(new URL(href, base));
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain(';');
    expect(await page.getByTestId('synthetic-banner').isVisible()).toBe(true);
    const xlsx = await fetch(new URL((await page.getByTestId('download-xlsx').getAttribute('href'))!, base));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('Data: the URL follows the controls; benchmark and change as columns, and in the download', async () => {
    // A cohort the indicator does not have leaves the URL, rather than disagreeing with the dropdown.
    await page.goto(`${base}/data?indicator=slagingspercentage_vo&cohort=2022-2023`);
    await page.getByTestId('values-table').locator('tbody tr').first().waitFor();
    await page.waitForURL((u) => !u.searchParams.has('cohort'));
    expect(await page.getByLabel('Cohort', { exact: true }).inputValue()).toBe('sj2023-2024');
    await page.goto(`${base}/data?indicator=advies_havo_vwo&cohort=2022-2023`);
    await page.getByTestId('values-table').locator('tbody tr').first().waitFor();
    await page.getByLabel('Indicator', { exact: true }).selectOption('slagingspercentage_vo');
    await page.waitForURL((u) => u.searchParams.get('indicator') === 'slagingspercentage_vo' && !u.searchParams.has('cohort'));

    await page.goto(`${base}/data?indicator=advies_havo_vwo&cohort=2022-2023`);
    const table = page.getByTestId('values-table');
    await table.locator('tbody tr').first().waitFor();
    await page.getByLabel('Vergelijk met').selectOption('gka');
    await table.getByRole('columnheader', { name: 'GKA-gemeenten' }).waitFor();
    expect(await table.locator('tbody tr td:nth-child(9)').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/significant|onbekend/)]));
    // A group of gemeenten as the benchmark column, and in the download.
    await page.getByLabel('Vergelijk met').selectOption('groep:gka');
    await table.getByRole('columnheader', { name: 'Groep: GKA-gemeenten' }).waitFor();
    expect((await page.getByTestId('download-csv').getAttribute('href'))!).toContain('group=gka');
    await page.getByLabel('Vergelijk met').selectOption('gka');
    await page.getByLabel('Verandering t.o.v.').selectOption('voor-covid');
    await page.waitForURL(/tov=voor-covid/);
    await table.getByRole('columnheader', { name: /Verandering t\.o\.v\. vóór COVID/ }).waitFor();
    const changes = await table.locator('tbody tr td:last-child').allTextContents();
    expect(changes.every((t) => /^[+−]?\d+,\d pp, |afgeschermd|^–$/.test(t))).toBe(true);
    const href = (await page.getByTestId('download-csv').getAttribute('href'))!;
    expect(href).toContain('reference=voor-covid');
    const csv = await (await fetch(new URL(href, base))).text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Gebiedscode;.*;GKA-gemeenten;.*;Verandering$/);
  });

  it('Data: the pooled period before COVID gives small wijken a value that single cohorts hide', async () => {
    const hidden = async (cohort: string) => {
      await page.goto(`${base}/data?indicator=advies_havo_vwo&cohort=${cohort}&niveau=wijk&gemeente=GM9904&dimensie=migratieachtergrond`);
      const table = page.getByTestId('values-table');
      await table.locator('tbody tr').first().waitFor();
      return table.locator('tbody tr', { hasText: 'afgeschermd' }).count();
    };
    const single = await hidden('2018-2019');
    const pooled = await hidden('2012-2013_2018-2019');
    expect(await page.getByLabel('Cohort', { exact: true }).locator('option:checked').textContent()).toBe('Cohorten 2012-2013 t/m 2018-2019 samen');
    expect(pooled).toBeLessThan(single);
    // A pooled period has no change of its own.
    expect(await page.getByLabel('Verandering t.o.v.').count()).toBe(0);
  });

  it('Data: hidden cells read "afgeschermd", never numbers, and the caption says why', async () => {
    await page.goto(`${base}/data?indicator=advies_havo_vwo&cohort=2022-2023&niveau=wijk&gemeente=GM9904&dimensie=migratieachtergrond`);
    const table = page.getByTestId('values-table');
    await table.locator('tbody tr').first().waitFor();
    const suppressed = table.locator('tbody tr', { hasText: 'afgeschermd' });
    expect(await suppressed.count()).toBeGreaterThan(0);
    // The row's own cells; the benchmark beside it is a published pool, not this cell.
    const own = (await suppressed.first().locator('td').allTextContents()).slice(0, 7).join(' ');
    expect(own).toContain('afgeschermd');
    expect(own).not.toMatch(/\d+,\d%/);
    expect(await table.locator('caption').textContent()).toContain('terug te rekenen');
  });

  it('Gespreksnotitie keeps the cohort and indicator of the gemeente page and says what COVID changed', async () => {
    await page.goto(`${base}/gemeente/GM9901?indicator=zittenblijven&cohort=2020-2021`);
    await page.getByTestId('notitie-link').click();
    await page.getByTestId('notitie').waitFor();
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.get('indicator'), url.searchParams.get('cohort')]).toEqual([
      '/gemeente/GM9901/notitie',
      'zittenblijven',
      '2020-2021',
    ]);
    expect(await page.getByRole('heading', { name: /Trend: Zittenblijvers/ }).isVisible()).toBe(true);
    expect(await page.getByLabel('Cohort', { exact: true }).inputValue()).toBe('2020-2021');
    // One line per indicator with a COVID change; the periods compared named once, above the lines.
    const covid = page.getByTestId('notitie-covid');
    expect(await covid.locator('h2').textContent()).toBe('COVID: het eerste COVID-cohort vergeleken met de cohorten ervoor');
    const periods = await covid.locator('h3').allTextContents();
    expect(periods[0]).toMatch(/^Cohort 2020-2021 vergeleken met vóór COVID \(\d{4}-\d{4} t\/m 2018-2019 samen\)$/);
    for (const p of periods) expect(p).toMatch(/^(Cohort|Schooljaar) \d{4}-\d{4} vergeleken met vóór COVID \(\d{4}-\d{4} t\/m 2018-2019 samen\)$/);
    const profile = ProfileResponse.parse(await (await fetch(`${base}/api/v1/profile/GM9901?cohort=2020-2021`)).json());
    const changed = profile.indicators.filter((i) => i.covidChange);
    const lines = await covid.locator('li').allTextContents();
    expect(lines).toHaveLength(changed.length);
    for (const i of changed) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${i.indicator.name}: [+−]?\\d+,\\d (pp|punt), `)));
    expect((await covid.textContent())!.match(/t\/m/g)).toHaveLength(periods.length);
    // Its own cohort control.
    await page.getByLabel('Cohort', { exact: true }).selectOption('2018-2019');
    await page.waitForURL(/cohort=2018-2019/);
    expect(await page.getByTestId('notitie').textContent()).toContain('2018-2019');
  });

  it('Gespreksnotitie prints to one or two A4 pages with the whole trend, without the beforeprint event', async () => {
    await page.goto(`${base}/gemeente/GM9901/notitie`);
    await page.getByTestId('notitie').locator('svg').first().waitFor();
    await page.waitForTimeout(300);
    // page.pdf() lays the page out for print without firing beforeprint: the chart must fit anyway.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
    expect(doc.numPages).toBeGreaterThanOrEqual(1);
    expect(doc.numPages).toBeLessThanOrEqual(2);
    const items: { str: string; x: number; width: number }[] = [];
    let pageWidth = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const p = await doc.getPage(n);
      pageWidth = p.getViewport({ scale: 1 }).width;
      const text = await p.getTextContent();
      for (const i of text.items) if ('str' in i) items.push({ str: i.str.trim(), x: i.transform[4] as number, width: i.width });
    }
    // The trend's x-axis, every cohort up to the last, inside the page.
    const axis = ['2012-2013', '2014-2015', '2016-2017', '2018-2019', '2020-2021', '2022-2023'];
    for (const label of axis) {
      const found = items.filter((i) => i.str === label);
      expect(found.length, `x-axis label ${label} in the PDF`).toBeGreaterThan(0);
      expect(Math.max(...found.map((i) => i.x + i.width))).toBeLessThanOrEqual(pageWidth);
    }
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Gespreksnotitie gemeente Vlietstad' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the demo banner exactly where the figures shown are synthetic', async () => {
    // A browser of its own: this test changes the data, and the other pages should not see it.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // Each visit is a fresh page load: wait for the view's decision (no sleep that a slow chunk outlasts), then look.
    const banner = async () => {
      const decided = page.locator('main[data-banner="geen"], main[data-banner="getoond"]');
      await decided.waitFor();
      const shown = (await decided.getAttribute('data-banner')) === 'getoond';
      expect(await page.getByTestId('synthetic-banner').isVisible()).toBe(shown);
      return shown;
    };
    // As with real boundaries and real pass rates beside the demo values of the GKA indicators.
    const passRatesSynthetic = async () =>
      IndicatorsResponse.parse(await (await fetch(`${base}/api/v1/indicators`)).json()).data.find((i) => i.code === 'slagingspercentage_vo')?.synthetic;
    const real = async (v: boolean) => {
      await database.db.updateTable('dataset').set({ synthetic: !v, imported_at: new Date() }).where('kind', 'in', ['geo', 'duo']).execute();
      // Until the API has read the new data version.
      await expect.poll(passRatesSynthetic, { timeout: 10_000 }).toBe(!v);
    };
    await real(true);
    try {
      const onMap = async (indicator: string, column: RegExp) => {
        await page.goto(`${base}/kaart?indicator=${indicator}`);
        await page.getByTestId('gemeenten-table').getByRole('columnheader', { name: column }).waitFor();
        return banner();
      };
      await page.goto(`${base}/kaart`);
      await page.getByTestId('gemeenten-table').waitFor();
      expect(await banner(), 'kaart, stedelijkheid (CBS)').toBe(false);
      expect(await onMap('advies_havo_vwo', /Schooladvies/), 'kaart, demo indicator').toBe(true);
      expect(await onMap('slagingspercentage_vo', /Slagingspercentage/), 'kaart, real pass rates').toBe(false);
      // Wijken before a gemeente is chosen: no table yet, but the chosen indicator is synthetic.
      await page.goto(`${base}/data?indicator=advies_havo_vwo&niveau=wijk`);
      await page.getByText('Kies een of meer gemeenten, of een groep, om hun wijken te tonen.').waitFor();
      expect(await banner(), 'data, wijken without gemeente').toBe(true);
      await page.goto(`${base}/data?indicator=slagingspercentage_vo`);
      await page.getByTestId('values-table').waitFor();
      expect(await banner(), 'data, real pass rates').toBe(false);
      // Demo indicators beside real pass rates: no banner, a mark per row.
      await page.goto(`${base}/gemeente/GM9901`);
      await page.getByTestId('summary-grid').waitFor();
      expect(await banner(), 'gemeente with demo indicators and real pass rates').toBe(false);
      const grid = page.getByTestId('summary-grid');
      expect(await grid.locator('tbody tr', { hasText: 'Slagingspercentage' }).getByTestId('provenance').textContent()).toBe('echte cijfers (DUO)');
      expect(await grid.locator('tbody tr', { hasText: 'Schooladvies havo/vwo' }).getByTestId('provenance').textContent()).toBe('synthetisch');
      // A page of demo figures only keeps its banner.
      await page.goto(`${base}/vergelijken?gemeente=GM9902&indicatoren=advies_havo_vwo`);
      await page.getByTestId('compare-table').waitFor();
      expect(await banner(), 'vergelijken, demo indicator only').toBe(true);
    } finally {
      await context.close();
      await real(false);
    }
  });

  it('has no axe-core violations on any view (WCAG 2.1 A/AA and best practice)', async () => {
    const views = [
      ['kaart', '/kaart?indicator=advies_havo_vwo&tov=voor-covid&cohort=2020-2021', 'map-canvas'],
      ['gemeente', '/gemeente/GM9901?indicator=advies_havo_vwo', 'wijk-table'],
      ['notitie', '/gemeente/GM9901/notitie', 'notitie'],
      ['vergelijken', '/vergelijken?gemeente=GM9902&indicatoren=advies_havo_vwo,zittenblijven', 'compare-table'],
      ['regio', '/regio?groep=gka', 'overview-table'],
      ['data', '/data?indicator=advies_havo_vwo&cohort=2022-2023&tov=voor-covid', 'values-table'],
    ] as const;
    for (const [name, url, ready] of views) {
      await page.goto(`${base}${url}`);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForTimeout(300);
      // The bar is no serious or critical violation; today there is none of any impact, and that is kept.
      const { found, passes } = await axeFindings();
      expect(found, name).toEqual([]);
      // axe did look: a page of this kind passes dozens of its checks.
      expect(passes, name).toBeGreaterThan(15);
    }
  });

  it('names the gemeente in the page title and moves focus to the heading after navigation', async () => {
    await page.goto(`${base}/kaart`);
    await page.getByTestId('gemeenten-table').getByRole('link', { name: 'Vlietstad' }).click();
    await page.getByRole('heading', { name: 'Gemeente Vlietstad' }).waitFor();
    await page.waitForFunction(() => document.title === 'Gemeente Vlietstad – GKA Dashboard');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gemeente Vlietstad');
    await page.getByTestId('notitie-link').click();
    await page.waitForFunction(() => document.title === 'Gespreksnotitie Vlietstad – GKA Dashboard');
    // The map's canvas is hidden from screen readers; where MapLibre names it, it says so in Dutch.
    await page.goto(`${base}/kaart`);
    await page.getByTestId('map-canvas').locator('canvas').waitFor();
    expect(await page.getByTestId('map-canvas').locator('[aria-label="Map"]').count()).toBe(0);
  });

  it('a view still loading says so in place of the previous page; one that cannot load says so in Dutch, with a reload', async () => {
    await page.goto(`${base}/kaart`);
    await page.getByRole('heading', { name: 'Kaart van de gemeenten' }).waitFor();
    // Every view is a chunk of its own, fetched when first shown. Held back: the previous page goes at once.
    const chunks = /\/assets\/.+\.js$/;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(chunks, async (route) => {
      await held;
      await route.continue();
    });
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    try {
      await menu.getByRole('link', { name: 'Wijken vergelijken' }).click();
      await page.getByRole('status').filter({ hasText: 'Bezig met laden van de pagina…' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Kaart van de gemeenten' }).count()).toBe(0);
      release();
      await page.getByRole('heading', { name: 'Wijken vergelijken' }).waitFor();
    } finally {
      release();
      await page.unroute(chunks);
    }
    // A chunk that no longer exists (the app was updated while open): the shell stays, the error takes its place.
    await page.route(chunks, (route) => route.abort());
    try {
      await menu.getByRole('link', { name: 'Data' }).click();
      const alert = page.getByRole('alert');
      await alert.getByRole('heading', { name: 'Deze pagina kon niet worden geladen' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent === 'Deze pagina kon niet worden geladen');
      expect(await menu.isVisible()).toBe(true);
      expect(await page.title()).toBe('Data – GKA Dashboard');
    } finally {
      await page.unroute(chunks);
    }
    await page.getByRole('alert').getByRole('button', { name: 'Pagina opnieuw laden' }).click();
    await page.getByRole('heading', { name: 'Data: tabellen en downloads' }).waitFor();
  });

  it('at 390 px the page never scrolls sideways: wide tables scroll in their own box and say so', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const views = [
        ['/gemeente/GM9901?indicator=advies_havo_vwo', 'wijk-table'],
        ['/data?indicator=advies_havo_vwo&tov=voor-covid&cohort=2022-2023', 'values-table'],
        ['/vergelijken?gemeente=GM9902', 'compare-table'],
      ];
      for (const [url, table] of views) {
        await page.goto(`${base}${url}`);
        await page.getByTestId(table!).locator('tbody tr').first().waitFor();
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
        const hint = page.locator('[data-testid=table-hint]:visible').first();
        await hint.waitFor();
        expect(await hint.textContent()).toContain('scroll opzij');
        // The box that scrolls is reachable by keyboard.
        expect(await page.locator('.table-wrap[tabindex="0"][role="region"]').count(), url).toBeGreaterThan(0);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('Gemeente: the funnel plot of its wijken has the points of /values, marks a chosen wijk, and axe finds nothing', async () => {
    await page.goto(`${base}/gemeente/GM9901?indicator=advies_havo_vwo&cohort=2022-2023`);
    await page.getByRole('heading', { name: /^Trechterdiagram van de wijken/ }).waitFor();
    const funnel = page.getByTestId('funnel-chart');
    const names = await expectFunnelOfValues(`${base}/api/v1/values?indicator=advies_havo_vwo&cohort=2022-2023&level=wijk&parent=GM9901`);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(await funnel.locator('.chart[role="img"]').getAttribute('aria-label')).toMatch(
      /^Trechterdiagram: Schooladvies havo\/vwo per wijk tegen het aantal leerlingen, met de 95%- en 99,8%-grenzen rond Vlietstad/,
    );
    expect(await funnel.locator('p.hint').first().textContent()).toMatch(
      /95%-grenzen .* 99,8%-grenzen rond Vlietstad, inclusief de gewone spreiding tussen gebieden/,
    );
    // The axes say what they are; the chosen wijk is labelled in the chart and stands out in the table.
    await funnel.locator('svg text', { hasText: 'Aantal leerlingen' }).first().waitFor();
    const chosen = names.at(-1)!;
    await funnel.getByLabel('Markeer een wijk').selectOption({ label: chosen });
    await page.waitForURL(/markeer=/);
    await funnel.locator('svg text', { hasText: chosen }).first().waitFor();
    expect(await funnel.locator('tr[aria-current="true"] th').textContent()).toBe(chosen);
    const { found, passes } = await axeFindings();
    expect(found).toEqual([]);
    expect(passes).toBeGreaterThan(15);

    // The Data view: the gemeenten against Nederland.
    await page.goto(`${base}/data?indicator=advies_havo_vwo&cohort=2022-2023`);
    await page.getByRole('heading', { name: 'Trechterdiagram van de gemeenten' }).waitFor();
    expect(await expectFunnelOfValues(`${base}/api/v1/values?indicator=advies_havo_vwo&cohort=2022-2023&level=gemeente`)).toHaveLength(4);
    expect(await funnel.locator('.chart[role="img"]').getAttribute('aria-label')).toMatch(/rond Nederland\./);
    expect((await axeFindings()).found).toEqual([]);
  });

  it('shows figures imported while the page is open when the window gets the focus again, without a reload', async () => {
    const key = { area_code: 'GM9901', cohort: '2022-2023', indicator: 'advies_havo_vwo', dimension: 'totaal', grp: 'totaal' } as const;
    const stored = await database.db
      .selectFrom('measure')
      .select(['numerator', 'denominator'])
      .where('area_code', '=', key.area_code)
      .where('cohort', '=', key.cohort)
      .where('indicator', '=', key.indicator)
      .where('dimension', '=', key.dimension)
      .where('grp', '=', key.grp)
      .executeTakeFirstOrThrow();
    const before = { numerator: Number(stored.numerator), denominator: Number(stored.denominator) };
    const dir = mkdtempSync(path.join(tmpdir(), 'gka-e2e-import-'));
    const importTotaal = (numerator: number) => {
      const file = path.join(dir, `waarden-${numerator}.csv`);
      writeFileSync(file, `gebiedcode;cohort;indicator;dimensie;groep;teller;noemer\n${Object.values(key).join(';')};${numerator};${before.denominator}\n`);
      return importValues(database.url, file, { synthetic: true });
    };
    const valuesUrl = `${base}/api/v1/values?indicator=${key.indicator}&cohort=${key.cohort}&level=gemeente`;
    const shown = async () => {
      const values = ValuesResponse.parse(await (await fetch(valuesUrl)).json());
      return values.data.find((v) => v.area === key.area_code && v.group === 'totaal')!;
    };
    const row = page.getByTestId('values-table').locator('tbody tr', { hasText: 'Vlietstad' });

    await page.goto(`${base}/data?indicator=${key.indicator}&cohort=${key.cohort}`);
    await row.waitFor();
    const old = formatPercent((await shown()).value);
    expect(await row.textContent()).toContain(old);

    // Five points more or less, as a re-delivered file could say.
    const step = Math.ceil(before.denominator * 0.05);
    const changed = before.numerator > before.denominator / 2 ? before.numerator - step : before.numerator + step;
    await importTotaal(changed);
    try {
      // The API sees the import once it re-reads its data version.
      await expect.poll(async () => (await shown()).numerator, { timeout: 10_000 }).toBe(changed);
      const now = formatPercent((await shown()).value);
      expect(now).not.toBe(old);
      // The user comes back to the tab: the page asks again and shows the new figure.
      await expect
        .poll(
          async () => {
            await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
            return row.textContent();
          },
          { timeout: 10_000 },
        )
        .toContain(now);
    } finally {
      await importTotaal(before.numerator);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows errors in Dutch and raised no script errors or CSP violations', async () => {
    await page.goto(`${base}/gemeente/GM0000`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/Niet gevonden|konden niet worden geladen/);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});

/** A second API on its own database, seeded by `seed`, for the tests on real open data; returns its base URL. */
function useServerOn(seed: (database: TestDatabase) => Promise<void>): () => string {
  let database: TestDatabase | undefined;
  let server: Awaited<ReturnType<typeof buildApp>> | undefined;
  let url = '';
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database);
    server = await buildApp({ config: testConfig(), db: database.db });
    url = await server.listen({ host: '127.0.0.1', port: 0 });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });
  return () => url;
}

/**
 * Amsterdam on its real 2024 boundaries: its wijken (the most of any gemeente but Rotterdam) with
 * made-up values for the nine GKA indicators of one cohort, to check that the wijk × indicator table
 * fits one screen width at 1400 px whatever the length of the real wijk names.
 */
describe.skipIf(!hasOpenData)('web app on the real boundaries of Amsterdam', () => {
  const base = useServerOn((d) => seedAmsterdam(d, OPEN_DATA));

  it('Wijken vergelijken: the heatmap of all Amsterdam wijken × nine indicators fits 1400 px', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    try {
      await page.goto(`${base()}/vergelijken?gemeente=GM0363&indicatoren=${DEMO_INDICATORS.join(',')}`);
      const heatmap = page.getByTestId('heatmap');
      await heatmap.locator('tbody td', { hasText: /%/ }).first().waitFor();
      expect(await heatmap.locator('thead th').count()).toBe(1 + DEMO_INDICATORS.length);
      expect(await heatmap.locator('tbody tr').count()).toBeGreaterThan(90);
      const { table, box } = await heatmap.evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement!.clientWidth }));
      expect(table).toBeLessThanOrEqual(box);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1400);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

/**
 * Tilburg's real schools: the 2024 boundaries and the DUO and CBS figures per school location, as
 * import-duo loads them from open data.
 */
describe.skipIf(!hasOpenData)('web app with the real schools of Tilburg', () => {
  const base = useServerOn((d) => seedSchools(d, OPEN_DATA));

  it('Gemeente Tilburg: its basisscholen and vo-scholen with real figures, and a school page with its trend', async () => {
    const errors = pageErrors.length;
    await page.goto(`${base()}/gemeente/GM0855`);
    const vo = page.getByTestId('school-table-vo');
    await vo.locator('tbody tr').first().waitFor();
    const po = page.getByTestId('school-table-po');
    // Real figures, and the page says so per indicator.
    await page.getByTestId('summary-grid').locator('tbody tr', { hasText: 'Slagingspercentage' }).locator('th', { hasText: 'echte cijfers' }).waitFor();
    expect(await po.locator('tbody tr').count()).toBeGreaterThan(40);
    expect(await vo.locator('tbody tr').count()).toBeGreaterThan(5);
    // Real pass rates with their interval, compared in words with Tilburg and Nederland.
    expect(await vo.locator('thead').textContent()).toMatch(/Slagingspercentage.*schooljaar 2023-2024/);
    expect(await vo.locator('tbody').textContent()).toMatch(/\d+,\d%/);
    expect(await vo.locator('tbody').textContent()).toMatch(/Tilburg: (gunstig|ongunstig|geen significant verschil)/);
    expect(await vo.locator('tbody').textContent()).toMatch(/Nederland: (gunstig|ongunstig|geen significant verschil)/);
    expect(await po.locator('thead').textContent()).toMatch(/Achterstandsscore per 100 leerlingen/);
    // One column for the toets each school took, named per school, compared on that toets only, and not sortable across scales.
    const toets = po.getByRole('columnheader', { name: /^Eind- of doorstroomtoets/ });
    expect(await toets.getByRole('button').count()).toBe(0);
    const taken = await po.locator('tbody .toets-label').allTextContents();
    expect(taken.length).toBeGreaterThan(20);
    expect(taken.every((t) => /^(Centrale Eindtoets|IEP|Route 8|Dia|AMN|Dé Doorstroomtoets|Leerling in Beeld).*, schooljaar 2018-2019$/.test(t))).toBe(true);
    expect(taken.some((t) => t.startsWith('Centrale Eindtoets')) && taken.some((t) => !t.startsWith('Centrale Eindtoets'))).toBe(true);
    // A toets score is a mean without interval: its difference is shown untested, in one phrase on the grid and, once in
    // the column header, on the schools.
    expect(await po.locator('thead').textContent()).toMatch(/verschil met dezelfde toets, zonder significantietoets/);
    expect(await po.locator('tbody').textContent()).toMatch(/Tilburg: [+−]?\d+,\d punt/);
    const grid = await page.getByTestId('summary-grid').textContent();
    expect(grid).toMatch(/zonder significantietoets \([+−]?\d+,\d/);
    expect(`${grid}${await po.textContent()}`).not.toMatch(/niet getoetst|onbekend/);
    let a11y = await axeFindings();
    expect(a11y.found).toEqual([]);

    // A school page: where it is, and its pass rate over ten school years next to Tilburg and Nederland.
    await vo.locator('tbody tr').first().getByRole('link').click();
    await page.getByTestId('trend-chart').first().waitFor();
    expect(await page.locator('h1').textContent()).toBeTruthy();
    // The gemeente's name arrives with its own request.
    await page.locator('.facts', { hasText: 'Tilburg' }).waitFor();
    expect(await page.locator('.facts').textContent()).toMatch(/Tilburg.*Voortgezet onderwijs/s);
    await page.getByText('Tabel bij de grafiek').first().click();
    const rows = page.getByTestId('trend-table').first().locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    expect(await page.getByTestId('trend-table').first().locator('thead').textContent()).toMatch(/Nederland.*Eigen gemeente/);
    a11y = await axeFindings();
    expect(a11y.found).toEqual([]);

    // Beside the wijk comparison: the schools of Tilburg, apart from its wijken, each linked to its page.
    await page.goto(`${base()}/vergelijken?gemeente=GM0855`);
    const list = page.getByTestId('school-list');
    await list.waitFor();
    expect(await list.locator('summary').allTextContents()).toEqual([
      expect.stringMatching(/^Basisscholen \(\d{2,}\)$/),
      expect.stringMatching(/^Scholen voor voortgezet onderwijs \(\d+\)$/),
    ]);
    await list.locator('summary').nth(1).click();
    await list.getByRole('link').first().click();
    await page.getByTestId('trend-chart').first().waitFor();
    expect(pageErrors.slice(errors)).toEqual([]);
  });

  it('Gemeente Tilburg: the funnel plot of its schools on the real pass rates has the points of /values, against Tilburg', async () => {
    await page.goto(`${base()}/gemeente/GM0855?indicator=slagingspercentage_vo`);
    await page.getByRole('heading', { name: /^Trechterdiagram van de scholen/ }).waitFor();
    // The pass rate has no wijk figures at all: the wijk section says so, not that Tilburg lacks them.
    await page.getByText('Slagingspercentage vo-examen bestaat niet per wijk: de bron telt per school.', { exact: false }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Voor deze gemeente zijn geen wijkcijfers beschikbaar');
    const profile = ProfileResponse.parse(await (await fetch(`${base()}/api/v1/profile/GM0855`)).json());
    const cohort = profile.indicators.find((i) => i.indicator.code === 'slagingspercentage_vo')!.cohort.code;
    const names = await expectFunnelOfValues(`${base()}/api/v1/values?indicator=slagingspercentage_vo&cohort=${cohort}&level=school&parent=GM0855`);
    expect(names.length).toBeGreaterThan(5);
    expect(await page.getByTestId('funnel-table').locator('caption').textContent()).toMatch(
      /^Slagingspercentage.* per school, vergeleken met Tilburg \(\d+,\d%\)$/,
    );
    expect((await axeFindings()).found).toEqual([]);
  });

  it('A school CBS calls unreliable (De Smeltkroes, Coevorden: 38 pupils) says so with its achterstandsscore, in the table and on its page', async () => {
    await page.goto(`${base()}/gemeente/GM0109`);
    const row = page.getByTestId('school-table-po').locator('tbody tr', { hasText: 'De Smeltkroes' });
    await row.first().waitFor();
    expect(await row.getByTestId('value-note').allTextContents()).toEqual(['CBS: onbetrouwbaar, 40 leerlingen of minder']);
    // Its neighbours with more pupils carry no such note.
    const notes = await page.getByTestId('school-table-po').getByTestId('value-note').count();
    expect(notes).toBeLessThan(await page.getByTestId('school-table-po').locator('tbody tr').count());
    await row.getByRole('link', { name: 'De Smeltkroes' }).click();
    // The school page, not the notes of the table it leaves.
    await page.waitForURL(/\/school\//);
    await page.getByTestId('value-note').waitFor();
    expect(await page.getByTestId('value-note').textContent()).toBe('Schooljaar 2019-2020: CBS: onbetrouwbaar, 40 leerlingen of minder');
    expect((await axeFindings()).found).toEqual([]);
  });
});

/**
 * Tilburg with the demo values of the GKA indicators beside the real DUO and CBS figures: every page
 * marks each indicator real or synthetic, and none calls the DUO figures synthetic.
 */
describe.skipIf(!hasOpenData)('web app on Tilburg with demo values beside real DUO figures', () => {
  const base = useServerOn((d) => seedDemoBesideDuo(d, OPEN_DATA));
  /** The names of the nine demo indicators; the rest are DUO and CBS figures, loaded by import-duo. */
  let demo: string[] = [];
  beforeAll(async () => {
    const { data } = (await (await fetch(`${base()}/api/v1/indicators`)).json()) as { data: { code: string; name: string; cohorts: unknown[] }[] };
    const loaded = data.filter((i) => i.cohorts.length > 0);
    demo = loaded.filter((i) => (DEMO_INDICATORS as readonly string[]).includes(i.code)).map((i) => i.name);
  });
  const startsWithOneOf = (text: string, names: string[]) => names.some((n) => text.trim().startsWith(n));
  const noBanner = async () => {
    // The view decides on the banner once it knows what it shows: wait for that decision, then look.
    await page.locator('main[data-banner="geen"], main[data-banner="getoond"]').waitFor();
    expect(await page.getByTestId('synthetic-banner').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toMatch(/cijfers op deze pagina zijn synthetisch|DEMODATA/);
  };

  it('Regio: each column says synthetisch or echte cijfers, the files a column per line, and no page-wide banner', async () => {
    // Tilburg with its vergelijkbare gemeenten: eleven rows, so that axe reads the page in seconds, not a minute.
    await page.goto(`${base()}/regio?groep=vergelijkbaar-GM0855`);
    const table = page.getByTestId('overview-table');
    await table.locator('tbody tr').first().waitFor();
    const headers = (await table.locator('thead th').allTextContents()).slice(1).map(withoutSoftHyphens);
    const marked = (names: string[]) => headers.filter((h) => startsWithOneOf(h, names));
    expect(marked(demo).length).toBe(demo.length);
    for (const h of marked(demo)) expect(h, h).toMatch(/synthetisch/);
    // The pass rate (and the other DUO columns): real, never called synthetic.
    expect(headers.find((h) => h.startsWith('Slagingspercentage'))).toMatch(/echte cijfers \(DUO\)/);
    for (const h of headers.filter((h) => !startsWithOneOf(h, demo))) expect(h, h).toMatch(/echte cijfers \((DUO|CBS)\)/);
    await noBanner();
    expect((await axeFindings()).found).toEqual([]);
    // The CSV says it per line.
    const csv = await (await fetch(new URL((await page.getByTestId('overview-csv').getAttribute('href'))!, base()))).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    const column = lines[0]!.indexOf('Synthetisch');
    const indicator = lines[0]!.indexOf('Indicatorcode');
    expect(column).toBeGreaterThan(0);
    const marks = new Map<string, Set<string>>();
    for (const l of lines.slice(1)) marks.set(l[indicator]!, (marks.get(l[indicator]!) ?? new Set()).add(l[column]!));
    for (const [code, m] of marks) expect([...m], code).toEqual([(DEMO_INDICATORS as readonly string[]).includes(code) ? 'ja' : 'nee']);
    expect(marks.get('slagingspercentage_vo')).toEqual(new Set(['nee']));
  });

  it('Gemeente Tilburg: each row of the grid, each card and the trend say which they are; no banner', async () => {
    await page.goto(`${base()}/gemeente/GM0855`);
    const grid = page.getByTestId('summary-grid');
    await grid.locator('tbody tr').first().waitFor();
    const rows = await grid.locator('tbody tr th[scope=row]').allTextContents();
    expect(rows.filter((r) => startsWithOneOf(r, demo)).length).toBe(demo.length);
    for (const r of rows) expect(r, r).toMatch(startsWithOneOf(r, demo) ? /synthetisch$/ : /echte cijfers \((DUO|CBS)\)$/);
    expect(rows.find((r) => r.startsWith('Slagingspercentage'))).toMatch(/echte cijfers \(DUO\)$/);
    // The cards below in sentences: the same mark per card.
    const cards = page.getByTestId('kpi-cards').locator('li.kpi');
    expect(await cards.count()).toBe(rows.length);
    for (const card of await cards.all()) {
      const title = (await card.locator('.kpi__title').textContent())!;
      expect(await card.getByTestId('provenance').textContent(), title).toMatch(demo.includes(title) ? /^synthetisch$/ : /^echte cijfers \((DUO|CBS)\)$/);
    }
    // The trend of a demo indicator and of the pass rate, each with its mark beside the chart.
    await page.getByLabel('Indicator voor trend, kansenkloof en wijken').selectOption('advies_havo_vwo');
    await page.getByTestId('trend-scale').getByText('synthetisch').waitFor();
    await page.getByLabel('Indicator voor trend, kansenkloof en wijken').selectOption('slagingspercentage_vo');
    await page.getByTestId('trend-scale').getByText('echte cijfers (DUO)').waitFor();
    // The schools: real figures, each column marked so.
    const vo = page.getByTestId('school-table-vo');
    await vo.locator('tbody tr').first().waitFor();
    expect(await vo.locator('thead').getByTestId('provenance').allTextContents()).toEqual(expect.arrayContaining(['echte cijfers (DUO)']));
    expect(await page.getByTestId('school-table-po').locator('thead').getByTestId('provenance').allTextContents()).not.toContain('synthetisch');
    await noBanner();
    expect((await axeFindings()).found).toEqual([]);
  });

  it('One COVID story: the regio overview, the gemeente page and the notitie give Tilburg the same COVID change; the cancelled exams get no verdict', async () => {
    // The COVID change of an indicator as a cohort and a signed number, wherever it stands.
    const covidOf = (text: string) => {
      const m = /(\d{4}-\d{4}).*?([+−]?\d+,\d) (pp|procentpunt)|([+−]?\d+,\d) (pp|procentpunt).*?\((\d{4}-\d{4})\)/s.exec(text);
      expect(m, text).not.toBeNull();
      return m![1] ? { cohort: m![1], change: m![2] } : { cohort: m![6], change: m![4] };
    };
    await page.goto(`${base()}/regio?groep=provincie-noord-brabant`);
    const table = page.getByTestId('overview-table');
    await table.locator('tbody tr').first().waitFor();
    const headers = (await table.locator('thead th').allTextContents()).map(withoutSoftHyphens);
    const tilburg = table.locator('tbody tr', { has: page.locator('th', { hasText: /^Tilburg$/ }) });
    // A cell's details, COVID change included, in the panel that Enter (or a click) opens.
    const regioCell = async (name: RegExp) => {
      const column = headers.findIndex((h) => name.test(h));
      await tilburg.locator('th, td').nth(column).locator('button').press('Enter');
      const panel = page.getByTestId('overview-detail');
      // The header's text up to its sort mark is the indicator's name, which the panel's title repeats.
      await panel.locator('h2', { hasText: `Tilburg: ${headers[column]!.split(/[↕▲▼]/)[0]}` }).waitFor();
      return panel.textContent();
    };
    // The GKA schooladvies (demo, by where pupils live), not DUO's schooladvies by school.
    const regio = { advies: (await regioCell(/^Schooladvies havo\/vwo(?! \(naar school\))/))!, pass: (await regioCell(/^Slagingspercentage/))! };
    expect(regio.pass).toMatch(/COVID \(2019-2020\).*geen oordeel: andere regels dat jaar/);

    await page.goto(`${base()}/gemeente/GM0855`);
    const grid = page.getByTestId('summary-grid');
    await grid.locator('tbody tr').first().waitFor();
    const gridCovid = (name: RegExp) =>
      grid
        .locator('tbody tr', { has: page.locator('th[scope=row]', { hasText: name }) })
        .locator('td')
        .last();
    for (const [name, text] of [
      [/^Schooladvies havo\/vwo(?! \(naar school\))/, regio.advies],
      [/^Slagingspercentage/, regio.pass],
    ] as const) {
      expect(covidOf((await gridCovid(name).textContent())!), String(name)).toEqual(covidOf(text.slice(text.indexOf('COVID'))));
    }
    // The cancelled central exams of 2020: no green or red, the words say why.
    expect(
      await gridCovid(/^Slagingspercentage/)
        .locator('.verdict')
        .getAttribute('class'),
    ).toMatch(/verdict--(neutraal|geen_verschil|onbekend)/);

    await page.goto(`${base()}/gemeente/GM0855/notitie`);
    const covid = page.getByTestId('notitie-covid');
    await covid.waitFor();
    const passLine = (await covid.locator('li', { hasText: 'Slagingspercentage' }).textContent())!;
    // The periods stand once above their lines: the pass rate's heading and line together.
    const passPeriod = (await covid.locator('div', { has: page.locator('li', { hasText: 'Slagingspercentage' }) }).textContent())!;
    expect(covidOf(passPeriod)).toEqual(covidOf(regio.pass.slice(regio.pass.indexOf('COVID'))));
    expect(passLine).toMatch(/geen oordeel: andere regels dat jaar\*$/);
    expect(await covid.locator('p', { hasText: /^\* Slagingspercentage/ }).textContent()).toMatch(
      /^\* Slagingspercentage vo-examen, schooljaar 2019-2020: In 2020 gingen de centrale examens niet door/,
    );
  });

  it('Gespreksnotitie Tilburg: the schools counted and the furthest named as /schools gives them; chart text at least 8 pt on A4', async () => {
    await page.goto(`${base()}/gemeente/GM0855/notitie`);
    const section = page.getByTestId('notitie-scholen');
    await section.locator('li').first().waitFor();
    const schools = SchoolsResponse.parse(await (await fetch(`${base()}/api/v1/schools/GM0855`)).json());
    expect(await section.locator('p').first().textContent()).toMatch(
      new RegExp(`^${schools.counts.po} basisscholen en ${schools.counts.vo} scholen voor voortgezet onderwijs in Tilburg hebben cijfers`),
    );
    const lines = await section.locator('li').allTextContents();
    expect(lines).toHaveLength(schools.far.length);
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^${schools.far[i]!.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `)));
    expect(lines[0]).toMatch(/significant (hoger|lager) dan de eigen gemeente\)$/);
    // Printed on A4 from a wide screen, the trend's axis labels are no smaller than 8 pt.
    // The chart's svg exists before its option is drawn: wait for the year labels themselves.
    await page
      .getByTestId('notitie')
      .locator('svg text', { hasText: /^20\d\d-20\d\d$/ })
      .first()
      .waitFor();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
    const sizes: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      for (const item of (await (await doc.getPage(n)).getTextContent()).items)
        if ('str' in item && /^20\d\d-20\d\d$/.test(item.str.trim())) sizes.push(Math.hypot(item.transform[2] as number, item.transform[3] as number));
    }
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
    expect((await axeFindings()).found).toEqual([]);
  });

  it('Gespreksnotitie Tilburg: each row marked, the DUO figures real, no DEMODATA line', async () => {
    await page.goto(`${base()}/gemeente/GM0855/notitie?indicator=slagingspercentage_vo`);
    await page.getByTestId('notitie').locator('svg').first().waitFor();
    const rows = await page.locator('.notitie__kpi tbody th[scope=row]').allTextContents();
    expect(rows.filter((r) => startsWithOneOf(r, demo)).length).toBe(demo.length);
    for (const r of rows) expect(r, r).toMatch(startsWithOneOf(r, demo) ? /synthetisch$/ : /echte cijfers \((DUO|CBS)\)$/);
    expect(await page.locator('.notitie__meta').textContent()).toContain('echte en synthetische cijfers naast elkaar: per indicator aangegeven');
    // Opleidingsmobiliteit is defined by parents' education: no kansenkloof, and the notitie says so.
    const kloof = (name: string) => page.locator('.notitie__kpi tbody tr', { hasText: name }).locator('td').last().textContent();
    expect(await kloof('Opleidingsmobiliteit')).toBe('n.v.t.');
    expect(await kloof('Schooladvies havo/vwo')).toMatch(/^[+−]?\d+,\d pp$|^–$/);
    expect(await page.getByTestId('trend-scale').textContent()).toMatch(/^echte cijfers \(DUO\)/);
    await noBanner();
    expect((await axeFindings()).found).toEqual([]);
  });
});
