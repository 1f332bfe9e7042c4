import { csvDecimal } from './file-writer.ts';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ChangeResponse, CompareResponse, expandOverview, OverviewResponse, ValuesResponse, verdictOf, verdictText } from '@gka/shared';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';
import type { TestDatabase } from '../test/database.ts';
import { withRealIndicator } from '../test/real-beside-demo.ts';

let app: TestApp;
let t: TestDatabase;
useSeededApp((a, db) => {
  app = a;
  t = db;
});

const json = async (url: string) => {
  const res = await app.inject(url);
  expect(res.statusCode, url).toBe(200);
  return res.json();
};
/** The overview as the page reads it: the compact answer checked against the contract, then as rows of cells. */
const overviewAt = async (url: string) => expandOverview(OverviewResponse.parse(await json(url)));
/** Values are sent rounded to 0.0001 (shares). */
const near = (actual: number | null, expected: number | null) => (expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 4));
/** Interval bounds are sent rounded outward to 0.001: the sent interval holds the computed one. */
const holds = ([low, high]: readonly [number | null, number | null], [cLow, cHigh]: readonly [number | null, number | null]) => {
  if (cLow === null || cHigh === null || low === null || high === null) return expect([low, high]).toEqual([cLow, cHigh]);
  expect(low).toBeLessThanOrEqual(cLow);
  expect(high).toBeGreaterThanOrEqual(cHigh);
  expect(cLow - low + (high - cHigh)).toBeLessThan(0.002);
};

describe('verdicts', () => {
  it('call a significant difference good or bad news by the indicator’s direction, and neutral indicators neither', () => {
    expect(verdictOf('hoger', true)).toBe('gunstig');
    expect(verdictOf('lager', true)).toBe('ongunstig');
    expect(verdictOf('hoger', false)).toBe('ongunstig');
    expect(verdictOf('lager', false)).toBe('gunstig');
    expect(verdictOf('hoger', null)).toBe('neutraal');
    expect(verdictOf('niet_significant', true)).toBe('geen_verschil');
    expect(verdictOf('onbekend', false)).toBe('onbekend');
  });
});

describe('GET /overview', () => {
  it('gives the members × indicators with the same cells as /values, and verdicts from direction and significance', async () => {
    const body = await overviewAt('/api/v1/overview?group=provincie-testland');
    expect(body.group).toMatchObject({ code: 'provincie-testland', name: 'Testland' });
    expect(body.rows.map((r) => r.name)).toEqual(['Aastad', 'Beedorp', 'Ceeveen']);
    expect(body.indicators.map((i) => [i.code, i.cohort.code])).toEqual([
      ['advies_havo_vwo', '2020-2021'],
      ['eindtoets_gemiddelde', '2020-2021'],
    ]);
    const values = ValuesResponse.parse(await json('/api/v1/values?indicator=advies_havo_vwo&cohort=2020-2021&level=gemeente'));
    const compare = CompareResponse.parse(await json('/api/v1/compare?indicator=advies_havo_vwo&cohort=2020-2021&areas=GM0001,GM0002,GM0003'));
    for (const row of body.rows) {
      const cell = row.cells[0]!;
      const v = values.data.find((x) => x.area === row.area)!;
      expect(cell.suppressed).toBe(v.suppressed);
      near(cell.value, v.value);
      holds([cell.ciLow, cell.ciHigh], [v.ciLow, v.ciHigh]);
      const nl = compare.data.find((x) => x.area === row.area)!.comparisons.find((c) => c.kind === 'nederland')!;
      near(cell.benchmark, nl.benchmark);
      expect(cell.significance).toBe(nl.significance);
      expect(cell.verdict).toBe(verdictOf(nl.significance, true));
      // The interval of the difference that decides it is published with it, as /compare gives it.
      holds([cell.differenceCiLow, cell.differenceCiHigh], [nl.ciLow, nl.ciHigh]);
    }
    expect(body.rows.flatMap((r) => r.cells.map((c) => c.verdict))).toEqual(expect.arrayContaining(['gunstig', 'ongunstig']));
  });

  it('adds the change since before COVID, as /change gives it, and the members pooled', async () => {
    const body = await overviewAt('/api/v1/overview?areas=GM0001,GM0002,GM0003&indicators=advies_havo_vwo');
    expect(body.indicators[0]!.reference).toMatchObject({ code: 'voor-covid', cohorts: ['2019-2020'] });
    const change = ChangeResponse.parse(await json('/api/v1/change?indicator=advies_havo_vwo&cohort=2020-2021&reference=voor-covid&level=gemeente'));
    for (const row of body.rows) {
      const c = change.data.find((x) => x.area === row.area && x.group === 'totaal')!;
      const got = row.cells[0]!.covidChange!;
      expect(got.significance).toBe(c.significance);
      near(got.difference, c.difference);
      holds([got.ciLow, got.ciHigh], [c.ciLow, c.ciHigh]);
    }
    // All three totals are published: the pool is their sum, 890 of 1900.
    expect(body.pooled).toMatchObject({ name: 'Gekozen gemeenten samen' });
    expect(body.pooled.cells[0]!.value).toBeCloseTo(890 / 1900, 4);
  });

  it('compares with the group itself when asked', async () => {
    const body = await overviewAt('/api/v1/overview?group=gka&benchmark=groep&indicators=advies_havo_vwo');
    expect(body.rows.map((r) => r.area)).toEqual(['GM0001', 'GM0003']);
    const pool = (450 + 120) / (1000 + 400);
    for (const row of body.rows) expect(row.cells[0]!.benchmark).toBeCloseTo(pool, 4);
    expect(body.pooled.cells[0]!.value).toBeCloseTo(pool, 4);
  });

  it('exports the same cells as a long table: CSV as Excel and pandas read it, and XLSX with real numbers', async () => {
    const body = await overviewAt('/api/v1/overview?group=provincie-testland');
    const res = await app.inject('/api/v1/overview/export?group=provincie-testland&format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFFGemeentecode;Gemeente;Indicator;')).toBe(true);
    const rows = parse(res.body.slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
    // Every gemeente × indicator, then the members together.
    expect(rows).toHaveLength((body.rows.length + 1) * body.indicators.length);
    for (const row of body.rows)
      body.indicators.forEach((indicator, i) => {
        const line = rows.find((r) => r.Gemeentecode === row.area && r.Indicatorcode === indicator.code)!;
        const cell = row.cells[i]!;
        const scale = indicator.unit === 'percentage' ? 100 : 1;
        if (cell.suppressed) expect([line.Waarde, line['Reden geen waarde']]).toEqual(['', 'afgeschermd']);
        else expect(Number(line.Waarde!.replace(',', '.'))).toBeCloseTo(cell.value! * scale, 2);
        expect(line.Oordeel).toBe(verdictText(cell.verdict, cell.significance, cell.difference));
        // The difference rounds to the same tenth in the file as on the page (the page's is made of the numbers sent).
        if (cell.difference !== null) expect(line['Verschil met benchmark']).toBe(csvDecimal(cell.difference * scale));
      });
    // A mean has no interval: its known difference is untested, in the words the page uses, never 'onbekend'.
    const means = rows.filter((r) => r.Eenheid === 'gemiddelde' && r['Verschil met benchmark'] !== '');
    expect(means.length).toBeGreaterThan(0);
    for (const r of means) expect([r.Significantie, r.Oordeel]).toEqual(['zonder significantietoets', 'zonder significantietoets']);
    expect(rows.filter((r) => r.Gemeente === body.pooled.name)).toHaveLength(body.indicators.length);

    const xlsx = await app.inject('/api/v1/overview/export?group=provincie-testland&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Overzicht')!;
    expect(sheet.rowCount).toBe(1 + rows.length);
    const aastad = sheet.getRow(2);
    expect(aastad.getCell(1).value).toBe(body.rows[0]!.area);
    expect(aastad.getCell(8).value).toBeCloseTo(body.rows[0]!.cells[0]!.value!, 4);
    expect(aastad.getCell(8).numFmt).toBe('0.0%');
    // Every cell of a number column is a number or empty, never text; hidden ones have their reason beside them.
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const column = (name: string) => Array.from(sheet.getColumn(header.indexOf(name) + 1).values.slice(2));
    for (const name of ['Waarde', 'Noemer', 'Waarde benchmark', 'Verschil met benchmark', 'Verandering COVID-cohort']) {
      const types = new Set(column(name).map((v) => (v === null || v === undefined ? 'leeg' : typeof v)));
      expect(
        [...types].every((t) => t === 'number' || t === 'leeg'),
        `${name}: ${[...types]}`,
      ).toBe(true);
      expect(types.has('number'), name).toBe(true);
    }
    const reasons = column('Reden geen waarde');
    column('Waarde').forEach((v, i) => expect(reasons[i] === null || reasons[i] === undefined, `regel ${i + 2}`).toBe(typeof v === 'number'));
    expect(reasons.some(Boolean)).toBe(true);
    expect(wb.getWorksheet('Bronnen')!.getCell('A1').value).toBe('GKA Dashboard');
  });

  it('marks each indicator real or synthetic: in the answer, in a column per line of the files and in the Bronnen sheet', async () => {
    const all = await overviewAt('/api/v1/overview?group=provincie-testland');
    // Demo data only: every column synthetic, so one warning says so.
    expect(all.indicators.map((i) => i.synthetic)).toEqual([true, true]);
    expect(all.synthetic).toBe(true);
    await withRealIndicator(t, 'eindtoets_gemiddelde', async (fresh) => {
      const body = expandOverview(OverviewResponse.parse((await fresh.inject('/api/v1/overview?group=provincie-testland')).json()));
      expect(Object.fromEntries(body.indicators.map((i) => [i.code, i.synthetic]))).toEqual({ advies_havo_vwo: true, eindtoets_gemiddelde: false });
      expect(body.synthetic).toBe(false);
      const csv = (await fresh.inject('/api/v1/overview/export?group=provincie-testland&format=csv')).body;
      expect(csv.slice(1).split('\r\n')[0]).toBe(
        'Gemeentecode;Gemeente;Indicator;Indicatorcode;Cohort;Synthetisch;Eenheid;Waarde;95%-interval ondergrens;95%-interval bovengrens;' +
          'Reden geen waarde;Noemer;Benchmark;Waarde benchmark;Verschil met benchmark;Significantie;Oordeel;COVID-cohort;Verandering t.o.v.;' +
          'Verandering COVID-cohort;Verandering 95%-ondergrens;Verandering 95%-bovengrens;Reden geen verandering;Significantie verandering;Oordeel verandering',
      );
      const rows = parse(csv.slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
      const marks = (code: string) => new Set(rows.filter((r) => r.Indicatorcode === code).map((r) => r.Synthetisch));
      expect(marks('eindtoets_gemiddelde')).toEqual(new Set(['nee']));
      expect(marks('advies_havo_vwo')).toEqual(new Set(['ja']));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await fresh.inject('/api/v1/overview/export?group=provincie-testland&format=xlsx')).rawPayload as unknown as ArrayBuffer);
      const bronnen = new Map(
        wb
          .getWorksheet('Bronnen')!
          .getSheetValues()
          .flatMap((r) => (Array.isArray(r) ? [[String(r[1]), String(r[2])]] : [])),
      );
      expect(bronnen.has('LET OP')).toBe(false);
      const name = (code: string) => body.indicators.find((i) => i.code === code)!.name;
      expect(bronnen.get(name('advies_havo_vwo'))).toMatch(/^synthetisch\. /);
      expect(bronnen.get(name('eindtoets_gemiddelde'))).toMatch(/^echte cijfers \(/);
    });
  });

  it("takes a gemeente's vergelijkbare gemeenten as a group, and as the benchmark of the gemeente itself", async () => {
    const body = await overviewAt('/api/v1/overview?group=vergelijkbaar-GM0001&indicators=advies_havo_vwo');
    // Three gemeenten in the seed: Aastad's neighbours are the other two.
    expect(body.group).toMatchObject({ kind: 'vergelijkbaar', name: 'Vergelijkbaar met Aastad' });
    expect(body.rows.map((r) => r.area).sort()).toEqual(['GM0002', 'GM0003']);
    const values = ValuesResponse.parse(await json('/api/v1/values?indicator=advies_havo_vwo&cohort=2020-2021&level=gemeente&group=vergelijkbaar-GM0001'));
    expect(values.benchmarks.find((b) => b.kind === 'groep')?.label).toMatch(/Vergelijkbaar met Aastad/);
  });

  it('answers bad questions with a Dutch 400 or 404', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/v1/overview', 400, /groep \(group\) of gemeenten \(areas\)/],
      ['/api/v1/overview?group=gka&areas=GM0001', 400, /één van de twee/],
      ['/api/v1/overview?areas=GM0001&benchmark=groep', 400, /alleen met een groep/],
      ['/api/v1/overview?areas=WK000101', 400, /gemeentecodes/],
      ['/api/v1/overview?areas=GM9999', 404, /GM9999/],
      ['/api/v1/overview?group=corop-99', 404, /corop-99/],
      ['/api/v1/overview?group=gka&indicators=heroverweging', 404, /heroverweging/],
    ];
    for (const [url, status, message] of cases) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.json().error.message, url).toMatch(message);
    }
  });
});
