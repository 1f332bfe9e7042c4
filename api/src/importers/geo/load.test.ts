import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viaKysely } from '../../db/raw.ts';
import { refreshDisclosure } from '../../disclosure/store.ts';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { loadGeo } from './load.ts';
import type { AreaInput } from './parse.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const area = (code: string, level: 'gemeente' | 'wijk', parentCode: string): AreaInput => ({
  code,
  level,
  name: code,
  parentCode,
  parentName: null,
  indelingJaar: 2024,
  stedelijkheid: null,
  omgevingsadressendichtheid: null,
  inwoners: null,
  provincie: null,
  attributes: {},
  geometry: null,
});
const load = (areas: AreaInput[]) => loadGeo(t.db, [{ parsed: { year: 2024, areas, skipped: [] }, source: 'test', sha256: 'test' }]);

describe('loadGeo and disclosure control', () => {
  it('decides again when a wijk moves to another gemeente, as the sums a reader can form change', async () => {
    await load([
      area('GM0001', 'gemeente', 'NL01'),
      area('GM0002', 'gemeente', 'NL01'),
      area('WK000101', 'wijk', 'GM0001'),
      area('WK000102', 'wijk', 'GM0001'),
    ]);
    await t.db.insertInto('cohort').values({ code: '2020-2021', label: '2020-2021' }).execute();
    const cell = (area_code: string, numerator: number, denominator: number) => ({
      indicator: 'zittenblijven',
      cohort: '2020-2021',
      dimension: 'totaal',
      grp: 'totaal',
      area_code,
      numerator,
      denominator,
    });
    // GM0001 has two wijken, one of 8 pupils: the other is hidden with it. GM0002 has none.
    await t.db
      .insertInto('measure')
      .values([cell('GM0001', 30, 100), cell('WK000101', 4, 8), cell('WK000102', 26, 92), cell('GM0002', 30, 100)])
      .execute();
    await t.db.transaction().execute((trx) => refreshDisclosure(viaKysely(trx)));
    const hidden = async () =>
      Object.fromEntries((await t.db.selectFrom('measure').select(['area_code', 'hidden']).orderBy('area_code').execute()).map((r) => [r.area_code, r.hidden]));
    expect(await hidden()).toEqual({ GM0001: false, GM0002: false, WK000101: true, WK000102: true });
    // The big wijk moves to GM0002: the small one is now GM0001's only wijk, so GM0001 is hidden with it;
    // the moved wijk is GM0002's only wijk and no longer needs hiding.
    await load([area('WK000102', 'wijk', 'GM0002')]);
    expect(await hidden()).toEqual({ GM0001: true, GM0002: false, WK000101: true, WK000102: false });
    // A re-import that moves nothing decides nothing anew.
    const decidedAt = await t.db.selectFrom('disclosure').select('decided_at').executeTakeFirstOrThrow();
    await load([area('WK000102', 'wijk', 'GM0002')]);
    expect(await t.db.selectFrom('disclosure').select('decided_at').executeTakeFirstOrThrow()).toEqual(decidedAt);
  });
});
