/**
 * The first screen in a browser: time from navigation start to the first coloured national map on
 * the Kaart (the index route), in Debian's headless Chromium, every visit in a fresh browser context
 * (empty HTTP cache, as a first visit).
 *
 * "Coloured map" is the app's own performance mark `gka:map-coloured`, set by the map component once
 * the frame with every gemeente's colour has been drawn (the SVG map: after the next frame; MapLibre, in a
 * checkout before the SVG map: on its `idle` event). Also reported: first contentful paint (the shell)
 * and the JavaScript transferred until the mark.
 *
 * Before and after in one run: with BENCH_BASELINE (another checkout, dependencies installed) its web
 * app is served as well, each app by its own checkout's API in a child process on the same database,
 * and the visits alternate A B, B A, … so that the drift of a shared machine hits both alike.
 *
 * Usage (from bench/):
 *   DATABASE_URL=postgres://…/postgres [BENCH_DATABASE=gka_bench_map] [BENCH_BASELINE=/path/to/checkout] pnpm first-map
 *   BENCH_DATABASE  created on that server and given the real 2024 boundaries (GKA_OPEN_DATA_DIR, default
 *                   ../../shared/open-data) and the demo values when it holds no gemeenten; kept for the
 *                   next run (default gka_bench_map). The synthetic geometry of api.ts's database does not
 *                   do: a map of 342 triangles says nothing about drawing real boundaries.
 *   BENCH_RUNS      visits per app (default 11); BENCH_PATH the page (default /).
 *   BENCH_NO_BUILD=1  serve the web/dist of each checkout as it is (default: build it first).
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { createDb } from '../api/src/db/connect.ts';
import { migrateToLatest } from '../api/src/db/migrate.ts';
import { importOpenDataBoundaries } from '../api/src/importers/geo/open-data.ts';
import { loadDemo } from '../api/src/importers/demo/load.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const PAGE = process.env.BENCH_PATH ?? '/';
const MARK = 'gka:map-coloured';
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const openData = process.env.GKA_OPEN_DATA_DIR ?? path.resolve(here, '../shared/open-data');
// As the browser tests: software WebGL, nothing in the background.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** The database with national real boundaries and the demo values: made once, then reused. */
async function prepare(adminUrl: string): Promise<string> {
  const name = process.env.BENCH_DATABASE ?? 'gka_bench_map';
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DATABASE: ${name} is no plain database name`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (!(await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), 2);
  try {
    await migrateToLatest(db);
    const count = async () =>
      (
        await sql<{ n: number; bytes: number }>`select count(*)::int as n, coalesce(sum(length(geometry::text)), 0)::int as bytes
          from area where level = 'gemeente'`.execute(db)
      ).rows[0]!;
    let gemeenten = await count();
    if (gemeenten.n === 0) {
      const started = Date.now();
      if (!(await importOpenDataBoundaries(db, openData))) throw new Error(`No gemeenten_<year>.geojson in ${openData}`);
      await loadDemo(url.toString());
      console.log(`Seeded ${name} with the real boundaries and the demo values in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      gemeenten = await count();
    }
    if (gemeenten.n < 300 || gemeenten.bytes < 500_000) {
      throw new Error(`${name} holds ${gemeenten.n} gemeenten in ${gemeenten.bytes} bytes of geometry: not the real national boundaries`);
    }
  } finally {
    await db.destroy();
  }
  return url.toString();
}

/** The child process: one checkout's API, serving that checkout's web/dist. */
async function serve(checkout: string, url: string): Promise<void> {
  const { buildApp } = (await import(path.join(checkout, 'api/src/app.ts'))) as typeof import('../api/src/app.ts');
  const { loadConfig } = (await import(path.join(checkout, 'api/src/config.ts'))) as typeof import('../api/src/config.ts');
  const connect = (await import(path.join(checkout, 'api/src/db/connect.ts'))) as typeof import('../api/src/db/connect.ts');
  const db = connect.createDb(url);
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', GKA_RATE_LIMIT: '0' }), db });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  });
  process.on('disconnect', () => process.exit(1));
  process.send!({ base });
}

async function child(checkout: string, url: string): Promise<{ proc: ChildProcess; base: string }> {
  const proc = fork(fileURLToPath(import.meta.url), ['serve', checkout, url], { execArgv: process.execArgv });
  const [{ base }] = (await once(proc, 'message')) as [{ base: string }];
  return { proc, base };
}

type Visit = { fcp: number; map: number; jsKb: number };

/** One first visit: navigation start → first contentful paint and → the coloured map. */
async function visit(browser: Browser, base: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.goto(base + PAGE, { waitUntil: 'commit' });
    // Observers, not polling: the page does no extra work while it loads. Both entries are awaited:
    // Chromium may report the first contentful paint after the mark of a map drawn in the same frame.
    return await page.evaluate(
      (mark) =>
        new Promise<Visit>((resolve, reject) => {
          const timeout = setTimeout(() => reject(new Error(`no ${mark} within 30 s`)), 30_000);
          const observers: PerformanceObserver[] = [];
          // Inline, not a named function: tsx would wrap that in a helper the page does not have.
          for (const type of ['mark', 'paint']) {
            const observer = new PerformanceObserver(() => {
              const coloured = performance.getEntriesByName(mark)[0];
              const fcp = performance.getEntriesByName('first-contentful-paint')[0];
              if (!coloured || !fcp) return;
              for (const o of observers) o.disconnect();
              clearTimeout(timeout);
              const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
                (r) => /\.m?js$/.test(new URL(r.name).pathname) && r.responseEnd <= coloured.startTime,
              );
              resolve({ fcp: fcp.startTime, map: coloured.startTime, jsKb: js.reduce((s, r) => s + r.encodedBodySize, 0) / 1024 });
            });
            observers.push(observer);
            observer.observe({ type, buffered: true });
          }
        }),
      MARK,
    );
  } finally {
    await context.close();
  }
}

/** A sanity check outside the timed visits: the map on screen has several colours besides its background. */
async function assertColoured(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(base + PAGE);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout: 30_000 });
  const png = await page.getByTestId('map-canvas').first().screenshot();
  const colours = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const counts = new Map<string, number>();
    for (let i = 0; i < d.length; i += 4) counts.set(`${d[i]},${d[i + 1]},${d[i + 2]}`, (counts.get(`${d[i]},${d[i + 1]},${d[i + 2]}`) ?? 0) + 1);
    return [...counts.values()].filter((n) => n > 500).length;
  }, png.toString('base64'));
  await context.close();
  // Background, no-data grey and the five stedelijkheid classes: at least four of them in large areas.
  if (colours < 4) throw new Error(`${base}${PAGE}: the map shows ${colours} colours, not a coloured map`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const spread = (xs: number[], digits = 0) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

async function main() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is needed (see the comment at the top)');
  const url = await prepare(adminUrl);
  const baseline = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : undefined;
  const sides = [{ name: 'A', checkout: here }, ...(baseline ? [{ name: 'B', checkout: baseline }] : [])];
  if (!process.env.BENCH_NO_BUILD) {
    for (const s of sides) {
      execFileSync(path.join(s.checkout, 'web/node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
        cwd: path.join(s.checkout, 'web'),
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      });
    }
  }
  const servers = await Promise.all(sides.map((s) => child(s.checkout, url)));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const chromiumVersion = browser.version();
  try {
    // Unrecorded: the API's response cache and Postgres warm, and the check that the map is coloured.
    for (const s of servers) {
      await assertColoured(browser, s.base);
      await visit(browser, s.base);
    }
    const load = loadavg()[0]!.toFixed(2);
    const visits: Visit[][] = sides.map(() => []);
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 ? [...sides.keys()].reverse() : [...sides.keys()];
      for (const k of order) visits[k]!.push(await visit(browser, servers[k]!.base));
    }
    const model = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? '?';
    console.log(
      [
        `date ${new Date().toISOString()}; ${cpus().length} cores (${model}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; Chromium ${chromiumVersion}`,
        `load average (1 min) before ${load}, after ${loadavg()[0]!.toFixed(2)}; ${RUNS} visits per app of ${PAGE}, 1400 × 1000, fresh context each`,
        ...sides.map((s) => `${s.name} = ${s.checkout}`),
        '',
        '| app | first contentful paint ms, median (min–max) | coloured map ms, median (min–max) | JS transferred until then, KB |',
        '|---|---:|---:|---:|',
        ...sides.map((s, k) => {
          const v = visits[k]!;
          return `| ${s.name} | ${median(v.map((x) => x.fcp)).toFixed(0)} (${spread(v.map((x) => x.fcp))}) | ${median(v.map((x) => x.map)).toFixed(0)} (${spread(v.map((x) => x.map))}) | ${median(v.map((x) => x.jsKb)).toFixed(0)} |`;
        }),
      ].join('\n'),
    );
    if (sides.length === 2) {
      const ratio = (key: 'fcp' | 'map') => visits[0]!.map((a, i) => a[key] / visits[1]![i]![key]);
      console.log(
        `\nA/B, median of the pairwise ratios (min–max): first contentful paint ${median(ratio('fcp')).toFixed(2)} (${spread(ratio('fcp'), 2)}), coloured map ${median(ratio('map')).toFixed(2)} (${spread(ratio('map'), 2)})`,
      );
    }
  } finally {
    await browser.close();
    for (const s of servers) s.proc.send('stop');
    await Promise.all(servers.map((s) => once(s.proc, 'exit')));
  }
}

if (process.argv[2] === 'serve') await serve(process.argv[3]!, process.argv[4]!);
else await main();
