/**
 * Budget (BENCHMARKS.md): a national values CSV (≈3M rows) imports in ≤ 60 s.
 * Usage: DATABASE_URL=postgres://…/postgres npx tsx bench/import-values.ts   (run from api/)
 * Creates a scratch database and a scratch CSV (all areas × 6 cohorts × all indicators × all
 * groups, synthetic area codes of national size), imports it twice (fresh, then re-import of the
 * same keys) and drops both again.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { DIMENSIONS } from '../shared/src/domain.ts';
import { createDb } from '../api/src/db/connect.ts';
import { migrateToLatest } from '../api/src/db/migrate.ts';
import { importValues } from '../api/src/importers/values/import.ts';

// bench/ is no workspace package: take pg from the api package that owns it.
type AdminClient = { connect(): Promise<void>; query(sql: string): Promise<unknown>; end(): Promise<void> };
const pg = createRequire(new URL('../api/package.json', import.meta.url))('pg') as { Client: new (c: { connectionString: string }) => AdminClient };

const GEMEENTEN = 342;
const WIJKEN_PER_GEMEENTE = 10; // 3,420 wijken, close to the 3,474 of 2024
const COHORTS = ['2018-2019', '2019-2020', '2020-2021', '2021-2022', '2022-2023', '2023-2024'];

async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

async function writeCsv(file: string, areas: string[], indicators: { code: string; unit: string }[]): Promise<number> {
  const out = createWriteStream(file);
  out.write('gebiedcode;cohort;indicator;dimensie;groep;teller;noemer\n');
  let rows = 0;
  let seed = 1;
  for (const area of areas) {
    let chunk = '';
    for (const cohort of COHORTS) {
      for (const { code, unit } of indicators) {
        for (const [dimension, groups] of Object.entries(DIMENSIONS)) {
          for (const group of groups) {
            seed = (seed * 48271) % 2147483647;
            const denominator = 20 + (seed % 400);
            const numerator = unit === 'gemiddelde' ? denominator * 535 : seed % (denominator + 1);
            chunk += `${area};${cohort};${code};${dimension};${group};${numerator};${denominator}\n`;
            rows++;
          }
        }
      }
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

async function main() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('Zet DATABASE_URL op een Postgres-server waarop een database gemaakt mag worden.');
  const name = `gka_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'gka-bench-values-'));
  await admin(adminUrl, `create database ${name}`);
  const db = createDb(url.toString(), 2);
  try {
    await migrateToLatest(db);
    const gemeenten = Array.from({ length: GEMEENTEN }, (_, g) => `GM${String(g + 1).padStart(4, '0')}`);
    const wijken = gemeenten.flatMap((gm) => Array.from({ length: WIJKEN_PER_GEMEENTE }, (_, w) => `WK${gm.slice(2)}${String(w + 1).padStart(2, '0')}`));
    await db
      .insertInto('area')
      .values(gemeenten.map((code) => ({ code, level: 'gemeente' as const, name: code, parent_code: 'NL01' })))
      .execute();
    for (let i = 0; i < wijken.length; i += 1000) {
      await db
        .insertInto('area')
        .values(wijken.slice(i, i + 1000).map((code) => ({ code, level: 'wijk' as const, name: code, parent_code: `GM${code.slice(2, 6)}` })))
        .execute();
    }
    const indicators = await db.selectFrom('indicator').select(['code', 'unit']).execute();
    const file = path.join(dir, 'waarden-nationaal.csv');
    const rows = await writeCsv(file, ['NL01', ...gemeenten, ...wijken], indicators);
    console.log(`Bestand: ${rows.toLocaleString('nl-NL')} rijen, ${(statSync(file).size / 1e6).toFixed(0)} MB`);
    for (const run of ['eerste import', 'herimport (zelfde sleutels)']) {
      const started = performance.now();
      let read = 0;
      await importValues(url.toString(), file, { onReplace: () => (read = (performance.now() - started) / 1000) });
      const seconds = (performance.now() - started) / 1000;
      console.log(`  lezen, controleren en COPY: ${read.toFixed(1)} s; vervangen in measure: ${(seconds - read).toFixed(1)} s`);
      // Other work on the machine slows this down; the load average says how much there was.
      const load = loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
      console.log(
        `${run}: ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('nl-NL')} rijen/s (budget 60 s; load average ${load} op ${cpus().length} cores)`,
      );
    }
  } finally {
    await db.destroy();
    await admin(adminUrl, `drop database if exists ${name} with (force)`);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
