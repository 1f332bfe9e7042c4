/**
 * SPEC §7 API budgets at national scale: wijk-level `values` p95 ≤ 25 ms, `trend`/`profile` p95 ≤ 50 ms,
 * zero errors at 64 connections, cached JSON ≥ 25% of a hello-world Fastify's throughput.
 *
 * Usage: pnpm bench   (DATABASE_URL: a server where it may create a scratch database; a database that
 * already holds national data is used as is; without DATABASE_URL an embedded Postgres in a temp dir.)
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 64) bound each run; BENCH_KEEP=1 keeps the
 * scratch database for later runs.
 *
 * autocannon reports p97.5, not p95: every response time is recorded and p50/p95/p99 are exact.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../api/src/app.ts';
import { loadConfig } from '../api/src/config.ts';
import { createDb, type Db } from '../api/src/db/connect.ts';
import { startEmbeddedPostgres } from '../api/src/db/embedded.ts';
import { migrateToLatest } from '../api/src/db/migrate.ts';
import { valueFilterSql, valuesSql } from '../api/src/queries/values.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const MIN_CELL = 10;

type Result = { name: string; rps: number; p50: number; p95: number; p99: number; errors: number; requests: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarise(name: string, latencies: number[], seconds: number, errors: number): Result {
  const sorted = Float64Array.from(latencies).sort();
  const s = Array.from(sorted);
  return { name, rps: latencies.length / seconds, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), errors, requests: latencies.length };
}

/** One bounded autocannon run over a rotating list of paths; errors = transport errors + non-2xx. */
async function cannon(name: string, base: string, paths: string[]): Promise<Result> {
  const latencies: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections: CONNECTIONS, duration: SECONDS, requests: paths.map((p) => ({ method: 'GET' as const, path: p })) },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return summarise(name, latencies, r.duration, r.errors + r.timeouts + r.non2xx);
}

/** The bare values SQL through a pg pool, as many loops as connections: the floor under the API. */
async function rawSql(url: string, queries: { text: string; values: unknown[] }[]): Promise<Result> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + SECONDS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, i) => {
      for (let n = i; Date.now() < end; n++) {
        const q = queries[n % queries.length]!;
        const t0 = performance.now();
        try {
          await pool.query(q.text, q.values);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  await pool.end();
  return summarise('values SQL only (pg pool)', latencies, (Date.now() - started) / 1000, errors);
}

async function hasNationalData(db: Db): Promise<boolean> {
  const { rows } = await sql<{ gemeenten: number; measures: number }>`
    select (select count(*) from area where level = 'gemeente')::int as gemeenten,
      (select count(*) from measure)::int as measures`.execute(db).catch(() => ({ rows: [] as { gemeenten: number; measures: number }[] }));
  return (rows[0]?.gemeenten ?? 0) >= 300 && (rows[0]?.measures ?? 0) >= 1_000_000;
}

/**
 * National-size synthetic data, generated inside Postgres: 342 gemeenten × 10 wijken, 6 cohorts,
 * every indicator and breakdown group ≈ 3.2M measure rows, a few percent of wijk cells below 10.
 */
async function seedNational(db: Db): Promise<void> {
  await sql`insert into dataset (kind, source, row_count, synthetic) values ('values', 'bench/api.ts', 0, true)`.execute(db);
  await sql`insert into area (code, level, name, parent_code, stedelijkheid, inwoners, provincie, gka_lid, geometry)
    select 'GM' || lpad(g::text, 4, '0'), 'gemeente', 'Gemeente ' || g, 'NL01', 1 + g % 5, 10000 + g * 300, 'Provincie ' || (g % 12),
      g % 3 = 0, json_build_object('type', 'Polygon', 'coordinates', json_build_array(json_build_array(
        json_build_array(3 + g % 20 * 0.2, 50 + g / 20 * 0.2), json_build_array(3.2 + g % 20 * 0.2, 50 + g / 20 * 0.2),
        json_build_array(3.2 + g % 20 * 0.2, 50.2 + g / 20 * 0.2), json_build_array(3 + g % 20 * 0.2, 50 + g / 20 * 0.2))))::jsonb
    from generate_series(1, 342) g`.execute(db);
  await sql`insert into area (code, level, name, parent_code, provincie, geometry)
    select 'WK' || substr(a.code, 3) || lpad(w::text, 2, '0'), 'wijk', a.name || ' wijk ' || w, a.code, a.provincie, a.geometry
    from area a, generate_series(0, 9) w where a.level = 'gemeente'`.execute(db);
  await sql`insert into cohort (code, label, school_years, covid, sort_order)
    select y || '-' || (y + 1), 'Cohort ' || y || '-' || (y + 1), array[y || '-' || (y + 1)], y = 2020, y
    from generate_series(2016, 2021) y`.execute(db);
  // FK checks per row would dominate; the generated keys are valid by construction.
  await sql`set session_replication_role = replica`.execute(db).catch(() => {});
  await sql`insert into measure (indicator, cohort, dimension, grp, area_code, numerator, denominator)
    select i.code, c.code, b.dimension, b.grp, a.code, floor(d.den * p.p)::bigint, d.den
    from area a cross join cohort c cross join indicator i cross join breakdown_group b
    cross join lateral (select case a.level
        when 'land' then 150000 + (hashtext(c.code || i.code) & 1023)
        when 'gemeente' then 40 + (hashtext(a.code || c.code || i.code || b.grp) & 2047)
        else 3 + (hashtext(a.code || c.code || i.code || b.grp) & 255) end
      / case when b.dimension = 'totaal' then 1 else 3 end as den) d
    cross join lateral (select 0.2 + 0.6 * ((hashtext(a.code || i.code || b.grp) & 1023) / 1023.0) as p) p`.execute(db);
  await sql`set session_replication_role = default`.execute(db).catch(() => {});
  await sql`analyze`.execute(db);
}

function table(results: Result[], hello: Result): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number, d = 1) => x.toFixed(d).padStart(8);
  console.log(`\n${pad('run', 44)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'errors'.padStart(8)}${'× hello'.padStart(9)}`);
  for (const r of results) {
    console.log(`${pad(r.name, 44)}${num(r.rps, 0)}${num(r.p50)}${num(r.p95)}${num(r.p99)}${String(r.errors).padStart(8)}${(r.rps / hello.rps).toFixed(2).padStart(9)}`);
  }
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per run, ${new Date().toISOString()}`);
}

async function main() {
  let adminUrl = process.env.DATABASE_URL;
  let embedded: { stop: () => Promise<void>; dir: string } | undefined;
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), 'gka-bench-pg-'));
    const server = await startEmbeddedPostgres(dir, 56000 + Math.floor(Math.random() * 2000));
    adminUrl = server.url;
    embedded = { stop: server.stop, dir };
  }

  let url = adminUrl;
  let scratch: string | undefined;
  const probe = createDb(adminUrl, 2);
  const national = await hasNationalData(probe);
  await probe.destroy();
  if (!national) {
    scratch = `gka_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${scratch}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${scratch}`;
    url = u.toString();
    const db = createDb(url, 2);
    const t0 = Date.now();
    await migrateToLatest(db);
    await seedNational(db);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from measure`.execute(db);
    console.log(`Seeded ${rows[0]!.n.toLocaleString('en')} measure rows in ${((Date.now() - t0) / 1000).toFixed(0)} s (${scratch})`);
    await db.destroy();
  } else {
    console.log('Using the national data already in DATABASE_URL');
  }

  const db = createDb(url, 10);
  const { rows: gemeenten } = await sql<{ code: string }>`
    select a.code from area a where a.level = 'gemeente' and exists (select 1 from area w where w.parent_code = a.code)
    order by a.code limit 50`.execute(db);
  const { rows: wijken } = await sql<{ code: string }>`select code from area where level = 'wijk' order by code limit 50`.execute(db);
  const { rows: latest } = await sql<{ code: string }>`select code from cohort order by sort_order desc, code desc limit 1`.execute(db);
  const cohort = latest[0]!.code;
  const indicator = 'advies_havo_vwo';

  const valuesPaths = gemeenten.map((g) => `/api/v1/values?indicator=${indicator}&cohort=${cohort}&level=wijk&parent=${g.code}`);
  const trendPaths = wijken.map((w) => `/api/v1/trend?indicator=${indicator}&area=${w.code}`);
  const profilePaths = gemeenten.map((g) => `/api/v1/profile/${g.code}`);

  const hello = Fastify();
  hello.get('/hello', async () => ({ hello: 'world' }));
  const helloBase = await hello.listen({ port: 0, host: '127.0.0.1' });

  // Rate limiting off: 64 connections from one IP are the point here, not an abuse.
  const config = loadConfig({ LOG_LEVEL: 'silent', GKA_RATE_LIMIT: '0', GKA_MIN_CELL: String(MIN_CELL) });
  const cached = await buildApp({ config, db });
  const cachedBase = await cached.listen({ port: 0, host: '127.0.0.1' });
  const uncached = await buildApp({ config, db, responseCacheBytes: 0 });
  const uncachedBase = await uncached.listen({ port: 0, host: '127.0.0.1' });

  // Warm up: connections, plans, and the response cache for the cached runs.
  for (const p of [...valuesPaths, ...trendPaths, ...profilePaths]) {
    await fetch(cachedBase + p).then((r) => r.arrayBuffer());
    await fetch(uncachedBase + p).then((r) => r.arrayBuffer());
  }

  const queries = gemeenten.map((g) => {
    const c = valuesSql(MIN_CELL, valueFilterSql({ indicator, cohorts: [cohort], dimension: 'totaal', level: 'wijk', parent: g.code })).compile(db);
    return { text: c.sql, values: [...c.parameters] };
  });

  const results: Result[] = [];
  const run = async (r: Promise<Result>) => {
    const result = await r;
    results.push(result);
    console.log(`${result.name}: ${result.rps.toFixed(0)} req/s, p95 ${result.p95.toFixed(1)} ms, ${result.errors} errors`);
  };
  const helloResult = await cannon('hello world (Fastify, same process)', helloBase, ['/hello']);
  results.push(helloResult);
  console.log(`hello: ${helloResult.rps.toFixed(0)} req/s`);
  await run(cannon('values wijk-level, uncached', uncachedBase, valuesPaths));
  await run(cannon('trend, uncached', uncachedBase, trendPaths));
  await run(cannon('profile, uncached', uncachedBase, profilePaths));
  await run(cannon('values wijk-level, cached JSON', cachedBase, valuesPaths));
  await run(cannon('trend, cached JSON', cachedBase, trendPaths));
  await run(cannon('profile, cached JSON', cachedBase, profilePaths));
  await run(rawSql(url, queries));
  table(results, helloResult);

  await Promise.all([hello.close(), cached.close(), uncached.close()]);
  await db.destroy();
  if (scratch && process.env.BENCH_KEEP) console.log(`Kept ${scratch}: rerun with DATABASE_URL pointing at it to skip seeding`);
  else if (scratch) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${scratch} with (force)`);
    await admin.end();
  }
  if (embedded) {
    await embedded.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
  }
}

await main();
