import ExcelJS from 'exceljs';
import { disclosureSentence } from '@gka/shared';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { TestDatabase } from '../test/database.ts';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';
import { testConfig } from '../test/config.ts';

let t: TestDatabase;
let app: TestApp;
useSeededApp((a, db) => {
  app = a;
  t = db;
});

const Q = 'indicator=advies_havo_vwo&cohort=2020-2021&level=wijk&parent=GM0001';

describe('GET /export?format=csv', () => {
  it('is ;-separated UTF-8 with BOM, decimal commas, a header block and suppressed rows in words', async () => {
    const res = await app.inject(`/api/v1/export?format=csv&${Q.replace('2020-2021', '2019-2020')}&benchmark=gemeente`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="gka_advies_havo_vwo_2019-2020_wijk_GM0001_totaal.csv"');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe('GKA Dashboard;export van onderwijsindicatoren');
    expect(lines[1]).toMatch(/^LET OP;synthetische demodata/);
    expect(lines).toContain('Indicator;Schooladvies havo/vwo (advies_havo_vwo)');
    expect(lines.some((l) => l.startsWith('Definitie;Aandeel leerlingen in groep 8'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Cohort;Cohort 2019-2020'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Bron;test-seed.csv (values, geïmporteerd '))).toBe(true);
    expect(lines.some((l) => /^Geëxporteerd op;\d{4}-\d\d-\d\dT/.test(l))).toBe(true);
    const header = lines.indexOf(lines.find((l) => l.startsWith('Gebiedscode;'))!);
    expect(lines[header]).toBe(
      'Gebiedscode;Gebied;Cohort;Indicator;Uitsplitsing;Groep;Teller;Noemer;Percentage;95%-interval ondergrens;95%-interval bovengrens;Benchmark: Eigen gemeente;Significantie t.o.v. benchmark;Onderdrukt',
    );
    // 200/500 = 40,0% (35,8–44,4) and 30/60 = 50,0% (37,7–62,3); own gemeente 40,0%.
    expect(lines[header + 1]).toBe('WK000101;Aastad-Centrum;2019-2020;Schooladvies havo/vwo;Totaal;Totaal;200;500;40,0;35,8;44,4;40,0;niet significant verschillend;nee');
    expect(lines[header + 2]).toBe('WK000102;Aastad-Noord;2019-2020;Schooladvies havo/vwo;Totaal;Totaal;30;60;50,0;37,7;62,3;40,0;niet significant verschillend;nee');
    expect(lines.at(-1)).toBe('');
    expect(lines.some((l) => l.startsWith(`Onderdrukking;${disclosureSentence(10)}`))).toBe(true);
  });

  it('writes hidden cells in words, the same cells as the API hides', async () => {
    // 2020-2021: Aastad-Noord has 9 pupils, so Aastad-Centrum is hidden too (Aastad minus it would give it).
    const res = await app.inject(`/api/v1/export?format=csv&${Q}&benchmark=gemeente`);
    const lines = res.body.slice(1).split('\r\n');
    const header = lines.findIndex((l) => l.startsWith('Gebiedscode;'));
    expect(lines[header + 1]).toBe('WK000101;Aastad-Centrum;2020-2021;Schooladvies havo/vwo;Totaal;Totaal;;;afgeschermd;;;45,0;onbekend;ja');
    expect(lines[header + 2]).toBe('WK000102;Aastad-Noord;2020-2021;Schooladvies havo/vwo;Totaal;Totaal;;;afgeschermd;;;45,0;onbekend;ja');
  });

  it('omits the synthetic warning for real data', async () => {
    await t.db.updateTable('dataset').set({ synthetic: false }).execute();
    try {
      // A new version is only picked up after the version TTL; a fresh app sees it at once.
      const fresh = await buildApp({ config: testConfig(), db: t.db });
      const res = await fresh.inject(`/api/v1/export?format=csv&${Q}`);
      expect(res.body).not.toContain('synthetische demodata');
      await fresh.close();
    } finally {
      await t.db.updateTable('dataset').set({ synthetic: true }).execute();
    }
  });
});

describe('GET /export?format=xlsx', () => {
  it('has a Data sheet with numbers and a Bronnen sheet', async () => {
    const res = await app.inject(`/api/v1/export?format=xlsx&${Q.replace('2020-2021', '2019-2020')}&dimension=opleiding_ouders`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'Bronnen']);
    const data = wb.getWorksheet('Data')!;
    expect(data.getRow(1).getCell(9).value).toBe('Percentage');
    // Aastad-Centrum, hoog: 90/150 against Nederland (NL01) 21000/30000. Aastad-Noord's laag (5 pupils)
    // is hidden with its next smallest group, midden; both then hide Aastad-Centrum's laag and midden.
    expect(data.getRow(4).values).toEqual([
      undefined, 'WK000101', 'Aastad-Centrum', '2019-2020', 'Schooladvies havo/vwo', 'Opleiding ouders', 'Hoog', 90, 150, 0.6,
      expect.closeTo(0.52, 4), expect.closeTo(0.675, 4), 0.7, 'significant lager', 'nee',
    ]);
    expect(data.getRow(7).getCell(7).value).toBe(18);
    for (const row of [2, 3, 5, 6]) {
      const hidden = data.getRow(row);
      expect([hidden.getCell(7).value, hidden.getCell(8).value, hidden.getCell(9).value, hidden.getCell(14).value]).toEqual([null, null, 'afgeschermd', 'ja']);
    }
    const bronnen = wb.getWorksheet('Bronnen')!;
    const keys = bronnen.getColumn(1).values.filter(Boolean);
    expect(keys).toEqual(expect.arrayContaining(['LET OP', 'Indicator', 'Definitie', 'Teller', 'Noemer', 'Bron', 'Geëxporteerd op']));
  });

  it('is 400 for an unknown format and 404 for an unknown indicator', async () => {
    expect((await app.inject(`/api/v1/export?format=pdf&${Q}`)).statusCode).toBe(400);
    expect((await app.inject('/api/v1/export?format=csv&indicator=x&cohort=2020-2021&level=wijk')).statusCode).toBe(404);
  });
});
