import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ProfileResponse } from '@gka/shared';
import { useApp } from './fixture.ts';

/** The gespreksnotitie of a gemeente of the fictitious region: what it keeps of the gemeente page, what COVID changed, and its print. */
const app = useApp();
let page: Page;
let base: string;
beforeAll(() => void ({ page, base } = app));

describe('Gespreksnotitie', () => {
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

  it('Gespreksnotitie prints to at most three A4 pages with the whole trend, without the beforeprint event', async () => {
    await page.goto(`${base}/gemeente/GM9901/notitie`);
    // The chart's svg exists before its option is drawn: wait for the year labels themselves.
    await page
      .getByTestId('notitie')
      .locator('svg text', { hasText: /^20\d\d-20\d\d$/ })
      .first()
      .waitFor();
    // page.pdf() lays the page out for print without firing beforeprint: the chart must fit anyway.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
    expect(doc.numPages).toBeGreaterThanOrEqual(1);
    // Key figures with aandachtspunten and expected values; COVID, peers and schools; the trend with its wijken.
    expect(doc.numPages).toBeLessThanOrEqual(3);
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
});
