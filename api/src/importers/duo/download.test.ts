import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { cbsGemeenten } from '../../test/duo-database.ts';
import { freePort } from '../../test/free-port.ts';
import { hasOpenData } from '../../test/open-data.ts';
import { duoServer, YEARLY_FIXTURES } from '../../test/duo-server.ts';
import { downloadDuo, duoDownloads } from './download.ts';
import { REFERENTIENIVEAUS } from './referentieniveaus.ts';

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
      const { fetched, cached, notPublished, imported } = await downloadDuo(t.db, { dir, baseUrl: base, onProgress: (file) => progress.push(file) });
      const expected = duoDownloads({ baseUrl: base });
      const served = expected.filter((e) => !e.optional || existsSync(path.join(YEARLY_FIXTURES, e.name)));
      expect(fetched.map((f) => f.file).sort()).toEqual(served.map((e) => e.name).sort());
      expect(notPublished.sort()).toEqual(
        expected
          .filter((e) => !served.includes(e))
          .map((e) => e.name)
          .sort(),
      );
      expect(cached).toEqual([]);
      expect(new Set(progress)).toEqual(new Set(served.map((e) => e.name)));
      // The manifest says where each file came from, and its sha256 is that of the file on disk.
      const manifest = JSON.parse(readFileSync(path.join(dir, 'bronnen.json'), 'utf8')) as { bestanden: { file: string; url: string; sha256: string }[] };
      expect(manifest.bestanden).toHaveLength(served.length);
      for (const m of manifest.bestanden) {
        expect(m.url).toBe(served.find((e) => e.name === m.file)!.url);
        expect(m.sha256).toBe(
          createHash('sha256')
            .update(readFileSync(path.join(dir, m.file)))
            .digest('hex'),
        );
      }
      // Imported: schools and their figures from the rows served, in one dataset per file and indicator.
      expect(imported.sources.map((s) => s.indicator)).toEqual(
        expect.arrayContaining(['slagingspercentage_vo', 'eindtoets_gemiddelde', 'havo_vwo_lj3', 'advies_havo_vwo_school', 'eindtoets_lib', 'ref_taal_2f']),
      );
      expect(imported.schools.listed).toBeGreaterThan(400);
      const measures = await count(t, 'measure');
      expect(measures).toBeGreaterThan(1000);

      // Again: nothing fetched, the same measures.
      const asked = duo.requests.length;
      const again = await downloadDuo(t.db, { dir, baseUrl: base });
      expect(again.fetched).toEqual([]);
      expect(again.cached).toHaveLength(served.length);
      // Only what was not published is asked for again.
      expect(duo.requests.slice(asked).sort()).toEqual(notPublished.sort());
      expect(await count(t, 'measure')).toBe(measures);
    } finally {
      await duo.stop();
    }
  });

  it('imports the schooladviezen of 2019-2020 and 2022-2023, each in its own layout, per school and gemeente', async () => {
    const advies = (cohort: string, area: string) =>
      t.db
        .selectFrom('measure')
        .select(['numerator', 'denominator'])
        .where('indicator', '=', 'advies_havo_vwo_school')
        .where('cohort', '=', cohort)
        .where('area_code', '=', area)
        .where('dimension', '=', 'totaal')
        .executeTakeFirst();
    for (const cohort of ['sj2019-2020', 'sj2022-2023']) {
      // De Harlekijn: havo 5 + havo/vwo 5 + vwo 10 = 20; the rest 11 + 13 + 8 exact and two "<5" (2 × 2.5) = 37.
      // Its share can move from 20/60 to 20/54 by the masking, 3.7 points: it gets a figure of its own.
      expect(await advies(cohort, 'SC00CG00')).toEqual({ numerator: 20, denominator: 57 });
      // WereldWijs: every cell "<5", three havo+ and three others (7.5 rounds to 8 each): 20% to 80%, no figure of its own,
      // but it counts in Zoetermeer, where it is the only school in these files.
      expect(await advies(cohort, 'SC00AP00')).toBeUndefined();
      expect(await advies(cohort, 'GM0637')).toEqual({ numerator: 8, denominator: 16 });
    }
    const notes = await t.db.selectFrom('dataset').select(['source', 'notes']).where('source', 'like', '%schooladviezen%').execute();
    // Each of the two downloads above imported both files.
    expect([...new Set(notes.map((n) => path.basename(n.source)))].sort()).toEqual([
      '04-leerlingen-bo-sbo-schooladviezen-2022-2023.csv',
      '04.-leerlingen-bo-sbo-schooladviezen-2019-2020.csv',
    ]);
    for (const n of notes) expect(JSON.stringify(n.notes)).toMatch(/alleen in (hun|haar) gemeente geteld: .*00AP00/);
  });

  it('fetches the referentieniveaus of every published school year, skips one not yet published, and imports them per school and gemeente', async () => {
    const duo = duoServer();
    const base = await duo.start();
    try {
      // In September 2025 school year 2025-2026 is under way, but DUO publishes its file only after it.
      const { fetched, notPublished, imported } = await downloadDuo(t.db, { dir: tempDir(), baseUrl: base, today: new Date('2025-09-15') });
      const files = [2022, 2023, 2024].map((y) => `10.-leerlingen-bo-referentieniveaus-${y}-${y + 1}.csv`);
      expect(fetched.map((f) => f.file)).toEqual(expect.arrayContaining(files));
      expect(notPublished.filter((n) => n.includes('referentieniveaus'))).toEqual(['10.-leerlingen-bo-referentieniveaus-2025-2026.csv']);
      expect(duo.requests.filter((r) => r.includes('referentieniveaus')).sort()).toEqual([...files, '10.-leerlingen-bo-referentieniveaus-2025-2026.csv']);
      // Each of the six indicators from each file.
      const sources = imported.sources.filter((s) => s.key === 'referentieniveaus');
      expect(new Set(sources.map((s) => s.indicator))).toEqual(new Set(REFERENTIENIVEAUS.map((r) => r.indicator)));
      expect([...new Set(sources.flatMap((s) => s.cohorts))].sort()).toEqual(['sj2022-2023', 'sj2023-2024', 'sj2024-2025']);
    } finally {
      await duo.stop();
    }
    const figure = async (indicator: string, cohort: string, area: string) => {
      const row = await t.db
        .selectFrom('measure')
        .select(['numerator', 'denominator'])
        .where('indicator', '=', indicator)
        .where('cohort', '=', cohort)
        .where('area_code', '=', area)
        .where('dimension', '=', 'totaal')
        .executeTakeFirst();
      return row ? `${row.numerator}/${row.denominator}` : null;
    };
    // De Harlekijn 2022-2023, rekenen <5/29/25/0: 1F or higher 54 of 56, 1S 25 of 56 (one "<5" as 2).
    expect(await figure('ref_rekenen_1f', 'sj2022-2023', 'SC00CG00')).toBe('54/56');
    expect(await figure('ref_rekenen_1s', 'sj2022-2023', 'SC00CG00')).toBe('25/56');
    // WereldWijs: no 1F figure of its own (16/17 to 16/20), but it counts in Zoetermeer.
    expect(await figure('ref_rekenen_1f', 'sj2022-2023', 'SC00AP00')).toBeNull();
    expect(await figure('ref_rekenen_1f', 'sj2022-2023', 'GM0637')).toBe('16/18');
    // Rotterdam is its three schools: INOVA, Jan Prins and Prinses Margriet (taalverzorging 2F: 5 + 21 + 20 of 7 + 36 + 47).
    expect(await figure('ref_taal_2f', 'sj2022-2023', 'GM0599')).toBe('46/90');
    // 2024-2025, gemeentenummer "0599": Jan Prins, nothing masked.
    expect(await figure('ref_lezen_2f', 'sj2024-2025', 'SC03DX00')).toBe('26/38');
    const notes = await t.db.selectFrom('dataset').select('notes').where('source', 'like', '%referentieniveaus-2022-2023%').execute();
    expect(notes.map((n) => JSON.stringify(n.notes)).some((n) => /ref_rekenen_1f.*alleen in (hun|haar) gemeente geteld: .*00AP00/.test(n))).toBe(true);
  });

  it('imports the eindscores per toets and year, whatever the layout, and never averages toetsen', async () => {
    const score = (indicator: string, cohort: string, area: string) =>
      t.db
        .selectFrom('measure')
        .select(['numerator', 'denominator'])
        .where('indicator', '=', indicator)
        .where('cohort', '=', cohort)
        .where('area_code', '=', area)
        .where('dimension', '=', 'totaal')
        .executeTakeFirst();
    // 2022-2023 (CET_*, NA): WereldWijs 18 pupils × 533.5; Jenaplanschool De Vlieger has a masked CET mean and 15 × 78.6 on the IEP.
    expect(await score('eindtoets_gemiddelde', 'sj2022-2023', 'SC00AP00')).toEqual({ numerator: 9603, denominator: 18 });
    expect(await score('eindtoets_gemiddelde', 'sj2022-2023', 'SC00BW00')).toBeUndefined();
    expect(await score('eindtoets_iep', 'sj2022-2023', 'SC00BW00')).toEqual({ numerator: 1179, denominator: 15 });
    // 2023-2024 (LIB_*, quoted decimals): WereldWijs 13 × 173.69…; no Centrale Eindtoets any more.
    expect(await score('eindtoets_lib', 'sj2023-2024', 'SC00AP00')).toEqual({ numerator: 2258, denominator: 13 });
    expect(await score('eindtoets_gemiddelde', 'sj2023-2024', 'SC00AP00')).toBeUndefined();
    // A gemeente with schools on two toetsen has a figure per toets, each from its own schools only:
    // Oldambt's Leilinde took the DIA, nobody there the IEP.
    expect(await score('eindtoets_dia', 'sj2023-2024', 'GM1895')).toEqual({ numerator: 2538, denominator: 7 });
    expect(await score('eindtoets_iep', 'sj2023-2024', 'GM1895')).toBeUndefined();
  });

  it('imports over wijk figures of the same indicator in GKA cohorts, and pools the school years apart from them', async () => {
    // A values import that gave slagingspercentage_vo per wijk in two-year GKA cohorts (as the demo of a bench does).
    const cohorts = [2016, 2017, 2018].map((y) => ({
      code: `${y}-${y + 1}`,
      label: `Cohort ${y}-${y + 1}`,
      school_years: [`${y - 1}-${y}`, `${y}-${y + 1}`],
      sort_order: y,
    }));
    await t.db
      .insertInto('cohort')
      .values(cohorts)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await t.db
      .insertInto('area')
      .values([1, 2].map((w) => ({ code: `WK03630${w}`, level: 'wijk' as const, name: `Wijk ${w}`, parent_code: 'GM0363' })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await t.db
      .insertInto('measure')
      .values(
        cohorts.flatMap((c) =>
          ['GM0363', 'WK036301', 'WK036302'].map((area_code, i) => ({
            indicator: 'slagingspercentage_vo',
            cohort: c.code,
            dimension: 'totaal',
            grp: 'totaal',
            area_code,
            numerator: i ? 40 : 80,
            denominator: i ? 50 : 100,
          })),
        ),
      )
      .execute();
    const duo = duoServer();
    const base = await duo.start();
    try {
      await downloadDuo(t.db, { dir: tempDir(), baseUrl: base });
    } finally {
      await duo.stop();
    }
    const pool = await t.db.selectFrom('cohort').select(['code', 'pooled']).where('code', 'like', 'sj%\\_sj%').execute();
    expect(pool).toEqual([{ code: 'sj2014-2015_sj2018-2019', pooled: ['sj2014-2015', 'sj2015-2016', 'sj2016-2017', 'sj2017-2018', 'sj2018-2019'] }]);
  });

  it('with --jaren, fetches and imports only those school years, without the files of other years', async () => {
    const duo = duoServer();
    const base = await duo.start();
    try {
      const { fetched, imported } = await downloadDuo(t.db, { dir: tempDir(), baseUrl: base, years: { from: 2022, to: 2022 } });
      expect(fetched.map((f) => f.file)).not.toContain('examenkandidaten-en-geslaagden-2014-2019.csv');
      expect(fetched.map((f) => f.file)).toContain('04-leerlingen-bo-sbo-schooladviezen-2022-2023.csv');
      expect(fetched.map((f) => f.file)).toContain('10.-leerlingen-bo-referentieniveaus-2022-2023.csv');
      expect(fetched.map((f) => f.file)).not.toContain('10.-leerlingen-bo-referentieniveaus-2023-2024.csv');
      const years = new Set(imported.sources.flatMap((s) => s.cohorts));
      expect(years).toContain('sj2022-2023');
      expect(years).not.toContain('sj2018-2019');
      expect(imported.sources.map((s) => s.indicator)).toEqual(
        expect.arrayContaining(['slagingspercentage_vo', 'advies_havo_vwo_school', 'eindtoets_gemiddelde', 'ref_rekenen_1s']),
      );
    } finally {
      await duo.stop();
    }
  });

  it('changes nothing when one file has another layout, and names the file and the columns it expected', async () => {
    const before = await Promise.all([count(t, 'measure'), count(t, 'dataset'), count(t, 'area')]);
    for (const broken of [
      { file: 'examenkandidaten-en-geslaagden-2019-2024.csv', from: 'GEMEENTENAAM', to: 'GEMEENTE_NAAM', error: /de kolommen "GEMEENTENAAM" ontbreken/ },
      { file: '04-leerlingen-bo-sbo-schooladviezen-2022-2023.csv', from: '"HAVO_VWO"', to: '"HAVO_EN_VWO"', error: /de kolommen "HAVO_VWO" ontbreken/ },
      { file: '10.-leerlingen-bo-referentieniveaus-2023-2024.csv', from: '"LV_2F"', to: '"LEZEN_2F"', error: /de kolommen "LV_2F" ontbreken/ },
      {
        file: '05.-gemiddelde-eindscores-bo-sbo-2023-2024.csv',
        from: '"INSTELLINGSCODE"',
        to: '"INSTELLING"',
        error: /de kolommen "INSTELLINGSCODE" of "BRIN_NUMMER" ontbreken/,
      },
    ]) {
      const duo = duoServer({ broken });
      const base = await duo.start();
      try {
        const attempt = downloadDuo(t.db, { dir: tempDir(), baseUrl: base });
        await expect(attempt).rejects.toThrow(new RegExp(`${broken.file.replaceAll('.', '\\.')}: onbekende indeling`));
        await expect(attempt).rejects.toThrow(broken.error);
        expect(await Promise.all([count(t, 'measure'), count(t, 'dataset'), count(t, 'area')])).toEqual(before);
      } finally {
        await duo.stop();
      }
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

  it('takes only the files of the school years asked for, always the address lists, each under its published name', () => {
    const wanted = duoDownloads({ years: { from: 2019, to: 2022 } });
    const names = wanted.map((d) => d.name);
    expect(names).toContain('examenkandidaten-en-geslaagden-2019-2024.csv');
    expect(names).not.toContain('examenkandidaten-en-geslaagden-2014-2019.csv');
    expect(names).toEqual(expect.arrayContaining(['alle-vestigingen-bo.csv', 'alle-vestigingen-vo.csv']));
    expect(wanted.find((d) => d.key === 'vestigingenBo')!.url).toBe('https://duo.nl/open_onderwijsdata/images/03.-alle-vestigingen-basisonderwijs.csv');
    // Yearly files: the schooladviezen named "04.-" for 2019-2020 and 2020-2021, "04-" since; no eindtoets in 2019-2020.
    expect(names).toEqual(
      expect.arrayContaining([
        '04.-leerlingen-bo-sbo-schooladviezen-2019-2020.csv',
        '04.-leerlingen-bo-sbo-schooladviezen-2020-2021.csv',
        '04-leerlingen-bo-sbo-schooladviezen-2022-2023.csv',
        '05.-gemiddelde-eindscores-bo-sbo-2022-2023.csv',
        '01.-leerlingen-vo-per-vestiging-naar-onderwijstype-2022.csv',
        '10.-leerlingen-bo-referentieniveaus-2022-2023.csv',
      ]),
    );
    // The referentieniveaus are published from 2022-2023 on.
    expect(names.filter((n) => n.includes('referentieniveaus'))).toEqual(['10.-leerlingen-bo-referentieniveaus-2022-2023.csv']);
    expect(names).not.toContain('05.-gemiddelde-eindscores-bo-sbo-2019-2020.csv');
    expect(names).not.toContain('04-leerlingen-bo-sbo-schooladviezen-2023-2024.csv');
    // The pupil file of 2019 is needed by import-duo, so it is not optional; it is fetched once.
    expect(wanted.filter((d) => d.url.endsWith('onderwijstype-2019.csv'))).toMatchObject([{ optional: false }]);
    expect(duoDownloads().every((d) => d.url.startsWith('https://duo.nl/open_onderwijsdata/images/'))).toBe(true);
  });
});
