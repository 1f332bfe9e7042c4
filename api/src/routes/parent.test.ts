import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { AreasResponse, BulkExportInfo, ValuesResponse } from '@gka/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadDemo } from '../importers/demo/load.ts';
import { importOpenDataBoundaries } from '../importers/geo/open-data.ts';
import { testConfig } from '../test/config.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { hasOpenData, OPEN_DATA } from '../test/open-data.ts';
import type { TestApp } from '../test/seeded-app.ts';

const readCsv = (body: string) => parse(body, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
const AMSTERDAM_UTRECHT = ['GM0363', 'GM0344'];

/**
 * `parent` with several gemeenten or a group, on the real 2024 boundaries with the demo values: the
 * wijken of Amsterdam and Utrecht in one table. Only their wijken are kept, so the demo loads in seconds.
 */
describe.skipIf(!hasOpenData)('parent: several gemeenten or a group', () => {
  let t: TestDatabase;
  let app: TestApp;
  let wijken: Map<string, string>;
  const q = 'indicator=advies_havo_vwo&level=wijk';

  beforeAll(async () => {
    t = await createTestDatabase();
    await importOpenDataBoundaries(t.db, OPEN_DATA);
    await t.db.deleteFrom('area').where('level', '=', 'wijk').where('parent_code', 'not in', AMSTERDAM_UTRECHT).execute();
    await loadDemo(t.url);
    app = await buildApp({ config: testConfig(), db: t.db });
    wijken = new Map();
    for (const gemeente of AMSTERDAM_UTRECHT) {
      const { data } = AreasResponse.parse((await app.inject(`/api/v1/areas?level=wijk&parent=${gemeente}`)).json());
      for (const w of data) wijken.set(w.code, gemeente);
    }
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('exports the wijken of both gemeenten in one CSV and one XLSX, each with its own gemeente', async () => {
    const res = await app.inject(`/api/v1/export?format=csv&${q}&parent=GM0363,GM0344`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/_wijk_GM0363-GM0344_totaal\.csv"$/);
    const rows = readCsv(res.body);
    expect(new Set(rows.map((r) => r.Gemeentecode))).toEqual(new Set(AMSTERDAM_UTRECHT));
    expect(rows.map((r) => r.Gebiedscode).sort()).toEqual([...wijken.keys()].sort());
    for (const r of rows) {
      expect(r.Gemeentecode, r.Gebiedscode).toBe(wijken.get(r.Gebiedscode!));
      expect(r.Gemeente).toBe(r.Gemeentecode === 'GM0363' ? 'Amsterdam' : 'Utrecht');
    }
    // Each wijk is compared with its own gemeente.
    const values = ValuesResponse.parse((await app.inject(`/api/v1/values?${q}&parent=GM0363,GM0344`)).json());
    const own = new Map(values.benchmarks.filter((b) => b.kind === 'gemeente').map((b) => [b.area, b.value]));
    expect([...own.keys()].sort()).toEqual([...AMSTERDAM_UTRECHT].sort());
    for (const v of values.data) {
      const c = v.comparisons.find((x) => x.kind === 'gemeente');
      expect(c?.benchmark, v.area).toBe(own.get(wijken.get(v.area)!));
    }
    const xlsx = await app.inject(`/api/v1/export?format=xlsx&${q}&parent=GM0363,GM0344`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const data = wb.getWorksheet('Data')!;
    expect(data.rowCount).toBe(1 + rows.length);
    const bronnen = wb.getWorksheet('Bronnen')!;
    expect(bronnen.getColumn(2).values).toContain('wijken van Amsterdam (GM0363), Utrecht (GM0344)');
  });

  it('takes a group (GET /groups) as parent: the wijken of its gemeenten', async () => {
    const group = `provincie-noord-holland`;
    const codes = (url: string) => app.inject(url).then((r) => ValuesResponse.parse(r.json()).data.map((v) => v.area));
    const inGroup = await codes(`/api/v1/values?${q}&parent=${group}`);
    // Noord-Holland holds Amsterdam, not Utrecht: its wijken are Amsterdam's here.
    expect(new Set(inGroup)).toEqual(new Set([...wijken].filter(([, g]) => g === 'GM0363').map(([w]) => w)));
    // At level gemeente, a group's gemeenten themselves.
    const gemeenten = await codes(`/api/v1/values?indicator=advies_havo_vwo&level=gemeente&parent=${group}`);
    expect(gemeenten).toContain('GM0363');
    expect(gemeenten).not.toContain('GM0344');
  });

  it('streams the bulk export of those gemeenten, as long as /export/bulk/info said before', async () => {
    const info = BulkExportInfo.parse((await app.inject('/api/v1/export/bulk/info?level=wijk&parent=GM0363,GM0344')).json());
    const res = await app.inject('/api/v1/export/bulk?level=wijk&parent=GM0363,GM0344');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="gka_alles_wijk_GM0363-GM0344.csv"');
    const rows = readCsv(res.body);
    expect(rows.length).toBeGreaterThan(0);
    expect(info.data.rows).toBe(rows.length);
    expect(new Set(rows.map((r) => r.Gemeentecode))).toEqual(new Set(AMSTERDAM_UTRECHT));
  });

  it('refuses more than 50 gemeenten, a list with other areas, and unknown codes, in Dutch', async () => {
    const many = Array.from({ length: 51 }, (_, i) => `GM${String(i + 1).padStart(4, '0')}`).join(',');
    const refusals: [string, number, RegExp][] = [
      [`/api/v1/values?${q}&parent=${many}`, 400, /Hoogstens 50 gemeenten tegelijk, dit zijn er 51/],
      [`/api/v1/export?format=csv&${q}&parent=${many}`, 400, /Hoogstens 50 gemeenten/],
      [`/api/v1/export/bulk?level=wijk&parent=${many}`, 400, /Hoogstens 50 gemeenten/],
      [`/api/v1/values?${q}&parent=GM0363,WK036300`, 400, /alleen gemeenten .*niet WK036300/],
      [`/api/v1/values?${q}&parent=GM0363,noord`, 400, /alleen gemeenten/],
      [`/api/v1/values?${q}&parent=,`, 400, /Geef een gebiedscode/],
      [`/api/v1/values?${q}&parent=GM0363,GM9998,GM9999`, 404, /Deze gebieden bestaan niet: GM9998, GM9999/],
      [`/api/v1/export/bulk?level=wijk&parent=GM0363,GM9999`, 404, /bestaat niet/],
      [`/api/v1/export?format=csv&${q}&parent=corop-99`, 404, /Groep 'corop-99' bestaat niet/],
    ];
    for (const [url, status, message] of refusals) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.json().error.message, url).toMatch(message);
    }
  });
});
