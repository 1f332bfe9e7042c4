/**
 * Budgets of the school level (BENCHMARKS.md): a national import of all DUO school files (and the CBS
 * achterstandsscores) ≤ 60 s; `/values?level=school&parent=…` uncached p95 ≤ 25 ms at 4 connections.
 *
 * Usage (from bench/): DATABASE_URL=postgres://…/postgres GKA_OPEN_DATA_DIR=../../shared/open-data pnpm schools
 * A scratch database gets the real 2024 boundaries, then `import-duo` twice (fresh, then again over
 * the same keys, as a yearly re-import does) of the real files plus national-size yearly files of
 * every school year (duo-yearly.ts: invented counts for every real basisschool); then the API of api.ts's `serve` mode (a child process,
 * response cache off for the uncached app) is loaded with the schools of every gemeente × every
 * indicator with school values in its latest school year. BENCH_SECONDS per run as in api.ts. Also timed
 * once: the first `/schools/GM0363` after the start, which builds the school bands, and a second one.
 */
import { fork } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { importDuo } from '../api/src/importers/duo/import.ts';
import { importOpenDataBoundaries } from '../api/src/importers/geo/open-data.ts';
import { cannon } from './api.ts';
import { nationalDuoFolder } from './duo-yearly.ts';
import { withScratchDatabase } from './scratch-database.ts';

const openData = path.resolve(process.env.GKA_OPEN_DATA_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../../shared/open-data'));

await withScratchDatabase('gka-bench-schools', async (db, url) => {
  if (!(await importOpenDataBoundaries(db, openData))) throw new Error(`Geen gemeenten_<jaar>.geojson in ${openData}`);
  // The real files plus national-size yearly files of every school year (duo-yearly.ts).
  const folder = await nationalDuoFolder(openData);
  console.log(`DUO folder ${folder}: ${readdirSync(folder).length} files`);
  const times: number[] = [];
  for (const run of ['fresh', 'again']) {
    const started = performance.now();
    const result = await importDuo(db, folder);
    times.push((performance.now() - started) / 1000);
    console.log(
      `import-duo (${run}): ${times.at(-1)!.toFixed(1)} s, ${result.sources.reduce((s, x) => s + x.measures, 0)} measures, ${result.schools.listed} schools listed, ${result.schools.closed.length} closed`,
    );
  }

  const { rows } = await sql<{ indicator: string; cohort: string; parent: string }>`
    select distinct m.indicator, m.cohort, a.parent_code as parent
    from measure m join area a on a.code = m.area_code
    where a.level = 'school' and m.dimension = 'totaal'
      and m.cohort = (select max(cohort) from measure x where x.indicator = m.indicator and x.cohort not like '%\\_%')`.execute(db);
  const paths = rows.map((r) => `/api/v1/values?indicator=${r.indicator}&cohort=${r.cohort}&level=school&parent=${r.parent}`);
  console.log(`${paths.length} distinct URLs (gemeente × indicator with school values, latest school year)`);

  const child = fork(fileURLToPath(new URL('./api.ts', import.meta.url)), ['serve', url], { execArgv: [...process.execArgv, '--expose-gc'] });
  try {
    const [{ bases }] = (await once(child, 'message')) as [{ bases: { hello: string; cached: string; uncached: string } }];
    // The school bands (every school of the country in bands of achterstandsscore, per indicator) are
    // built by the first /schools after a start or an import and then memoised: Amsterdam's schools, cold and warm.
    const bands: string[] = [];
    for (const when of ['cold, first after the start', 'warm']) {
      const started = performance.now();
      const res = await fetch(`${bases.uncached}/api/v1/schools/GM0363`);
      const body = await res.text();
      if (!res.ok) throw new Error(`/schools/GM0363: ${res.status} ${body.slice(0, 200)}`);
      bands.push(
        `| schools of Amsterdam with their bands, ${when} | ${(performance.now() - started).toFixed(0)} ms | | | | | ${(body.length / 1024).toFixed(1)} |`,
      );
    }
    const results = [];
    for (const [name, base, p, light] of [
      ['hello world', bases.hello, ['/hello'], false],
      ['values, schools of one gemeente, uncached, 4 connections', bases.uncached, paths, true],
      ['values, schools of one gemeente, uncached, 64 connections', bases.uncached, paths, false],
    ] as const) {
      await cannon(name, base, [...p], {}, light, true);
      results.push(await cannon(name, base, [...p], {}, light));
    }
    console.log(
      `\n${new Date().toISOString()}, ${cpus().length} cores, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log('| run | req/s | p50 ms | p95 ms | p99 ms | errors | KB/resp |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const r of results)
      console.log(
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors + r.non2xx} | ${(r.bytes / 1024).toFixed(1)} |`,
      );
    for (const line of bands) console.log(line);
    console.log(`| import-duo, national, every file and school year (fresh / again) | ${times.map((t) => `${t.toFixed(1)} s`).join(' / ')} | | | | | |`);
  } finally {
    child.kill();
    rmSync(folder, { recursive: true, force: true });
  }
});
