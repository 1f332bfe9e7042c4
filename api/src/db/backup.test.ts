import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { migrations } from '@gka/migrations';
import { backupCommand, restoreCommand } from '../cli/backup.ts';
import { REPO_ROOT } from '../config.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { testConfig } from '../test/config.ts';
import { seed } from '../test/seed.ts';
import { addAccount } from '../auth/accounts.ts';
import { writeItem } from '../queries/dossier.ts';
import { chooseTools, findTools, missingToolsMessage, parseToolMajor, restorableEntries, toolConnection, toolsFor } from './backup.ts';
import { EMBEDDED_POSTGRES_MAJOR } from './embedded.ts';
import { freePort } from '../test/free-port.ts';
import { migrateToLatest } from './migrate.ts';
import { openDatabase } from './open.ts';

describe('finding pg_dump for the server', () => {
  it('reads the major version of a program, and takes the same major version first, else the nearest newer one', () => {
    expect(parseToolMajor('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)')).toBe(15);
    expect(parseToolMajor('pg_restore (PostgreSQL) 18beta1')).toBe(18);
    expect(parseToolMajor('iets anders 17.1')).toBeUndefined();
    const found = [
      { dir: '/a', major: 18 },
      { dir: '/b', major: 15 },
      { dir: '/c', major: 17 },
    ];
    expect(chooseTools(found, 17)).toEqual({ dir: '/c', major: 17 });
    expect(chooseTools(found, 16)).toEqual({ dir: '/c', major: 17 });
    expect(chooseTools(found, 14)).toEqual({ dir: '/b', major: 15 });
    // pg_dump refuses a server newer than itself: a server 17 with only Debian's 15.
    expect(chooseTools([{ dir: '/usr/lib/postgresql/15/bin', major: 15 }], 17)).toBeUndefined();
    expect(missingToolsMessage('backup', 17, [{ dir: '/usr/lib/postgresql/15/bin', major: 15 }])).toBe(
      'Een back-up vraagt pg_dump van PostgreSQL 17 of nieuwer: de database draait op PostgreSQL 17, en pg_dump weigert een server die nieuwer is dan zichzelf. ' +
        'Gevonden op deze machine: PostgreSQL 15 (/usr/lib/postgresql/15/bin). ' +
        "Installeer de clientprogramma's van PostgreSQL 17 (Debian en Ubuntu: het pakket postgresql-client-17, uit de apt-repository van PostgreSQL als de distributie het niet heeft; " +
        'macOS: brew install postgresql@17) en wijs hun map aan met GKA_PG_BIN, bijvoorbeeld GKA_PG_BIN=/usr/lib/postgresql/17/bin.',
    );
  });

  it("restores neither the schema public itself nor an extension's own table data", () => {
    const list = [
      ';     Format: CUSTOM',
      '8; 2615 2200 SCHEMA - public pg_database_owner',
      '4717; 0 0 COMMENT - SCHEMA public pg_database_owner',
      '2; 3079 34978 EXTENSION - citext ',
      '3654; 0 0 COMMENT - EXTENSION citext ',
      '288; 1259 31419 TABLE public cohort postgres',
      '4462; 0 28448 TABLE DATA public spatial_ref_sys postgres',
      '4470; 0 31419 TABLE DATA public cohort postgres',
    ].join('\n');
    expect(restorableEntries(list).split('\n')).toEqual([
      ';     Format: CUSTOM',
      '2; 3079 34978 EXTENSION - citext ',
      '288; 1259 31419 TABLE public cohort postgres',
      '4470; 0 31419 TABLE DATA public cohort postgres',
    ]);
  });

  it('hands the password over in the environment, never on the command line', () => {
    expect(toolConnection('postgres://gka:ge%40heim@db:5433/gka?sslmode=require')).toEqual({
      dbname: 'postgres://gka@db:5433/gka?sslmode=require',
      env: { PGPASSWORD: 'ge@heim' },
    });
    expect(toolConnection('postgresql://gka@db/gka?password=geheim&options=-c%20x%3Dy')).toEqual({
      dbname: 'postgresql://gka@db/gka?options=-c%20x%3Dy',
      env: { PGPASSWORD: 'geheim' },
    });
    expect(toolConnection('postgres://postgres@127.0.0.1:5432/test')).toEqual({ dbname: 'postgres://postgres@127.0.0.1:5432/test', env: {} });
  });
});

/** Row count and a checksum of all rows of every table in `public`, whatever tables the schema has. */
async function everyTable(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string }>("select tablename as t from pg_tables where schemaname = 'public' order by 1");
    const out: Record<string, string> = {};
    for (const { t } of rows) {
      const { rows: r } = await client.query<{ n: string; h: string }>(
        `select count(*) as n, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as h from public."${t}" x`,
      );
      out[t] = `${r[0]!.n} rijen, ${r[0]!.h}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

// The test server's own major version decides; without matching client programs (a server 17 beside Debian's 15) there is nothing to run.
const toolsMissing = await Promise.all([toolsFor('backup', inject('adminDatabaseUrl')), toolsFor('restore', inject('adminDatabaseUrl'))]).then(
  () => undefined,
  (e: Error) => e.message,
);
if (toolsMissing) console.warn(`backup.test.ts: overgeslagen: ${toolsMissing}`);

describe.skipIf(toolsMissing)('pnpm gka backup and restore', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  const said: string[] = [];
  const ctx = (t: TestDatabase, pgBin?: string) => {
    const config = testConfig({ databaseUrl: t.url, pgBin });
    return { open: () => openDatabase(config, () => {}, { migrate: false }), log: (m: string) => said.push(m), config };
  };

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase({ migrate: false })]);
    await seed(source.db);
    // A table on an extension, as the werkruimte might have (an e-mail column of citext): the backup brings the extension along.
    await sql`create extension if not exists citext`.execute(source.db);
    await sql`create table notitie (email citext primary key)`.execute(source.db);
    await sql`insert into notitie values ('Regio@Voorbeeld.nl')`.execute(source.db);
    // The werkruimte: an account, and a dossier item of each kind with a second version and the audit log.
    const { id } = await addAccount(source.db, {
      email: 'regio@gka.test',
      role: 'beheerder',
      gemeenten: [],
      groepen: [],
      password: 'Zomer-aan-de-Dommel-2026',
    });
    const account = { id, email: 'regio@gka.test', role: 'beheerder' as const, gemeenten: [], groepen: [] };
    for (const [collection, content] of [
      ['duidingen', { indicator: 'advies_havo_vwo', cohort: null, wijk: null, school: null, tekst: 'Duiding' }],
      ['gesprekken', { datum: '2026-12-01', deelnemers: [{ naam: 'A', rol: 'B' }], samenvatting: 'Gesprek', indicatoren: [] }],
      ['afspraken', { wat: 'Afspraak', wie: 'Gemeente', deadline: '2027-01-01', status: 'open', gesprek: null }],
      [
        'interventies',
        { naam: 'Zomerschool', beschrijving: '', doelgroep: '', start: '2026-07-01', eind: null, indicatoren: [], wijken: [], scholen: [], deelbaar: true },
      ],
    ] as const) {
      const written = await writeItem(source.db, account, { gemeente: 'GM0001', collection }, 'aangemaakt', content);
      await writeItem(source.db, account, { gemeente: 'GM0001', collection, id: written!.id }, 'gewijzigd', content);
    }
    dir = mkdtempSync(path.join(tmpdir(), 'gka-backup-'));
  });
  afterAll(async () => {
    await Promise.all([source?.drop(), target?.drop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips every row of every table into an empty database, and refuses a second restore', async () => {
    const file = path.join(dir, 'gka.dump');
    await backupCommand([file], ctx(source));
    const last = Object.keys(migrations).at(-1)!;
    expect(said.at(-1)).toMatch(
      new RegExp(`^Back-up geschreven: ${file} \\(\\d+(,\\d)? kB\\): \\d+ tabellen, ${Object.keys(migrations).length} migraties t/m ${last}, 1 dataset\\.$`),
    );
    expect(readdirSync(dir)).toEqual(['gka.dump']);

    const before = await everyTable(source.url);
    expect(Number.parseInt(before.measure!)).toBeGreaterThan(0);
    expect([before.dossier_item, before.dossier_version, before.account].map((v) => Number.parseInt(v!))).toEqual([4, 8, 1]);
    // Through the CLI itself: its usual start migrates, which would fill the empty database before the restore looks.
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'restore', file], {
      cwd: path.join(REPO_ROOT, 'api'),
      env: { ...process.env, DATABASE_URL: target.url },
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toMatch(/\nTeruggezet uit .*gka\.dump \(\d+(,\d)? kB\): \d+ tabellen, \d+ migraties t\/m .*, 1 dataset\.\n$/);
    // Generic over public, so the werkruimte's tables (dossier…, gebruiker…, audit…) are compared as soon as they exist.
    expect(await everyTable(target.url)).toEqual(before);

    await expect(restoreCommand([file], ctx(target))).rejects.toThrow(/is niet leeg \(.*\)\. .*--overschrijven vervangt alles .* Er is niets gewijzigd\./);
    const notADump = path.join(dir, 'waarden.csv');
    writeFileSync(notADump, 'gebiedcode;cohort\nGM0001;2020-2021\n');
    await expect(restoreCommand([notADump, '--overschrijven'], ctx(target))).rejects.toThrow(
      `${notADump} is geen back-up in het custom-formaat van pg_dump (zoals pnpm gka backup die maakt): het begint niet met PGDMP. Er is niets gewijzigd.`,
    );
    // A file cut short fails halfway through the restore, after the tables in public were dropped in the same transaction.
    const cut = path.join(dir, 'afgebroken.dump');
    writeFileSync(cut, readFileSync(file));
    truncateSync(cut, statSync(file).size - 100);
    await expect(restoreCommand([cut, '--overschrijven'], ctx(target))).rejects.toThrow(/^Terugzetten mislukt, er is niets gewijzigd: pg_restore meldde: /);
    expect(await everyTable(target.url)).toEqual(before);
  });

  it('with --overschrijven replaces everything by an older backup, which is then migrated', async () => {
    const old = await createTestDatabase({ migrate: false });
    try {
      const names = Object.keys(migrations);
      const upTo = names.indexOf('0010_pooled_periods') + 1;
      await migrateToLatest(old.db, Object.fromEntries(names.slice(0, upTo).map((n) => [n, migrations[n]!])));
      await sql`insert into cohort (code, label) values ('oud', 'Cohort uit de oude back-up')`.execute(old.db);
      const file = path.join(dir, 'oud.dump');
      await backupCommand([file], ctx(old));
      expect(said.at(-1)).toContain(`${upTo} migraties t/m 0010_pooled_periods, 0 datasets.`);

      // The target holds the seed, every newer table and more: all of it goes, and the newer migrations run again.
      await sql`create type soort as enum ('a', 'b')`.execute(target.db);
      await sql`create view notitie_adressen as select email from notitie`.execute(target.db);
      await sql`create function een() returns int language sql as 'select 1'`.execute(target.db);
      await restoreCommand([file, '--overschrijven'], ctx(target));
      const after = await everyTable(target.url);
      expect(Object.keys(after)).toEqual(Object.keys(await everyTable(source.url)).filter((t) => t !== 'notitie'));
      const { rows: left } = await sql<{ n: string }>`
        select (select count(*) from pg_type where typname = 'soort') + (select count(*) from pg_class where relname = 'notitie_adressen')
          + (select count(*) from pg_proc where proname = 'een') as n`.execute(target.db);
      expect(Number(left[0]!.n)).toBe(0);
      expect(after.measure).toMatch(/^0 rijen/);
      expect(after.dataset).toMatch(/^0 rijen/);
      const cohorts = await target.db.selectFrom('cohort').select('code').execute();
      expect(cohorts.map((c) => c.code)).toContain('oud');
      expect(cohorts.map((c) => c.code)).not.toContain('2020-2021');
      const { rows: applied } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(target.db);
      expect(applied.map((r) => r.name)).toEqual(names);
    } finally {
      await old.drop();
    }
  });

  it('leaves an earlier backup in place when pg_dump fails halfway', async () => {
    const file = path.join(dir, 'vorige.dump');
    writeFileSync(file, 'PGDMP de vorige back-up');
    // A pg_dump that writes half a file and fails, as on a full disk or a lost connection.
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    const fake = path.join(bin, 'pg_dump');
    writeFileSync(
      fake,
      `#!/bin/sh\nif [ "$1" = --version ]; then echo 'pg_dump (PostgreSQL) 99.0'; exit 0; fi\n` +
        `for a; do case "$a" in --file=*) printf PGDMP-half > "\${a#--file=}";; esac; done\necho 'pg_dump: error: schijf vol' >&2; exit 1\n`,
    );
    chmodSync(fake, 0o755);
    await expect(backupCommand([file], ctx(source, bin))).rejects.toThrow(
      'De back-up is niet gemaakt: pg_dump 99 (' + bin + ') meldde: pg_dump: error: schijf vol',
    );
    expect(readFileSync(file, 'utf8')).toBe('PGDMP de vorige back-up');
    expect(readdirSync(dir).filter((f) => f.endsWith('.deel'))).toEqual([]);
  });
});

const embeddedToolsMissing = await findTools('backup').then((found) =>
  chooseTools(found, EMBEDDED_POSTGRES_MAJOR) ? undefined : missingToolsMessage('backup', EMBEDDED_POSTGRES_MAJOR, found),
);
if (embeddedToolsMissing)
  console.warn(`backup.test.ts (ingebouwd): ${process.env.GKA_REQUIRE_PG_CLIENT ? 'mislukt' : 'overgeslagen'}: ${embeddedToolsMissing}`);

// Skipped on a machine without client programs, but not in CI (GKA_REQUIRE_PG_CLIENT), which installs Debian's.
describe.skipIf(embeddedToolsMissing && !process.env.GKA_REQUIRE_PG_CLIENT)('pnpm gka backup and restore of the embedded database', () => {
  it('backs it up with the client programs of the machine, and a restore brings every dossier item back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gka-embedded-backup-'));
    const config = testConfig({ dataDir: dir, embeddedPort: await freePort(), databaseUrl: undefined });
    const said: string[] = [];
    const ctx = { open: () => openDatabase(config, () => {}, { migrate: false }), log: (m: string) => said.push(m), config };
    const target = await createTestDatabase({ migrate: false });
    try {
      const embedded = await openDatabase(config);
      let before: Record<string, string>;
      try {
        const { id } = await addAccount(embedded.db, {
          email: 'beheer@gka.test',
          role: 'beheerder',
          gemeenten: [],
          groepen: [],
          password: 'Zomer-aan-de-Dommel-2026',
        });
        const account = { id, email: 'beheer@gka.test', role: 'beheerder' as const, gemeenten: [], groepen: [] };
        const duiding = { indicator: 'advies_havo_vwo', cohort: null, wijk: null, school: null, tekst: 'De daling volgt op de sluiting van een school.' };
        await writeItem(embedded.db, account, { gemeente: 'GM0855', collection: 'duidingen' }, 'aangemaakt', duiding);
        before = await everyTable(embedded.url);
      } finally {
        await embedded.close();
      }
      const file = path.join(dir, 'ingebouwd.dump');
      await backupCommand([file], ctx);
      expect(said.join('\n')).toContain(`Back-up van de ingebouwde database in ${dir} met pg_dump ${EMBEDDED_POSTGRES_MAJOR}`);
      expect(Number.parseInt(before.dossier_item!)).toBe(1);

      const into = testConfig({ databaseUrl: target.url });
      await restoreCommand([file], { open: () => openDatabase(into, () => {}, { migrate: false }), log: (m) => said.push(m), config: into });
      expect(await everyTable(target.url)).toEqual(before);
      const { rows } = await sql<{ tekst: string }>`select content->>'tekst' as tekst from dossier_item`.execute(target.db);
      expect(rows).toEqual([{ tekst: 'De daling volgt op de sluiting van een school.' }]);
    } finally {
      await target.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
