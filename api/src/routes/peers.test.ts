import { describe, expect, it } from 'vitest';
import { ApiError, ExpectedResponse, GroupResponse, PeersResponse, ProfileResponse, ValuesResponse } from '@gka/shared';
import { pairDifference } from '../stats/peers.ts';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';
import { getParsed } from '../test/inject.ts';

let app: TestApp;

/**
 * Forty more gemeenten around Aastad's size and density (the ten nearest in size are its vergelijkbare
 * gemeenten), with schooladviezen of 1,000 pupils close to Aastad's 40%, and among its nearest two far
 * above it (55% and 60%) and one far below (30%).
 */
const SHARES = new Map([
  [9, 0.55],
  [10, 0.3],
  [11, 0.6],
]);
const PEERS = Array.from({ length: 40 }, (_, i) => ({ code: `GM01${String(i + 10)}`, share: SHARES.get(i) ?? 0.4 + 0.01 * ((i * 7) % 4), n: 1000 }));

useSeededApp(
  (a) => (app = a),
  {},
  async (t) => {
    const { id } = await t.db.selectFrom('dataset').select('id').executeTakeFirstOrThrow();
    await t.db
      .insertInto('area')
      .values(
        PEERS.map((p, i) => ({
          code: p.code,
          level: 'gemeente' as const,
          name: `Peerstad ${i + 1}`,
          parent_code: 'NL01',
          stedelijkheid: 1,
          inwoners: 140000 + 1000 * i,
          omgevingsadressendichtheid: 2600,
          provincie: 'Testland',
          dataset_id: id,
        })),
      )
      .execute();
    await t.db.updateTable('area').set({ omgevingsadressendichtheid: 2600 }).where('code', '=', 'GM0001').execute();
    await t.db
      .insertInto('measure')
      .values(
        PEERS.map((p) => ({
          area_code: p.code,
          indicator: 'advies_havo_vwo',
          cohort: '2019-2020',
          dimension: 'totaal',
          grp: 'totaal',
          numerator: Math.round(p.share * p.n),
          denominator: p.n,
          dataset_id: id,
        })),
      )
      .execute();
  },
);

const get = <T>(url: string, schema: { parse: (x: unknown) => T }) => getParsed(app, url, schema);

describe('GET /peers', () => {
  it('lists exactly the vergelijkbare gemeenten that do significantly better, largest difference first', async () => {
    const qs = 'indicator=advies_havo_vwo&cohort=2019-2020';
    const [peers, group, values] = await Promise.all([
      get(`/api/v1/peers?area=GM0001&${qs}`, PeersResponse),
      get('/api/v1/groups/vergelijkbaar-GM0001', GroupResponse),
      get(`/api/v1/values?${qs}&level=gemeente`, ValuesResponse),
    ]);
    expect(peers.group).toBe('vergelijkbaar-GM0001');
    expect(peers.area).toEqual({ code: 'GM0001', name: 'Aastad', value: 0.4 });
    const tau2 = values.dispersion.find((d) => d.group === 'totaal')!.tau2 ?? 0;
    const own = values.data.find((v) => v.area === 'GM0001')!;
    // Worked out again from /values: each member against Aastad, widened by the gemeenten's spread.
    const better = group.data.members.flatMap((code) => {
      const v = values.data.find((x) => x.area === code);
      if (!v || v.numerator === null) return [];
      const d = pairDifference({ k: v.numerator, n: v.denominator! }, { k: own.numerator!, n: own.denominator! }, tau2)!;
      return d.significance === 'hoger' ? [{ area: code, difference: d.difference }] : [];
    });
    expect(better.length).toBeGreaterThan(0);
    expect(better.length).toBeLessThan(group.data.members.length);
    expect(peers.data.map((p) => p.area).sort()).toEqual(better.map((b) => b.area).sort());
    for (const p of peers.data) {
      expect(group.data.members).toContain(p.area);
      expect(p.significance).toBe('hoger');
      expect(p.ciLow).toBeGreaterThan(0);
      expect(p.difference).toBeCloseTo(p.value - 0.4, 12);
      // Only totals for these gemeenten: no expected value to compare.
      expect(p.adjustedDifference).toBeNull();
    }
    expect(peers.data.map((p) => p.difference)).toEqual([...peers.data.map((p) => p.difference)].sort((a, b) => b - a));
  });

  it('are what the gemeente page shows beside the figure, with its expected value as /expected gives it', async () => {
    const qs = 'indicator=advies_havo_vwo&cohort=2019-2020';
    // Twice: the first profile fills the tables of every gemeente that the second is read from.
    for (let i = 0; i < 2; i++) {
      const [profile, peers, expected] = await Promise.all([
        get('/api/v1/profile/GM0001?cohort=2019-2020', ProfileResponse),
        get(`/api/v1/peers?area=GM0001&${qs}`, PeersResponse),
        get(`/api/v1/expected?${qs}&level=gemeente`, ExpectedResponse),
      ]);
      const advies = profile.indicators.find((x) => x.indicator.code === 'advies_havo_vwo')!;
      expect(advies.cohort.code).toBe('2019-2020');
      expect(advies.peers!.length).toBeGreaterThan(0);
      expect(advies.peers).toEqual(peers.data);
      const { area: _area, name: _name, ...aastad } = expected.data.find((r) => r.area === 'GM0001')!;
      expect(aastad.expected).not.toBeNull();
      expect(advies.expected).toEqual({ ...aastad, dimension: 'opleiding_ouders' });
    }
  });

  it('answers a mean, a wijk or an unknown gemeente with a Dutch 400 or 404', async () => {
    for (const [qs, status, message] of [
      ['area=GM0001&indicator=eindtoets_gemiddelde', 400, /gemiddelde zonder interval/],
      ['area=WK000101&indicator=advies_havo_vwo', 400, /Een gemeentecode zoals GM0855/],
      ['area=GM9999&indicator=advies_havo_vwo', 404, /bestaat niet/],
    ] as const) {
      const res = await app.inject(`/api/v1/peers?${qs}`);
      expect(res.statusCode, qs).toBe(status);
      expect(ApiError.parse(res.json()).error.message, qs).toMatch(message);
    }
  });
});
