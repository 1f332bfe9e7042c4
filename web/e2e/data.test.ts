import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import axe from 'axe-core';
import { parse } from 'csv-parse/sync';
import { AreasResponse, BulkExportInfo } from '@gka/shared';
import { useApp } from './fixture.ts';

/**
 * The Data page as an analyst uses it: the wijken of several gemeenten or of a group in one table,
 * and the bulk download of everything, linked with its size. The fictitious region: four gemeenten,
 * Vlietstad (GM9901) and Heuvelrode (GM9902) the GKA group.
 */
const app = useApp();
let page: Page;
let base: string;
let pageErrors: string[];
beforeAll(() => void ({ page, base, pageErrors } = app));

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
    // The URL changes before the list re-renders: poll the box.
    await expect.poll(() => chosen.getByRole('checkbox', { name: 'Vlietstad' }).isChecked()).toBe(false);
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

  it('the table builder shows the values and links a CSV with a BOM', async () => {
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

  it('the URL follows the controls; benchmark and change as columns, and in the download', async () => {
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

  it('the pooled period before COVID gives small wijken a value that single cohorts hide', async () => {
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

  it('hidden cells read "afgeschermd", never numbers, and the caption says why', async () => {
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
});
