import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testConfig } from '../test/config.ts';
import { hasOpenData, OPEN_DATA } from '../test/open-data.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { duoServer } from '../test/duo-server.ts';
import { ensureData, loadRealFigures } from './first-start.ts';

let t: TestDatabase | undefined;
let dir: string | undefined;
let server: Server | undefined;
afterEach(async () => {
  await t?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  t = dir = server = undefined;
});

const count = async (db: TestDatabase['db'], level: 'gemeente' | 'wijk') =>
  Number(
    (
      await db
        .selectFrom('area')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('level', '=', level)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('first start', () => {
  it('loads the fictitious region and demo data into an empty database without PDOK, once', async () => {
    t = await createTestDatabase();
    const lines: string[] = [];
    const result = await ensureData(t, testConfig({ openDataDir: undefined }), (m) => lines.push(m), { pdokBaseUrl: null });
    expect(result?.boundaries).toBe('fixture');
    expect(await count(t.db, 'gemeente')).toBe(4);
    expect(result!.demo.rows).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/SYNTHETISCHE/);
    expect(lines.join('\n')).toMatch(/DEMOSET/);
    // A restart leaves everything alone.
    expect(await ensureData(t, testConfig(), () => {}, { pdokBaseUrl: null })).toBeNull();
    expect(await t.db.selectFrom('dataset').select('kind').where('kind', '=', 'demo').execute()).toHaveLength(1);
  });

  it('falls back to the fixture region when PDOK does not answer in time', async () => {
    t = await createTestDatabase();
    // Accepts the connection but never answers.
    server = createServer(() => {});
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ogc/v1`;
    const lines: string[] = [];
    const result = await ensureData(t, testConfig(), (m) => lines.push(m), { pdokBaseUrl: baseUrl, probeTimeoutMs: 200 });
    expect(result?.boundaries).toBe('fixture');
    expect(lines.join('\n')).toMatch(/PDOK is niet bereikbaar/);
    server.closeAllConnections();
  });

  it.skipIf(!hasOpenData)('takes real boundaries and the COROP-gebieden from GKA_OPEN_DATA_DIR and marks 101 GKA gemeenten', async () => {
    t = await createTestDatabase();
    // Links to the shared files in a temporary folder (gemeenten only, to keep the test fast); nothing is copied.
    dir = mkdtempSync(path.join(tmpdir(), 'gka-open-data-'));
    for (const f of ['gemeenten_2024.geojson', 'cbs_gemeenten-alfabetisch-2023.csv', 'cbs_woonplaatsen-gemeente-corop-2024.csv'])
      symlinkSync(path.join(OPEN_DATA, f), path.join(dir, f));
    const lines: string[] = [];
    const result = await ensureData(t, testConfig({ openDataDir: dir }), (m) => lines.push(m), { pdokBaseUrl: null });
    expect(result?.boundaries).toBe('open-data');
    expect(await count(t.db, 'gemeente')).toBe(342);
    const gka = await t.db.selectFrom('area').select(['name', 'provincie']).where('gka_lid', '=', true).execute();
    expect(gka).toHaveLength(101);
    expect(new Set(gka.map((g) => g.provincie)).size).toBe(12);
    expect(gka.map((g) => g.name)).toEqual(expect.arrayContaining(['Amsterdam', "'s-Gravenhage", 'Súdwest-Fryslân', 'Eemsdelta']));
    // The COROP-gebieden come with the boundaries when the folder has the CBS file.
    expect(lines).toContain('COROP-gebieden geladen: 40 gebieden, 342 gemeenten (cbs_woonplaatsen-gemeente-corop-2024.csv).');
    expect(await t.db.selectFrom('area_group').select('code').where('kind', '=', 'corop').execute()).toHaveLength(40);
  });

  it.skipIf(!hasOpenData)('loads the real DUO figures after the boundaries and the demo when DUO answers, and labels them real', async () => {
    t = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'gka-open-data-'));
    for (const f of ['gemeenten_2024.geojson', 'cbs_gemeenten-alfabetisch-2023.csv']) symlinkSync(path.join(OPEN_DATA, f), path.join(dir, f));
    const duo = duoServer();
    const base = await duo.start();
    try {
      const lines: string[] = [];
      const config = testConfig({ openDataDir: dir, duoDir: path.join(dir, 'duo') });
      const result = await ensureData(t, config, (m) => lines.push(m), { pdokBaseUrl: null });
      expect(await loadRealFigures(t.db, config, result!.boundaries, (m) => lines.push(m), { duoBaseUrl: base })).toMatchObject({ imported: true });
      expect(lines.join('\n')).toMatch(/DUO-cijfers geladen/);
      // Demo figures for the GKA indicators, real ones for the DUO indicators: the catalogue says which is which.
      const catalogue = await t.db
        .selectFrom('measure')
        .innerJoin('dataset', 'dataset.id', 'measure.dataset_id')
        .select(['measure.indicator', 'dataset.synthetic'])
        .distinct()
        .execute();
      const real = catalogue.filter((c) => !c.synthetic).map((c) => c.indicator);
      expect(real).toEqual(expect.arrayContaining(['slagingspercentage_vo', 'advies_havo_vwo_school']));
      expect(catalogue.filter((c) => c.synthetic).map((c) => c.indicator)).toContain('advies_havo_vwo');
      expect(await t.db.selectFrom('area').select('code').where('level', '=', 'school').limit(1).execute()).toHaveLength(1);
    } finally {
      await duo.stop();
    }
  });

  it.skipIf(!hasOpenData)('keeps the demo data and says so when DUO does not answer in time', async () => {
    t = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'gka-open-data-'));
    for (const f of ['gemeenten_2024.geojson', 'cbs_gemeenten-alfabetisch-2023.csv']) symlinkSync(path.join(OPEN_DATA, f), path.join(dir, f));
    server = createServer(() => {});
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const lines: string[] = [];
    const config = testConfig({ openDataDir: dir, duoDir: path.join(dir, 'duo') });
    const result = await ensureData(t, config, (m) => lines.push(m), { pdokBaseUrl: null });
    const duo = await loadRealFigures(t.db, config, result!.boundaries, (m) => lines.push(m), {
      probeTimeoutMs: 200,
      duoBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    });
    expect(duo).toMatchObject({ imported: false, reason: expect.stringMatching(/niet bereikbaar.*download-duo/) });
    expect(result!.demo.rows).toBeGreaterThan(0);
    expect(await t.db.selectFrom('dataset').select('kind').where('kind', '=', 'duo').execute()).toEqual([]);
    server.closeAllConnections();
  });

  it('loads no DUO figures on the fictitious region, or when switched off', async () => {
    t = await createTestDatabase();
    const lines: string[] = [];
    const fixture = await ensureData(t, testConfig({ openDataDir: undefined }), (m) => lines.push(m), { pdokBaseUrl: null });
    expect(await loadRealFigures(t.db, testConfig(), fixture!.boundaries, (m) => lines.push(m))).toEqual({
      imported: false,
      reason: 'de fictieve regio heeft geen echte gemeenten.',
    });
    // The server does not wait for it, so nothing may escape: a broken address is said, not thrown.
    expect(await loadRealFigures(t.db, testConfig(), 'open-data', () => {}, { duoBaseUrl: 'geen adres' })).toMatchObject({
      imported: false,
      reason: 'geen adres is geen geldig adres voor DUO; laad ze later met pnpm gka download-duo --bron URL.',
    });
    expect(await loadRealFigures(t.db, testConfig({ firstStartDuo: false }), 'open-data', () => {})).toMatchObject({
      imported: false,
      reason: expect.stringMatching(/GKA_FIRST_START_DUO=0/),
    });
  });
});
