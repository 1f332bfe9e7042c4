import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AreasResponse, ValuesResponse } from '@gka/shared';
import { buildApp } from '../../app.ts';
import type { TestDatabase } from '../../test/database.ts';
import { createDuoDatabase } from '../../test/duo-database.ts';
import { testConfig } from '../../test/config.ts';
import { hasOpenData, openDataFile } from '../../test/open-data.ts';
import { publishable } from '../../disclosure/rules.ts';
import type { ImportDuoResult } from './import.ts';

// Read here with csv-parse and exceljs on their own, not through the importer, so that the test
// does not share the importer's mistakes.
const csv = (name: string, encoding: 'utf8' | 'win1252') =>
  parse(iconv.decode(readFileSync(openDataFile(name)), encoding), { columns: true, delimiter: ';', bom: true, relax_column_count: true }) as Record<
    string,
    string
  >[];

describe.skipIf(!hasOpenData)('schools from the real DUO and CBS files', () => {
  let t: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let result: ImportDuoResult;
  const get = async <T>(url: string, schema: { parse: (x: unknown) => T }): Promise<T> => {
    const res = await app.inject(url);
    expect(res.statusCode, url).toBe(200);
    return schema.parse(res.json());
  };

  beforeAll(async () => {
    ({ t, result } = await createDuoDatabase());
    app = await buildApp({ config: testConfig(), db: t.db });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('has every vo vestiging with exam candidates in 2022-2023 as a school, with the pass rate computed from the file', async () => {
    const year = 'SCHOOLJAAR 2022-2023 - TOTAAL';
    const expected = new Map<string, { k: number; n: number }>();
    for (const r of csv('duo_examenkandidaten-en-geslaagden-2019-2024.csv', 'utf8')) {
      const candidates = r[`EXAMENKANDIDATEN ${year}`]!.trim();
      if (candidates === '' || candidates === '0') continue;
      const v = r['VESTIGINGSCODE']!.trim();
      const sum = expected.get(v) ?? { k: 0, n: 0 };
      expected.set(v, sum);
      // <5 candidates: in neither numerator nor denominator; <5 passes: rebuilt from the percentage.
      if (candidates === '<5') continue;
      const n = Number(candidates);
      const passes = r[`GESLAAGDEN ${year}`]!.trim();
      sum.n += n;
      sum.k += passes === '<5' ? Math.round((n * Number(r[`SLAAGPERC ${year}`]!.replace(',', '.'))) / 100) : Number(passes);
    }
    expect(expected.size).toBeGreaterThan(1000);

    const schools = await get('/api/v1/areas?level=school', AreasResponse);
    const byCode = new Map(schools.data.map((s) => [s.code, s]));
    const values = await get('/api/v1/values?indicator=slagingspercentage_vo&cohort=sj2022-2023&level=school', ValuesResponse);
    const value = new Map(values.data.map((v) => [v.area, v]));
    let hidden = 0;
    let primary = 0;
    for (const [v, { k, n }] of expected) {
      const school = byCode.get(`SC${v}`);
      expect(school, v).toMatchObject({ level: 'school', school: { vestiging: v, sector: 'vo' } });
      expect(school!.parent).toMatch(/^GM\d{4}$/);
      if (n === 0) continue;
      const got = value.get(`SC${v}`)!;
      if (got.suppressed) {
        hidden++;
        if (!publishable(k, n, { minCell: 10, attribute: true })) primary++;
        continue;
      }
      expect([got.numerator, got.denominator], v).toEqual([k, n]);
      expect(got.value).toBeCloseTo(k / n, 12);
    }
    // Disclosure control hides few schools: those under 10 candidates or where (nearly) all of a small
    // group passed (25 in 2022-2023), and others that protect them, or their boys and girls, from subtraction.
    expect(primary).toBeGreaterThan(0);
    expect(hidden).toBeLessThan(expected.size * 0.1);
  });

  it('makes every gemeente value the sum of its schools, for every DUO indicator, year and group', async () => {
    const rows = await t.db
      .selectFrom('measure as m')
      .innerJoin('area as a', 'a.code', 'm.area_code')
      .select(['m.indicator', 'm.cohort', 'm.dimension', 'm.grp', 'm.area_code', 'a.level', 'a.parent_code', 'm.numerator', 'm.denominator'])
      .where('a.level', 'in', ['gemeente', 'school'])
      .execute();
    const sums = new Map<string, { k: number; n: number; schools: number }>();
    const gemeenten = new Map<string, { k: number; n: number }>();
    for (const r of rows) {
      const at = (area: string) => `${r.indicator}|${r.cohort}|${r.dimension}|${r.grp}|${area}`;
      if (r.level === 'gemeente') gemeenten.set(at(r.area_code), { k: Number(r.numerator), n: Number(r.denominator) });
      else {
        const s = sums.get(at(r.parent_code!)) ?? { k: 0, n: 0, schools: 0 };
        sums.set(at(r.parent_code!), { k: s.k + Number(r.numerator), n: s.n + Number(r.denominator), schools: s.schools + 1 });
      }
    }
    expect(gemeenten.size).toBeGreaterThan(3000);
    for (const [key, g] of gemeenten) {
      const s = sums.get(key);
      expect(s, key).toBeDefined();
      expect([s!.k, s!.n], key).toEqual([g.k, g.n]);
    }
    expect([...sums.keys()].filter((k) => !gemeenten.has(k))).toEqual([]);
  });

  it('gives the achterstandsscore of every school in the DUO address list as the CBS table has it, and reports the others by BRIN', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(openDataFile('cbs_achterstandsscores-basisscholen-2019.xlsx'));
    const table = new Map<string, { pupils: number; score: number }>();
    wb.getWorksheet('Tabel 1')!.eachRow((row) => {
      const [code, pupils, score] = [1, 2, 3].map((c) => row.getCell(c).value);
      if (typeof code === 'string' && /^\w{4}\d{2}$/.test(code) && typeof pupils === 'number' && typeof score === 'number') table.set(code, { pupils, score });
    });
    // Rows 6 to 6300 of the sheet.
    expect(table.size).toBe(6295);
    const listed = new Set(csv('duo_alle-vestigingen-bo.csv', 'win1252').map((r) => r['VESTIGINGSNUMMER']!.trim()));

    const values = await get('/api/v1/values?indicator=achterstandsscore&cohort=sj2019-2020&level=school', ValuesResponse);
    const value = new Map(values.data.map((v) => [v.area, v]));
    let compared = 0;
    let hidden = 0;
    for (const [v, cbs] of table) {
      if (!listed.has(v)) continue;
      const got = value.get(`SC${v}`);
      expect(got, v).toBeDefined();
      if (got!.suppressed) {
        hidden++;
        continue;
      }
      expect(got!.denominator, v).toBe(cbs.pupils);
      // Per 100 pupils: the score back is value × pupils / 100, to its two decimals.
      expect((got!.value! * cbs.pupils) / 100, v).toBeCloseTo(cbs.score, 9);
      compared++;
    }
    expect(compared).toBeGreaterThan(6000);
    expect(hidden).toBeLessThan(100);

    // The schools of the CBS table that the address list no longer has: reported by BRIN vestiging,
    // and kept as closed schools in their gemeente of 1 October 2019.
    const missing = [...table.keys()].filter((v) => !listed.has(v)).sort();
    expect(missing.length).toBeGreaterThan(0);
    const notes = result.sources.find((s) => s.indicator === 'achterstandsscore')!.details['niet_in_adreslijst'] as string;
    for (const v of missing) expect(notes).toContain(v);
    const closed = new Map(result.schools.closed.map((s) => [s.vestiging, s]));
    const unplaced = new Set(result.schools.unplaced.map((u) => u.vestiging));
    for (const v of missing) expect(closed.has(v) || unplaced.has(v), v).toBe(true);
    expect(missing.filter((v) => closed.get(v)?.gesloten === true).length).toBeGreaterThan(missing.length * 0.9);
  });

  it('lists the schools of a gemeente with their address, and compares a school with its gemeente and Nederland', async () => {
    const tilburg = await get('/api/v1/areas?level=school&parent=GM0855', AreasResponse);
    expect(tilburg.data.length).toBeGreaterThan(50);
    const vo = tilburg.data.filter((s) => s.school?.sector === 'vo' && !s.school.gesloten);
    expect(vo.length).toBeGreaterThan(5);
    for (const s of vo) expect(s.school).toMatchObject({ plaats: expect.stringMatching(/TILBURG|BERKEL-ENSCHOT|UDENHOUT/) });
    const values = await get('/api/v1/values?indicator=slagingspercentage_vo&cohort=sj2022-2023&level=school&parent=GM0855', ValuesResponse);
    const codes = new Set(tilburg.data.map((s) => s.code));
    expect(values.data.length).toBeGreaterThan(5);
    expect(values.data.filter((v) => !codes.has(v.area))).toEqual([]);
    expect(values.benchmarks.map((b) => b.kind)).toEqual(expect.arrayContaining(['nederland', 'gemeente']));
    expect(values.benchmarks.find((b) => b.kind === 'gemeente')).toMatchObject({ area: 'GM0855' });
  });

  it('exports the schools of a gemeente, and all schools in the bulk file, with their gemeente', async () => {
    const res = await app.inject('/api/v1/export?indicator=slagingspercentage_vo&cohort=sj2022-2023&level=school&parent=GM0855&format=csv');
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body.slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r).toMatchObject({ Niveau: 'school', Gemeentecode: 'GM0855', Gemeente: 'Tilburg' });
    const bulk = await app.inject('/api/v1/export/bulk?level=school');
    expect(bulk.statusCode).toBe(200);
    const lines = parse(bulk.body.slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
    const schools = new Set(lines.map((l) => l['Gebiedscode']));
    expect(schools.size).toBeGreaterThan(6000);
    expect(lines.every((l) => /^SC/.test(l['Gebiedscode']!) && /^GM\d{4}$/.test(l['Gemeentecode']!))).toBe(true);
  });
});
