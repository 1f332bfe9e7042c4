import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request, Response } from 'playwright-core';
import { KAART_REQUESTS } from '../src/api/early.ts';
import { useApp } from './fixture.ts';

/**
 * The Kaart on the fictitious region: the map coloured by stedelijkheid, an indicator or a change, and its
 * table. The map is SVG until the first zoom, then MapLibre.
 */
const app = useApp();
let page: Page;
let base: string;
beforeAll(() => void ({ page, base } = app));

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

/** The map's colours once it shows at least `min` of them (MapLibre, once woken, paints after its tiles load). */
async function waitForColours(min: number): Promise<Map<string, number>> {
  let colours = new Map<string, number>();
  await expect.poll(async () => (colours = await mapColours()).size, { timeout: 20_000 }).toBeGreaterThanOrEqual(min);
  return colours;
}

describe('Kaart', () => {
  it('a coloured choropleth that recolours by indicator, with a table and legend', async () => {
    const asked: string[] = [];
    const ask = (r: Request) => void asked.push(r.url().slice(base.length));
    page.on('request', ask);
    const start = Date.now();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Kaart van de gemeenten' }).waitFor();
    const legend = page.getByRole('figure', { name: /Legenda/ });
    await legend.getByText('1 Zeer sterk stedelijk').waitFor();
    await legend.getByText('≥ 2.500 adressen/km²').waitFor();
    await waitForColours(4);
    // Budgets are measured and reported (BENCHMARKS.md), not asserted (shared CI machines vary).
    console.log(`first coloured map after ${Date.now() - start} ms`);
    // The colours to return to, once the table under the map is in: its scrollbar narrows the map, which shifts the edges' blends.
    await page.getByTestId('gemeenten-table').locator('tbody tr').nth(3).waitFor();
    const stedelijkheid = await mapColours();
    expect(stedelijkheid.size, 'distinct colours of the stedelijkheid map').toBeGreaterThanOrEqual(4);
    page.off('request', ask);
    // The page itself starts the boundaries and gemeenten (kaart.html), and the app takes those answers: each asked once.
    expect(asked.filter((u) => u.startsWith('/api/v1/geo/') || u.startsWith('/api/v1/areas')).sort()).toEqual([...KAART_REQUESTS].sort());
    expect(asked.indexOf(KAART_REQUESTS[0]!), 'the boundaries asked for before the app script').toBeLessThan(asked.findIndex((u) => u.startsWith('/assets/')));
    expect(await page.getByTestId('gemeenten-table').locator('tbody tr').count()).toBe(4);

    const switched = Date.now();
    await page.getByLabel('Kleur de kaart op').selectOption('advies_havo_vwo');
    await page.waitForURL(/indicator=advies_havo_vwo/);
    await page
      .getByTestId('gemeenten-table')
      .getByRole('columnheader', { name: /Schooladvies havo\/vwo/ })
      .waitFor();
    // Repainted once the values are in: other colours than stedelijkheid's.
    await expect.poll(async () => [...(await mapColours()).keys()].sort(), { timeout: 10_000 }).not.toEqual([...stedelijkheid.keys()].sort());
    console.log(`recoloured by indicator after ${Date.now() - switched} ms (including fetching the values)`);
    expect(await page.getByTestId('synthetic-banner').textContent()).toContain('synthetisch');
    expect(await page.getByTestId('gemeenten-table').textContent()).toMatch(/\d+,\d%/);

    // Back to stedelijkheid: no fetch, only new fills. Timed from the change to the frame that shows them.
    await page.evaluate(() => performance.clearMarks('gka:map-coloured'));
    const before = await page.evaluate(() => performance.now());
    await page.getByLabel('Kleur de kaart op').selectOption('stedelijkheid');
    await page.waitForFunction(() => performance.getEntriesByName('gka:map-coloured').length > 0);
    const mark = await page.evaluate(() => performance.getEntriesByName('gka:map-coloured')[0]?.startTime ?? NaN);
    console.log(`recolour took ${Math.round(mark - before)} ms`);
    expect([...(await waitForColours(4)).keys()].sort()).toEqual([...stedelijkheid.keys()].sort());

    // A share without breakdowns (the pass rates): no request for expected values it cannot have.
    const failed: string[] = [];
    const onResponse = (r: Response) => void (r.status() >= 400 && failed.push(`${r.status()} ${r.url().slice(base.length)}`));
    page.on('response', onResponse);
    await page.getByLabel('Kleur de kaart op').selectOption('slagingspercentage_vo');
    await page
      .getByTestId('gemeenten-table')
      .getByRole('columnheader', { name: /Slagingspercentage/ })
      .waitFor();
    await page.waitForLoadState('networkidle');
    page.off('response', onResponse);
    expect(failed).toEqual([]);
  });

  it('coloured by the change since before COVID, with the legend and the table saying so', async () => {
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
    await expect.poll(async () => [...(await mapColours()).keys()].filter(near).length, { timeout: 10_000 }).toBeGreaterThan(0);
    // For a cohort before COVID, 'vóór COVID' is no reference: the parameter goes, earlier cohorts stay choosable.
    await page.getByLabel('Cohort', { exact: true }).selectOption('2016-2017');
    await page.waitForURL((u) => !u.searchParams.has('tov'));
    expect(await page.getByLabel('Toon').count()).toBe(1);
  });

  it('coloured by observed − expected from the URL, with the diverging legend and the column saying so', async () => {
    await page.goto(`${base}/kaart?indicator=advies_havo_vwo&tov=verwacht`);
    const legend = page.getByRole('figure', { name: /Legenda: Verschil t\.o\.v\. verwacht: Schooladvies havo\/vwo/ });
    await legend.getByText(/procentpunt of hoger$/).waitFor();
    expect(await page.getByLabel('Toon').inputValue()).toBe('verwacht');
    const table = page.getByTestId('gemeenten-table');
    await table.getByRole('columnheader', { name: /t\.o\.v\. verwacht/ }).waitFor();
    const cells = await table.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(
      cells.every((t) => /^[+−]?\d+,\d pp, (significant (hoger|lager) dan verwacht|niet significant)$|^afgeschermd$|^–$/.test(t)),
      cells.join(' | '),
    ).toBe(true);
    // Painted from the diverging palette's inner classes (a handful of gemeenten never fills the open outer ones).
    const inner = ['#f1a340', '#e8e1d3', '#998ec3'].map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const near = (c: string) => inner.some((p) => c.split(',').every((x, i) => Math.abs(Number(x) - p[i]!) < 12));
    await expect.poll(async () => [...(await mapColours()).keys()].filter(near).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(page.url()).toContain('tov=verwacht');
  });

  it('the SVG map: gemeenten as named links, opened by click or keyboard; zooming brings in MapLibre', async () => {
    await page.goto(`${base}/kaart`);
    const map = page.getByRole('group', { name: /^Kaart: Stedelijkheid/ });
    const gemeenten = map.getByRole('link');
    await gemeenten.first().waitFor();
    expect(await gemeenten.count()).toBe(4);
    const vlietstad = map.getByRole('link', { name: /^Vlietstad, Stedelijkheid: \d [a-z ]+/ });
    expect(await vlietstad.getAttribute('href')).toBe('/gemeente/GM9901');
    // Hover shows the tooltip of the gemeente under the pointer.
    await vlietstad.hover();
    expect(await page.locator('.map__tooltip').textContent()).toMatch(/^VlietstadStedelijkheid: /);
    // One tab stop; the arrow keys move between gemeenten, Enter opens one.
    const stop = map.locator('[tabindex="0"]');
    expect(await stop.count()).toBe(1);
    await stop.focus();
    const first = await stop.getAttribute('data-code');
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp']) {
      await page.keyboard.press(key);
      if ((await page.evaluate(() => document.activeElement?.getAttribute('data-code'))) !== first) break;
    }
    const moved = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    expect(moved).toMatch(/^GM99\d\d$/);
    expect(moved).not.toBe(first);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/gemeente/${moved}$`));

    await page.goto(`${base}/`);
    await waitForColours(4);
    await page.getByRole('link', { name: /^Vlietstad,/ }).click();
    await page.waitForURL(/\/gemeente\/GM9901$/);
    await page.getByRole('heading', { name: 'Gemeente Vlietstad' }).waitFor();

    // Zooming in: MapLibre takes the SVG's place, coloured.
    await page.goto(`${base}/kaart`);
    const svgColours = await waitForColours(4);
    await page.getByRole('button', { name: 'Inzoomen' }).click();
    await page.getByTestId('map-canvas').locator('canvas').waitFor();
    await page.locator('.map--svg').waitFor({ state: 'detached', timeout: 20_000 });
    expect((await waitForColours(4)).size).toBeGreaterThanOrEqual(Math.min(4, svgColours.size));
    expect(await page.getByTestId('map-canvas').locator('[aria-label="Map"]').count()).toBe(0);
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/\/gemeente\/GM99\d\d$/);
  });
});
