/**
 * National-size timing of `gka demo`: all 342 gemeenten and 3,474 wijken of 2024, 6 cohorts ×
 * 9 indicators × 12 groups ≈ 2.5M measure rows.
 * Usage (from bench/): DATABASE_URL=postgres://…/postgres pnpm demo   (or without DATABASE_URL: an
 * embedded Postgres in a temp dir). Boundaries come from GKA_OPEN_DATA_DIR, default ../../shared/open-data.
 * Creates a scratch database, times the pure generation, a first load and a re-run (which replaces
 * the first), and drops the database again.
 */
import { fileURLToPath } from 'node:url';
import { demoRows, generateDemo } from '../api/src/importers/demo/generate.ts';
import { DEFAULT_SEED, loadDemo } from '../api/src/importers/demo/load.ts';
import { importOpenDataBoundaries } from '../api/src/importers/geo/open-data.ts';
import { withScratchDatabase } from './scratch-database.ts';

const openData = process.env.GKA_OPEN_DATA_DIR ?? fileURLToPath(new URL('../../shared/open-data/', import.meta.url));

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function main() {
  await withScratchDatabase('gka-bench-demo', async (db, url) => {
    const geo = await importOpenDataBoundaries(db, openData);
    if (!geo) throw new Error(`Geen gemeenten_<jaar>.geojson in ${openData}`);
    console.log(`Grenzen: ${geo.counts.gemeente} gemeenten, ${geo.counts.wijk} wijken`);

    const areas = (await db.selectFrom('area').select(['code', 'level', 'parent_code', 'inwoners', 'attributes']).execute()).map((a) => ({
      code: a.code,
      level: a.level,
      parentCode: a.parent_code,
      inwoners: a.inwoners,
      attributes: a.attributes,
    }));
    let started = performance.now();
    const data = generateDemo(areas, DEFAULT_SEED);
    let rows = 0;
    for (const _ of demoRows(data)) rows++;
    console.log(`Generatie (zuiver, zonder database): ${rows.toLocaleString('nl-NL')} rijen in ${seconds(started)} s`);

    for (const run of ['eerste load', 'opnieuw (vervangt de vorige)']) {
      started = performance.now();
      const result = await loadDemo(url);
      console.log(`gka demo, ${run}: ${result.rows.toLocaleString('nl-NL')} rijen in ${seconds(started)} s`);
    }
  });
}

await main();
