import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_INDICATORS } from '../../api/src/importers/demo/model.ts';
import { hasOpenData, OPEN_DATA } from '../../api/src/test/open-data.ts';
import { useApp, useServerOn } from './fixture.ts';
import { seedAmsterdam } from './seed.ts';

/** Wijken vergelijken: ranked bars per indicator and the wijk × indicator heatmap, on the fictitious region and on Amsterdam. */
const app = useApp();
let page: Page;
let base: string;
beforeAll(() => void ({ page, base } = app));

describe('Wijken vergelijken', () => {
  it('ranked bars and a table per indicator', async () => {
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

  it('all indicators in one wijk × indicator table that fits 1400 px, against a benchmark the page explains', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    try {
      await page.goto(`${base}/vergelijken?gemeente=GM9901`);
      // The indicators' own 'Alles kiezen': while their list loads, the last such button is the wijken's.
      await page.getByRole('group', { name: 'Indicatoren', exact: true }).getByRole('button', { name: 'Alles kiezen' }).click();
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
});

/**
 * Amsterdam on its real 2024 boundaries: its wijken (the most of any gemeente but Rotterdam) with
 * made-up values for the nine GKA indicators of one cohort, to check that the wijk × indicator table
 * fits one screen width at 1400 px whatever the length of the real wijk names.
 */
describe.skipIf(!hasOpenData)('web app on the real boundaries of Amsterdam', () => {
  const server = useServerOn((d) => seedAmsterdam(d, OPEN_DATA));
  const base = () => server().base;

  it('the heatmap of all Amsterdam wijken × nine indicators fits 1400 px', async () => {
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
