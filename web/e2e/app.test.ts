import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  aandachtspuntSentence,
  ExpectedResponse,
  expectedSentence,
  expectedShortText,
  formatPercent,
  IndicatorsResponse,
  NO_PEERS_TEXT,
  peerText,
  ProfileResponse,
  SchoolsResponse,
  ValuesResponse,
} from '@gka/shared';
import type { TestDatabase } from '../../api/src/test/database.ts';
import { testConfig } from '../../api/src/test/config.ts';
import { DEMO_INDICATORS } from '../../api/src/importers/demo/model.ts';
import { addAccount } from '../../api/src/auth/accounts.ts';
import { importValues } from '../../api/src/importers/values/import.ts';
import { hasOpenData, OPEN_DATA } from '../../api/src/test/open-data.ts';
import { axeFindings as axeOf } from './browser.ts';
import { settled, useApp, useServerOn } from './fixture.ts';
import { seedDemoBesideDuo, seedRegion } from './seed.ts';
import { withoutSoftHyphens } from '../src/lib/hyphens.ts';

/**
 * The app as a whole, across its views: the demo banner and the real-or-synthetic marks, accessibility,
 * titles and focus, loading and failing chunks, narrow screens, fresh figures and errors.
 */
// Tests here change the data: a short re-check lets the API see it soon, and the tests poll for it.
const app = useApp(seedRegion, { config: testConfig({ dataRecheckMs: 50 }) });
let page: Page;
let base: string;
let browser: Browser;
let database: TestDatabase;
beforeAll(() => void ({ page, base, browser, database } = app));
const axeFindings = () => axeOf(page);

describe('every view', () => {
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
      // Looked at once the view has decided what it shows and nothing on it is loading any more.
      await page.locator('main[data-banner="geen"], main[data-banner="getoond"]').waitFor();
      await settled(page);
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
        await settled(page);
        // The hint comes when the table is measured wider than its box: after that, the page is laid out.
        const hint = page.locator('[data-testid=table-hint]:visible').first();
        await hint.waitFor();
        expect(await hint.textContent()).toContain('scroll opzij');
        expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
        // The box that scrolls is reachable by keyboard.
        expect(await page.locator('.table-wrap[tabindex="0"][role="region"]').count(), url).toBeGreaterThan(0);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
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

  // Script errors and CSP violations: none after any test (useApp checks).
  it('shows errors in Dutch', async () => {
    await page.goto(`${base}/gemeente/GM0000`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/Niet gevonden|konden niet worden geladen/);
  });
});

/**
 * Tilburg with the demo values of the GKA indicators beside the real DUO and CBS figures: every page
 * marks each indicator real or synthetic, and none calls the DUO figures synthetic.
 */
describe.skipIf(!hasOpenData)('web app on Tilburg with demo values beside real DUO figures', () => {
  const server = useServerOn((d) => seedDemoBesideDuo(d, OPEN_DATA));
  const base = () => server().base;
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

  it('Gemeente Tilburg: aandachtspunten, the expected value and the peers as /profile decides them, on the page and in the notitie', async () => {
    const profile = ProfileResponse.parse(await (await fetch(`${base()}/api/v1/profile/GM0855`)).json());
    const advies = profile.indicators.find((i) => i.indicator.code === 'advies_havo_vwo')!;
    expect(advies.expected).not.toBeNull();
    await page.goto(`${base()}/gemeente/GM0855?indicator=advies_havo_vwo`);
    // At the top: the concerns and strengths the API chose, in its words.
    const points = page.getByTestId('aandachtspunten');
    await points.waitFor();
    for (const key of ['zorgen', 'sterk'] as const) {
      const shown = profile.aandachtspunten[key].length ? await points.getByTestId(`aandachtspunten-${key}`).locator('li').allTextContents() : [];
      expect(shown).toEqual(profile.aandachtspunten[key].map(aandachtspuntSentence));
    }
    // Beside the trend: the figure against what Tilburg's pupils predict, and the vergelijkbare gemeenten that do better.
    const explanation = page.getByTestId('explanation');
    expect(await explanation.getByTestId('expected').textContent()).toBe(expectedSentence(advies.expected!));
    expect(await explanation.getByTestId('expected').textContent()).toMatch(/^Verwacht op grond van de opleiding van de ouders: \d+,\d%; werkelijk \d+,\d%/);
    const peers = explanation.getByTestId('peers');
    if (advies.peers!.length === 0) expect(await peers.textContent()).toBe(NO_PEERS_TEXT);
    else expect(await peers.locator('li').allTextContents()).toEqual(advies.peers!.map(peerText));
    // The wijk table: each wijk's distance from what its pupils predict, as /expected gives it.
    const wijken = ExpectedResponse.parse(await (await fetch(`${base()}/api/v1/expected?indicator=advies_havo_vwo&level=wijk&parent=GM0855`)).json());
    const wijkTable = page.getByTestId('wijk-table');
    await wijkTable.getByRole('columnheader', { name: /^t\.o\.v\. verwacht/ }).waitFor();
    const column = (await wijkTable.locator('thead th').allTextContents()).findIndex((h) => h.startsWith('t.o.v. verwacht'));
    const shown = new Map(
      await wijkTable.locator('tbody tr').evaluateAll((trs, c) => trs.map((tr) => [tr.children[0]!.textContent, tr.children[c]!.textContent]), column),
    );
    const published = wijken.data.filter((e) => !e.suppressed && e.difference !== null);
    expect(published.length).toBeGreaterThan(0);
    expect(published.map((e) => shown.get(e.name))).toEqual(published.map((e) => expectedShortText({ ...e, dimension: 'opleiding_ouders' }, true)));
    for (const e of wijken.data.filter((e) => e.suppressed)) expect(['afgeschermd', '–'], e.name).toContain(shown.get(e.name));
    // The pass rate (DUO) has no breakdown by parents' education: the page says there is no expected value.
    await page.getByLabel('Indicator voor trend, kansenkloof en wijken').selectOption('slagingspercentage_vo');
    await explanation
      .getByTestId('expected')
      .getByText(/^Geen verwachte waarde voor Slagingspercentage vo-examen/)
      .waitFor();
    expect((await axeFindings()).found).toEqual([]);

    // The notitie: the expected value in the key figures, and the peers.
    await page.goto(`${base()}/gemeente/GM0855/notitie`);
    const row = page.locator('.notitie__kpi tbody tr', { hasText: 'Schooladvies havo/vwo (Cohort' }).first();
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[4]).toMatch(
      new RegExp(
        `^${formatPercent(advies.expected!.expected).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[+−]?\\d+,\\d pp, (significant hoger|significant lager|niet significant)$`,
      ),
    );
    const section = page.getByTestId('notitie-verklaring');
    expect(await section.textContent()).toMatch(
      advies.peers!.length ? new RegExp(advies.peers![0]!.name) : /Op geen indicator doet een van de tien vergelijkbare gemeenten het significant beter/,
    );
    expect(await page.getByTestId('aandachtspunten').locator('h2').textContent()).toBe('Aandachtspunten');
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
  it('Werkruimte: a Tilburg user writes a duiding and an afspraak and sees them on the page and in the private notitie; nobody else does; interventies mark the trend and are shared', async () => {
    const password = 'Zomer-aan-de-Dommel-2026';
    const { database: db } = server();
    const peer = (await (await fetch(`${base()}/api/v1/groups/vergelijkbaar-GM0855`)).json()) as { data: { members: string[] } };
    const other = peer.data.members.find((m) => m !== 'GM0855')!;
    await addAccount(db.db, { email: 'tilburg@gka.test', role: 'gemeente', gemeenten: ['GM0855'], groepen: [], password });
    await addAccount(db.db, { email: 'ander@gka.test', role: 'gemeente', gemeenten: [other], groepen: [], password });
    const textOf = async (p: Page, url: string, ready: string) => {
      await p.goto(`${base()}${url}`);
      await p.getByTestId(ready).waitFor();
      await settled(p);
      return (await p.locator('main').innerText()).replace(/opgesteld .*? ·/, '');
    };
    const publicPage = await textOf(page, '/gemeente/GM0855?indicator=advies_havo_vwo', 'summary-grid');
    const publicNotitie = await textOf(page, '/gemeente/GM0855/notitie?indicator=advies_havo_vwo', 'notitie');

    const signIn = async (email: string, to: string) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const p = await context.newPage();
      p.setDefaultTimeout(15_000);
      await p.goto(`${base()}/inloggen?terug=${encodeURIComponent(to)}`);
      await p.getByLabel('E-mailadres').fill(email);
      await p.getByLabel('Wachtwoord').fill(password);
      await p.getByRole('button', { name: 'Inloggen' }).click();
      await p.waitForURL((u) => u.pathname === to.split('?')[0]);
      return p;
    };
    const mine = await signIn('tilburg@gka.test', '/gemeente/GM0855?indicator=advies_havo_vwo');
    const dossier = mine.getByTestId('dossier');
    await dossier.waitFor();
    // A duiding of the indicator shown, beside it and in the dossier.
    await dossier.getByRole('tab', { name: /Duiding/ }).click();
    await dossier.getByText('Nieuwe duiding').click();
    await dossier.getByLabel('Duiding', { exact: true }).fill('De daling volgt op de sluiting van De Regenboog in 2023.');
    await dossier.getByRole('button', { name: 'Duiding opslaan' }).click();
    await dossier.getByTestId('duiding').filter({ hasText: 'sluiting van De Regenboog' }).waitFor();
    await mine
      .getByTestId('indicator-dossier')
      .getByText(/sluiting van De Regenboog/)
      .waitFor();
    // An afspraak past its date: open, first, and marked.
    await dossier.getByRole('tab', { name: /Afspraken/ }).click();
    await dossier.getByText('Nieuwe afspraak').click();
    await dossier.getByLabel('Wat is afgesproken').fill('Cijfers per school delen met de besturen');
    await dossier.getByLabel('Wie doet het').fill('Gemeente Tilburg, afdeling onderwijs');
    await dossier.getByLabel('Uiterlijk op').fill('2026-11-01');
    await dossier.getByRole('button', { name: 'Afspraak opslaan' }).click();
    const afspraak = dossier.getByTestId('afspraak').filter({ hasText: 'Cijfers per school delen' });
    await afspraak.getByText('Te laat').waitFor();
    expect((await axeOf(mine)).found).toEqual([]);
    // The private notitie has both; the public one neither.
    await dossier.getByTestId('notitie-dossier-link').click();
    const privateNotitie = mine.getByTestId('notitie-dossier');
    await privateNotitie.waitFor();
    expect(await privateNotitie.textContent()).toMatch(/sluiting van De Regenboog.*Cijfers per school delen met de besturen.*te laat/s);
    expect((await axeOf(mine)).found).toEqual([]);

    // A user of another gemeente sees neither, and the API refuses her.
    const theirs = await signIn('ander@gka.test', '/gemeente/GM0855?indicator=advies_havo_vwo');
    expect(await textOf(theirs, '/gemeente/GM0855?indicator=advies_havo_vwo', 'summary-grid')).toBe(publicPage);
    expect(await theirs.getByTestId('dossier').count()).toBe(0);
    expect(await textOf(theirs, '/gemeente/GM0855/notitie?indicator=advies_havo_vwo&dossier=1', 'notitie')).not.toMatch(/Regenboog|Cijfers per school/);
    expect((await theirs.request.get(`${base()}/api/v1/dossier/GM0855`)).status()).toBe(403);
    // Her own gemeente's interventie, shared: Tilburg is one of its vergelijkbare gemeenten, and will see it.
    const interventie = (naam: string, deelbaar: boolean) => ({
      naam,
      beschrijving: 'Twee weken taal en rekenen in de zomer.',
      doelgroep: 'groep 7 en 8',
      start: '2019-09-01',
      eind: null,
      indicatoren: ['advies_havo_vwo'],
      wijken: [],
      scholen: [],
      deelbaar,
    });
    const write = async (p: Page, gemeente: string, data: object) => {
      const { csrfToken } = (await (await p.request.get(`${base()}/api/v1/ik`)).json()) as { csrfToken: string };
      const res = await p.request.post(`${base()}/api/v1/dossier/${gemeente}/interventies`, { headers: { 'x-csrf-token': csrfToken }, data });
      expect(res.status()).toBe(201);
    };
    await write(theirs, other, interventie('Zomerschool van de buren', true));
    await theirs.context().close();

    // Tilburg's own interventie is a line on the trend from its start; the neighbour's is under "Wat doen vergelijkbare gemeenten?".
    await write(mine, 'GM0855', interventie('Taalklas Tilburg', false));
    await mine.goto(`${base()}/gemeente/GM0855?indicator=advies_havo_vwo`);
    await mine.getByTestId('trend-chart').locator('svg text', { hasText: 'Taalklas Tilburg' }).first().waitFor();
    const aside = mine.getByTestId('indicator-dossier');
    await aside.getByText(/Zomerschool van de buren/).waitFor();
    const gemeenten = (await (await mine.request.get(`${base()}/api/v1/areas?level=gemeente`)).json()) as { data: { code: string; name: string }[] };
    const otherName = gemeenten.data.find((a) => a.code === other)!.name;
    expect(await aside.getByRole('link', { name: otherName }).getAttribute('href')).toBe(`/gemeente/${other}`);
    // Not its own among the neighbours'.
    expect(await aside.textContent()).not.toMatch(/Wat doen vergelijkbare gemeenten\?.*Taalklas Tilburg/s);

    // Signed out, the pages are the public ones again.
    await mine.goto(`${base()}/gemeente/GM0855?indicator=advies_havo_vwo`);
    await mine.getByRole('button', { name: 'Uitloggen' }).click();
    await mine.getByRole('link', { name: 'Inloggen' }).waitFor();
    expect(await textOf(mine, '/gemeente/GM0855?indicator=advies_havo_vwo', 'summary-grid')).toBe(publicPage);
    expect(await textOf(mine, '/gemeente/GM0855/notitie?indicator=advies_havo_vwo&dossier=1', 'notitie')).toBe(publicNotitie);
    expect((await mine.request.get(`${base()}/api/v1/dossier/GM0855`)).status()).toBe(401);
    await mine.context().close();
  });
});
