import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { importGroupings } from '../importers/groups/groupings.ts';
import { testConfig } from '../test/config.ts';
import type { TestDatabase } from '../test/database.ts';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';

let t: TestDatabase;
let app: TestApp;
useSeededApp((_a, db) => {
  t = db;
});

// What a spreadsheet would run if a text cell started with it (OWASP CSV injection).
const FORMULA = '=HYPERLINK("http://x","y")';
const WIJK = '@SUM(1+1)';
const GEMEENTE = '-2+3';

const readCsv = (body: string) => parse(body, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gka-formula-'));
  const file = path.join(dir, 'regios.csv');
  writeFileSync(file, `gemeentecode;groep\nGM0001;${FORMULA}\nGM0003;${FORMULA}\n`);
  await importGroupings(t.db, file, 'regio');
  await t.db.updateTable('area').set({ name: WIJK }).where('code', '=', 'WK000101').execute();
  await t.db.updateTable('area').set({ name: GEMEENTE }).where('code', '=', 'GM0002').execute();
  // A fresh app: the data version (and every memoised name) is read anew.
  app = await buildApp({ config: testConfig(), db: t.db });
  return () => app.close();
});

describe('text cells that would start a formula', () => {
  it('are written as text in the overview CSV: a group name reaches the "samen" line with a leading quote', async () => {
    const res = await app.inject('/api/v1/overview/export?group=regio-hyperlink-http-x-y&benchmark=groep&format=csv');
    expect(res.statusCode).toBe(200);
    const rows = readCsv(res.body);
    const pooled = rows.filter((r) => r.Gemeentecode === 'regio-hyperlink-http-x-y');
    expect(pooled.length).toBeGreaterThan(0);
    for (const r of pooled) expect(r.Gemeente).toBe(`'${FORMULA} samen`);
    // The benchmark's name only contains the group's name further on; it starts no formula.
    expect(rows[0]!.Benchmark).toBe(`groep ${FORMULA}`);
    // No line of the raw file starts a cell with the formula itself.
    expect(res.body).not.toMatch(/(^|;)"?=HYPERLINK/m);
  });

  it('leave numbers as numbers: a negative difference stays a plain number', async () => {
    const rows = readCsv((await app.inject('/api/v1/overview/export?areas=GM0001,GM0003&benchmark=nederland&format=csv')).body);
    const negative = rows.map((r) => r['Verschil met benchmark']!).filter((v) => v.startsWith('-'));
    expect(negative.length).toBeGreaterThan(0);
    for (const v of negative) expect(v).toMatch(/^-\d+,\d$/);
  });

  it('are written as text in the export and the bulk CSV', async () => {
    const table = readCsv((await app.inject('/api/v1/export?format=csv&indicator=advies_havo_vwo&cohort=2019-2020&level=wijk')).body);
    expect(table.find((r) => r.Gebiedscode === 'WK000101')!.Gebied).toBe(`'${WIJK}`);
    const gemeenten = readCsv((await app.inject('/api/v1/export?format=csv&indicator=advies_havo_vwo&cohort=2019-2020&level=gemeente')).body);
    expect(gemeenten.find((r) => r.Gebiedscode === 'GM0002')!.Gebied).toBe(`'${GEMEENTE}`);
    const bulk = readCsv((await app.inject('/api/v1/export/bulk?level=wijk')).body);
    const centrum = bulk.filter((r) => r.Gebiedscode === 'WK000101');
    expect(centrum.length).toBeGreaterThan(0);
    for (const r of centrum) expect(r.Gebied).toBe(`'${WIJK}`);
  });

  it('arrive in XLSX as text, exactly as named, never as a formula', async () => {
    const res = await app.inject('/api/v1/overview/export?group=regio-hyperlink-http-x-y&format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.getWorksheet('Overzicht')!.eachRow((r) => r.eachCell((c) => cells.push(c)));
    const named = cells.filter((c) => String(c.value).includes('HYPERLINK'));
    expect(named.length).toBeGreaterThan(0);
    for (const c of named) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.value).toBe(`${FORMULA} samen`);
    }
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });
});
