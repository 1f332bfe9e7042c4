import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { testConfig } from '../test/config.ts';
import { publicSource } from './datasets.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('sources', () => {
  it('name files without the folders of the importing server, and keep URLs whole', () => {
    expect(publicSource('/srv/geheim/import/waarden.csv')).toBe('waarden.csv');
    expect(publicSource('relatief/pad/x.csv')).toBe('x.csv');
    expect(publicSource('https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1')).toBe('https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1');
  });

  it('never show server paths through the API', async () => {
    await t.db.insertInto('dataset').values({ kind: 'values', source: '/srv/geheim/import/waarden.csv', row_count: 3 }).execute();
    const app = await buildApp({ config: testConfig(), db: t.db });
    const res = await app.inject('/api/v1/sources');
    await app.close();
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('/srv/geheim');
    expect(res.json().sources).toMatchObject([{ kind: 'values', source: 'waarden.csv', synthetic: false }]);
  });
});

describe('synthetic labelling per indicator', () => {
  it('calls only the indicators with demo values synthetic, not real figures loaded beside them', async () => {
    const db = t.db;
    await db.insertInto('area').values({ code: 'GM0001', level: 'gemeente', name: 'Eerstestad', parent_code: 'NL01' }).execute();
    await db.insertInto('cohort').values({ code: '2020-2021', label: '2020-2021' }).execute();
    const demo = await db
      .insertInto('dataset')
      .values({ kind: 'demo', source: 'pnpm gka demo (seed 1)', synthetic: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const duo = await db
      .insertInto('dataset')
      .values({ kind: 'duo', source: '/data/duo_examens.csv', synthetic: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = { cohort: '2020-2021', dimension: 'totaal', grp: 'totaal', area_code: 'GM0001', numerator: 40, denominator: 50 };
    await db
      .insertInto('measure')
      .values([
        { ...row, indicator: 'advies_havo_vwo', dataset_id: demo.id },
        { ...row, indicator: 'slagingspercentage_vo', dataset_id: duo.id },
      ])
      .execute();
    const app = await buildApp({ config: testConfig(), db });
    const get = async (indicator: string) => (await app.inject(`/api/v1/values?indicator=${indicator}&cohort=2020-2021&level=gemeente`)).json().meta;
    const synthetic = await get('advies_havo_vwo');
    const real = await get('slagingspercentage_vo');
    await app.close();
    expect(synthetic.synthetic).toBe(true);
    expect(synthetic.sources.map((s: { kind: string }) => s.kind)).toEqual(['demo']);
    expect(real.synthetic).toBe(false);
    expect(real.sources).toMatchObject([{ kind: 'duo', source: 'duo_examens.csv', synthetic: false }]);
  });

  it('says the same per indicator in the catalogue and the profile, with a page-wide flag only when all are synthetic', async () => {
    // The figures of the test above: demo schooladviezen beside real pass rates.
    const flags = async () => {
      const app = await buildApp({ config: testConfig(), db: t.db });
      const catalogue = (await app.inject('/api/v1/indicators')).json().data as { code: string; synthetic: boolean }[];
      const profile = (await app.inject('/api/v1/profile/GM0001')).json() as {
        synthetic: boolean;
        indicators: { indicator: { code: string; synthetic: boolean } }[];
      };
      await app.close();
      return {
        catalogue: Object.fromEntries(catalogue.filter((i) => ['advies_havo_vwo', 'slagingspercentage_vo'].includes(i.code)).map((i) => [i.code, i.synthetic])),
        profile: Object.fromEntries(profile.indicators.map((i) => [i.indicator.code, i.indicator.synthetic])),
        page: profile.synthetic,
      };
    };
    const mixed = { advies_havo_vwo: true, slagingspercentage_vo: false };
    expect(await flags()).toEqual({ catalogue: mixed, profile: mixed, page: false });
    // On a fictitious region every figure describes a made-up gemeente: all synthetic, and the page says so once.
    await t.db.insertInto('dataset').values({ kind: 'geo', source: 'fixtures/regio.geojson', synthetic: true }).execute();
    const all = { advies_havo_vwo: true, slagingspercentage_vo: true };
    expect(await flags()).toEqual({ catalogue: all, profile: all, page: true });
  });
});
