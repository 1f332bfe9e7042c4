import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../config.ts';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { FIXTURE_REGION_FILE, importFixtureRegion } from './fixtures.ts';
import { isValidAreaGeometry, type AreaGeometry, type Position } from './geometry.ts';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t?.drop();
});

/** Planar ring area (shoelace): enough to check that the wijken tile their gemeente. */
const ringArea = (ring: Position[]) => Math.abs(ring.reduce((s, p, i) => (i ? s + (ring[i - 1]![0] * p[1] - p[0] * ring[i - 1]![1]) : 0), 0)) / 2;
const area = (g: AreaGeometry) =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).reduce(
    (s, rings) => s + ringArea(rings[0]!) - rings.slice(1).reduce((h, r) => h + ringArea(r), 0),
    0,
  );

describe('importFixtureRegion', () => {
  it('loads four fictitious gemeenten of Fictieland with their wijken, idempotently', async () => {
    expect(statSync(FIXTURE_REGION_FILE).size).toBeLessThan(60_000);
    const first = await importFixtureRegion(t.db);
    expect(first.counts).toEqual({ gemeente: 4, wijk: 16 });
    await importFixtureRegion(t.db);

    const areas = await t.db.selectFrom('area').selectAll().where('level', '<>', 'land').orderBy('code').execute();
    const gemeenten = areas.filter((a) => a.level === 'gemeente');
    expect(gemeenten.map((g) => [g.code, g.stedelijkheid, g.provincie])).toEqual([
      ['GM9901', 1, 'Fictieland'],
      ['GM9902', 3, 'Fictieland'],
      ['GM9903', 4, 'Fictieland'],
      ['GM9904', 5, 'Fictieland'],
    ]);
    for (const g of gemeenten) {
      const wijken = areas.filter((a) => a.parent_code === g.code);
      expect(wijken.length).toBeGreaterThanOrEqual(3);
      expect(wijken.length).toBeLessThanOrEqual(6);
      expect(wijken.every((w) => w.stedelijkheid !== null && w.provincie === 'Fictieland' && /^WK99\d{4}$/.test(w.code))).toBe(true);
      expect(wijken.reduce((n, w) => n + w.inwoners!, 0)).toBe(g.inwoners);
      expect(Object.keys(g.attributes)).toEqual(expect.arrayContaining(['pct_hh_laag_inkomen', 'opl_laag', 'opl_midden', 'opl_hoog']));
      expect(wijken.every((w) => ['pct_hh_laag_inkomen', 'opl_laag', 'opl_midden', 'opl_hoog'].every((k) => typeof w.attributes[k] === 'number'))).toBe(true);
      // The wijken tile their gemeente.
      const sum = wijken.reduce((s, w) => s + area(w.geometry as AreaGeometry), 0);
      expect(sum).toBeCloseTo(area(g.geometry as AreaGeometry), 6);
    }
    expect(areas.every((a) => isValidAreaGeometry(a.geometry as AreaGeometry))).toBe(true);
  });

  it('covers every area of fixtures/values.csv', async () => {
    const csv = readFileSync(path.join(REPO_ROOT, 'fixtures/values.csv'), 'utf8');
    const codes = new Set(
      csv
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(';')[0]!),
    );
    const known = new Set((await t.db.selectFrom('area').select('code').execute()).map((a) => a.code));
    expect([...codes].filter((c) => !known.has(c))).toEqual([]);
  });
});
