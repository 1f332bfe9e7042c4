import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { cbsGemeenten } from '../../test/duo-database.ts';
import { freePort } from '../../test/free-port.ts';
import { hasOpenData, openDataFile } from '../../test/open-data.ts';
import { downloadDuo, duoDownloads } from './download.ts';

/**
 * A stand-in for DUO: serves each published file under its own name, made at test time from the
 * real file of the open-data folder (its header and first rows, bytes as published: encoding, quotes,
 * `<5`), so nothing of the data is kept in the repository. `broken` serves a file with a column renamed.
 */
function duoServer(o: { broken?: string } = {}) {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url!, 'http://x').pathname.slice(1));
    requests.push(name);
    const file = openDataFile(`duo_${name}`);
    if (!existsSync(file)) return void res.writeHead(404).end();
    // Header and 400 rows: every layout feature, at a tenth of the import time.
    let body = Buffer.from(`${readFileSync(file).toString('latin1').split('\n').slice(0, 401).join('\n')}\n`, 'latin1');
    if (name === o.broken) body = Buffer.from(body.toString('latin1').replace('GEMEENTENAAM', 'GEMEENTE_NAAM'), 'latin1');
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': body.length }).end(body);
  });
  return {
    requests,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const count = async (t: TestDatabase, table: 'measure' | 'dataset' | 'area') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.skipIf(!hasOpenData)('download-duo against a local server in the published layouts', () => {
  let t: TestDatabase;
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'gka-duo-'));
    dirs.push(d);
    return d;
  };
  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db
      .insertInto('area')
      .values(cbsGemeenten().map((g) => ({ ...g, level: 'gemeente' as const, parent_code: 'NL01', indeling_jaar: 2023 })))
      .execute();
  });
  afterAll(async () => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await t?.drop();
  });

  it('changes nothing without a network, and says so', async () => {
    const dir = tempDir();
    const port = await freePort();
    await expect(downloadDuo(t.db, { dir, baseUrl: `http://127.0.0.1:${port}/` })).rejects.toThrow(
      /Geen verbinding met 127\.0\.0\.1.*niets in de database veranderd/,
    );
    expect(await count(t, 'measure')).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fetches every file with progress, records URL and sha256, imports them, and uses its cache the next time', async () => {
    const duo = duoServer();
    const base = await duo.start();
    try {
      const dir = tempDir();
      const progress: string[] = [];
      const { fetched, cached, imported } = await downloadDuo(t.db, { dir, baseUrl: base, onProgress: (file) => progress.push(file) });
      const expected = duoDownloads({ baseUrl: base });
      expect(fetched.map((f) => f.file).sort()).toEqual(expected.map((e) => e.name).sort());
      expect(cached).toEqual([]);
      expect(new Set(progress)).toEqual(new Set(expected.map((e) => e.name)));
      // The manifest says where each file came from, and its sha256 is that of the file on disk.
      const manifest = JSON.parse(readFileSync(path.join(dir, 'bronnen.json'), 'utf8')) as { bestanden: { file: string; url: string; sha256: string }[] };
      expect(manifest.bestanden).toHaveLength(expected.length);
      for (const m of manifest.bestanden) {
        expect(m.url).toBe(`${base}${m.file}`);
        expect(m.sha256).toBe(
          createHash('sha256')
            .update(readFileSync(path.join(dir, m.file)))
            .digest('hex'),
        );
      }
      // Imported: schools and their pass rates from the rows served, in one dataset per file.
      expect(imported.sources.map((s) => s.indicator)).toEqual(expect.arrayContaining(['slagingspercentage_vo', 'eindtoets_gemiddelde', 'havo_vwo_lj3']));
      expect(imported.schools.listed).toBeGreaterThan(400);
      const measures = await count(t, 'measure');
      expect(measures).toBeGreaterThan(1000);

      // Again: nothing fetched, the same measures.
      const asked = duo.requests.length;
      const again = await downloadDuo(t.db, { dir, baseUrl: base });
      expect(again.fetched).toEqual([]);
      expect(again.cached).toHaveLength(expected.length);
      expect(duo.requests.length).toBe(asked);
      expect(await count(t, 'measure')).toBe(measures);
    } finally {
      await duo.stop();
    }
  });

  it('changes nothing when one file has another layout, and names the file and the columns it expected', async () => {
    const before = await Promise.all([count(t, 'measure'), count(t, 'dataset'), count(t, 'area')]);
    const broken = 'examenkandidaten-en-geslaagden-2019-2024.csv';
    const duo = duoServer({ broken });
    const base = await duo.start();
    try {
      await expect(downloadDuo(t.db, { dir: tempDir(), baseUrl: base })).rejects.toThrow(
        new RegExp(`${broken.replaceAll('.', '\\.')}: onbekende indeling, de kolommen "GEMEENTENAAM" ontbreken`),
      );
      expect(await Promise.all([count(t, 'measure'), count(t, 'dataset'), count(t, 'area')])).toEqual(before);
    } finally {
      await duo.stop();
    }
  });

  it('changes nothing when DUO does not have a file, and names its URL', async () => {
    const before = await count(t, 'measure');
    const duo = duoServer();
    const base = await duo.start();
    try {
      await expect(downloadDuo(t.db, { dir: tempDir(), baseUrl: `${base}elders/` })).rejects.toThrow(
        /elders\/examenkandidaten-en-geslaagden-\d{4}-\d{4}\.csv: de server antwoordt met HTTP 404/,
      );
      expect(await count(t, 'measure')).toBe(before);
    } finally {
      await duo.stop();
    }
  });

  it('takes only the files of the school years asked for, and always the address lists', () => {
    const names = duoDownloads({ years: { from: 2019, to: 2023 } }).map((d) => d.name);
    expect(names).toContain('examenkandidaten-en-geslaagden-2019-2024.csv');
    expect(names).not.toContain('examenkandidaten-en-geslaagden-2014-2019.csv');
    expect(names).toEqual(expect.arrayContaining(['alle-vestigingen-bo.csv', 'alle-vestigingen-vo.csv']));
    expect(duoDownloads().every((d) => d.url.startsWith('https://duo.nl/open_onderwijsdata/images/'))).toBe(true);
  });
});
