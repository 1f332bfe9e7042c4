import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeResponse, ValuesResponse } from '@gka/shared';
import { buildApp } from '../app.ts';
import type { TestDatabase } from '../test/database.ts';
import { createDuoDatabase } from '../test/duo-database.ts';
import { testConfig } from '../test/config.ts';
import { hasOpenData } from '../test/open-data.ts';
import { getParsed } from '../test/inject.ts';

// The stable school years before COVID: no change of exam rules, so a change between two of them is
// ordinary variation, and a 95% rule should call about 5% of them significant.
const STABLE = ['sj2014-2015', 'sj2015-2016', 'sj2016-2017', 'sj2017-2018', 'sj2018-2019'];

describe.skipIf(!hasOpenData)('verdicts on the real DUO pass rates (census data)', () => {
  let t: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const get = <T>(url: string, schema: { parse: (x: unknown) => T }) => getParsed(app, url, schema);

  beforeAll(async () => {
    ({ t } = await createDuoDatabase());
    app = await buildApp({ config: testConfig(), db: t.db });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  for (const level of ['gemeente', 'school'] as const) {
    it(`calls between 1% and 8% of the year-to-year changes of 2014-2015 to 2018-2019 significant, per ${level}`, async () => {
      const calls: boolean[] = [];
      for (let i = 1; i < STABLE.length; i++) {
        const res = await get(`/api/v1/change?indicator=slagingspercentage_vo&cohort=${STABLE[i]}&reference=${STABLE[i - 1]}&level=${level}`, ChangeResponse);
        for (const r of res.data) if (r.difference !== null && !r.suppressed) calls.push(r.significance === 'hoger' || r.significance === 'lager');
        // The verdict follows the interval published next to it.
        for (const r of res.data) {
          if (r.ciLow === null || r.ciHigh === null) continue;
          expect(r.significance).toBe(r.ciLow > 0 ? 'hoger' : r.ciHigh < 0 ? 'lager' : 'niet_significant');
        }
        expect(res.dispersion.find((d) => d.group === 'totaal')!.phi).toBeGreaterThan(1.3);
      }
      expect(calls.length).toBeGreaterThan(level === 'gemeente' ? 1000 : 4000);
      const share = calls.filter(Boolean).length / calls.length;
      expect(share).toBeGreaterThanOrEqual(0.01);
      expect(share).toBeLessThanOrEqual(0.08);
    });
  }

  it('publishes the interval that decides beside the binomial one, wider where areas vary more than chance', async () => {
    const res = await get('/api/v1/values?indicator=slagingspercentage_vo&cohort=sj2018-2019&level=gemeente', ValuesResponse);
    const totaal = res.dispersion.find((d) => d.group === 'totaal')!;
    expect(totaal.phi).toBeGreaterThan(2);
    expect(totaal.tau2).toBeGreaterThan(0);
    const shown = res.data.filter((v) => v.value !== null);
    expect(shown.length).toBeGreaterThan(250);
    for (const v of shown) {
      expect(v.ciLow!).toBeLessThanOrEqual(v.samplingCiLow!);
      expect(v.ciHigh!).toBeGreaterThanOrEqual(v.samplingCiHigh!);
      expect(v.ciHigh! - v.ciLow!).toBeGreaterThan(v.samplingCiHigh! - v.samplingCiLow!);
      expect(v.ciLow!).toBeLessThanOrEqual(v.value!);
      expect(v.ciHigh!).toBeGreaterThanOrEqual(v.value!);
    }
    // Amsterdam's interval no longer shrinks to a point: at least ±τ.
    const amsterdam = shown.find((v) => v.area === 'GM0363')!;
    expect(amsterdam.ciHigh! - amsterdam.ciLow!).toBeGreaterThan(2 * 1.96 * Math.sqrt(totaal.tau2!) * 0.99);
  });
});
