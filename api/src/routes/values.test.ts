import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValuesResponse, type Benchmark } from '@gka/shared';
import { buildApp } from '../app.ts';
import { wilson } from '../stats/wilson.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { testConfig } from '../test/config.ts';
import { seed } from '../test/seed.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db);
  app = await buildApp({ config: testConfig(), db: t.db });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
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
    expect(body.data[0]).toMatchObject({ group: 'totaal', numerator: 400, denominator: 1000, ciLow: ci.low, ciHigh: ci.high, suppressed: false });
    expect(body.data[0]!.ciLow).toBeCloseTo(0.3701, 4);
    expect(body.data[0]!.ciHigh).toBeCloseTo(0.4307, 4);
    expect(body.meta).toMatchObject({ indicator: { code: 'advies_havo_vwo' }, cohort: { code: '2019-2020', covid: false }, minCell: 10, synthetic: true });
  });

  it('uses the NL01 row for Nederland when delivered, and pools GKA gemeenten', async () => {
    const { benchmarks } = await values('indicator=advies_havo_vwo&cohort=2019-2020&level=gemeente');
    expect(bench(benchmarks, 'nederland')).toEqual([
      { kind: 'nederland', label: 'Nederland', group: 'totaal', value: 0.45, ciLow: wilson(45000, 100000)!.low, ciHigh: wilson(45000, 100000)!.high, n: 1 },
    ]);
    expect(bench(benchmarks, 'gemeenten')[0]).toMatchObject({ value: expect.closeTo((0.4 + 0.6 + 0.25) / 3, 12), ciLow: null, ciHigh: null, n: 3 });
    expect(bench(benchmarks, 'gka')[0]).toMatchObject({ value: 500 / 1400, n: 2 });
    // No single stedelijkheid class or own gemeente for a national list.
    expect(bench(benchmarks, 'stedelijkheid')).toEqual([]);
    expect(bench(benchmarks, 'gemeente')).toEqual([]);
  });

  it('pools the gemeenten for Nederland without an NL01 row, skipping suppressed gemeente cells', async () => {
    const { benchmarks, data } = await values('indicator=advies_havo_vwo&cohort=2020-2021&level=gemeente&dimension=opleiding_ouders');
    expect(bench(benchmarks, 'nederland', 'laag')[0]).toMatchObject({ value: (60 + 12) / 350, n: 2 });
    expect(bench(benchmarks, 'nederland', 'hoog')[0]).toMatchObject({ value: (190 + 177 + 58) / 600, n: 3 });
    expect(bench(benchmarks, 'gemeenten', 'laag')[0]).toMatchObject({ value: expect.closeTo((60 / 250 + 12 / 100) / 2, 12), n: 2 });
    expect(data.find((v) => v.area === 'GM0002' && v.group === 'laag')).toEqual({
      area: 'GM0002', name: 'Beedorp', group: 'laag', numerator: null, denominator: null, value: null, ciLow: null, ciHigh: null, suppressed: true,
    });
    expect(data.filter((v) => v.area === 'GM0001').map((v) => v.group)).toEqual(['laag', 'midden', 'hoog']);
  });

  it('gives wijken of a gemeente with its stedelijkheid class and the gemeente itself as benchmarks', async () => {
    const { data, benchmarks } = await values('indicator=advies_havo_vwo&cohort=2020-2021&level=wijk&parent=GM0001');
    expect(data.map((v) => v.area)).toEqual(['WK000101', 'WK000102']);
    expect(data[1]).toMatchObject({ area: 'WK000102', numerator: null, denominator: null, value: null, suppressed: true });
    expect(bench(benchmarks, 'stedelijkheid')).toEqual([
      expect.objectContaining({ stedelijkheid: 1, value: (450 + 320) / 1500, n: 2, label: 'Gemeenten met dezelfde stedelijkheid (zeer sterk stedelijk)' }),
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
