import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasOpenData, OPEN_DATA } from '../../api/src/test/open-data.ts';
import { useApp } from './fixture.ts';
import { seedDemoBesideDuo } from './seed.ts';

/**
 * End to end on a phone (390 × 844) and, against regressions, a wide screen (1400 × 1000): Tilburg
 * with the demo values beside the real DUO figures, the gemeente with the widest tables. The page
 * itself never scrolls sideways; a wide table scrolls in its own box and keeps its first column in
 * view.
 */
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1400, height: 1000 };
/** Time for a test that opens every page, and for one that opens one, on a loaded machine. */
const PAGE_WALK = 300_000;
const ONE_PAGE = 120_000;
/** A Tilburg vo-school with real pass rates and havo/vwo shares over several school years. */
const SCHOOL = 'SC18XU00';

/** Each page, and what shows that its data have loaded. */
const PAGES: { name: string; url: string; loaded: string[] }[] = [
  {
    name: 'gemeente',
    url: '/gemeente/GM0855',
    loaded: [
      '[data-testid=summary-grid] tbody tr',
      '[data-testid=wijk-table] tbody tr',
      '[data-testid=school-table-po] tbody tr',
      '[data-testid=school-table-vo] tbody tr',
    ],
  },
  { name: 'vergelijken', url: '/vergelijken?gemeente=GM0855', loaded: ['[data-testid=heatmap] tbody tr', '[data-testid=compare-table] tbody tr'] },
  { name: 'data', url: '/data?indicator=advies_havo_vwo&tov=voor-covid', loaded: ['[data-testid=values-table] tbody tr'] },
  { name: 'kaart', url: '/kaart?indicator=advies_havo_vwo', loaded: ['[data-testid=map-canvas] svg path', '[data-testid=gemeenten-table] tbody tr'] },
  { name: 'school', url: `/school/${SCHOOL}`, loaded: ['main section h2', '[data-testid=trend-chart] svg'] },
  { name: 'notitie', url: '/gemeente/GM0855/notitie', loaded: ['[data-testid=notitie] table tbody tr', '[data-testid=notitie-covid]'] },
];

/** A table box that scrolls, as measured after scrolling it to its far end. */
type ScrolledBox = { table: string; scrolled: number; firstColumn: { inBox: boolean; onTop: boolean }[] };

describe.skipIf(!hasOpenData)('on a phone and a wide screen, Tilburg with demo values beside real DUO figures', () => {
  const app = useApp((d) => seedDemoBesideDuo(d, OPEN_DATA), { viewport: PHONE });
  let page: Page;
  let base: string;
  let pageErrors: string[];
  beforeAll(() => {
    ({ page, base, pageErrors } = app);
    page.setDefaultTimeout(60_000);
  });

  /** Opens a page and waits, by polling, until its content is there and nothing says it is still loading. */
  async function open(url: string, loaded: string[]): Promise<void> {
    await page.goto(`${base}${url}`);
    for (const selector of loaded) await page.locator(selector).first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.status--loading').length === 0);
  }

  const pageOverflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  /**
   * Every visible table box wider than its content area, scrolled to its far end (the page moved
   * only vertically, so that a cell that did not stay in place would be out of view): its table,
   * how far it scrolled, and for the header and the first row whether the first cell still lies
   * inside the box and is what the screen shows at that spot.
   */
  const scrolledBoxes = () =>
    page.evaluate(() => {
      const out: ScrolledBox[] = [];
      for (const box of document.querySelectorAll<HTMLElement>('.table-wrap')) {
        const table = box.querySelector('table');
        if (!table || !box.checkVisibility() || box.scrollWidth <= box.clientWidth + 1) continue;
        box.scrollLeft = 0;
        const cells = [table.querySelector<HTMLElement>('thead tr > :first-child'), table.querySelector<HTMLElement>('tbody tr > :first-child')].filter(
          (c): c is HTMLElement => c !== null,
        );
        const firstColumn = cells.map((cell) => {
          window.scrollTo({ left: 0, top: window.scrollY + cell.getBoundingClientRect().top - 200, behavior: 'instant' });
          box.scrollLeft = box.scrollWidth;
          const r = cell.getBoundingClientRect();
          const b = box.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + 4, r.top + Math.min(r.height / 2, 10));
          return { inBox: r.left >= b.left - 1 && r.right <= b.right + 1, onTop: hit !== null && cell.contains(hit) };
        });
        out.push({ table: table.dataset.testid ?? table.caption?.textContent?.slice(0, 40) ?? '', scrolled: box.scrollLeft, firstColumn });
        box.scrollLeft = 0;
      }
      window.scrollTo({ left: 0, top: 0, behavior: 'instant' });
      return out;
    });

  it(
    'at 390 px no page scrolls sideways, and each wide table scrolls in its box with its first column in view',
    async () => {
      await page.setViewportSize(PHONE);
      const wideTables: Record<string, string[]> = {};
      for (const { name, url, loaded } of PAGES) {
        await open(url, loaded);
        expect(await pageOverflow(), `${name}: the page is wider than the screen`).toBeLessThanOrEqual(0);
        // The tables under the charts too.
        const closed = page.locator('details.chart-table:not([open]) > summary');
        while ((await closed.count()) > 0) await closed.first().click();
        const boxes = await scrolledBoxes();
        wideTables[name] = boxes.map((b) => b.table);
        for (const box of boxes) {
          expect(box.scrolled, `${name}, ${box.table}: the box scrolls`).toBeGreaterThan(0);
          expect(box.firstColumn, `${name}, ${box.table}: the first column after scrolling the box`).toEqual(
            box.firstColumn.map(() => ({ inBox: true, onTop: true })),
          );
        }
        // Scrolling the boxes moved the page no sideways either.
        expect(await pageOverflow(), name).toBeLessThanOrEqual(0);
      }
      // The wide tables of a phone are there and were checked, not skipped.
      expect(wideTables.gemeente).toEqual(
        expect.arrayContaining(['summary-grid', 'trend-table', 'wijk-table', 'funnel-table', 'school-table-po', 'school-table-vo']),
      );
      expect(wideTables.vergelijken).toContain('compare-table');
      expect(wideTables.data).toContain('values-table');
      expect(wideTables.kaart).toContain('gemeenten-table');
      expect(pageErrors).toEqual([]);
    },
    PAGE_WALK,
  );

  it(
    'at 390 px every benchmark of the summary grid can be scrolled into view beside its indicator, and the legend reads whole',
    async () => {
      await page.setViewportSize(PHONE);
      // With a group: the most benchmark columns the grid has.
      await open('/gemeente/GM0855?groep=provincie-noord-brabant', ['[data-testid=summary-grid] tbody tr']);
      const grid = page.getByTestId('summary-grid');
      const headers = await grid.locator('thead th').allTextContents();
      expect(headers).toEqual(['Indicator', 'Waarde', 'Nederland', 'Zelfde stedelijkheid', 'GKA-gemeenten', 'Noord-Brabant', 'COVID-cohort t.o.v. vóór COVID']);
      const reach = await grid.evaluate((table: HTMLTableElement) => {
        const box = table.closest<HTMLElement>('.table-wrap')!;
        const caption = table.caption!;
        const row = table.tBodies[0]!.rows[0]!;
        const visible = (el: Element, left = box.getBoundingClientRect().left) => {
          const r = el.getBoundingClientRect();
          const b = box.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
          return r.left >= left - 1 && r.right <= Math.min(b.right, window.innerWidth) + 1 && hit !== null && el.contains(hit);
        };
        const captionWhole = () =>
          caption.getBoundingClientRect().right <= box.getBoundingClientRect().right + 1 && caption.scrollWidth <= caption.clientWidth + 1;
        const result = {
          wide: box.scrollWidth > box.clientWidth,
          captionAtStart: captionWhole(),
          columns: [] as { column: string; header: boolean; cell: boolean; name: boolean }[],
        };
        const heads = [...table.tHead!.rows[0]!.cells];
        heads.forEach((th, i) => {
          if (i < 2) return;
          window.scrollTo({ left: 0, top: window.scrollY + th.getBoundingClientRect().top - 100, behavior: 'instant' });
          // As a user swipes the box: until the column's right edge meets the box's.
          box.scrollLeft = th.offsetLeft + th.offsetWidth - box.clientWidth;
          const nameCell = row.cells[0]!;
          const besideName = nameCell.getBoundingClientRect().right;
          result.columns.push({
            column: th.textContent ?? '',
            header: visible(th, besideName),
            cell: visible(row.cells[i]!, besideName),
            name: visible(nameCell),
          });
        });
        box.scrollLeft = box.scrollWidth;
        return { ...result, captionAtEnd: captionWhole() };
      });
      // On a phone the grid is wider than the screen, so this is about scrolling, not about fitting.
      expect(reach.wide).toBe(true);
      expect(reach.columns).toEqual(headers.slice(2).map((column) => ({ column, header: true, cell: true, name: true })));
      expect(reach.captionAtStart && reach.captionAtEnd).toBe(true);
      expect(await pageOverflow()).toBeLessThanOrEqual(0);
    },
    ONE_PAGE,
  );

  it(
    'at 390 px the school tables give the figures beside the name and the address last',
    async () => {
      await page.setViewportSize(PHONE);
      await open('/gemeente/GM0855', ['[data-testid=school-table-po] tbody tr', '[data-testid=school-table-vo] tbody tr']);
      for (const sector of ['po', 'vo']) {
        const table = page.getByTestId(`school-table-${sector}`);
        const headers = await table.locator('thead th').allTextContents();
        expect(headers[0], sector).toMatch(/^School/);
        expect(headers[1], sector).toMatch(sector === 'po' ? /^Eind- of doorstroomtoets/ : /^Slagingspercentage/);
        expect(headers.at(-1), sector).toMatch(/^Adres/);
        // The first figure is on screen beside the name before the box is scrolled.
        const shown = await table.evaluate((t: HTMLTableElement) => {
          const box = t.closest<HTMLElement>('.table-wrap')!;
          box.scrollLeft = 0;
          const cell = t.tBodies[0]!.rows[0]!.cells[1]!;
          const r = cell.getBoundingClientRect();
          return { text: cell.textContent, inBox: r.right <= Math.min(box.getBoundingClientRect().right, window.innerWidth) + 1 };
        });
        expect(shown.text, sector).toMatch(/\d/);
        expect(shown.inBox, sector).toBe(true);
      }
    },
    ONE_PAGE,
  );

  it(
    'at 1400 px nothing scrolls sideways and the summary grid fits its box, every benchmark in view',
    async () => {
      await page.setViewportSize(WIDE);
      try {
        for (const { name, url, loaded } of PAGES) {
          await open(url, loaded);
          expect(await pageOverflow(), name).toBeLessThanOrEqual(0);
        }
        await open('/gemeente/GM0855?groep=provincie-noord-brabant', ['[data-testid=summary-grid] tbody tr']);
        const grid = await page.getByTestId('summary-grid').evaluate((table: HTMLTableElement) => {
          const box = table.closest<HTMLElement>('.table-wrap')!;
          return {
            fits: box.scrollWidth <= box.clientWidth,
            headersInView: [...table.tHead!.rows[0]!.cells].every((th) => th.getBoundingClientRect().right <= window.innerWidth),
          };
        });
        expect(grid).toEqual({ fits: true, headersInView: true });
      } finally {
        await page.setViewportSize(PHONE);
      }
    },
    PAGE_WALK,
  );
});
