import { describe, expect, it } from 'vitest';
import { AreaResponse, AreasResponse, CohortsResponse, IndicatorsResponse, SourcesResponse } from '@gka/shared';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';

let app: TestApp;
useSeededApp((a) => {
  app = a;
});

const get = (url: string) => app.inject(url);

describe('GET /areas', () => {
  it('lists gemeenten with stedelijkheid and GKA membership', async () => {
    const res = await get('/api/v1/areas?level=gemeente');
    expect(res.statusCode).toBe(200);
    const body = AreasResponse.parse(res.json());
    expect(body.data.map((a) => a.code)).toEqual(['GM0001', 'GM0002', 'GM0003']);
    expect(body.data[0]).toEqual({
      code: 'GM0001',
      name: 'Aastad',
      level: 'gemeente',
      parent: 'NL01',
      stedelijkheid: 1,
      inwoners: 150000,
      provincie: 'Testland',
      gka: true,
      gkaSinds: '2019-06-01',
      school: null,
    });
  });

  it('filters wijken by gemeente and GKA membership (a wijk inherits its gemeente’s)', async () => {
    const wijken = AreasResponse.parse((await get('/api/v1/areas?level=wijk&parent=GM0001')).json()).data;
    expect(wijken.map((a) => a.code)).toEqual(['WK000101', 'WK000102']);
    expect(wijken.every((w) => w.gka)).toBe(true);
    const gka = AreasResponse.parse((await get('/api/v1/areas?level=wijk&gka=true')).json()).data;
    expect(gka.map((a) => a.code).sort()).toEqual(['WK000101', 'WK000102', 'WK000301']);
    const nonGka = AreasResponse.parse((await get('/api/v1/areas?level=gemeente&gka=false')).json()).data;
    expect(nonGka.map((a) => a.code)).toEqual(['GM0002']);
  });

  it('answers one area, and 404 for an unknown one or an unknown parent', async () => {
    const one = AreaResponse.parse((await get('/api/v1/areas/WK000102')).json());
    expect(one.data).toMatchObject({ code: 'WK000102', parent: 'GM0001', level: 'wijk', omgevingsadressendichtheid: null });
    for (const url of ['/api/v1/areas/GM9999', '/api/v1/areas?level=wijk&parent=GM9999']) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});

describe('GET /geo/:level', () => {
  it('is a FeatureCollection with code, name, stedelijkheid and gka, cached by ETag', async () => {
    const res = await get('/api/v1/geo/gemeente');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.headers['cache-control']).toBe('no-cache');
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(3);
    expect(fc.features[0]).toMatchObject({
      type: 'Feature',
      properties: { code: 'GM0001', name: 'Aastad', stedelijkheid: 1, gka: true },
      geometry: { type: 'Polygon' },
    });
    const again = await app.inject({ url: '/api/v1/geo/gemeente', headers: { 'if-none-match': res.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('filters wijken by parent', async () => {
    const fc = (await get('/api/v1/geo/wijk?parent=GM0002')).json();
    expect(fc.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['WK000201']);
    expect((await get('/api/v1/geo/wijk?parent=GM0404')).statusCode).toBe(404);
  });
});

describe('catalogue', () => {
  it('lists cohorts oldest first with the school years they pool', async () => {
    const body = CohortsResponse.parse((await get('/api/v1/cohorts')).json());
    expect(body.data).toEqual([
      { code: '2019-2020', label: 'Cohort 2019-2020', schoolYears: ['2018-2019'], pooled: [] },
      { code: '2020-2021', label: 'Cohort 2020-2021', schoolYears: ['2019-2020', '2020-2021'], pooled: [] },
    ]);
  });

  it('lists indicators with their own cohorts, COVID noted per indicator', async () => {
    const body = IndicatorsResponse.parse((await get('/api/v1/indicators')).json());
    const advies = body.data.find((i) => i.code === 'advies_havo_vwo')!;
    expect(advies).toMatchObject({ unit: 'percentage', higherIsBetter: true });
    expect(advies.cohorts.map((c) => [c.code, c.covid])).toEqual([
      ['2019-2020', false],
      ['2020-2021', true],
    ]);
    const note = advies.cohorts[1]!.note!;
    expect(note).toMatch(/^Groep 8 in 2019-2020: de eindtoets ging niet door, dus werd het schooladvies niet heroverwogen/);
    expect(note).toMatch(/Groep 8 in 2020-2021: scholen waren .* dicht/);
    // Not the exam text: that belongs to the vo exams, not to the schooladvies.
    expect(note).not.toMatch(/examen/);
    expect(note).not.toMatch(/COVID-cohort/);
    // The eindtoets of 2020 was cancelled: the pooled cohort's figures cover 2020-2021 only, and it says so.
    const eindtoets = body.data.find((i) => i.code === 'eindtoets_gemiddelde')!;
    expect(eindtoets).toMatchObject({ unit: 'gemiddelde' });
    expect(eindtoets.cohorts[1]!.note).toMatch(
      /In 2020 ging de eindtoets niet door: er zijn geen scores\..*De cijfers van dit cohort gaan alleen over schooljaar 2020-2021\.$/,
    );
    expect(body.data.find((i) => i.code === 'heroverweging')?.cohorts).toEqual([]);
    // Sources are plain words for users: no file names, no references to documents outside the product.
    expect(advies.source).toBe('GKA-monitor: levering van het CBS per gemeente en wijk');
    for (const i of body.data) expect(i.source).not.toMatch(/§|\bzie\b/);
  });

  it('names the sources and says the data is synthetic', async () => {
    const body = SourcesResponse.parse((await get('/api/v1/sources')).json());
    expect(body).toMatchObject({ synthetic: true, minCell: 10, sources: [{ kind: 'values', source: 'test-seed.csv', synthetic: true }] });
  });
});
