import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { DIMENSIONS } from '@gka/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { REPO_ROOT } from '../../config.ts';
import { importValues } from './import.ts';
import { ValuesFileError } from './parse.ts';

let t: TestDatabase;
let dir: string;

const HEADER = 'gebiedcode;cohort;indicator;dimensie;groep;teller;noemer';
const GOOD = [
  HEADER,
  'GM9901;2020-2021;advies_havo_vwo;totaal;totaal;45;100',
  'GM9901;2020-2021;advies_havo_vwo;opleiding_ouders;laag;5;20',
  'WK990101;2020-2021;advies_havo_vwo;totaal;totaal;3;7',
  'GM9901;2018-2019;eindtoets_gemiddelde;totaal;totaal;53500;100',
].join('\n');

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function snapshot() {
  const measures = await t.db
    .selectFrom('measure')
    .select(['area_code', 'cohort', 'indicator', 'dimension', 'grp', 'numerator', 'denominator'])
    .orderBy('area_code')
    .orderBy('cohort')
    .orderBy('indicator')
    .orderBy('dimension')
    .orderBy('grp')
    .execute();
  const cohorts = await t.db.selectFrom('cohort').select('code').orderBy('code').execute();
  const datasets = await t.db.selectFrom('dataset').select('id').execute();
  return { measures, cohorts, datasets: datasets.length };
}

async function rejects(file: string): Promise<string[]> {
  const error = await importValues(t.url, file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValuesFileError);
  return (error as ValuesFileError).problems;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gka-values-'));
  t = await createTestDatabase();
  await t.db
    .insertInto('area')
    .values([
      { code: 'GM9901', level: 'gemeente', name: 'Testdam', parent_code: 'NL01' },
      { code: 'WK990101', level: 'wijk', name: 'Centrum', parent_code: 'GM9901' },
    ])
    .execute();
  await importValues(t.url, write('basis.csv', GOOD));
});

afterAll(async () => {
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('import-values', () => {
  it('loads a file, creates unknown GKA cohorts with the school years they pool and records the dataset', async () => {
    const s = await snapshot();
    expect(s.measures).toHaveLength(4);
    expect(s.measures).toContainEqual({
      area_code: 'GM9901',
      cohort: '2020-2021',
      indicator: 'advies_havo_vwo',
      dimension: 'totaal',
      grp: 'totaal',
      numerator: 45,
      denominator: 100,
    });
    const cohorts = await t.db.selectFrom('cohort').selectAll().orderBy('code').execute();
    expect(cohorts).toMatchObject([
      { code: '2018-2019', label: 'Cohort 2018-2019', school_years: ['2017-2018', '2018-2019'] },
      { code: '2020-2021', label: 'Cohort 2020-2021', school_years: ['2019-2020', '2020-2021'] },
    ]);
    const dataset = await t.db.selectFrom('dataset').selectAll().executeTakeFirstOrThrow();
    expect(dataset).toMatchObject({ kind: 'values', row_count: 4, synthetic: false });
    expect(dataset.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is idempotent and replaces the same keys on re-import', async () => {
    const changed = GOOD.replace('GM9901;2020-2021;advies_havo_vwo;totaal;totaal;45;100', 'GM9901;2020-2021;advies_havo_vwo;totaal;totaal;50;100');
    await importValues(t.url, write('opnieuw.csv', changed));
    await importValues(t.url, write('opnieuw.csv', changed));
    const s = await snapshot();
    expect(s.measures).toHaveLength(4);
    expect(s.measures).toContainEqual(expect.objectContaining({ area_code: 'GM9901', grp: 'totaal', indicator: 'advies_havo_vwo', numerator: 50 }));
    await importValues(t.url, write('basis.csv', GOOD));
  });

  it('replaces keys alike whether a large file rebuilds the table or a small one works in place', async () => {
    const oid = async () => (await sql<{ oid: number }>`select 'measure'::regclass::oid::int as oid`.execute(t.db)).rows[0]!.oid;
    const groups = Object.entries(DIMENSIONS).flatMap(([dimension, gs]) => gs.map((g) => `${dimension};${g}`));
    const large = [HEADER, ...['2021-2022', '2022-2023'].flatMap((c) => groups.map((g) => `WK990101;${c};zittenblijven;${g};1;20`))].join('\n');
    const before = await oid();
    await importValues(t.url, write('groot.csv', large));
    // 24 rows against a table of 4: a new table took the old one's place, with the old keys kept.
    expect(await oid()).not.toBe(before);
    expect((await snapshot()).measures).toHaveLength(28);

    const rebuilt = await oid();
    const small = [HEADER, 'WK990101;2021-2022;zittenblijven;totaal;totaal;5;20'].join('\n');
    await importValues(t.url, write('klein.csv', small));
    expect(await oid()).toBe(rebuilt);
    const s = await snapshot();
    expect(s.measures).toHaveLength(28);
    expect(s.measures).toContainEqual(
      expect.objectContaining({ area_code: 'WK990101', cohort: '2021-2022', indicator: 'zittenblijven', grp: 'totaal', numerator: 5 }),
    );
    expect(s.measures).toContainEqual(
      expect.objectContaining({ area_code: 'WK990101', cohort: '2022-2023', indicator: 'zittenblijven', grp: 'totaal', numerator: 1 }),
    );
    // In place too, a key twice is reported by line and nothing changes.
    expect(await rejects(write('klein-dubbel.csv', `${small}\n${small.split('\n')[1]}`))).toEqual([
      'klein-dubbel.csv regel 3, kolommen gebiedcode t/m groep: dubbele sleutel WK990101;2021-2022;zittenblijven;totaal;totaal, staat ook op regel 2',
    ]);
    expect(await snapshot()).toEqual(s);
    await t.db.deleteFrom('measure').where('indicator', '=', 'zittenblijven').execute();
  });

  it('decides the disclosure of every indicator × cohort it touches, by rebuild and in place, from all rows of that table', async () => {
    await t.db
      .insertInto('area')
      .values([
        { code: 'WK990102', level: 'wijk', name: 'Noord', parent_code: 'GM9901' },
        { code: 'WK990103', level: 'wijk', name: 'Zuid', parent_code: 'GM9901' },
      ])
      .execute();
    const flags = async () =>
      Object.fromEntries(
        (await t.db.selectFrom('measure').select(['area_code', 'hidden']).where('indicator', '=', 'opstroom_lj3').orderBy('area_code').execute()).map((r) => [
          r.area_code,
          r.hidden,
        ]),
      );
    const file = (wijk1: string) =>
      [
        HEADER,
        'GM9901;2021-2022;opstroom_lj3;totaal;totaal;60;100',
        `WK990101;2021-2022;opstroom_lj3;totaal;totaal;${wijk1}`,
        'WK990102;2021-2022;opstroom_lj3;totaal;totaal;20;40',
        'WK990103;2021-2022;opstroom_lj3;totaal;totaal;37;52',
        // Another indicator's table, so that the file is large against what measure holds.
        ...[
          'totaal;totaal;50;100',
          'opleiding_ouders;laag;10;30',
          'opleiding_ouders;midden;20;40',
          'opleiding_ouders;hoog;20;30',
          'inkomen_ouders;laag;10;30',
          'inkomen_ouders;midden;20;40',
          'inkomen_ouders;hoog;20;30',
          'geslacht;jongen;25;50',
          'geslacht;meisje;25;50',
        ].map((x) => `GM9901;2021-2022;stapelen_mbo;${x}`),
      ].join('\n');
    const oid = async () => (await sql<{ oid: number }>`select 'measure'::regclass::oid::int as oid`.execute(t.db)).rows[0]!.oid;
    const before = await oid();
    // Large against the table: rebuilt. Centrum (8 pupils) is hidden, and Noord, the smallest other
    // wijk, with it: else Testdam minus Noord and Zuid would give Centrum.
    await importValues(t.url, write('wijken.csv', file('3;8')));
    expect(await oid()).not.toBe(before);
    expect(await flags()).toEqual({ GM9901: false, WK990101: true, WK990102: true, WK990103: false });
    expect(
      await t.db.selectFrom('disclosure').select(['cells', 'primary_hidden', 'secondary_hidden', 'min_cell']).where('indicator', '=', 'opstroom_lj3').execute(),
    ).toEqual([{ cells: 4, primary_hidden: 1, secondary_hidden: 1, min_cell: 10 }]);
    // One line, in place: Centrum grows to 60 pupils, so Noord (a row the file does not touch) is published again.
    const rebuilt = await oid();
    await importValues(t.url, write('centrum.csv', [HEADER, 'WK990101;2021-2022;opstroom_lj3;totaal;totaal;30;60'].join('\n')));
    expect(await oid()).toBe(rebuilt);
    expect(await flags()).toEqual({ GM9901: false, WK990101: false, WK990102: false, WK990103: false });
    // The pairs the files did not touch kept their decision: the basis file's small wijk is still hidden.
    expect(
      await t.db
        .selectFrom('measure')
        .select('hidden')
        .where('area_code', '=', 'WK990101')
        .where('indicator', '=', 'advies_havo_vwo')
        .executeTakeFirstOrThrow(),
    ).toEqual({ hidden: true });
    await t.db.deleteFrom('measure').where('indicator', 'in', ['opstroom_lj3', 'stapelen_mbo']).execute();
    await t.db.deleteFrom('area').where('code', 'in', ['WK990102', 'WK990103']).execute();
  });

  it('accepts comma separators, a BOM, CRLF and quoted fields, and marks synthetic data', async () => {
    const comma = '\uFEFF' + GOOD.replaceAll(';', ',').replace('GM9901,2018-2019', '"GM9901",2018-2019').replaceAll('\n', '\r\n') + '\r\n';
    const result = await importValues(t.url, write('komma.csv', comma), { synthetic: true });
    expect(result.rows).toBe(4);
    const dataset = await t.db.selectFrom('dataset').selectAll().where('id', '=', result.datasetId).executeTakeFirstOrThrow();
    expect(dataset.synthetic).toBe(true);
    expect((await snapshot()).measures).toHaveLength(4);
  });

  it('loads fixtures/values.csv, the values of the fictitious region', async () => {
    const fixture = await createTestDatabase();
    try {
      const file = path.join(REPO_ROOT, 'fixtures/values.csv');
      // Its areas come from fixtures/region.geojson; inserted here so this test does not depend on the geo importer.
      const codes = [
        ...new Set(
          readFileSync(file, 'utf8')
            .split('\n')
            .slice(1)
            .filter(Boolean)
            .map((l) => l.split(';')[0]!),
        ),
      ];
      const gemeenten = codes.filter((c) => c.startsWith('GM')).map((code) => ({ code, level: 'gemeente' as const, name: code, parent_code: 'NL01' }));
      const wijken = codes
        .filter((c) => c.startsWith('WK'))
        .map((code) => ({ code, level: 'wijk' as const, name: code, parent_code: `GM${code.slice(2, 6)}` }));
      const region = path.join(REPO_ROOT, 'fixtures/region.geojson');
      const text = readFileSync(region, 'utf8');
      for (const code of codes) expect(text, `${code} in region.geojson`).toContain(`"${code}"`);
      await fixture.db
        .insertInto('area')
        .values([...gemeenten, ...wijken])
        .execute();
      const result = await importValues(fixture.url, file);
      expect(result.rows).toBe(128);
      const small = await fixture.db
        .selectFrom('measure')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('denominator', '<', '10')
        .executeTakeFirstOrThrow();
      expect(Number(small.n)).toBeGreaterThan(0);
    } finally {
      await fixture.drop();
    }
  });

  const bad: [string, string | Buffer, RegExp][] = [
    [
      'unknown area code',
      GOOD + '\nGM9999;2020-2021;advies_havo_vwo;totaal;totaal;1;2',
      /slecht\.csv regel 6, kolom gebiedcode: "GM9999" is geen bekend gebied/,
    ],
    ['unknown indicator', GOOD + '\nGM9901;2020-2021;geluk;totaal;totaal;1;2', /regel 6, kolom indicator: "geluk" is geen bekende indicator/],
    ['unknown dimension', GOOD + '\nGM9901;2020-2021;advies_havo_vwo;leeftijd;jong;1;2', /regel 6, kolom dimensie: "leeftijd"/],
    [
      'group of another dimension',
      GOOD + '\nGM9901;2020-2021;advies_havo_vwo;geslacht;laag;1;2',
      /regel 6, kolom groep: "laag" hoort niet bij dimensie geslacht/,
    ],
    ['malformed cohort', GOOD + '\nGM9901;2020;advies_havo_vwo;totaal;totaal;1;2', /regel 6, kolom cohort: "2020" is geen cohortcode/],
    ['teller > noemer', GOOD + '\nGM9901;2019-2020;advies_havo_vwo;totaal;totaal;12;10', /regel 6, kolom teller: 12 is groter dan de noemer 10/],
    ['non-integer', GOOD + '\nGM9901;2019-2020;advies_havo_vwo;totaal;totaal;12a;20', /slecht\.csv regel 6, kolom teller: "12a" is geen geheel getal/],
    ['decimal', GOOD + '\nGM9901;2019-2020;advies_havo_vwo;totaal;totaal;12;20,5', /regel 6, kolom noemer: "20,5" is geen geheel getal/],
    ['negative', GOOD + '\nGM9901;2019-2020;advies_havo_vwo;totaal;totaal;-1;20', /regel 6, kolom teller: "-1" is negatief/],
    ['missing column', GOOD + '\nGM9901;2019-2020;advies_havo_vwo;totaal;totaal;1', /regel 6: 6 kolommen gevonden, 7 verwacht \(kolom noemer ontbreekt\)/],
    ['empty value', GOOD + '\nGM9901;2019-2020;advies_havo_vwo;totaal;totaal;;5', /regel 6, kolom teller: de waarde ontbreekt/],
    [
      'duplicate key',
      GOOD + '\nWK990101;2020-2021;advies_havo_vwo;totaal;totaal;4;7',
      /regel 6, kolommen gebiedcode t\/m groep: dubbele sleutel WK990101;2020-2021;advies_havo_vwo;totaal;totaal, staat ook op regel 4/,
    ],
    ['wrong header', GOOD.replace('teller', 'aantal'), /slecht\.csv regel 1, kolom 6: verwacht "teller", gevonden "aantal"/],
    ['header without separator', 'gebiedcode cohort\nGM9901', /regel 1: de kopregel moet zijn/],
    ['empty file', '', /slecht\.csv: het bestand is leeg/],
    ['header only', HEADER + '\n', /slecht\.csv: het bestand heeft een kopregel maar geen waarden/],
    [
      'Windows-1252 encoding',
      iconv.encode(GOOD + '\nGM9901;2019-2020;advies_havo_vwo;totaal;totaal;1;2 é', 'win1252'),
      /slecht\.csv regel 6: het bestand is geen geldige UTF-8.*Sla het op als "CSV UTF-8/,
    ],
  ];
  it.each(bad)('rejects a file with %s and changes nothing', async (_case, content, message) => {
    const before = await snapshot();
    const problems = await rejects(write('slecht.csv', content));
    expect(problems.join('\n')).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('reports every problem up to a limit, in line order', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `GM9901;2019-2020;advies_havo_vwo;totaal;totaal;x${i};10`);
    const problems = await rejects(write('slecht.csv', [HEADER, ...lines].join('\n')));
    expect(problems).toHaveLength(20);
    expect(problems[0]).toMatch(/regel 2, kolom teller: "x0"/);
    expect(problems[19]).toMatch(/regel 21, kolom teller: "x19"/);
  });

  it('allows a teller above the noemer for averages', async () => {
    const before = await snapshot();
    expect(before.measures).toContainEqual(expect.objectContaining({ indicator: 'eindtoets_gemiddelde', numerator: 53500, denominator: 100 }));
  });
});
