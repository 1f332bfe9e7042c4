import { describe, expect, it } from 'vitest';
import { ApiError, expandOverview, ExpectedResponse, IndicatorsResponse, MixDimension, OverviewResponse, ValuesResponse } from '@gka/shared';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';
import { getParsed } from '../test/inject.ts';

let app: TestApp;
useSeededApp((a) => (app = a));

const get = <T>(url: string, schema: { parse: (x: unknown) => T }) => getParsed(app, url, schema);

describe('GET /expected', () => {
  it('gives each fully published gemeente the indirect standardisation of /values: its group sizes at Nederland’s group rates', async () => {
    for (const cohort of ['2019-2020', '2020-2021']) {
      const qs = `indicator=advies_havo_vwo&cohort=${cohort}&level=gemeente&dimension=opleiding_ouders`;
      const [expected, values] = await Promise.all([get(`/api/v1/expected?${qs}`, ExpectedResponse), get(`/api/v1/values?${qs}`, ValuesResponse)]);
      const rate = new Map(values.benchmarks.filter((b) => b.kind === 'nederland').map((b) => [b.group, b.value!]));
      expect(expected.reference).toEqual(['laag', 'midden', 'hoog'].map((group) => ({ group, rate: rate.get(group) })));
      const areas = [...new Set(values.data.map((v) => v.area))];
      expect(expected.data.map((r) => r.area)).toEqual(areas);
      for (const area of areas) {
        const groups = values.data.filter((v) => v.area === area);
        const row = expected.data.find((r) => r.area === area)!;
        if (groups.some((g) => g.suppressed)) {
          expect(row, area).toMatchObject({ suppressed: true, expected: null, difference: null, significance: 'onbekend' });
          continue;
        }
        const n = groups.reduce((s, g) => s + g.denominator!, 0);
        expect(row.expected!, area).toBeCloseTo(groups.reduce((s, g) => s + g.denominator! * rate.get(g.group)!, 0) / n, 4);
        expect(row.observed!, area).toBeCloseTo(groups.reduce((s, g) => s + g.numerator!, 0) / n, 10);
        expect(row.difference!).toBeCloseTo(row.observed! - row.expected!, 12);
      }
    }
  });

  it('says how far Aastad is below what its pupils would reach, and its words follow its interval', async () => {
    const body = await get('/api/v1/expected?indicator=advies_havo_vwo&cohort=2019-2020&level=gemeente', ExpectedResponse);
    const aastad = body.data.find((r) => r.area === 'GM0001')!;
    // 250 laag at 24%, 450 midden at 40%, 300 hoog at 70%: 450 of 1,000 expected, 400 observed.
    expect(aastad.expected).toBeCloseTo(0.45, 12);
    expect(aastad.observed).toBeCloseTo(0.4, 12);
    // Too few gemeenten to measure their spread: the binomial interval, Σ n·p(1 − p) / N².
    expect(body.dispersion.tau2).toBeNull();
    const margin = 1.959963984540054 * Math.sqrt((250 * 0.24 * 0.76 + 450 * 0.4 * 0.6 + 300 * 0.7 * 0.3) / 1000 ** 2);
    expect(aastad.ciLow).toBeCloseTo(-0.05 - margin, 10);
    expect(aastad.ciHigh).toBeCloseTo(-0.05 + margin, 10);
    expect(aastad.significance).toBe('lager');
    for (const r of body.data) {
      if (r.ciLow === null || r.ciHigh === null) continue;
      expect(r.significance).toBe(r.ciLow > 0 ? 'hoger' : r.ciHigh < 0 ? 'lager' : 'niet_significant');
    }
  });

  it('hides the expected value of a gemeente with a hidden group, which would give the group sizes back', async () => {
    const body = await get('/api/v1/expected?indicator=advies_havo_vwo&cohort=2020-2021&level=gemeente', ExpectedResponse);
    expect(body.data.find((r) => r.area === 'GM0002')).toMatchObject({ suppressed: true, observed: null, expected: null, ciLow: null, ciHigh: null });
  });

  it('is a benchmark of the regio overview: each gemeente against its own expected value, a mean against none', async () => {
    const qs = 'group=gka&cohort=2019-2020&indicators=advies_havo_vwo,eindtoets_gemiddelde&benchmark=verwacht';
    const [overview, expected] = await Promise.all([
      get(`/api/v1/overview?${qs}`, OverviewResponse).then(expandOverview),
      get('/api/v1/expected?indicator=advies_havo_vwo&cohort=2019-2020&level=gemeente', ExpectedResponse),
    ]);
    expect(overview.benchmark).toBe('verwacht');
    const advies = overview.indicators.findIndex((i) => i.code === 'advies_havo_vwo');
    const eindtoets = overview.indicators.findIndex((i) => i.code === 'eindtoets_gemiddelde');
    for (const row of overview.rows) {
      const e = expected.data.find((r) => r.area === row.area)!;
      const cell = row.cells[advies]!;
      expect(cell.benchmark!, row.area).toBeCloseTo(e.expected!, 4);
      expect(cell.significance).toBe(e.significance);
      expect(cell.differenceCiLow!).toBeCloseTo(e.ciLow!, 3);
      expect(row.cells[eindtoets]).toMatchObject({ benchmark: null, significance: 'onbekend' });
    }
    // The gemeenten together have no expected value of their own.
    expect(overview.pooled.cells[advies]).toMatchObject({ benchmark: null, significance: 'onbekend' });
  });

  it('answers a mean, an indicator defined by the breakdown, another breakdown or a school level with a Dutch 400', async () => {
    for (const [qs, message] of [
      ['indicator=eindtoets_gemiddelde&level=gemeente', /is een gemiddelde, geen aandeel/],
      ['indicator=advies_havo_vwo&level=gemeente&dimension=geslacht', /Ongeldige parameter: dimension/],
      ['indicator=advies_havo_vwo&level=school', /Ongeldige parameter: level/],
      ['indicator=advies_havo_vwo&level=gemeente&parent=GM9999', /bestaat niet/],
    ] as const) {
      const res = await app.inject(`/api/v1/expected?${qs}`);
      expect(res.statusCode === 400 || res.statusCode === 404, `${qs}: ${res.statusCode}`).toBe(true);
      expect(ApiError.parse(res.json()).error.message, qs).toMatch(message);
    }
  });

  it("is asked only where the catalogue's mixDimensions say it answers: the pages ask nothing in vain", async () => {
    const { data: indicators } = await get('/api/v1/indicators', IndicatorsResponse);
    const answered: string[] = [];
    for (const indicator of indicators) {
      // Without values (404 on every route): nothing to ask.
      if (!indicator.cohorts.length) expect(indicator.mixDimensions, indicator.code).toEqual([]);
      if (!indicator.cohorts.length) continue;
      for (const dimension of MixDimension.options) {
        const res = await app.inject(`/api/v1/expected?indicator=${indicator.code}&level=gemeente&dimension=${dimension}`);
        expect([200, 400], `${indicator.code} ${dimension}`).toContain(res.statusCode);
        expect(res.statusCode === 200, `${indicator.code} ${dimension}`).toBe(indicator.mixDimensions.includes(dimension));
        if (res.statusCode === 200) answered.push(`${indicator.code} ${dimension}`);
      }
    }
    expect(answered).toContain('advies_havo_vwo opleiding_ouders');
    expect(answered.length).toBeLessThan(indicators.length * MixDimension.options.length);
  });
});
