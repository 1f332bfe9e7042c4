import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIMENSIONS } from '@gka/shared';
import { REPO_ROOT } from '../config.ts';
import { importFixtureRegion } from '../importers/geo/fixtures.ts';
import { importValues } from '../importers/values/import.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';

let t: TestDatabase;
const dir = mkdtempSync(path.join(tmpdir(), 'gka-killed-'));
beforeAll(async () => {
  t = await createTestDatabase();
  await importFixtureRegion(t.db);
  await importValues(t.url, path.join(REPO_ROOT, 'fixtures/values.csv'));
});
afterAll(async () => {
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything an import can change, as one comparable value. */
async function snapshot(db: TestDatabase['db']) {
  const measures = await sql<{ digest: string; n: number }>`
    select md5(string_agg(concat_ws(';', indicator, cohort, dimension, grp, area_code, numerator, denominator), '|'
      order by indicator, cohort, dimension, area_code, grp)) as digest, count(*)::int as n from measure`.execute(db);
  const cohorts = await db.selectFrom('cohort').select('code').orderBy('code').execute();
  const datasets = await db.selectFrom('dataset').select(['id', 'kind']).orderBy('id').execute();
  return { measures: measures.rows[0], cohorts, datasets };
}

/** A large, valid file over the fixture areas: many cohorts, and the fixture's own keys with other counts. */
async function writeLargeFile(file: string, areas: string[]): Promise<number> {
  const out = createWriteStream(file);
  out.write('gebiedcode;cohort;indicator;dimensie;groep;teller;noemer\n');
  let rows = 0;
  for (let year = 1800; year < 2030; year++) {
    for (const area of areas) {
      for (const indicator of ['advies_havo_vwo', 'zittenblijven', 'opleidingsmobiliteit']) {
        for (const [dimension, groups] of Object.entries(DIMENSIONS)) {
          for (const group of groups) {
            if (!out.write(`${area};${year}-${year + 1};${indicator};${dimension};${group};1;3\n`)) await once(out, 'drain');
            rows++;
          }
        }
      }
    }
  }
  out.end();
  await once(out, 'close');
  return rows;
}

describe('an import killed halfway', () => {
  it('leaves the previous data intact, and the next import works', async () => {
    const before = await snapshot(t.db);
    expect(before.measures!.n).toBeGreaterThan(100);
    const areas = (await t.db.selectFrom('area').select('code').where('level', '!=', 'land').execute()).map((a) => a.code);
    const file = path.join(dir, 'groot.csv');
    expect(await writeLargeFile(file, areas)).toBeGreaterThan(150_000);

    // node itself with tsx as a loader: the tsx binary would run the CLI in a grandchild that SIGKILL misses.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'import-values', file], {
      cwd: path.join(REPO_ROOT, 'api'),
      env: { ...process.env, DATABASE_URL: t.url },
      stdio: 'ignore',
    });
    const exited = once(child, 'exit');
    let finished = false;
    void exited.then(() => (finished = true));

    // Kill it once Postgres is receiving its rows: the transaction is open and half written.
    const dbName = new URL(t.url).pathname.slice(1);
    for (;;) {
      if (finished) throw new Error('de import was klaar voordat hij kon worden afgebroken; maak het bestand groter');
      const { rows } = await sql<{ n: number }>`
        select coalesce(max(tuples_processed), 0)::int as n from pg_stat_progress_copy where datname = ${dbName}`.execute(t.db);
      if (rows[0]!.n > 10_000) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    await exited;

    // Postgres rolls back once it notices the client is gone.
    for (let i = 0; i < 200; i++) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid()
          and state <> 'idle' and backend_type = 'client backend'`.execute(t.db);
      if (rows[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await snapshot(t.db)).toEqual(before);

    // No lock or half state is left behind: the same fixture import runs again.
    await importValues(t.url, path.join(REPO_ROOT, 'fixtures/values.csv'));
    expect((await snapshot(t.db)).measures).toEqual(before.measures);
  });
});
