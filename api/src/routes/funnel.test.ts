import { describe, expect, it } from 'vitest';
import { FunnelResponse, ValuesResponse } from '@gka/shared';
import { controlLimits, Z998 } from '../stats/funnel.ts';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';
import { getParsed } from '../test/inject.ts';

let app: TestApp;

/**
 * The seed, and a gemeente with sixteen wijken that differ more than chance allows (about 40% ± 5
 * procentpunt), so the wijken get an overdispersion estimate that widens the limits, and two that
 * stand out even so (10% and 80%).
 */
const WIJKEN = Array.from({ length: 16 }, (_, i) => ({
  code: `WK00090${String(i).padStart(2, '0')}`,
  n: 40 + 37 * i,
  share: i === 3 ? 0.1 : i === 12 ? 0.8 : 0.4 + 0.05 * Math.sin(i * 2.3),
}));
useSeededApp(
  (a) => (app = a),
  {},
  async (t) => {
    const { id } = await t.db.selectFrom('dataset').select('id').executeTakeFirstOrThrow();
    await t.db
      .insertInto('area')
      .values([
        { code: 'GM0009', level: 'gemeente', name: 'Trechterstad', parent_code: 'NL01', stedelijkheid: 2, dataset_id: id },
        ...WIJKEN.map((w, i) => ({ code: w.code, level: 'wijk' as const, name: `Trechterstad-${i + 1}`, parent_code: 'GM0009', dataset_id: id })),
      ])
      .execute();
    const cells = WIJKEN.map((w) => ({ area_code: w.code, numerator: Math.round(w.share * w.n), denominator: w.n }));
    const total = { area_code: 'GM0009', numerator: cells.reduce((s, c) => s + c.numerator, 0), denominator: cells.reduce((s, c) => s + c.denominator, 0) };
    await t.db
      .insertInto('measure')
      .values([...cells, total].map((c) => ({ ...c, indicator: 'advies_havo_vwo', cohort: '2019-2020', dimension: 'totaal', grp: 'totaal', dataset_id: id })))
      .execute();
  },
);

const get = <T>(url: string, schema: { parse: (x: unknown) => T }) => getParsed(app, url, schema);

describe('GET /funnel', () => {
  it('gives the wijken of a gemeente as /values gives them, judged against the gemeente, with limits widened by their spread', async () => {
    const qs = 'indicator=advies_havo_vwo&cohort=2019-2020&level=wijk&parent=GM0009';
    const [funnel, values] = await Promise.all([get(`/api/v1/funnel?${qs}`, FunnelResponse), get(`/api/v1/values?${qs}`, ValuesResponse)]);
    const own = values.benchmarks.find((b) => b.kind === 'gemeente' && b.group === 'totaal')!;
    expect(funnel.target).toEqual({ kind: 'gemeente', label: 'Eigen gemeente: Trechterstad', value: own.value });
    expect(funnel.points).toEqual(
      values.data.map((v) => ({
        area: v.area,
        name: v.name,
        n: v.denominator,
        value: v.value,
        ciLow: v.ciLow,
        ciHigh: v.ciHigh,
        // The verdict of the wijk table: /values' own comparison with the gemeente (the rest of it).
        significance: v.comparisons.find((c) => c.kind === 'gemeente')!.significance,
      })),
    );
    expect(funnel.points).toHaveLength(16);
    expect(funnel.dispersion).toEqual(values.dispersion.find((d) => d.group === 'totaal'));
    const tau2 = funnel.dispersion.tau2!;
    expect(tau2).toBeGreaterThan(0);
    // Both kinds of verdict occur here, and each lies where the limits say.
    expect(new Set(funnel.points.map((p) => p.significance))).toEqual(new Set(['hoger', 'lager', 'niet_significant']));
    const pool = { value: own.value!, numerator: own.numerator, denominator: own.denominator, contains: true };
    for (const p of funnel.points) {
      const { low, high } = controlLimits(pool, p.n, tau2);
      expect(p.significance).toBe(p.value < low ? 'lager' : p.value > high ? 'hoger' : 'niet_significant');
    }
    // Limits from the smallest to the largest wijk, the 99.8% ones outside the 95% ones, narrowing.
    expect(funnel.limits[0]!.n).toBe(40);
    expect(funnel.limits.at(-1)!.n).toBe(40 + 37 * 15);
    const last = funnel.limits.at(-1)!;
    expect(last.high998).toBeCloseTo(controlLimits(pool, last.n, tau2, Z998).high, 12);
    for (const l of funnel.limits) {
      expect(l.low998).toBeLessThan(l.low95);
      expect(l.high998).toBeGreaterThan(l.high95);
    }
    expect(funnel.limits[0]!.high95).toBeGreaterThan(last.high95);
  });

  it('judges gemeenten against Nederland, and a hidden cell is no point', async () => {
    const funnel = await get(
      '/api/v1/funnel?indicator=advies_havo_vwo&cohort=2020-2021&level=gemeente&dimension=opleiding_ouders&subgroup=hoog',
      FunnelResponse,
    );
    const values = await get('/api/v1/values?indicator=advies_havo_vwo&cohort=2020-2021&level=gemeente&dimension=opleiding_ouders', ValuesResponse);
    const nl = values.benchmarks.find((b) => b.kind === 'nederland' && b.group === 'hoog')!;
    expect(funnel.target).toEqual({ kind: 'nederland', label: 'Nederland', value: nl.value });
    // Beedorp's hoog is hidden (see values.test.ts): the points are the other published gemeenten.
    const shown = values.data.filter((v) => v.group === 'hoog' && !v.suppressed);
    expect(values.data.some((v) => v.group === 'hoog' && v.suppressed)).toBe(true);
    expect(funnel.points.map((p) => [p.area, p.value, p.n])).toEqual(shown.map((v) => [v.area, v.value, v.denominator]));
    // Three gemeenten are too few for an estimate: no widening.
    expect(funnel.dispersion).toEqual({ group: 'hoog', units: 0, phi: null, tau2: null });
  });

  it('takes the latest cohort and the totaal without them, and draws no limits without points', async () => {
    const funnel = await get('/api/v1/funnel?indicator=advies_havo_vwo&level=wijk&parent=GM0001', FunnelResponse);
    expect(funnel.meta.cohort.code).toBe('2020-2021');
    expect(funnel.dispersion.group).toBe('totaal');
    expect(funnel.target.value).toBe(0.45);
    // Aastad-Noord (9 pupils) is hidden, and Aastad-Centrum with it (Aastad minus Centrum would give Noord).
    expect(funnel.points).toEqual([]);
    expect(funnel.limits).toEqual([]);
  });

  it('answers 400 in Dutch for a mean and for a group of another dimension, 404 for an unknown indicator', async () => {
    const mean = await app.inject('/api/v1/funnel?indicator=eindtoets_gemiddelde&cohort=2019-2020&level=gemeente');
    expect(mean.statusCode).toBe(400);
    expect(mean.json().error.message).toMatch(/gemiddelde: een trechterdiagram bestaat alleen voor percentages/);
    const group = await app.inject('/api/v1/funnel?indicator=advies_havo_vwo&level=gemeente&dimension=geslacht&subgroup=hoog');
    expect(group.statusCode).toBe(400);
    expect(group.json().error.message).toBe("Groep 'hoog' hoort niet bij de uitsplitsing geslacht; kies uit jongen, meisje");
    expect((await app.inject('/api/v1/funnel?indicator=onbekend&level=gemeente')).statusCode).toBe(404);
  });
});
