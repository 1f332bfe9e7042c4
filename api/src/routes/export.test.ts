import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { BulkExportInfo, ChangeResponse, disclosureSentence, significanceWord, ValuesResponse } from '@gka/shared';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { TestDatabase } from '../test/database.ts';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';
import { testConfig } from '../test/config.ts';
import { SEED } from '../test/seed.ts';
import { withRealIndicator } from '../test/real-beside-demo.ts';

const SEED_HIDDEN = SEED.suppressed;

let t: TestDatabase;
let app: TestApp;
useSeededApp((a, db) => {
  app = a;
  t = db;
});

const Q = 'indicator=advies_havo_vwo&cohort=2020-2021&level=wijk&parent=GM0001';

/** As pandas.read_csv(sep=';') or Power Query read it by default: the first line is the header. */
function readCsv(body: string): Record<string, string>[] {
  return parse(body, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
}

describe('GET /export?format=csv', () => {
  it('starts with its header line: ;-separated UTF-8 with BOM and decimal commas, context and every benchmark as columns', async () => {
    const res = await app.inject(`/api/v1/export?format=csv&${Q.replace('2020-2021', '2019-2020')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="gka_advies_havo_vwo_2019-2020_wijk_GM0001_totaal.csv"');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Gebiedscode;Gebied;Niveau;Gemeentecode;Gemeente;Provincie;Stedelijkheid gemeente;GKA-gemeente;Cohort;Indicator;Uitsplitsing;Groep;Teller;Noemer;' +
        'Percentage;95%-interval ondergrens;95%-interval bovengrens;Onderdrukt;Reden geen waarde;Synthetisch;' +
        'Nederland;Significantie t.o.v. Nederland;Gemiddelde van de gemeenten;Significantie t.o.v. het gemiddelde van de gemeenten;' +
        'Gemeenten met dezelfde stedelijkheid;Significantie t.o.v. gemeenten met dezelfde stedelijkheid;GKA-gemeenten;Significantie t.o.v. de GKA-gemeenten;' +
        'Eigen gemeente;Significantie t.o.v. de eigen gemeente',
    );
    expect(lines.at(-1)).toBe('');
    const rows = readCsv(res.body);
    expect(rows).toHaveLength(2);
    // 200/500 = 40,0% (35,8–44,4); Nederland 45000/100000 = 45,0% lies above the interval; own gemeente 40,0%.
    expect(rows[0]).toMatchObject({
      Gebiedscode: 'WK000101',
      Gebied: 'Aastad-Centrum',
      Niveau: 'wijk',
      Gemeentecode: 'GM0001',
      Gemeente: 'Aastad',
      Provincie: 'Testland',
      'Stedelijkheid gemeente': '1 zeer sterk stedelijk',
      'GKA-gemeente': 'ja',
      Cohort: 'Cohort 2019-2020',
      Teller: '200',
      Noemer: '500',
      Percentage: '40,0',
      '95%-interval ondergrens': '35,8',
      '95%-interval bovengrens': '44,4',
      Onderdrukt: 'nee',
      Synthetisch: 'ja',
      Nederland: '45,0',
      'Significantie t.o.v. Nederland': 'significant lager',
      'Eigen gemeente': '40,0',
      'Significantie t.o.v. de eigen gemeente': 'niet significant',
    });
    expect(rows[1]).toMatchObject({ Gebiedscode: 'WK000102', Teller: '30', Noemer: '60', Percentage: '50,0' });
  });

  it('says of every comparison what /values decided, nothing of its own', async () => {
    const q = 'indicator=advies_havo_vwo&cohort=2019-2020&level=wijk&parent=GM0001';
    const rows = readCsv((await app.inject(`/api/v1/export?format=csv&${q}`)).body);
    const values = ValuesResponse.parse((await app.inject(`/api/v1/values?${q}`)).json());
    const column = { nederland: 'Significantie t.o.v. Nederland', gemeente: 'Significantie t.o.v. de eigen gemeente' } as const;
    expect(rows).toHaveLength(values.data.length);
    for (const [i, v] of values.data.entries()) {
      for (const kind of ['nederland', 'gemeente'] as const) {
        const c = v.comparisons.find((x) => x.kind === kind)!;
        expect(rows[i]![column[kind]], `${v.area} ${kind}`).toBe(significanceWord(c.significance, c.difference));
      }
    }
  });

  it('leaves hidden cells empty with the reason beside them, the same cells as the API hides', async () => {
    // 2020-2021: Aastad-Noord has 9 pupils, so Aastad-Centrum is hidden too (Aastad minus it would give it).
    const rows = readCsv((await app.inject(`/api/v1/export?format=csv&${Q}`)).body);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r).toMatchObject({
        Teller: '',
        Noemer: '',
        Percentage: '',
        '95%-interval ondergrens': '',
        Onderdrukt: 'ja',
        'Reden geen waarde': 'afgeschermd',
        'Eigen gemeente': '45,0',
      });
      expect(r['Significantie t.o.v. de eigen gemeente']).toBe('onbekend');
    }
  });

  it('calls the difference of a mean with a benchmark untested, not unknown', async () => {
    const rows = readCsv((await app.inject('/api/v1/export?format=csv&indicator=eindtoets_gemiddelde&cohort=2020-2021&level=gemeente')).body);
    const aastad = rows.find((r) => r.Gebiedscode === 'GM0001')!;
    expect(aastad.Gemiddelde).toBe('536,0');
    expect(aastad['Significantie t.o.v. Nederland']).toBe('zonder significantietoets');
  });

  it('keeps the metadata apart: metadata=1 gives it as text, and the CSV links to it', async () => {
    const res = await app.inject(`/api/v1/export?format=csv&${Q}`);
    const link = /^<([^>]+)>; rel="describedby"; type="text\/plain"$/.exec(String(res.headers.link))![1]!;
    expect(link).toContain('metadata=1');
    const meta = await app.inject(link);
    expect(meta.statusCode).toBe(200);
    expect(meta.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(meta.headers['content-disposition']).toBe('attachment; filename="gka_advies_havo_vwo_2020-2021_wijk_GM0001_totaal-bronnen.txt"');
    const lines = meta.body.split('\r\n');
    expect(lines[0]).toBe('GKA Dashboard: export van onderwijsindicatoren');
    expect(lines[1]).toMatch(/^LET OP: synthetische demodata/);
    expect(lines).toContain('Indicator: Schooladvies havo/vwo (advies_havo_vwo)');
    expect(lines).toContain('Cohort: Cohort 2020-2021');
    // The COVID note of this indicator's cohort, not a general one.
    expect(lines.find((l) => l.startsWith('COVID: '))).toMatch(/^COVID: Groep 8 in 2019-2020: de eindtoets ging niet door/);
    expect(lines).toContain(`Onderdrukking: ${disclosureSentence(10)}`);
    expect(lines.some((l) => l.startsWith('Bron: test-seed.csv (values, geïmporteerd '))).toBe(true);
    expect(lines.some((l) => /^Geëxporteerd op: \d{4}-\d\d-\d\dT/.test(l))).toBe(true);
    // Nothing of the metadata in the CSV itself.
    expect(res.body).not.toContain('synthetische demodata');
  });

  it('adds the change against a reference, the same numbers /change gives', async () => {
    const q = 'indicator=advies_havo_vwo&cohort=2020-2021&level=gemeente&reference=voor-covid';
    const [csv, change] = await Promise.all([app.inject(`/api/v1/export?format=csv&${q}`), app.inject(`/api/v1/change?${q}`)]);
    expect(csv.headers['content-disposition']).toContain('_tov-voor-covid.csv');
    const rows = readCsv(csv.body);
    const expected = ChangeResponse.parse(change.json()).data;
    expect(rows.map((r) => r.Gebiedscode)).toEqual(expected.map((c) => c.area));
    const pp = (v: number | null) => (v === null ? '' : (v * 100).toFixed(1).replace('.', ','));
    for (const [i, c] of expected.entries()) {
      expect(rows[i]!.Referentie).toBe('vóór COVID (2019-2020)');
      expect(rows[i]!['Verschil met referentie']).toBe(c.suppressed ? '' : pp(c.difference));
      expect(rows[i]!['Reden geen verschil']).toBe(c.suppressed ? 'afgeschermd' : c.difference === null ? 'geen waarde in een van beide cohorten' : '');
      expect([rows[i]!['Verschil 95%-ondergrens'], rows[i]!['Verschil 95%-bovengrens']]).toEqual(c.suppressed ? ['', ''] : [pp(c.ciLow), pp(c.ciHigh)]);
      expect(rows[i]!.Verandering).toBe(
        { hoger: 'significant hoger', lager: 'significant lager', niet_significant: 'niet significant', onbekend: 'onbekend' }[c.significance],
      );
    }
    expect(rows.some((r) => r.Verandering === 'significant hoger')).toBe(true);
    // At gemeente level no parent columns and no own-gemeente benchmark.
    expect(Object.keys(rows[0]!)).not.toContain('Gemeentecode');
    expect(Object.keys(rows[0]!)).not.toContain('Eigen gemeente');
  });

  it('is 400 for a reference that is no earlier cohort of the indicator', async () => {
    const res = await app.inject('/api/v1/export?format=csv&indicator=advies_havo_vwo&cohort=2019-2020&level=gemeente&reference=2020-2021');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/eerder cohort/);
  });

  it('omits the synthetic warning for real data', async () => {
    await t.db.updateTable('dataset').set({ synthetic: false }).execute();
    try {
      // A new version is only picked up after the version TTL; a fresh app sees it at once.
      const fresh = await buildApp({ config: testConfig(), db: t.db });
      const res = await fresh.inject(`/api/v1/export?format=csv&${Q}&metadata=1`);
      expect(res.body).not.toContain('synthetische demodata');
      await fresh.close();
    } finally {
      await t.db.updateTable('dataset').set({ synthetic: true }).execute();
    }
  });

  it('says per row whether its figure is synthetic: real figures beside demo values are not called synthetic', async () => {
    await withRealIndicator(t, 'eindtoets_gemiddelde', async (fresh) => {
      const of = async (indicator: string, format: 'csv' | 'xlsx') =>
        fresh.inject(`/api/v1/export?format=${format}&indicator=${indicator}&cohort=2019-2020&level=gemeente`);
      const real = readCsv((await of('eindtoets_gemiddelde', 'csv')).body);
      const demo = readCsv((await of('advies_havo_vwo', 'csv')).body);
      expect(real.length).toBeGreaterThan(0);
      expect(new Set(real.map((r) => r.Synthetisch))).toEqual(new Set(['nee']));
      expect(new Set(demo.map((r) => r.Synthetisch))).toEqual(new Set(['ja']));
      const meta = (await fresh.inject(`/api/v1/export?format=csv&indicator=eindtoets_gemiddelde&cohort=2019-2020&level=gemeente&metadata=1`)).body;
      expect(meta).not.toContain('synthetische demodata');
      // The XLSX the same, in its Data sheet.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await of('eindtoets_gemiddelde', 'xlsx')).rawPayload as unknown as ArrayBuffer);
      const data = wb.getWorksheet('Data')!;
      const column = ((data.getRow(1).values as unknown[]).slice(1) as string[]).indexOf('Synthetisch') + 1;
      expect(column).toBeGreaterThan(0);
      expect(new Set(data.getColumn(column).values.slice(2))).toEqual(new Set(['nee']));
    });
  });
});

describe('GET /export?format=xlsx', () => {
  it('has a Data sheet with its header on row 1 and numbers, and a Bronnen sheet', async () => {
    const res = await app.inject(`/api/v1/export?format=xlsx&${Q.replace('2020-2021', '2019-2020')}&dimension=opleiding_ouders`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'Bronnen']);
    const data = wb.getWorksheet('Data')!;
    const header = (data.getRow(1).values as unknown[]).slice(1) as string[];
    const cell = (row: number, name: string) => data.getRow(row).getCell(header.indexOf(name) + 1).value;
    expect(header.slice(0, 3)).toEqual(['Gebiedscode', 'Gebied', 'Niveau']);
    // Aastad-Centrum, hoog: 90/150 against Nederland (NL01) 21000/30000. Aastad-Noord's laag (5 pupils)
    // is hidden with its next smallest group, midden; both then hide Aastad-Centrum's laag and midden.
    expect([cell(4, 'Gebiedscode'), cell(4, 'Groep'), cell(4, 'Teller'), cell(4, 'Noemer'), cell(4, 'Percentage')]).toEqual(['WK000101', 'Hoog', 90, 150, 0.6]);
    expect(cell(4, '95%-interval ondergrens')).toBeCloseTo(0.52, 4);
    expect([cell(4, 'Nederland'), cell(4, 'Significantie t.o.v. Nederland')]).toEqual([0.7, 'significant lager']);
    expect(data.getColumn(header.indexOf('Percentage') + 1).numFmt).toBe('0.0%');
    expect(cell(7, 'Teller')).toBe(18);
    // Hidden: number cells empty, the reason in a column of its own.
    for (const row of [2, 3, 5, 6]) {
      expect([cell(row, 'Teller'), cell(row, 'Noemer'), cell(row, 'Percentage'), cell(row, 'Onderdrukt'), cell(row, 'Reden geen waarde')]).toEqual([
        null,
        null,
        null,
        'ja',
        'afgeschermd',
      ]);
    }
    expect(cell(4, 'Reden geen waarde')).toBe(null);
    // Every cell of a number column is a number or empty, never text.
    for (const name of ['Teller', 'Noemer', 'Percentage', '95%-interval ondergrens', '95%-interval bovengrens', 'Nederland', 'Eigen gemeente']) {
      const types = new Set(Array.from(data.getColumn(header.indexOf(name) + 1).values.slice(2), (v) => (v === null || v === undefined ? 'leeg' : typeof v)));
      expect(
        [...types].every((t) => t === 'number' || t === 'leeg'),
        `${name}: ${[...types]}`,
      ).toBe(true);
      expect(types.has('number'), name).toBe(true);
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

describe('GET /export/bulk', () => {
  it('streams every indicator × cohort × breakdown × area of a level in long format, header first', async () => {
    const res = await app.inject('/api/v1/export/bulk?level=gemeente');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="gka_alles_gemeente.csv"');
    const rows = readCsv(res.body);
    const { n } = await t.db
      .selectFrom('measure as m')
      .innerJoin('area as a', 'a.code', 'm.area_code')
      .where('a.level', '=', 'gemeente')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(rows).toHaveLength(Number(n));
    expect(new Set(rows.map((r) => r.Indicatorcode))).toEqual(new Set(['advies_havo_vwo', 'eindtoets_gemiddelde']));
    // The same cell as /values gives it, shares in percent, means as they are.
    expect(
      rows.find((r) => r.Gebiedscode === 'GM0001' && r.Cohortcode === '2019-2020' && r.Indicatorcode === 'advies_havo_vwo' && r.Groep === 'Totaal'),
    ).toMatchObject({
      Eenheid: 'percentage',
      Teller: '400',
      Noemer: '1000',
      Waarde: '40,0',
      Onderdrukt: 'nee',
      Synthetisch: 'ja',
      COVID: 'nee',
      Uitsplitsing: 'Totaal',
    });
    expect(rows.find((r) => r.Gebiedscode === 'GM0001' && r.Cohortcode === '2020-2021' && r.Indicatorcode === 'eindtoets_gemiddelde')).toMatchObject({
      Eenheid: 'gemiddelde',
      Waarde: '536,0',
      COVID: 'ja',
    });
    // Hidden cells as in every export: no counts.
    const hidden = rows.filter((r) => r.Onderdrukt === 'ja');
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) expect([r.Teller, r.Noemer, r.Waarde, r['Reden geen waarde']]).toEqual(['', '', '', 'afgeschermd']);
    // Number columns hold numbers (with a decimal comma) or nothing.
    for (const r of rows) for (const c of ['Teller', 'Noemer', 'Waarde', '95%-interval ondergrens']) expect(r[c], c).toMatch(/^(-?\d+(,\d)?)?$/);
  });

  it('says per row whether its figure is synthetic, by the import that holds its indicator', async () => {
    await withRealIndicator(t, 'eindtoets_gemiddelde', async (fresh) => {
      const rows = readCsv((await fresh.inject('/api/v1/export/bulk?level=gemeente')).body);
      const marks = (indicator: string) => new Set(rows.filter((r) => r.Indicatorcode === indicator).map((r) => r.Synthetisch));
      expect(marks('eindtoets_gemiddelde')).toEqual(new Set(['nee']));
      expect(marks('advies_havo_vwo')).toEqual(new Set(['ja']));
    });
  });

  it('never writes the counts of a hidden wijk', async () => {
    const body = (await app.inject('/api/v1/export/bulk?level=wijk')).body;
    const row = readCsv(body).find(
      (r) => r.Gebiedscode === SEED_HIDDEN.area && r.Cohortcode === SEED_HIDDEN.cohort && r.Groep === 'Totaal' && r.Indicatorcode === SEED_HIDDEN.indicator,
    )!;
    expect(row).toMatchObject({ Teller: '', Noemer: '', Waarde: '', 'Reden geen waarde': 'afgeschermd', Gemeentecode: 'GM0001', Niveau: 'wijk' });
    expect(body).not.toMatch(new RegExp(`^${SEED_HIDDEN.area};[^\\r\\n]*;${SEED_HIDDEN.numerator};${SEED_HIDDEN.denominator};`, 'm'));
  });

  it('is 400 for another level', async () => {
    expect((await app.inject('/api/v1/export/bulk?level=land')).statusCode).toBe(400);
    expect((await app.inject('/api/v1/export/bulk/info?level=land')).statusCode).toBe(400);
  });

  it('tells how many lines it has before it is built, the lines it then writes', async () => {
    const written = new Map<string, Record<string, string>[]>();
    for (const q of ['level=gemeente', 'level=wijk', 'level=wijk&parent=GM0001,GM0003', 'level=wijk&parent=gka', 'level=school']) {
      const info = BulkExportInfo.parse((await app.inject(`/api/v1/export/bulk/info?${q}`)).json());
      const res = await app.inject(`/api/v1/export/bulk?${q}`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      written.set(q, readCsv(res.body));
      expect(info.data.rows, q).toBe(written.get(q)!.length);
    }
    // The gka group is GM0001 and GM0003: the same wijken as naming them.
    const some = written.get('level=wijk&parent=GM0001,GM0003')!;
    expect(some.length).toBeGreaterThan(0);
    expect(new Set(some.map((r) => r.Gemeentecode))).toEqual(new Set(['GM0001', 'GM0003']));
    expect(written.get('level=wijk&parent=gka')).toEqual(some);
  });
});
