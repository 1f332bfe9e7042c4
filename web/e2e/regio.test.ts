import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expandOverview, isToetsIndicator, OverviewResponse, VERDICTS, verdictText, type Overview, type OverviewCell } from '@gka/shared';
import { hasOpenData, OPEN_DATA } from '../../api/src/test/open-data.ts';
import { formatValue } from '../src/lib/format.ts';
import { axeFindings } from './browser.ts';
import { useApp } from './fixture.ts';
import { seedCorop, seedDemoBesideDuo } from './seed.ts';
import { withoutSoftHyphens } from '../src/lib/hyphens.ts';

/** The regio overview on the fictitious region: a group, a provincie and a gemeente's vergelijkbare gemeenten. */
describe('the regio overview of the fictitious region', () => {
  const app = useApp();
  let page: Page;
  let base: string;
  beforeAll(() => void ({ page, base } = app));

  it('the gemeenten of a group × the indicators with verdicts in words, sortable by keyboard, linked to the gemeente', async () => {
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
});

/**
 * The regio overview as a regiocoördinator sees it: Midden-Noord-Brabant (COROP 34, 11 gemeenten)
 * on the real 2024 boundaries, with the demo values of the GKA indicators beside the real DUO and
 * CBS figures, on a wide screen and on a phone.
 */
describe.skipIf(!hasOpenData)('the regio overview of Midden-Noord-Brabant, demo values beside real DUO figures', () => {
  const app = useApp(
    async (d) => {
      await seedDemoBesideDuo(d, OPEN_DATA);
      await seedCorop(d, OPEN_DATA);
    },
    { viewport: { width: 1400, height: 1000 } },
  );
  let page: Page;
  let base: string;
  beforeAll(() => void ({ page, base } = app));

  /** The overview as the API decided it. */
  const overview = async (group: string): Promise<Overview> =>
    expandOverview(OverviewResponse.parse(await (await fetch(`${base}/api/v1/overview?group=${group}`)).json()));
  const hasFigure = (c: OverviewCell | undefined) => !!c && (c.value !== null || c.suppressed);
  /** The words a cell must state: the API's verdict, or that there is no figure. */
  const wordsOf = (c: OverviewCell | undefined) => (hasFigure(c) ? verdictText(c!.verdict, c!.significance, c!.difference) : 'geen gegevens');
  /** A table's column names: its sort buttons without their mark. */
  const columnNames = async (t: Locator) =>
    (await t.locator('thead th .sort-button').allTextContents()).map((h) => withoutSoftHyphens(h).replace(/[↕▲▼]$/, ''));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  it('at 1400 × 1000 shows every indicator beside the names without sideways scrolling, rows of at most 72 px, each verdict in words', async () => {
    const d = await overview('corop-34');
    expect(d.rows).toHaveLength(11);
    await page.goto(`${base}/regio?groep=corop-34`);
    const table = page.getByTestId('overview-table');
    await table.locator('tbody tr').first().waitFor();
    const toetsTable = page.getByTestId('overview-toetsen');
    await toetsTable.locator('tbody tr').first().waitFor();

    // Every indicator: the toetsen a school in the regio took in a table of their own, each other indicator a column here.
    const main = d.indicators.flatMap((indicator, i) => (isToetsIndicator(indicator.code) ? [] : [{ indicator, i }]));
    const toetsen = d.indicators.flatMap((indicator, i) =>
      isToetsIndicator(indicator.code) && [...d.rows, d.pooled].some((r) => hasFigure(r.cells[i])) ? [{ indicator, i }] : [],
    );
    expect(main.length).toBeGreaterThanOrEqual(12);
    expect(toetsen.length).toBeGreaterThanOrEqual(2);
    expect(await columnNames(table)).toEqual(['Gemeente', ...main.map((c) => c.indicator.name)]);
    expect(await columnNames(toetsTable)).toEqual(['Gemeente', ...toetsen.map((c) => c.indicator.name)]);

    // Neither table scrolls sideways in its box, nor does the page.
    for (const t of [table, toetsTable]) {
      const w = await t.evaluate((el) => ({ table: el.scrollWidth, box: el.parentElement!.clientWidth }));
      expect(w.table).toBeLessThanOrEqual(w.box);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1400);
    expect(await page.getByTestId('table-hint').count()).toBe(0);

    // The gemeenten and the regio together, in rows of at most 72 px.
    const heights = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
    expect(heights).toHaveLength(12);
    expect(median(heights)).toBeLessThanOrEqual(72);

    // Every cell states the value and the verdict the API decided, in words, beside its colour.
    const rowsOf = (t: Locator) =>
      t.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          name: tr.querySelector('th')!.textContent,
          cells: [...tr.querySelectorAll('td')].map((td) => ({
            verdict: td.getAttribute('data-verdict'),
            value: td.querySelector('.heat-cell__value')?.textContent ?? null,
            // What a screen reader says besides the value: the words not hidden from it.
            words: [...td.querySelectorAll('.heat-cell__word:not([aria-hidden="true"]), .visually-hidden')].map((e) => e.textContent).join(' '),
          })),
        })),
      );
    let checked = 0;
    for (const [t, columns] of [
      [table, main],
      [toetsTable, toetsen],
    ] as const) {
      const shown = await rowsOf(t);
      expect(shown.map((r) => r.name)).toEqual([...d.rows, d.pooled].map((r) => r.name));
      for (const r of shown) {
        const row = [...d.rows, d.pooled].find((x) => x.name === r.name)!;
        expect(r.cells).toHaveLength(columns.length);
        r.cells.forEach((shownCell, k) => {
          const { indicator, i } = columns[k]!;
          const cell = row.cells[i];
          const where = `${r.name}, ${indicator.name}`;
          expect(shownCell.words, where).toBe(wordsOf(cell));
          expect(shownCell.value, where).toBe(hasFigure(cell) ? formatValue(cell, indicator.unit) : null);
          if (hasFigure(cell)) expect(shownCell.verdict, where).toBe(cell!.verdict);
          checked++;
        });
      }
    }
    expect(checked).toBe(12 * (main.length + toetsen.length));

    // Each verdict in the colour of the shared registry, which the stylesheet reads as a custom property.
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
    let coloured = 0;
    for (const v of ['gunstig', 'ongunstig', 'geen_verschil'] as const) {
      const fills = await table.locator(`td.heat--${v}`).evaluateAll((tds) => tds.map((td) => getComputedStyle(td).backgroundColor));
      coloured += fills.length;
      expect(new Set(fills), v).toEqual(fills.length ? new Set([rgb(VERDICTS[v].fill ?? '')]) : new Set());
    }
    expect(coloured).toBeGreaterThan(0);

    // Scrolled down the page, the header holds at the top of the screen, the names at the left of the rows below it.
    const top = await table.evaluate((t) => t.getBoundingClientRect().top + window.scrollY);
    await page.evaluate((y) => window.scrollTo(0, y), top + 300);
    const head = (await table.locator('thead th').nth(3).boundingBox())!;
    expect(head.y).toBeGreaterThanOrEqual(-1);
    expect(head.y).toBeLessThanOrEqual(1);
    const names = await table.locator('tbody th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().toJSON() as DOMRect));
    const visible = names.filter((n) => n.top >= head.y + head.height - 1 && n.bottom <= 1000);
    expect(visible.length).toBeGreaterThanOrEqual(4);
    for (const n of visible) expect(n.left).toBeGreaterThanOrEqual(0);

    // The per-column mark: the demo columns synthetic, the DUO and CBS ones real.
    const marks = await table.locator('thead th').evaluateAll((ths) => ths.slice(1).map((th) => th.querySelector('[data-testid=provenance]')?.textContent));
    const real: unknown = expect.stringMatching(/^echte cijfers \((DUO|CBS)\)$/);
    expect(marks).toEqual(main.map((c) => (c.indicator.synthetic ? 'synthetisch' : real)));
    expect(marks).toContain('synthetisch');

    const { found, passes } = await axeFindings(page);
    expect(found).toEqual([]);
    expect(passes).toBeGreaterThan(15);

    // Printed, both tables fit the page's width.
    await page.emulateMedia({ media: 'print' });
    try {
      for (const t of [table, toetsTable]) expect(await t.evaluate((el) => el.scrollWidth <= el.parentElement!.clientWidth + 1)).toBe(true);
    } finally {
      await page.emulateMedia({ media: null });
    }
  });

  it("shows a cell's details on hover and focus, in the detail panel on a click or Enter; arrow keys move between cells, Escape closes", async () => {
    const d = await overview('corop-34');
    await page.goto(`${base}/regio?groep=corop-34`);
    const table = page.getByTestId('overview-table');
    await table.locator('tbody tr').first().waitFor();
    const column = (await columnNames(table)).indexOf(d.indicators.find((i) => i.code === 'slagingspercentage_vo')!.name);
    expect(column).toBeGreaterThan(0);
    const tilburg = table.locator('tbody tr', { has: page.locator('th', { hasText: /^Tilburg$/ }) });
    const pass = tilburg.locator('th, td').nth(column).locator('button');
    const tooltip = page.getByTestId('overview-tooltip');

    // Hover: the interval, the benchmark, the COVID change (the exams of 2020 get no verdict) and the source.
    await pass.hover();
    await tooltip.waitFor();
    const text = (await tooltip.textContent())!;
    expect(text).toMatch(/^Tilburg: Slagingspercentage vo-examen \(schooljaar \d{4}-\d{4}\)/);
    expect(text).toMatch(/95%-interval \d+,\d% – \d+,\d%/);
    expect(text).toMatch(/Nederland\d+,\d%/);
    expect(text).toMatch(/COVID \(2019-2020\).*geen oordeel: andere regels dat jaar/);
    expect(text).toMatch(/BronDUO Open Onderwijsdata.*echte cijfers \(DUO\)/);
    // The tooltip describes its cell for a screen reader.
    expect(await pass.getAttribute('aria-describedby')).toBe(await tooltip.getAttribute('id'));
    await page.mouse.move(1, 1);
    await tooltip.waitFor({ state: 'detached' });

    // Focus: the same, and the arrow keys take the focus (and the tooltip) to the next cell.
    await pass.focus();
    await tooltip.getByText('Tilburg: Slagingspercentage').waitFor();
    await page.keyboard.press('ArrowRight');
    const next = d.indicators.filter((i) => !isToetsIndicator(i.code))[column]!;
    await tooltip.getByText(`Tilburg: ${next.name}`).waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('td')?.cellIndex)).toBe(column + 1);
    // Escape closes the tooltip.
    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'detached' });

    // Enter: the panel, with the way to the gemeente's own page for that indicator.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('overview-detail');
    await panel.getByRole('heading', { name: /^Tilburg: Slagingspercentage vo-examen/ }).waitFor();
    expect(await pass.getAttribute('aria-expanded')).toBe('true');
    expect(await panel.getByRole('link').getAttribute('href')).toBe('/gemeente/GM0855?indicator=slagingspercentage_vo');
    expect((await axeFindings(page)).found).toEqual([]);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // A click on another cell opens its details; Sluiten closes them.
    await table.locator('tbody tr').first().locator('td button').first().click();
    await panel.getByRole('heading', { name: new RegExp(`^${d.rows[0]!.name}: `) }).waitFor();
    await panel.getByRole('button', { name: 'Sluiten' }).click();
    await panel.waitFor({ state: 'detached' });
  });

  it('in a window too narrow for every column, the table scrolls in its own box with the names and the header held', async () => {
    await page.setViewportSize({ width: 1000, height: 700 });
    try {
      await page.goto(`${base}/regio?groep=provincie-noord-brabant`);
      const table = page.getByTestId('overview-table');
      await table.locator('tbody tr').nth(50).waitFor();
      const box = page.getByRole('region', { name: /Noord-Brabant: 56 gemeenten .*\(scrollbaar\)$/ });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1000);
      const start = (await box.boundingBox())!;
      await box.evaluate((b) => b.scrollTo(b.scrollWidth, 600));
      const name = (await table.locator('tbody th').nth(20).boundingBox())!;
      const head = (await table.locator('thead th').last().boundingBox())!;
      // The names at the left edge of the box, the header at its top.
      expect(Math.abs(name.x - start.x)).toBeLessThanOrEqual(2);
      expect(Math.abs(head.y - start.y)).toBeLessThanOrEqual(2);
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });

  it('at 390 × 844 never scrolls sideways, and shows a card per gemeente with its values, the unfavourable and favourable first', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${base}/regio`);
      await page.getByText('Kies een regio:').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      for (const group of ['corop-34', 'provincie-noord-brabant']) {
        const d = await overview(group);
        await page.goto(`${base}/regio?groep=${group}`);
        const cards = page.getByTestId('overview-cards').locator(':scope > li');
        await cards.first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth), group).toBeLessThanOrEqual(390);
        expect(await page.getByTestId('overview-table').isVisible()).toBe(false);
        expect(await cards.locator('h2').allTextContents()).toEqual([...d.rows, d.pooled].map((r) => r.name));
        // Each card: every figure of its gemeente with its value and verdict in words, the significant ones first.
        const shown = await cards.evaluateAll((lis) =>
          lis.map((li) =>
            [...li.querySelectorAll('.regio-card__line')].map((line) => ({
              verdict: line.getAttribute('data-verdict'),
              value: line.querySelector('.heat-cell__value')!.textContent,
              words: [...line.querySelectorAll('.heat-cell__word:not([aria-hidden="true"]), .visually-hidden')].map((e) => e.textContent).join(' '),
            })),
          ),
        );
        [...d.rows, d.pooled].forEach((row, n) => {
          const figures = row.cells.flatMap((cell, i) => (hasFigure(cell) ? [{ cell, indicator: d.indicators[i]! }] : []));
          const lines = shown[n]!;
          expect(lines.map((l) => l.value).sort(), row.name).toEqual(figures.map((f) => formatValue(f.cell, f.indicator.unit)).sort());
          expect(lines.map((l) => l.words).sort(), row.name).toEqual(figures.map((f) => wordsOf(f.cell)).sort());
          const significant = lines.map((l) => l.verdict === 'gunstig' || l.verdict === 'ongunstig');
          expect(significant, row.name).toEqual([...significant].sort((a, b) => Number(b) - Number(a)));
        });
        if (group !== 'corop-34') continue;
        // Values in view as soon as the cards are; a tapped line gives its details.
        const first = cards.first();
        await first.scrollIntoViewIfNeeded();
        expect(await first.locator('.heat-cell__value').first().isVisible()).toBe(true);
        await first.locator('summary').first().click();
        await first.locator('.cell-details').getByText('Bron').waitFor();
        expect((await axeFindings(page)).found).toEqual([]);
      }
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });
});
