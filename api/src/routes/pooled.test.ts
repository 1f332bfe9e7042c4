import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AreasResponse, ChangeResponse, DIMENSIONS, IndicatorsResponse, NATIONAL_CODE, TrendResponse, ValuesResponse, type Dimension } from '@gka/shared';
import { buildApp } from '../app.ts';
import { loadDemo } from '../importers/demo/load.ts';
import { importFixtureRegion } from '../importers/geo/fixtures.ts';
import { attack, pooledSystem, solvedBySystem } from '../test/adversary.ts';
import { testConfig } from '../test/config.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { getParsed } from '../test/inject.ts';

/**
 * Pooled periods through the API, on the fictitious region with demo data (six cohorts, four before
 * COVID): what they hold, where they appear, and an outside analyst who has every member cohort and
 * the pooled period at both levels and every breakdown, and solves all their sums at once.
 */
const POOL = '2012-2013_2018-2019';
const MEMBERS = ['2012-2013', '2014-2015', '2016-2017', '2018-2019'];
const DIMS = Object.keys(DIMENSIONS) as Dimension[];
const MIN_CELL = 10;

let t: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
const get = <T>(url: string, schema: { parse: (x: unknown) => T }) => getParsed(app, url, schema);

beforeAll(async () => {
  t = await createTestDatabase();
  await importFixtureRegion(t.db);
  await loadDemo(t.url, { seed: 11 });
  app = await buildApp({ config: testConfig({ rateLimitPerMinute: 0, minCell: MIN_CELL }), db: t.db });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('pooled periods', () => {
  it('are listed apart from the time axis, with a label that says what was pooled', async () => {
    const advies = (await get('/api/v1/indicators', IndicatorsResponse)).data.find((i) => i.code === 'advies_havo_vwo')!;
    expect(advies.cohorts.map((c) => c.code)).not.toContain(POOL);
    expect(advies.pools).toEqual([
      { code: POOL, label: 'Cohorten 2012-2013 t/m 2018-2019 samen', schoolYears: expect.any(Array), pooled: MEMBERS, covid: false, note: null },
    ]);
    const trend = await get(`/api/v1/trend?indicator=advies_havo_vwo&area=GM9901`, TrendResponse);
    expect(trend.data.map((p) => p.cohort.code)).not.toContain(POOL);
  });

  it('sum the counts of their cohorts, and give a value to wijken that every cohort hides', async () => {
    let gained = 0;
    for (const indicator of ['advies_havo_vwo', 'zittenblijven', 'heroverweging']) {
      for (const dimension of DIMS) {
        const q = `indicator=${indicator}&dimension=${dimension}&level=wijk`;
        const pool = await get(`/api/v1/values?${q}&cohort=${POOL}`, ValuesResponse);
        expect(pool.meta.cohort).toMatchObject({ code: POOL, label: 'Cohorten 2012-2013 t/m 2018-2019 samen' });
        const rows = await t.db
          .selectFrom('measure')
          .select(['area_code', 'grp', 'cohort', 'numerator', 'denominator', 'hidden'])
          .where('indicator', '=', indicator)
          .where('dimension', '=', dimension)
          .where('cohort', 'in', MEMBERS)
          .execute();
        for (const v of pool.data) {
          const parts = rows.filter((r) => r.area_code === v.area && r.grp === v.group);
          if (!v.suppressed) {
            expect([v.numerator, v.denominator]).toEqual([
              parts.reduce((s, r) => s + Number(r.numerator), 0),
              parts.reduce((s, r) => s + Number(r.denominator), 0),
            ]);
            if (parts.every((r) => r.hidden)) gained++;
          } else expect([v.numerator, v.denominator, v.value]).toEqual([null, null, null]);
        }
      }
    }
    expect(gained).toBeGreaterThan(0);
  });

  it('are in the bulk export too, line for line as /values gives them', async () => {
    const res = await app.inject('/api/v1/export/bulk?level=wijk');
    expect(res.statusCode).toBe(200);
    const [head, ...lines] = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const col = (name: string) => head!.split(';').indexOf(name);
    const pooled = lines.map((l) => l.split(';')).filter((f) => f[col('Indicatorcode')] === 'zittenblijven' && f[col('Cohortcode')] === POOL);
    const values = await get(`/api/v1/values?indicator=zittenblijven&level=wijk&cohort=${POOL}&dimension=totaal`, ValuesResponse);
    const totaal = pooled.filter((f) => f[col('Uitsplitsing')] === 'Totaal');
    expect(totaal).toHaveLength(values.data.length);
    for (const v of values.data) {
      const f = totaal.find((x) => x[col('Gebiedscode')] === v.area)!;
      expect(f[col('Cohort')]).toBe('Cohorten 2012-2013 t/m 2018-2019 samen');
      expect([f[col('Teller')], f[col('Noemer')], f[col('Onderdrukt')]]).toEqual([
        String(v.numerator ?? ''),
        String(v.denominator ?? ''),
        v.suppressed ? 'ja' : 'nee',
      ]);
    }
  });

  it('serve as the reference before COVID in /change, where they give wijken a reference the cohorts one by one do not', async () => {
    const body = await get(
      `/api/v1/change?indicator=advies_havo_vwo&cohort=2020-2021&reference=voor-covid&level=wijk&dimension=opleiding_ouders`,
      ChangeResponse,
    );
    expect(body.meta.reference).toEqual({ code: 'voor-covid', label: 'vóór COVID (2012-2013 t/m 2018-2019 samen)', cohorts: MEMBERS });
    const pool = await get(`/api/v1/values?indicator=advies_havo_vwo&cohort=${POOL}&level=wijk&dimension=opleiding_ouders`, ValuesResponse);
    for (const r of body.data) expect(r.referenceValue).toBe(pool.data.find((v) => v.area === r.area && v.group === r.group)!.value);
  });

  it('have no change of their own: asking for one is a Dutch 400', async () => {
    const res = await app.inject(`/api/v1/change?indicator=advies_havo_vwo&cohort=${POOL}&reference=voor-covid&level=gemeente`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/samengevoegde periode/);
  });

  it('let an analyst with every cohort and the pooled period, at both levels and in every breakdown, recover nothing', async () => {
    const areas = [
      { code: NATIONAL_CODE, parent: null },
      ...(await get('/api/v1/areas?level=gemeente', AreasResponse)).data,
      ...(await get('/api/v1/areas?level=wijk', AreasResponse)).data,
    ];
    for (const indicator of ['advies_havo_vwo', 'zittenblijven']) {
      const { known, exists, relations } = await pooledSystem(
        areas,
        MEMBERS,
        POOL,
        async (cohort, dimension, level) =>
          (await get(`/api/v1/values?indicator=${indicator}&cohort=${cohort}&dimension=${dimension}&level=${level}`, ValuesResponse)).data,
      );
      expect(known.size).toBeGreaterThan(0);
      expect(attack(known, exists, relations, { minCell: MIN_CELL, attribute: true }), indicator).toEqual([]);
      expect(solvedBySystem(known, exists, relations), indicator).toEqual([]);
    }
  });
});
