import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256OfFile } from '../dataset.ts';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { GeoFileError } from './errors.ts';
import { isValidAreaGeometry, type AreaGeometry } from './geometry.ts';
import { importGeoFile, importGeoFiles } from './import.ts';
import { importOpenDataBoundaries } from './open-data.ts';
import { hasOpenData, OPEN_DATA, openDataFile } from '../../test/open-data.ts';

/** The real CBS/PDOK files (see its README); read in place, never copied into the repository. */
const file = openDataFile;
const GEMEENTEN_2024 = file('gemeenten_2024.geojson');
const WIJKEN_2024 = file('wijken_2024.geojson');
const PROVINCIES = file('cbs_gemeenten-alfabetisch-2023.csv');

let t: TestDatabase;
let dir: string;

async function snapshot(db = t.db) {
  const areas = await db
    .selectFrom('area')
    .select([
      'code',
      'level',
      'name',
      'parent_code',
      'indeling_jaar',
      'stedelijkheid',
      'omgevingsadressendichtheid',
      'inwoners',
      'provincie',
      'attributes',
      'geometry',
    ])
    .orderBy('code')
    .execute();
  const datasets = await db.selectFrom('dataset').select('id').execute();
  return { areas, datasets: datasets.length };
}

async function failure(promise: Promise<unknown>): Promise<GeoFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeoFileError);
  return error as GeoFileError;
}

const countBy = async (level: 'gemeente' | 'wijk') =>
  Number(
    (
      await t.db
        .selectFrom('area')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('level', '=', level)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'gka-geo-'));
});

afterAll(async () => {
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasOpenData)('importGeoFile on the national 2024 files', () => {
  it('refuses wijken whose gemeente is not loaded yet, naming it, and changes nothing', async () => {
    const before = await snapshot();
    const error = await failure(importGeoFile(t.db, WIJKEN_2024));
    expect(error.message).toMatch(/^wijken_2024\.geojson: 342 gemeente\(n\) van deze wijken staan niet in de database: GM0014, /);
    expect(error.message).toMatch(/Importeer eerst de gemeenten/);
    expect(await snapshot()).toEqual(before);
  });

  it('imports 342 gemeenten with stedelijkheid and provincie, then 3,474 wijken under them; Buitenland skipped', async () => {
    const g = await importGeoFile(t.db, GEMEENTEN_2024, { provinciesFile: PROVINCIES });
    expect(g.counts).toEqual({ gemeente: 342, wijk: 0 });
    expect(g.skipped).toEqual(['GM0998']);
    const w = await importGeoFile(t.db, WIJKEN_2024);
    expect(w.counts).toEqual({ gemeente: 0, wijk: 3474 });
    expect(w.skipped).toEqual(['WK099899']);
    expect(w.createdGemeenten).toEqual([]);

    expect(await countBy('gemeente')).toBe(342);
    expect(await countBy('wijk')).toBe(3474);
    const gemeenten = await t.db.selectFrom('area').selectAll().where('level', '=', 'gemeente').execute();
    expect(gemeenten.every((a) => a.stedelijkheid !== null && a.provincie !== null && a.parent_code === 'NL01' && a.indeling_jaar === 2024)).toBe(true);
    const rotterdam = gemeenten.find((a) => a.code === 'GM0599')!;
    expect(rotterdam).toMatchObject({ name: 'Rotterdam', stedelijkheid: 1, omgevingsadressendichtheid: 4090, provincie: 'Zuid-Holland' });
    expect(rotterdam.attributes).toMatchObject({ pct_herkomst_nl: 44 });
    expect(gemeenten.find((a) => a.code === 'GM0088')).toMatchObject({ name: 'Schiermonnikoog', stedelijkheid: 5, provincie: 'Fryslân' });

    const orphans = await sql<{ n: number }>`select count(*)::int as n from area w left join area g on g.code = w.parent_code and g.level = 'gemeente'
      where w.level = 'wijk' and g.code is null`.execute(t.db);
    expect(orphans.rows[0]!.n).toBe(0);
    const abroad = await t.db.selectFrom('area').select('code').where('code', 'in', ['GM0998', 'WK099899']).execute();
    expect(abroad).toEqual([]);

    const datasets = await t.db.selectFrom('dataset').selectAll().orderBy('id').execute();
    expect(datasets.map((d) => [d.kind, d.source, d.sha256, d.row_count, d.synthetic])).toEqual([
      ['geo', GEMEENTEN_2024, await sha256OfFile(GEMEENTEN_2024), 342, false],
      ['geo', WIJKEN_2024, await sha256OfFile(WIJKEN_2024), 3474, false],
    ]);
  });

  it("keeps Amsterdam's alphanumeric wijk codes", async () => {
    const amsterdam = await t.db.selectFrom('area').select(['code', 'name', 'inwoners']).where('parent_code', '=', 'GM0363').execute();
    expect(amsterdam).toHaveLength(111);
    expect(amsterdam.filter((a) => /^WK0363[A-Z]{2}$/.test(a.code)).length).toBeGreaterThan(100);
    expect(amsterdam.find((a) => a.code === 'WK0363AA')).toBeDefined();
  });

  it('stores valid, simplified geometry that is smaller than the input', async () => {
    const rows = await t.db.selectFrom('area').select(['code', 'geometry']).where('level', '=', 'wijk').execute();
    expect(rows.every((r) => r.geometry !== null && isValidAreaGeometry(r.geometry as AreaGeometry))).toBe(true);
    const stored = rows.reduce((n, r) => n + JSON.stringify(r.geometry).length, 0);
    const input = (JSON.parse(readFileSync(WIJKEN_2024, 'utf8')) as { features: { geometry: unknown }[] }).features.reduce(
      (n, f) => n + JSON.stringify(f.geometry).length,
      0,
    );
    // The input is already strongly simplified, so Douglas-Peucker removes little; the layer still shrinks.
    expect(stored).toBeLessThan(input);
    expect(stored).toBeLessThan(0.75 * statSync(WIJKEN_2024).size);
    const coordinates = JSON.stringify(rows[0]!.geometry).match(/-?\d+\.\d+/g)!;
    expect(coordinates.every((c) => c.split('.')[1]!.length <= 5)).toBe(true);
  });

  it('is idempotent: a re-import leaves the same areas (and adds provenance rows)', async () => {
    const before = await snapshot();
    await importGeoFile(t.db, GEMEENTEN_2024, { provinciesFile: PROVINCIES });
    await importGeoFile(t.db, WIJKEN_2024);
    const after = await snapshot();
    expect(after.areas).toEqual(before.areas);
    expect(after.datasets).toBe(before.datasets + 2);
  });

  it('rejects a file with one broken feature in the middle, naming file and feature, and changes nothing', async () => {
    const doc = JSON.parse(readFileSync(WIJKEN_2024, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    for (const f of doc.features) f.properties.wijknaam = `${String(f.properties.wijknaam)} (gewijzigd)`;
    doc.features[1700]!.properties.wijkcode = 'WK12';
    const broken = path.join(dir, 'wijken_kapot.geojson');
    writeFileSync(broken, JSON.stringify(doc));
    const before = await snapshot();
    const error = await failure(importGeoFile(t.db, broken));
    expect(error.message).toBe('wijken_kapot.geojson, feature 1701: "WK12" is geen geldige wijkcode (WKggggww, bijvoorbeeld WK036301 of WK0363AA)');
    expect(await snapshot()).toEqual(before);
  });

  it('rolls back rows already written when the database refuses a late one', async () => {
    const doc = JSON.parse(readFileSync(WIJKEN_2024, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    for (const f of doc.features) f.properties.wijknaam = 'Overschreven';
    // Out of the integer range: Postgres rejects the last batch after the first six were upserted.
    doc.features[doc.features.length - 1]!.properties.aantal_inwoners = 3e9;
    const late = path.join(dir, 'wijken_2024_laat_kapot.geojson');
    writeFileSync(late, JSON.stringify(doc));
    const before = await snapshot();
    await expect(importGeoFile(t.db, late)).rejects.toThrow(/out of range/);
    expect(await snapshot()).toEqual(before);
  });

  it('imports the 345 gemeenten of 2022 with their stedelijkheid and reports the 2024 gemeente it does not mention', async () => {
    const result = await importGeoFile(t.db, file('gemeenten_2022.geojson'));
    expect(result.counts.gemeente).toBe(345);
    // Voorne aan Zee (GM1992) exists only since 2023; it stays, and the result says so.
    expect(result.otherIndeling.gemeente).toBe(1);
    const rows = await sql<{ stedelijkheid: number; n: number }>`select stedelijkheid, count(*)::int as n from area
      where level = 'gemeente' and indeling_jaar = 2022 group by stedelijkheid order by stedelijkheid`.execute(t.db);
    expect(rows.rows).toEqual([
      { stedelijkheid: 1, n: 23 },
      { stedelijkheid: 2, n: 72 },
      { stedelijkheid: 3, n: 77 },
      { stedelijkheid: 4, n: 124 },
      { stedelijkheid: 5, n: 49 },
    ]);
    const amsterdam = await t.db.selectFrom('area').selectAll().where('code', '=', 'GM0363').executeTakeFirstOrThrow();
    expect(amsterdam.attributes).toMatchObject({ pct_hh_laag_inkomen: 50, opl_laag: 159020, opl_midden: 216730, opl_hoog: 349370 });
    // The provincie came from the 2024 import with the CBS list; a file without it keeps it.
    expect(amsterdam.provincie).toBe('Noord-Holland');
  });
});

describe.skipIf(!hasOpenData)('importGeoFile on the 2014 wijk TopoJSON', () => {
  let t14: TestDatabase;
  beforeAll(async () => {
    t14 = await createTestDatabase();
  });
  afterAll(async () => {
    await t14?.drop();
  });

  it('needs its gemeenten, or --maak-gemeenten to create them from the wijk codes', async () => {
    const topo = file('Wijk_2014_layer_q1e3.json');
    const error = await failure(importGeoFile(t14.db, topo));
    expect(error.message).toMatch(/^Wijk_2014_layer_q1e3\.json: 403 gemeente\(n\) van deze wijken staan niet in de database: GM0003, .*--maak-gemeenten/);
    expect((await snapshot(t14.db)).areas).toHaveLength(1);

    const result = await importGeoFile(t14.db, topo, { createMissingGemeenten: true });
    expect(result.counts.wijk).toBe(2738);
    expect(result.createdGemeenten).toHaveLength(403);
    // 38 wijken are a line or a point after the file's coarse quantisation: kept, without geometry.
    expect(result.withoutGeometry).toHaveLength(38);
    const wijken = await t14.db.selectFrom('area').select(['code', 'parent_code', 'indeling_jaar', 'geometry']).where('level', '=', 'wijk').execute();
    expect(wijken).toHaveLength(2738);
    expect(wijken.every((w) => w.parent_code === `GM${w.code.slice(2, 6)}` && w.indeling_jaar === 2014)).toBe(true);
    expect(wijken.filter((w) => w.geometry !== null).every((w) => isValidAreaGeometry(w.geometry as AreaGeometry))).toBe(true);
    const gemeente = await t14.db.selectFrom('area').selectAll().where('code', '=', 'GM1911').executeTakeFirstOrThrow();
    expect(gemeente).toMatchObject({ level: 'gemeente', name: 'Gemeente GM1911', parent_code: 'NL01', geometry: null, indeling_jaar: 2014 });
  });
});

describe.skipIf(!hasOpenData)('one call with several files', () => {
  let tm: TestDatabase;
  beforeAll(async () => {
    tm = await createTestDatabase();
  });
  afterAll(async () => {
    await tm?.drop();
  });

  it('imports wijken together with the gemeenten of another file of the same call, whatever the order', async () => {
    const result = await importGeoFiles(tm.db, [WIJKEN_2024, GEMEENTEN_2024]);
    expect(result.counts).toEqual({ gemeente: 342, wijk: 3474 });
    expect(result.datasetIds).toHaveLength(2);
  });

  it('loads the newest national boundaries of an open-data folder, with provincies', async () => {
    const result = await importOpenDataBoundaries(tm.db, OPEN_DATA);
    expect(result?.counts).toEqual({ gemeente: 342, wijk: 3474 });
    const wijk = await tm.db.selectFrom('area').select(['provincie', 'indeling_jaar']).where('code', '=', 'WK0363AA').executeTakeFirstOrThrow();
    expect(wijk).toEqual({ provincie: 'Noord-Holland', indeling_jaar: 2024 });
    expect(await importOpenDataBoundaries(tm.db, dir)).toBeNull();
  });
});
