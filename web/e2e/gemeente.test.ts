import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatPercent, ProfileResponse, SchoolsResponse } from '@gka/shared';
import { hasOpenData, openDataWithReferentieniveaus } from '../../api/src/test/open-data.ts';
import { axeFindings as axeOf } from './browser.ts';
import { expectFunnelOfValues as funnelOf, useApp, useServerOn } from './fixture.ts';
import { seedSchools } from './seed.ts';

/** The gemeente page: on the fictitious region its grid, cards, trend, wijken and funnel; on open data Tilburg's schools. */
const app = useApp();
let page: Page;
let base: string;
beforeAll(() => void ({ page, base } = app));
const axeFindings = () => axeOf(page);
const expectFunnelOfValues = (url: string) => funnelOf(page, url);

describe('Gemeente', () => {
  it('the summary grid, KPI cards, the trend with the COVID cohort marked, a sortable wijk table', async () => {
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

  it('the pass rate on its own axis of school years, COVID on the exam years 2020-2022', async () => {
    await page.goto(`${base}/gemeente/GM9901?indicator=slagingspercentage_vo`);
    const trend = page.getByTestId('trend-chart');
    // ECharts creates its SVG before it draws into it: wait for a drawn tick, not the element.
    await trend.locator('svg text', { hasText: '2023-2024' }).first().waitFor();
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

  it('the funnel plot of its wijken has the points of /values, marks a chosen wijk, and axe finds nothing', async () => {
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
});

/**
 * Tilburg's real schools: the 2024 boundaries and the DUO and CBS figures per school location, as
 * import-duo loads them from open data, with the referentieniveaus rows of fixtures/duo (13 schools).
 */
describe.skipIf(!hasOpenData)('web app with the real schools of Tilburg', () => {
  const server = useServerOn((d) => seedSchools(d, openDataWithReferentieniveaus()));
  const base = () => server().base;

  it('Gemeente Tilburg: its basisscholen and vo-scholen with real figures, and a school page with its trend', async () => {
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

  it('A school page (De Harlekijn, Landgraaf) sets its referentieniveaus against schools of a similar achterstandsscore, as the table of Landgraaf does', async () => {
    await page.goto(`${base()}/school/SC00CG00`);
    const section = page.getByTestId('similar-schools');
    await section.locator('svg').first().waitFor();
    const api = SchoolsResponse.parse(await (await fetch(`${base()}/api/v1/schools/SC00CG00`)).json());
    const similar = api.schools[0]!.values.filter((v) => v.similar);
    expect(similar).toHaveLength(6);
    const sentences = await section.locator('.similar-sentences li').allTextContents();
    expect(sentences).toHaveLength(6);
    // Each sentence: the school's share, that of similar schools, and the verdict or why there is none, with the API's figures.
    for (const [i, v] of similar.entries()) {
      expect(sentences[i]).toMatch(/^(Rekenen|Lezen|Taalverzorging) (1F|1S|2F): Van de leerlingen haalde \d+,\d% (1F|1S|2F) of hoger voor /);
      expect(sentences[i]).toContain(`haalde ${formatPercent(v.similar!.value)}`);
      expect(sentences[i]).toMatch(/vergelijkbare achterstandsscore \(\d+,\d( tot \d+,\d)? per 100 leerlingen\)/);
      expect(sentences[i]).toContain(`: ${formatPercent(v.similar!.bandValue)}`);
      expect(sentences[i]).toMatch(/(significant hoger|significant lager|geen significant verschil) \([+−]?\d+,\d procentpunt\)\.$|om mee te vergelijken\.$/);
    }
    expect((await axeFindings()).found).toEqual([]);

    // Landgraaf's basisscholen: the same verdicts in words, beside the gemeente and Nederland.
    await page.goto(`${base()}/gemeente/GM0882`);
    const row = page.getByTestId('school-table-po').locator('tbody tr', { hasText: 'De Harlekijn' });
    await row.waitFor();
    // The column of lezen 2F (no referentieniveau chosen) against similar schools, right after the name.
    const po = page.getByTestId('school-table-po');
    expect(await po.locator('thead th').nth(1).textContent()).toMatch(/^Lezen 2F t\.o\.v\. vergelijkbare scholen.*schooljaar 2024-2025/);
    const lezen = similar.find((v) => v.indicator === 'ref_lezen_2f')!.similar!;
    // De Harlekijn's 78,0% in lezen 2F against 74,6% of similar schools (fixture rows): no significant difference.
    expect(lezen.significance).toBe('niet_significant');
    expect(await row.locator('td').nth(1).textContent()).toBe(
      `${formatPercent(lezen.value)}vergelijkbare scholen ${formatPercent(lezen.bandValue)}geen significant verschil`,
    );
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
    // The school page, not the notes of the table it leaves: the URL changes before the new view replaces the old.
    await page.waitForURL(/\/school\//);
    await page.getByRole('heading', { level: 1, name: 'De Smeltkroes' }).waitFor();
    await page.getByTestId('value-note').waitFor();
    expect(await page.getByTestId('value-note').textContent()).toBe('Schooljaar 2019-2020: CBS: onbetrouwbaar, 40 leerlingen of minder');
    expect((await axeFindings()).found).toEqual([]);
  });
});
