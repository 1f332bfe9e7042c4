import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AreasResponse, isReferentieIndicator, SchoolsResponse, ValuesResponse, type SimilarSchools } from '@gka/shared';
import { buildApp } from '../app.ts';
import type { TestDatabase } from '../test/database.ts';
import { createDuoDatabase } from '../test/duo-database.ts';
import { testConfig } from '../test/config.ts';
import { hasOpenData, openDataWithReferentieniveaus } from '../test/open-data.ts';
import { getParsed } from '../test/inject.ts';
import { wilson } from '../stats/wilson.ts';

/**
 * The referentieniveaus of the real DUO rows of fixtures/duo (13 schools) with the real CBS
 * achterstandsscores: each school against the schools of a similar score, computed by hand. Only the
 * address lists and the scores of open data are imported beside them, so the import takes seconds.
 */
describe.skipIf(!hasOpenData)('schools against schools of a similar achterstandsscore (referentieniveaus)', () => {
  let t: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const get = <T>(url: string, schema: { parse: (x: unknown) => T }) => getParsed(app, url, schema);
  /** A school's value as its own page has it (GET /schools/{school}). */
  const similarOf = async (school: string, indicator: string) => {
    const res = await get(`/api/v1/schools/${school}`, SchoolsResponse);
    return res.schools[0]!.values.find((v) => v.indicator === indicator)!;
  };

  beforeAll(async () => {
    const dir = openDataWithReferentieniveaus(['vestigingenBo', 'vestigingenVo', 'afstandBo', 'achterstandsscores']);
    ({ t } = await createDuoDatabase(undefined, dir));
    // WereldWijs' taalverzorging 2F of 2024-2025 (5 of 12) hidden, as the disclosure decision can hide a school.
    await sql`update measure set hidden = true where indicator = 'ref_taal_2f' and cohort = 'sj2024-2025' and area_code = 'SC00AP00'`.execute(t.db);
    app = await buildApp({ config: testConfig(), db: t.db });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('compares Maasparel and De Vlieger in lezen 2F (2024-2025) with their bands, as computed by hand', async () => {
    // Seven schools with a figure; by score 0 (Maasparel 13/21, Peter Petersen 20/27), 2.6, 9.3 (De Vlieger 8/13),
    // 15.8 (De Harlekijn 39/50), 45.4, 259.7. A fifth of seven: cuts after the 2nd, 3rd, 5th and 6th school.
    const maasparel = await similarOf('SC00AR00', 'ref_lezen_2f');
    expect(maasparel.similar).toMatchObject({ band: 1, score: 0, value: 13 / 21 });
    expect(maasparel.similar!.bandValue).toBeCloseTo(33 / 48, 12);
    expect(maasparel.similar!.difference).toBeCloseTo(13 / 21 - 33 / 48, 6);
    // Fewer than ten schools: no spread to widen by, the school's own Wilson interval.
    expect(maasparel.similar!.ciLow).toBeCloseTo(wilson(13, 21)!.low, 5);
    expect(maasparel.similar!.ciHigh).toBeCloseTo(wilson(13, 21)!.high, 5);
    const vlieger = await similarOf('SC00BW00', 'ref_lezen_2f');
    expect(vlieger.similar).toMatchObject({ band: 3, value: 8 / 13 });
    expect(vlieger.similar!.score).toBeCloseTo(9.275, 6);
    expect(vlieger.similar!.bandValue).toBeCloseTo(47 / 63, 12);
    expect(vlieger.similar!.difference).toBeCloseTo(8 / 13 - 47 / 63, 6);
    // The column holds the bands with their scores and pooled counts.
    const rotterdam = await get('/api/v1/schools/GM0599', SchoolsResponse);
    const bands = rotterdam.columns.find((c) => c.indicator.code === 'ref_lezen_2f')!.similar!;
    expect(bands.scoreCohort).toEqual({ code: 'sj2019-2020', label: 'Schooljaar 2019-2020' });
    expect(bands.bands.map((b) => [b.band, b.schools, b.numerator, b.denominator])).toEqual([
      [1, 2, 33, 48],
      [2, 1, 16, 21],
      [3, 2, 47, 63],
      [4, 1, 26, 38],
      [5, 1, 22, 41],
    ]);
    // Jan Prins is alone in its band: nothing similar to compare with.
    expect(rotterdam.schools.find((s) => s.school.code === 'SC03DX00')!.values.find((v) => v.indicator === 'ref_lezen_2f')!.similar).toMatchObject({
      band: 4,
      value: 26 / 38,
      difference: null,
      significance: 'onbekend',
    });
  });

  it('leaves a hidden school out of every band and says nothing of it, though its score places it in one', async () => {
    const wereldwijs = await similarOf('SC00AP00', 'ref_taal_2f');
    expect(wereldwijs).toMatchObject({ suppressed: true, value: null, numerator: null });
    // Without it: 0 (Maasparel 9/21, Peter Petersen 11/27), 2.6, 15.8, 45.4 (Jan Prins 22/38), 259.7; its 33.0 lies in Jan Prins' band.
    expect(wereldwijs.similar).toEqual({
      band: 4,
      score: expect.closeTo(33.02, 6) as number,
      value: null,
      ciLow: null,
      ciHigh: null,
      bandValue: 22 / 38,
      difference: null,
      differenceLow: null,
      differenceHigh: null,
      significance: 'onbekend',
    } satisfies SimilarSchools);
    const column = (await get('/api/v1/schools/GM0637', SchoolsResponse)).columns.find((c) => c.indicator.code === 'ref_taal_2f')!;
    const pooled = column.similar!.bands.reduce((s, b) => ({ k: s.k + b.numerator, n: s.n + b.denominator }), { k: 0, n: 0 });
    expect(pooled).toEqual({ k: 9 + 33 + 22 + 16 + 11 + 15, n: 21 + 51 + 38 + 21 + 27 + 38 });
  });

  it('pools in each band exactly the published figures of /values of its schools, and every verdict follows its interval', async () => {
    const areas = await get('/api/v1/areas?level=school', AreasResponse);
    const gemeenten = new Set<string>();
    const columns = new Map<string, SchoolsResponse['columns'][number]>();
    const similar: { school: string; indicator: string; s: SimilarSchools }[] = [];
    const values = new Map<string, ValuesResponse>();
    for (const indicator of ['ref_rekenen_1f', 'ref_rekenen_1s', 'ref_lezen_1f', 'ref_lezen_2f', 'ref_taal_1f', 'ref_taal_2f']) {
      const v = await get(`/api/v1/values?indicator=${indicator}&level=school`, ValuesResponse);
      values.set(indicator, v);
      for (const r of v.data) gemeenten.add(areas.data.find((a) => a.code === r.area)!.parent!);
    }
    for (const g of gemeenten) {
      const res = await get(`/api/v1/schools/${g}`, SchoolsResponse);
      for (const c of res.columns) if (isReferentieIndicator(c.indicator.code)) columns.set(c.indicator.code, c);
      for (const s of res.schools) for (const v of s.values) if (v.similar) similar.push({ school: s.school.code, indicator: v.indicator, s: v.similar });
    }
    expect(columns.size).toBe(6);
    for (const [indicator, column] of columns) {
      const published = values.get(indicator)!.data.filter((v) => !v.suppressed);
      for (const band of column.similar!.bands) {
        const members = similar.filter((x) => x.indicator === indicator && x.s.band === band.band && x.s.value !== null).map((x) => x.school);
        const rows = published.filter((v) => members.includes(v.area));
        expect(rows.length, `${indicator} band ${band.band}`).toBe(band.schools);
        expect([band.numerator, band.denominator]).toEqual([rows.reduce((s, r) => s + r.numerator!, 0), rows.reduce((s, r) => s + r.denominator!, 0)]);
      }
    }
    for (const { school, indicator, s } of similar) {
      const own = values.get(indicator)!.data.find((v) => v.area === school)!;
      expect(s.value).toBe(own.value);
      const expected = s.differenceLow === null ? 'onbekend' : s.differenceLow > 0 ? 'hoger' : s.differenceHigh! < 0 ? 'lager' : 'niet_significant';
      expect(s.significance, `${school} ${indicator}`).toBe(expected);
    }
    expect(similar.some((x) => x.s.significance === 'niet_significant')).toBe(true);
  });

  it('answers for one school with its figures alone, as its gemeente does', async () => {
    const one = await get('/api/v1/schools/SC03DX00', SchoolsResponse);
    const all = await get('/api/v1/schools/GM0599', SchoolsResponse);
    expect(one.gemeente).toEqual({ code: 'GM0599', name: 'Rotterdam' });
    expect(one.schools).toEqual(all.schools.filter((s) => s.school.code === 'SC03DX00'));
    expect(one.columns.map((c) => c.indicator.code)).toEqual(expect.arrayContaining(['ref_rekenen_1f', 'ref_lezen_2f', 'achterstandsscore']));
    expect(one.far).toEqual([]);
    expect((await app.inject('/api/v1/schools/SC99ZZ99')).statusCode).toBe(404);
    const bad = await app.inject('/api/v1/schools/WK036300');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { message: expect.stringMatching(/gemeentecode zoals GM0363 of een schoolcode/) as string } });
  });
});
