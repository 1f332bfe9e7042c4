import { describe, expect, it } from 'vitest';
import {
  ChangeResponse,
  CompareResponse,
  DIMENSIONS,
  IndicatorsResponse,
  PROFILE_BREAKDOWNS,
  ProfileResponse,
  TrendResponse,
  ValuesResponse,
  type Benchmark,
} from '@gka/shared';
import { buildApp } from '../app.ts';
import { wilson } from '../stats/wilson.ts';
import { testConfig } from '../test/config.ts';
import type { TestDatabase } from '../test/database.ts';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';

let app: TestApp;
let t: TestDatabase;
useSeededApp((a, db) => {
  app = a;
  t = db;
});

const values = async (qs: string) => {
  const res = await app.inject(`/api/v1/values?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return ValuesResponse.parse(res.json());
};
const bench = (list: Benchmark[], kind: Benchmark['kind'], group = 'totaal') => list.filter((b) => b.kind === kind && b.group === group);

describe('GET /values', () => {
  it('gives gemeente values with Wilson intervals', async () => {
    const body = await values('indicator=advies_havo_vwo&cohort=2019-2020&level=gemeente');
    expect(body.data.map((v) => [v.area, v.name, v.value])).toEqual([
      ['GM0001', 'Aastad', 0.4],
      ['GM0002', 'Beedorp', 0.6],
      ['GM0003', 'Ceeveen', 0.25],
    ]);
    const ci = wilson(400, 1000)!;
    expect(body.data[0]).toMatchObject({ group: 'totaal', numerator: 400, denominator: 1000, suppressed: false });
    // Published to 1e-6, rounded outward: the interval sent holds the computed one.
    expect(body.data[0]!.ciLow).toBeLessThanOrEqual(ci.low);
    expect(body.data[0]!.ciLow).toBeGreaterThan(ci.low - 1e-6);
    expect(body.data[0]!.ciHigh).toBeGreaterThanOrEqual(ci.high);
    expect(body.data[0]!.ciHigh).toBeLessThan(ci.high + 1e-6);
    expect(body.data[0]!.ciLow).toBeCloseTo(0.3701, 4);
    expect(body.data[0]!.ciHigh).toBeCloseTo(0.4307, 4);
    expect(body.meta).toMatchObject({ indicator: { code: 'advies_havo_vwo' }, cohort: { code: '2019-2020', covid: false }, minCell: 10, synthetic: true });
  });

  it('uses the NL01 row for Nederland when delivered, and pools GKA gemeenten', async () => {
    const { benchmarks } = await values('indicator=advies_havo_vwo&cohort=2019-2020&level=gemeente');
    expect(bench(benchmarks, 'nederland')).toEqual([
      {
        kind: 'nederland',
        label: 'Nederland',
        group: 'totaal',
        value: 0.45,
        ciLow: wilson(45000, 100000)!.low,
        ciHigh: wilson(45000, 100000)!.high,
        numerator: 45000,
        denominator: 100000,
        n: 1,
      },
    ]);
    expect(bench(benchmarks, 'gemeenten')[0]).toMatchObject({ value: expect.closeTo((0.4 + 0.6 + 0.25) / 3, 12), ciLow: null, ciHigh: null, n: 3 });
    expect(bench(benchmarks, 'gka')[0]).toMatchObject({ value: 500 / 1400, n: 2 });
    // No single stedelijkheid class or own gemeente for a national list.
    expect(bench(benchmarks, 'stedelijkheid')).toEqual([]);
    expect(bench(benchmarks, 'gemeente')).toEqual([]);
  });

  it('pools the gemeenten for Nederland without an NL01 row, skipping hidden gemeente cells', async () => {
    const { benchmarks, data } = await values('indicator=advies_havo_vwo&cohort=2020-2021&level=gemeente&dimension=opleiding_ouders');
    expect(bench(benchmarks, 'nederland', 'laag')[0]).toMatchObject({ value: (60 + 12) / 350, n: 2 });
    // Beedorp's laag (8 pupils) is hidden, so its next smallest group, hoog, is hidden with it: else
    // totaal − midden − hoog would give laag. The pool skips it too, or Nederland would give it away.
    expect(data.find((v) => v.area === 'GM0002' && v.group === 'hoog')).toMatchObject({ suppressed: true, numerator: null });
    expect(data.find((v) => v.area === 'GM0002' && v.group === 'midden')).toMatchObject({ suppressed: false, numerator: 140 });
    expect(bench(benchmarks, 'nederland', 'hoog')[0]).toMatchObject({ value: (190 + 58) / 400, n: 2 });
    expect(bench(benchmarks, 'gemeenten', 'laag')[0]).toMatchObject({ value: expect.closeTo((60 / 250 + 12 / 100) / 2, 12), n: 2 });
    expect(data.find((v) => v.area === 'GM0002' && v.group === 'laag')).toEqual({
      area: 'GM0002',
      name: 'Beedorp',
      group: 'laag',
      numerator: null,
      denominator: null,
      value: null,
      ciLow: null,
      ciHigh: null,
      suppressed: true,
      comparisons: expect.any(Array),
    });
    expect(data.find((v) => v.area === 'GM0002' && v.group === 'laag')!.comparisons.every((c) => c.significance === 'onbekend' && c.difference === null)).toBe(
      true,
    );
    expect(data.filter((v) => v.area === 'GM0001').map((v) => v.group)).toEqual(['laag', 'midden', 'hoog']);
  });

  it('gives wijken of a gemeente with its stedelijkheid class and the gemeente itself as benchmarks', async () => {
    const { data, benchmarks } = await values('indicator=advies_havo_vwo&cohort=2020-2021&level=wijk&parent=GM0001');
    expect(data.map((v) => v.area)).toEqual(['WK000101', 'WK000102']);
    expect(data[1]).toMatchObject({ area: 'WK000102', numerator: null, denominator: null, value: null, suppressed: true });
    expect(bench(benchmarks, 'stedelijkheid')).toEqual([
      expect.objectContaining({ stedelijkheid: 1, value: (450 + 320) / 1500, n: 2, label: 'Gemeenten met dezelfde stedelijkheid (1 zeer sterk stedelijk)' }),
    ]);
    expect(bench(benchmarks, 'gemeente')).toEqual([expect.objectContaining({ area: 'GM0001', value: 0.45, n: 1, label: 'Eigen gemeente: Aastad' })]);
    expect(bench(benchmarks, 'nederland')[0]).toMatchObject({ value: 890 / 1900, n: 3 });
  });

  it("gives a mean without interval for unit 'gemiddelde'", async () => {
    const { data, benchmarks } = await values('indicator=eindtoets_gemiddelde&cohort=2019-2020&level=gemeente');
    expect(data[0]).toMatchObject({ area: 'GM0001', value: 535, ciLow: null, ciHigh: null });
    expect(bench(benchmarks, 'nederland')[0]).toMatchObject({ value: (535000 + 269000 + 212800) / 1900, ciLow: null });
    expect(bench(benchmarks, 'gemeenten')[0]!.value).toBeCloseTo((535 + 538 + 532) / 3, 9);
  });

  it("defaults to the indicator's latest cohort on values, compare and export, and says so in meta", async () => {
    expect((await values('indicator=advies_havo_vwo&level=gemeente')).meta.cohort.code).toBe('2020-2021');
    expect((await values('indicator=eindtoets_gemiddelde&level=gemeente')).meta.cohort.code).toBe('2020-2021');
    const compare = await app.inject('/api/v1/compare?indicator=advies_havo_vwo&areas=GM0001');
    expect(CompareResponse.parse(compare.json()).meta.cohort.code).toBe('2020-2021');
    const csv = await app.inject('/api/v1/export?format=csv&indicator=advies_havo_vwo&level=gemeente');
    expect(csv.headers['content-disposition']).toContain('gka_advies_havo_vwo_2020-2021_gemeente_totaal.csv');
    // An indicator without any values yet has no latest cohort.
    const none = await app.inject('/api/v1/values?indicator=heroverweging&level=gemeente');
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toBe("Indicator 'heroverweging' heeft nog geen waarden");
  });

  it('explains bad parameters in Dutch', async () => {
    const res = await app.inject('/api/v1/values?indicator=advies_havo_vwo&level=land&dimension=postcode');
    expect(res.statusCode).toBe(400);
    const { message } = res.json().error;
    expect(message).toMatch(/^Ongeldige parameter: /);
    expect(message).toContain('Ongeldige optie: verwacht één van "gemeente"|"wijk"');
    expect(message).not.toMatch(/Invalid|expected/);
  });

  it('is 404 for an unknown indicator, cohort or parent', async () => {
    for (const qs of [
      'indicator=nope&cohort=2019-2020&level=gemeente',
      'indicator=advies_havo_vwo&cohort=1999-2000&level=gemeente',
      'indicator=advies_havo_vwo&cohort=2019-2020&level=wijk&parent=GM0404',
    ]) {
      const res = await app.inject(`/api/v1/values?${qs}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'not_found', message: expect.stringContaining('bestaat niet') });
    }
  });
});

const json = async (url: string) => {
  const res = await app.inject(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('GET /compare', () => {
  it('compares areas in the asked order with each applicable benchmark', async () => {
    const body = CompareResponse.parse(await json('/api/v1/compare?indicator=advies_havo_vwo&cohort=2019-2020&areas=WK000301,WK000101,GM0002'));
    expect(body.data.map((r) => r.area)).toEqual(['WK000301', 'WK000101', 'GM0002']);
    const [ceeveenOost, centrum, beedorp] = body.data;
    // WK000101: 200/500 = 0.4 (0.3580–0.4436); own gemeente 0.4; Nederland 0.45; class 1 pooled 700/1500.
    // Each pool that holds the wijk is compared as its rest: share is the wijk's part of its pupils.
    expect(centrum!.comparisons).toEqual([
      expect.objectContaining({
        kind: 'nederland',
        benchmark: 0.45,
        difference: expect.closeTo(-0.05, 6),
        share: expect.closeTo(500 / 100_000, 6),
        significance: 'lager',
      }),
      expect.objectContaining({
        kind: 'gemeenten',
        benchmark: expect.closeTo(1.25 / 3, 6),
        difference: expect.closeTo(0.4 - 1.25 / 3, 6),
        share: null,
        significance: 'niet_significant',
      }),
      expect.objectContaining({
        kind: 'stedelijkheid',
        benchmark: 700 / 1500,
        difference: expect.closeTo(0.4 - 700 / 1500, 6),
        share: expect.closeTo(500 / 1500, 6),
      }),
      expect.objectContaining({ kind: 'gka', benchmark: 500 / 1400, difference: expect.closeTo(0.4 - 500 / 1400, 6), share: expect.closeTo(500 / 1400, 6) }),
      // Half of its gemeente's pupils, with the same share as the other half.
      expect.objectContaining({ kind: 'gemeente', benchmark: 0.4, difference: 0, share: 0.5, significance: 'niet_significant' }),
    ]);
    // Every verdict follows the interval of the difference published beside it.
    for (const c of centrum!.comparisons) expect(c.significance).toBe(c.ciLow! > 0 ? 'hoger' : c.ciHigh! < 0 ? 'lager' : 'niet_significant');
    expect(ceeveenOost!.comparisons.find((c) => c.kind === 'stedelijkheid')).toMatchObject({ benchmark: 0.25 });
    expect(ceeveenOost!.comparisons.find((c) => c.kind === 'gemeente')).toMatchObject({ benchmark: 0.25, significance: 'niet_significant' });
    expect(beedorp!.comparisons.map((c) => c.kind)).toEqual(['nederland', 'gemeenten', 'stedelijkheid', 'gka']);
    expect(beedorp!.comparisons[0]).toMatchObject({ significance: 'hoger' });
    expect(body.benchmarks.filter((b) => b.kind === 'stedelijkheid').map((b) => b.stedelijkheid)).toEqual([1, 3]);
  });

  it('gives a suppressed wijk no counts and unknown significance', async () => {
    const body = CompareResponse.parse(await json('/api/v1/compare?indicator=advies_havo_vwo&cohort=2020-2021&areas=WK000102'));
    expect(body.data[0]).toMatchObject({ numerator: null, denominator: null, value: null, suppressed: true });
    expect(body.data[0]!.comparisons.every((c) => c.significance === 'onbekend' && c.difference === null)).toBe(true);
  });

  it('is 404 naming unknown areas', async () => {
    const res = await app.inject('/api/v1/compare?indicator=advies_havo_vwo&cohort=2019-2020&areas=WK000101,WK999999');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found', details: { areas: ['WK999999'] } });
  });
});

describe('GET /trend', () => {
  it('gives one point per cohort with the area and its benchmarks, COVID cohort marked', async () => {
    const body = TrendResponse.parse(await json('/api/v1/trend?indicator=advies_havo_vwo&area=WK000102'));
    expect(body.area).toMatchObject({ code: 'WK000102', gka: true });
    expect(body.data.map((p) => [p.cohort.code, p.cohort.covid])).toEqual([
      ['2019-2020', false],
      ['2020-2021', true],
    ]);
    expect(body.data[0]!.values).toEqual([expect.objectContaining({ value: 0.5, numerator: 30, denominator: 60 })]);
    expect(body.data[1]!.values).toEqual([expect.objectContaining({ value: null, numerator: null, suppressed: true })]);
    expect(body.data[1]!.benchmarks.find((b) => b.kind === 'gemeente')).toMatchObject({ area: 'GM0001', value: 0.45 });
    expect(body.data[0]!.benchmarks.find((b) => b.kind === 'nederland')).toMatchObject({ value: 0.45 });
    expect(body.synthetic).toBe(true);
  });

  it('is 404 for an unknown area or indicator', async () => {
    expect((await app.inject('/api/v1/trend?indicator=advies_havo_vwo&area=GM0404')).statusCode).toBe(404);
    expect((await app.inject('/api/v1/trend?indicator=onbekend&area=GM0001')).statusCode).toBe(404);
  });
});

describe('GET /profile/:code', () => {
  it('gives indicators with comparisons, kansenkloof, breakdown, trend and deviating wijken', async () => {
    const body = ProfileResponse.parse(await json('/api/v1/profile/GM0001'));
    expect(body.area).toMatchObject({ code: 'GM0001', stedelijkheid: 1 });
    expect(body.cohorts.map((c) => c.code)).toEqual(['2019-2020', '2020-2021']);
    expect(body.wijken.map((w) => w.code)).toEqual(['WK000101', 'WK000102']);
    expect(body.indicators.map((i) => i.indicator.code)).toEqual(['advies_havo_vwo', 'eindtoets_gemiddelde']);
    const advies = body.indicators[0]!;
    expect(advies.cohort).toMatchObject({ code: '2020-2021', label: 'Cohort 2020-2021', covid: true });
    expect(advies.value).toMatchObject({ value: 0.45, numerator: 450 });
    expect(advies.kansenkloof).toBeCloseTo(190 / 300 - 60 / 250, 12);
    expect(advies.breakdown).toEqual([{ dimension: 'opleiding_ouders', values: expect.any(Array) }]);
    expect(advies.breakdown[0]!.values.map((v) => v.group)).toEqual(['laag', 'midden', 'hoog']);
    const line = (kind: string) => advies.trend.map((p) => p.benchmarks.find((b) => b.kind === kind)?.value);
    expect(advies.trend.map((p) => [p.cohort.code, p.cohort.covid, p.value])).toEqual([
      ['2019-2020', false, 0.4],
      ['2020-2021', true, 0.45],
    ]);
    expect(line('nederland')).toEqual([0.45, 890 / 1900]);
    // Every benchmark of the chosen cohort is a point on its line, and the gemeente's interval is the band.
    for (const b of advies.benchmarks) expect(advies.trend[1]!.benchmarks).toContainEqual({ kind: b.kind, value: b.value });
    expect(line('stedelijkheid').every((v) => typeof v === 'number')).toBe(true);
    expect(advies.trend[1]).toMatchObject({ ciLow: advies.value!.ciLow, ciHigh: advies.value!.ciHigh, suppressed: false });
    expect(advies.comparisons.map((c) => c.kind)).toEqual(['nederland', 'gemeenten', 'stedelijkheid', 'gka']);
    // The COVID cohort against the cohorts before it, as /change gives it.
    expect(advies.covidChange).toMatchObject({
      cohort: { code: '2020-2021' },
      reference: { code: 'voor-covid', cohorts: ['2019-2020'] },
      value: 0.45,
      referenceValue: 0.4,
      difference: expect.closeTo(0.05, 12),
      significance: 'hoger',
      suppressed: false,
    });
    expect(body.indicators[1]!.covidChange).toMatchObject({ difference: 1, ciLow: null, significance: 'onbekend' });
    // Aastad has two wijken: with Aastad-Noord too small, Aastad-Centrum would give it away by
    // subtraction from Aastad, so both are hidden.
    expect(advies.deviatingWijken.map((w) => [w.area, w.significance])).toEqual([
      ['WK000101', 'onbekend'],
      ['WK000102', 'onbekend'],
    ]);
    expect(advies.deviatingWijken[0]).toMatchObject({ numerator: null, denominator: null, difference: null, suppressed: true });
    const older = ProfileResponse.parse(await json('/api/v1/profile/GM0001?cohort=2019-2020'));
    expect(older.indicators[0]!.deviatingWijken.map((w) => [w.area, w.significance])).toEqual([
      ['WK000102', 'niet_significant'],
      ['WK000101', 'niet_significant'],
    ]);
    const eindtoets = body.indicators[1]!;
    expect(eindtoets).toMatchObject({ cohort: { code: '2020-2021' }, value: { value: 536, ciLow: null }, kansenkloof: null });
    expect(eindtoets.comparisons.every((c) => c.significance === 'onbekend')).toBe(true);
  });

  it('uses the asked cohort and gives null kansenkloof when a group is suppressed', async () => {
    const body = ProfileResponse.parse(await json('/api/v1/profile/GM0002?cohort=2020-2021'));
    expect(body.indicators[0]).toMatchObject({ cohort: { code: '2020-2021' }, kansenkloof: null });
    const older = ProfileResponse.parse(await json('/api/v1/profile/GM0002?cohort=2019-2020'));
    expect(older.indicators[0]!.kansenkloof).toBeCloseTo(1 - 0.2, 12);
  });

  it('gives no kansenkloof, now or as a change, for an indicator its breakdown defines', async () => {
    const catalogue = IndicatorsResponse.parse(await json('/api/v1/indicators')).data;
    expect(catalogue.find((i) => i.code === 'opleidingsmobiliteit')?.definedBy).toBe('opleiding_ouders');
    expect(catalogue.find((i) => i.code === 'advies_havo_vwo')?.definedBy).toBeNull();
    // The seed's advies as if it were defined by parents' education: the rule follows the data, not a list.
    await t.db.updateTable('indicator').set({ defined_by: 'opleiding_ouders' }).where('code', '=', 'advies_havo_vwo').execute();
    const fresh = await buildApp({ config: testConfig(), db: t.db });
    try {
      const profile = ProfileResponse.parse((await fresh.inject('/api/v1/profile/GM0001?cohort=2020-2021')).json());
      const advies = profile.indicators.find((i) => i.indicator.code === 'advies_havo_vwo')!;
      expect(advies.indicator.definedBy).toBe('opleiding_ouders');
      expect(advies).not.toHaveProperty('kansenkloof');
      // Its breakdown by parents' education stays: only the gap between hoog and laag is meaningless.
      expect(advies.breakdown.find((b) => b.dimension === 'opleiding_ouders')?.values).toHaveLength(3);
      const change = ChangeResponse.parse(
        (await fresh.inject('/api/v1/change?indicator=advies_havo_vwo&cohort=2020-2021&reference=2019-2020&level=gemeente&dimension=opleiding_ouders')).json(),
      );
      expect(change.data.length).toBeGreaterThan(0);
      expect(change).not.toHaveProperty('kansenkloof');
    } finally {
      await fresh.close();
      await t.db.updateTable('indicator').set({ defined_by: null }).where('code', '=', 'advies_havo_vwo').execute();
    }
  });

  it('carries the breakdowns the gemeente page shows; the others stay in /values', async () => {
    const cells = (['inkomen_ouders', 'geslacht'] as const).flatMap((dimension) =>
      DIMENSIONS[dimension].map((grp) => ({
        area_code: 'GM0001',
        indicator: 'advies_havo_vwo',
        cohort: '2020-2021',
        dimension,
        grp,
        numerator: 100,
        denominator: 300,
      })),
    );
    await t.db.insertInto('measure').values(cells).execute();
    const fresh = await buildApp({ config: testConfig(), db: t.db });
    try {
      const profile = ProfileResponse.parse((await fresh.inject('/api/v1/profile/GM0001?cohort=2020-2021')).json());
      const advies = profile.indicators.find((i) => i.indicator.code === 'advies_havo_vwo')!;
      expect(advies.breakdown.map((b) => b.dimension)).toEqual([...PROFILE_BREAKDOWNS]);
      const geslacht = ValuesResponse.parse(
        (await fresh.inject('/api/v1/values?indicator=advies_havo_vwo&cohort=2020-2021&level=gemeente&dimension=geslacht')).json(),
      );
      expect(geslacht.data.filter((v) => v.area === 'GM0001').map((v) => v.group)).toEqual(['jongen', 'meisje']);
    } finally {
      await fresh.close();
      await t.db.deleteFrom('measure').where('area_code', '=', 'GM0001').where('dimension', 'in', ['inkomen_ouders', 'geslacht']).execute();
    }
  });

  it('is 404 for a wijk, an unknown gemeente or cohort', async () => {
    for (const url of ['/api/v1/profile/GM0404', '/api/v1/profile/GM0001?cohort=2000-2001']) {
      expect((await app.inject(url)).statusCode).toBe(404);
    }
    expect((await app.inject('/api/v1/profile/WK000101')).statusCode).toBe(400);
  });
});

describe('a group of gemeenten as benchmark', () => {
  it('pools the published cells of its members, the same as the GKA benchmark for the GKA group', async () => {
    for (const cohort of ['2019-2020', '2020-2021']) {
      const body = ValuesResponse.parse(
        await json(`/api/v1/values?indicator=advies_havo_vwo&cohort=${cohort}&level=gemeente&dimension=opleiding_ouders&group=gka`),
      );
      const groep = body.benchmarks.filter((b) => b.kind === 'groep');
      expect(groep.map((b) => b.group)).toEqual(['laag', 'midden', 'hoog']);
      for (const b of groep) {
        expect(b).toMatchObject({ label: 'Groep: GKA-gemeenten', groep: 'gka' });
        const gka = body.benchmarks.find((x) => x.kind === 'gka' && x.group === b.group)!;
        expect([b.value, b.ciLow, b.ciHigh, b.n]).toEqual([gka.value, gka.ciLow, gka.ciHigh, gka.n]);
      }
    }
  });

  it('leaves hidden member cells out of the pool, and compares every area with it', async () => {
    // Beedorp's laag group of 2020-2021 (8 pupils) is hidden: the provincie pools Aastad and Ceeveen only.
    const body = ValuesResponse.parse(
      await json('/api/v1/values?indicator=advies_havo_vwo&cohort=2020-2021&level=gemeente&dimension=opleiding_ouders&group=provincie-testland'),
    );
    const laag = body.benchmarks.find((b) => b.kind === 'groep' && b.group === 'laag')!;
    expect(laag).toMatchObject({ n: 2, value: (60 + 12) / (250 + 100) });
    const compare = CompareResponse.parse(await json('/api/v1/compare?indicator=advies_havo_vwo&cohort=2020-2021&areas=GM0001&group=provincie-testland'));
    expect(compare.data[0]!.comparisons.map((c) => c.kind)).toContain('groep');
    const csv = await app.inject('/api/v1/export?format=csv&indicator=advies_havo_vwo&cohort=2020-2021&level=gemeente&group=provincie-testland');
    expect(csv.body.split('\r\n')[0]).toMatch(/;Groep: Testland;Significantie t\.o\.v\. groep Testland(;|$)/);
  });

  it('is 404 for an unknown group and 400 for a code that is none', async () => {
    const missing = await app.inject('/api/v1/values?indicator=advies_havo_vwo&level=gemeente&group=corop-99');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/corop-99/);
    expect((await app.inject("/api/v1/profile/GM0001?group=x'y")).statusCode).toBe(400);
  });
});
