import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupResponse } from '@gka/shared';
import { buildApp } from '../app.ts';
import { importOpenDataBoundaries } from '../importers/geo/open-data.ts';
import { testConfig } from '../test/config.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { hasOpenData, OPEN_DATA } from '../test/open-data.ts';
import { nearestNeighbours, type ContextRow } from './similar.ts';

const gemeente = (code: string, inwoners: number, dichtheid: number, buiten: number, europa: number, jong: number | null): ContextRow => ({
  code,
  name: code,
  inwoners,
  omgevingsadressendichtheid: dichtheid,
  attributes: { pct_herkomst_buiten_europa: buiten, pct_herkomst_europa: europa, pct_0_15: jong },
});
const rows = fc.array(
  fc.record({
    inwoners: fc.integer({ min: 900, max: 900_000 }),
    dichtheid: fc.integer({ min: 50, max: 6_000 }),
    buiten: fc.integer({ min: 0, max: 60 }),
    europa: fc.integer({ min: 0, max: 30 }),
    jong: fc.option(fc.integer({ min: 8, max: 25 })),
  }),
  { minLength: 12, maxLength: 40 },
);
const asRows = (list: { inwoners: number; dichtheid: number; buiten: number; europa: number; jong: number | null }[]) =>
  list.map((g, i) => gemeente(`GM${String(i + 1).padStart(4, '0')}`, g.inwoners, g.dichtheid, g.buiten, g.europa, g.jong));

describe('vergelijkbare gemeenten', () => {
  it('are the nearest others, nearest first, never the gemeente itself', () => {
    fc.assert(
      fc.property(rows, (list) => {
        const result = nearestNeighbours(asRows(list), 10);
        for (const [code, near] of result) {
          expect(near).toHaveLength(10);
          expect(near.map((n) => n.code)).not.toContain(code);
          expect(near.map((n) => n.distance)).toEqual([...near.map((n) => n.distance)].sort((a, b) => a - b));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('do not depend on the units of a variable: percent or per mille, inwoners or thousands, the same neighbours', () => {
    fc.assert(
      fc.property(rows, (list) => {
        const base = nearestNeighbours(asRows(list), 5);
        const scaled = nearestNeighbours(
          asRows(list.map((g) => ({ ...g, inwoners: g.inwoners * 1000, buiten: g.buiten * 10, jong: g.jong === null ? null : g.jong * 10 }))),
          5,
        );
        for (const [code, near] of base) expect(scaled.get(code)!.map((n) => n.code)).toEqual(near.map((n) => n.code));
      }),
      { numRuns: 100 },
    );
  });

  it('find the gemeente that differs only by a missing figure as the nearest, rather than pushing it away', () => {
    const list = [
      gemeente('GM0001', 50_000, 1_000, 10, 5, 17),
      gemeente('GM0002', 50_000, 1_000, 10, 5, null),
      gemeente('GM0003', 60_000, 1_200, 14, 6, 17),
      gemeente('GM0004', 900, 100, 1, 1, 20),
    ];
    expect(
      nearestNeighbours(list, 1)
        .get('GM0001')!
        .map((n) => n.code),
    ).toEqual(['GM0002']);
  });
});

describe.skipIf(!hasOpenData)('vergelijkbare gemeenten on the real CBS figures', () => {
  let t: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await createTestDatabase();
    await importOpenDataBoundaries(t.db, OPEN_DATA);
    app = await buildApp({ config: testConfig({ rateLimitPerMinute: 0 }), db: t.db });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
  const group = async (code: string) => {
    const res = await app.inject(`/api/v1/groups/vergelijkbaar-${code}`);
    expect(res.statusCode, res.body).toBe(200);
    return GroupResponse.parse(res.json()).data;
  };

  it('give Tilburg ten large, urban gemeenten, and Amsterdam the other big cities', async () => {
    const tilburg = await group('GM0855');
    expect(tilburg).toMatchObject({ kind: 'vergelijkbaar', name: 'Vergelijkbaar met Tilburg' });
    expect(tilburg.members).toHaveLength(10);
    expect(tilburg.members).not.toContain('GM0855');
    const areas = await t.db.selectFrom('area').select(['code', 'inwoners', 'stedelijkheid']).where('code', 'in', tilburg.members).execute();
    for (const a of areas) {
      expect(a.inwoners, a.code).toBeGreaterThan(80_000);
      expect(a.stedelijkheid, a.code).toBeLessThanOrEqual(2);
    }
    const amsterdam = await group('GM0363');
    expect(amsterdam.members).toEqual(expect.arrayContaining(['GM0599', 'GM0518'])); // Rotterdam, 's-Gravenhage
  });

  it('answers a gemeente that does not exist with a 404', async () => {
    expect((await app.inject('/api/v1/groups/vergelijkbaar-GM9999')).statusCode).toBe(404);
  });
});
