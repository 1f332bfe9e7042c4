import { describe, expect, it } from 'vitest';
import { ChangeResponse } from '@gka/shared';
import { combinedInterval, newcombe } from '../stats/newcombe.ts';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';

let app: TestApp;
useSeededApp((a) => (app = a));

const change = async (qs: string) => {
  const res = await app.inject(`/api/v1/change?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return ChangeResponse.parse(res.json());
};

describe('GET /change', () => {
  it('gives each gemeente its change against another cohort, with the Newcombe interval and significance in words', async () => {
    const body = await change('indicator=advies_havo_vwo&cohort=2020-2021&reference=2019-2020&level=gemeente');
    expect(body.meta.reference).toEqual({ code: '2019-2020', label: 'Cohort 2019-2020', cohorts: ['2019-2020'] });
    const aastad = body.data.find((r) => r.area === 'GM0001')!;
    const ci = newcombe(450, 1000, 400, 1000)!;
    expect(aastad).toEqual({
      area: 'GM0001',
      name: 'Aastad',
      group: 'totaal',
      value: 0.45,
      referenceValue: 0.4,
      difference: expect.closeTo(0.05, 12),
      ciLow: ci.low,
      ciHigh: ci.high,
      significance: 'hoger',
      suppressed: false,
    });
    // 120/400 against 100/400: the same five points, but from fewer pupils, so not significant.
    expect(body.data.find((r) => r.area === 'GM0003')).toMatchObject({ difference: expect.closeTo(0.05, 12), significance: 'niet_significant' });
  });

  it("pools the cohorts before COVID for 'voor-covid'", async () => {
    const body = await change('indicator=advies_havo_vwo&cohort=2020-2021&reference=voor-covid&level=gemeente');
    expect(body.meta.reference).toEqual({ code: 'voor-covid', label: 'vóór COVID (2019-2020)', cohorts: ['2019-2020'] });
    expect(body.data.find((r) => r.area === 'GM0001')).toMatchObject({ value: 0.45, referenceValue: 0.4 });
  });

  it('hides a change when either side is hidden, and shows the side that is published', async () => {
    // 2020-2021: Aastad-Noord has 9 pupils, and Aastad-Centrum is hidden with it; in 2019-2020 both are published.
    const body = await change('indicator=advies_havo_vwo&cohort=2020-2021&reference=2019-2020&level=wijk&parent=GM0001');
    expect(body.data.map((r) => [r.area, r.suppressed, r.value, r.referenceValue, r.difference, r.significance])).toEqual([
      ['WK000101', true, null, 0.4, null, 'onbekend'],
      ['WK000102', true, null, 0.5, null, 'onbekend'],
    ]);
  });

  it('gives the change of the kansenkloof (hoog − laag) its own interval', async () => {
    const body = await change('indicator=advies_havo_vwo&cohort=2020-2021&reference=2019-2020&level=gemeente&dimension=opleiding_ouders');
    const ci = combinedInterval([
      { k: 190, n: 300, sign: 1 },
      { k: 60, n: 250, sign: -1 },
      { k: 170, n: 300, sign: -1 },
      { k: 50, n: 250, sign: 1 },
    ])!;
    expect(body.kansenkloof?.find((r) => r.area === 'GM0001')).toEqual({
      area: 'GM0001',
      name: 'Aastad',
      value: expect.closeTo(190 / 300 - 60 / 250, 12),
      referenceValue: expect.closeTo(170 / 300 - 50 / 250, 12),
      difference: expect.closeTo(ci.difference, 12),
      ciLow: ci.low,
      ciHigh: ci.high,
      significance: 'niet_significant',
      suppressed: false,
    });
    // Beedorp's laag of 2020-2021 is hidden (8 pupils), so its gap and the gap's change are too.
    expect(body.kansenkloof?.find((r) => r.area === 'GM0002')).toMatchObject({ value: null, difference: null, suppressed: true });
    expect(body.data.filter((r) => r.area === 'GM0001').map((r) => r.group)).toEqual(['laag', 'midden', 'hoog']);
  });

  it('gives a mean its difference without an interval', async () => {
    const body = await change('indicator=eindtoets_gemiddelde&cohort=2020-2021&reference=2019-2020&level=gemeente');
    expect(body.data.find((r) => r.area === 'GM0001')).toMatchObject({ value: 536, referenceValue: 535, difference: 1, ciLow: null, significance: 'onbekend' });
  });

  it('answers bad references with a Dutch 400 or 404 and never a 500', async () => {
    const cases: [string, number, RegExp][] = [
      ['indicator=advies_havo_vwo&cohort=2020-2021&reference=2020-2021&level=gemeente', 400, /ander cohort/],
      ['indicator=advies_havo_vwo&cohort=2019-2020&reference=voor-covid&level=gemeente', 400, /valt zelf vóór COVID/],
      ['indicator=advies_havo_vwo&cohort=2020-2021&reference=1999-2000&level=gemeente', 404, /Cohort '1999-2000' bestaat niet/],
      ['indicator=advies_havo_vwo&cohort=2019-2020&reference=2020-2021&level=gemeente', 400, /eerder cohort/],
      ['indicator=advies_havo_vwo&cohort=2020-2021&reference=2019-2020&level=land', 400, /level/],
      ['indicator=advies_havo_vwo&cohort=2020-2021&level=gemeente', 400, /reference/],
      ['indicator=advies_havo_vwo&cohort=2020-2021&reference=%00&level=gemeente', 400, /reference/],
    ];
    for (const [qs, status, message] of cases) {
      const res = await app.inject(`/api/v1/change?${qs}`);
      expect(res.statusCode, qs).toBe(status);
      if (status !== 200) expect(res.json().error.message, qs).toMatch(message);
    }
  });
});
