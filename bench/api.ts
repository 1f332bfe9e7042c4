/**
 * The API budgets at national scale (BENCHMARKS.md): wijk-level `values` p95 ≤ 25 ms, `trend`/`profile` p95 ≤ 50 ms,
 * `expected` (wijken of one gemeente) and `peers` p95 ≤ 25 ms uncached at 4 connections,
 * zero errors at 64 connections, cached JSON ≥ 25% of a hello-world Fastify's throughput.
 *
 * Usage: DATABASE_URL=postgres://…/postgres BENCH_DATABASE=gka_bench pnpm bench
 *   DATABASE_URL     a server where the benchmark may create a database; a database that already holds
 *                    national data is used as is. Without it: an embedded Postgres in a temp dir.
 *   BENCH_DATABASE   database to use on that server, created and seeded when it holds no national data,
 *                    and kept for the next run; without it a scratch database is made and dropped.
 *   BENCH_SECONDS    per run (default 30); BENCH_CONNECTIONS (default 64).
 *   BENCH_ONLY       a regular expression: only the runs whose name matches (hello world always runs).
 *
 * With 64 connections in a closed loop, latency is mostly queueing (Little: mean ≈ 64 / req/s), so the
 * uncached routes also get a short run at 4 connections: their latency when the machine is not saturated.
 * Each run follows an unrecorded 3-second one on the same URLs (V8's JIT, pools and Postgres warm).
 *
 * The API runs in a child process, so autocannon and the bare-SQL loop do not share its event loop
 * and its RSS and heap (after a forced GC) before and after each run show whether memory is stable.
 * "Uncached" is an app without response cache, over distinct URLs (gemeenten × cohorts × indicators);
 * its memo of catalogue and benchmark aggregates is warm, as in production. Every response time is
 * recorded, so p50/p95/p99 are exact (autocannon's own histogram has p97.5, not p95).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { OVERVIEW_BENCHMARKS } from '@gka/shared';
import { buildApp } from '../api/src/app.ts';
import { loadConfig } from '../api/src/config.ts';
import { createDb, type Db } from '../api/src/db/connect.ts';
import { startEmbeddedPostgres } from '../api/src/db/embedded.ts';
import { migrateToLatest } from '../api/src/db/migrate.ts';
import { createQueryContext } from '../api/src/queries/context.ts';
import { valueKeys, valuesSql, type ValueFilter } from '../api/src/queries/values.ts';
import { viaKysely } from '../api/src/db/raw.ts';
import { refreshDisclosure } from '../api/src/disclosure/store.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const MIN_CELL = 10;
/** Pool size of the API's database connections, and of the bare-SQL loop that is its floor. */
const POOL = 10;
const BROWSER_ENCODING = 'gzip, deflate, br';
const LIGHT = { connections: 4, seconds: Math.min(10, SECONDS) };
const WARMUP_SECONDS = Math.min(3, SECONDS);
const PAUSE_MS = 3000;
/** Distinct URLs per uncached run: autocannon prepares each for every connection before it starts. */
const DISTINCT = 600;

/** Memory of the API process, and the response times Fastify measured there since the previous report. */
type Memory = { rss: number; heap: number; served: { p99: number; max: number } };
type Result = {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  requests: number;
  bytes: number;
  memory?: { before: Memory; after: Memory };
  /** Name of the bare-SQL run this route is compared with. */
  sql?: string;
};

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarise(name: string, latencies: number[], rps: number, errors: number, non2xx: number, bytes: number): Result {
  const s = Float64Array.from(latencies).sort();
  return {
    name,
    rps,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.at(-1) ?? NaN,
    errors,
    non2xx,
    requests: latencies.length,
    bytes,
  };
}

/** One bounded autocannon run over a rotating list of paths. */
export async function cannon(
  name: string,
  base: string,
  paths: string[],
  headers: Record<string, string> = {},
  light = false,
  warmup = false,
): Promise<Result> {
  const load = { connections: light ? LIGHT.connections : CONNECTIONS, seconds: warmup ? WARMUP_SECONDS : light ? LIGHT.seconds : SECONDS };
  const latencies: number[] = [];
  // autocannon's own duration includes waiting for the last responses (up to its 10 s timeout), so
  // req/s counts the responses within the run's seconds; the percentiles include the late ones.
  const deadline = Date.now() + load.seconds * 1000;
  let inTime = 0;
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections: load.connections, duration: load.seconds, requests: paths.map((p) => ({ method: 'GET' as const, path: p, headers })) },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    const started = new Set<unknown>();
    instance.on('response', (client, _status, _bytes, responseTime) => {
      // autocannon builds every connection's request list before it reads any response: a
      // connection's first response waits for all of that (seconds with thousands of URLs).
      if (!started.has(client)) return void started.add(client);
      latencies.push(responseTime);
      if (Date.now() <= deadline) inTime++;
    });
  });
  return summarise(name, latencies, inTime / load.seconds, r.errors + r.timeouts, r.non2xx, r.throughput.total / Math.max(1, r.requests.total));
}

/** A bare SQL statement through a pg pool, as many loops as connections: the floor under the API. */
async function rawSql(name: string, url: string, queries: { text: string; values: unknown[] }[], warmup = false): Promise<Result> {
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + (warmup ? WARMUP_SECONDS : SECONDS) * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, i) => {
      for (let n = i; Date.now() < end; n += CONNECTIONS) {
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
  return summarise(name, latencies, latencies.length / ((Date.now() - started) / 1000), errors, 0, 0);
}

async function hasNationalData(db: Db): Promise<boolean> {
  const { rows } = await sql<{ gemeenten: number; measures: number }>`
    select (select count(*) from area where level = 'gemeente')::int as gemeenten,
      (select count(*) from measure)::int as measures`
    .execute(db)
    .catch(() => ({ rows: [] as { gemeenten: number; measures: number }[] }));
  return (rows[0]?.gemeenten ?? 0) >= 300 && (rows[0]?.measures ?? 0) >= 1_000_000;
}

/**
 * National-size synthetic data, generated inside Postgres: 342 gemeenten × 10 wijken, 6 cohorts,
 * every indicator and breakdown group ≈ 3.25M measure rows, a few percent of wijk cells below 10.
 * Rows go in in primary-key order, as `gka demo` writes them: the worst heap order for area reads.
 */
async function seedNational(db: Db): Promise<void> {
  await db.connection().execute(async (c) => {
    await sql`insert into dataset (kind, source, row_count, synthetic) values ('values', 'bench/api.ts', 0, true)`.execute(c);
    await sql`insert into area (code, level, name, parent_code, stedelijkheid, inwoners, provincie, gka_lid, geometry)
      select 'GM' || lpad(g::text, 4, '0'), 'gemeente', 'Gemeente ' || g, 'NL01', 1 + g % 5, 10000 + g * 300, 'Provincie ' || (g % 12),
        g % 3 = 0, json_build_object('type', 'Polygon', 'coordinates', json_build_array(json_build_array(
          json_build_array(3 + g % 20 * 0.2, 50 + g / 20 * 0.2), json_build_array(3.2 + g % 20 * 0.2, 50 + g / 20 * 0.2),
          json_build_array(3.2 + g % 20 * 0.2, 50.2 + g / 20 * 0.2), json_build_array(3 + g % 20 * 0.2, 50 + g / 20 * 0.2))))::jsonb
      from generate_series(1, 342) g`.execute(c);
    await sql`insert into area (code, level, name, parent_code, provincie, geometry)
      select 'WK' || substr(a.code, 3) || lpad(w::text, 2, '0'), 'wijk', a.name || ' wijk ' || w, a.code, a.provincie, a.geometry
      from area a, generate_series(0, 9) w where a.level = 'gemeente'`.execute(c);
    await sql`insert into cohort (code, label, school_years, sort_order)
      select y || '-' || (y + 1), 'Cohort ' || y || '-' || (y + 1), array[(y - 1) || '-' || y, y || '-' || (y + 1)], y
      from generate_series(2016, 2021) y`.execute(c);
    // FK checks per row would dominate; the generated keys are valid by construction.
    await sql`set session_replication_role = replica`.execute(c).catch(() => {});
    await sql`set work_mem = '512MB'`.execute(c);
    await sql`insert into measure (indicator, cohort, dimension, grp, area_code, numerator, denominator)
      select i.code, c.code, b.dimension, b.grp, a.code, floor(d.den * p.p)::bigint, d.den
      from area a cross join cohort c cross join indicator i cross join breakdown_group b
      cross join lateral (select case a.level
          when 'land' then 150000 + (hashtext(c.code || i.code) & 1023)
          when 'gemeente' then 40 + (hashtext(a.code || c.code || i.code || b.grp) & 2047)
          else 3 + (hashtext(a.code || c.code || i.code || b.grp) & 255) end
        / case when b.dimension = 'totaal' then 1 else 3 end as den) d
      cross join lateral (select 0.2 + 0.6 * ((hashtext(a.code || i.code || b.grp) & 1023) / 1023.0) as p) p
      order by i.code, c.code, b.dimension, a.code, b.grp`.execute(c);
    await sql`set session_replication_role = default`.execute(c).catch(() => {});
    // As every importer does: the disclosure decision per indicator × cohort (rows are hidden until decided).
    await c.transaction().execute((trx) => refreshDisclosure(viaKysely(trx)));
    // As the importers do after commit: statistics, and the visibility map for index-only scans.
    await sql`vacuum analyze`.execute(c);
  });
}

/** The child process: hello world, the API with and without response cache, memory on request. */
async function serve(url: string): Promise<void> {
  const db = createDb(url, POOL);
  const hello = Fastify();
  hello.get('/hello', async () => ({ hello: 'world' }));
  // Rate limiting off: 64 connections from one IP are the point here, not an abuse.
  const config = loadConfig({ LOG_LEVEL: 'silent', GKA_RATE_LIMIT: '0', GKA_MIN_CELL: String(MIN_CELL) });
  const cached = await buildApp({ config, db });
  const uncached = await buildApp({ config, db, responseCacheBytes: 0 });
  // Fastify's own response times (until the body is handed to the socket): what the server did, apart
  // from the time the load generator itself took to send and read on the same two cores.
  let served: number[] = [];
  const record = async (_req: unknown, reply: { elapsedTime: number }) => void served.push(reply.elapsedTime);
  hello.addHook('onResponse', record);
  cached.addHook('onResponse', record);
  uncached.addHook('onResponse', record);
  const listen = (app: { listen: (o: { port: number; host: string }) => Promise<string> }) => app.listen({ port: 0, host: '127.0.0.1' });
  const bases = { hello: await listen(hello), cached: await listen(cached), uncached: await listen(uncached) };
  process.on('message', async (message) => {
    const m = message as { type: 'memory' | 'stop'; id: number };
    if (m.type === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      const u = process.memoryUsage();
      const times = Float64Array.from(served).sort();
      served = [];
      process.send!({ id: m.id, memory: { rss: u.rss, heap: u.heapUsed, served: { p99: percentile(times, 99), max: times.at(-1) ?? NaN } } });
    } else {
      await Promise.all([hello.close(), cached.close(), uncached.close()]);
      await db.destroy();
      process.exit(0);
    }
  });
  // A parent that crashed must not leave this process serving.
  process.on('disconnect', () => process.exit(1));
  process.send!({ bases });
}

function machine(url: string, pgVersion: string): string {
  const model = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? '?';
  return [
    `date ${new Date().toISOString()}`,
    `${cpus().length} cores (${model}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `Node ${process.version}, ${pgVersion}`,
    `database ${new URL(url).pathname.slice(1)}, ${CONNECTIONS} connections, ${SECONDS} s per run, API pool ${POOL}`,
  ].join('\n');
}

function markdown(results: Result[]): string {
  // × hello against the faster of the two hello-world runs (start and end): the conservative ratio.
  const hello = results.filter((r) => r.name.startsWith('hello world')).reduce((a, b) => (b.rps > a.rps ? b : a));
  const mb = (b: number) => (b / 2 ** 20).toFixed(0);
  const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
  const lines = [
    '| run | req/s | p50 ms | p95 ms | p99 ms | max ms | server p99 / max ms | errors | non-2xx | KB/resp | × hello | × SQL | RSS MB before→after | heap MB before→after |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of results) {
    const base = r.sql ? results.find((x) => x.name === r.sql) : undefined;
    const mem = r.memory;
    lines.push(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.max)} | ${mem?.after.served.max ? `${f(mem.after.served.p99)} / ${f(mem.after.served.max)}` : '–'} | ${r.errors} | ${r.non2xx} | ${r.bytes ? (r.bytes / 1024).toFixed(1) : '–'} | ` +
        `${(r.rps / hello.rps).toFixed(2)} | ${base ? (r.rps / base.rps).toFixed(2) : '–'} | ` +
        `${mem ? `${mb(mem.before.rss)}→${mb(mem.after.rss)}` : '–'} | ${mem ? `${mb(mem.before.heap)}→${mb(mem.after.heap)}` : '–'} |`,
    );
  }
  return lines.join('\n');
}

async function prepare(adminUrl: string): Promise<{ url: string; scratch?: string }> {
  const probe = createDb(adminUrl, 2);
  const national = await hasNationalData(probe);
  await probe.destroy();
  if (national) return { url: adminUrl };
  const name = process.env.BENCH_DATABASE ?? `gka_bench_${randomBytes(4).toString('hex')}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DATABASE: ${name} is no plain database name`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = createDb(u.toString(), 2);
  await migrateToLatest(db);
  if (!(await hasNationalData(db))) {
    const t0 = Date.now();
    await seedNational(db);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from measure`.execute(db);
    console.log(`Seeded ${rows[0]!.n.toLocaleString('en')} measure rows in ${((Date.now() - t0) / 1000).toFixed(0)} s (${name})`);
  }
  await db.destroy();
  return { url: u.toString(), scratch: process.env.BENCH_DATABASE ? undefined : name };
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
  const { url, scratch } = await prepare(adminUrl);

  const db = createDb(url, 2);
  await migrateToLatest(db);
  const { rows: gemeenten } = await sql<{ code: string; wijk: string }>`
    select a.code, min(w.code) as wijk from area a join area w on w.parent_code = a.code
    where a.level = 'gemeente' group by a.code order by a.code`.execute(db);
  // The time axis only: a pooled period sorts after it and is no cohort to ask for as the latest.
  const cohorts = (await sql<{ code: string }>`select code from cohort where cardinality(pooled) = 0 order by sort_order, code`.execute(db)).rows.map(
    (r) => r.code,
  );
  const indicators = (
    await sql<{ code: string }>`select code from indicator i where exists (select 1 from measure m where m.indicator = i.code) order by sort_order`.execute(db)
  ).rows.map((r) => r.code);
  // voor-covid needs a COVID cohort: an indicator without one (the achterstandsscore) is rightly a 400 there.
  const withCovid = (await sql<{ code: string }>`select distinct indicator as code from covid_note where indicator = any(${indicators})`.execute(db)).rows.map(
    (r) => r.code,
  );
  const changeIndicators = indicators.filter((i) => withCovid.includes(i));
  // Shares with a direction and a breakdown they are not defined by: what /expected and /peers answer.
  const shareIndicators = (
    await sql<{ code: string }>`select code from indicator where unit = 'percentage' and higher_is_better is not null
      and defined_by is distinct from 'opleiding_ouders' and code = any(${indicators}) order by sort_order`.execute(db)
  ).rows.map((r) => r.code);
  const { rows: version } = await sql<{ v: string }>`select version() as v`.execute(db);
  const latest = cohorts.at(-1)!;
  const { rows: wijkRows } = await sql<{ parent: string; codes: string }>`
    select parent_code as parent, string_agg(code, ',' order by code) filter (where rn <= 5) as codes
    from (select code, parent_code, row_number() over (partition by parent_code order by code) as rn from area where level = 'wijk') w
    group by parent_code`.execute(db);
  const wijken = new Map(wijkRows.map((r) => [r.parent, r.codes]));
  const wijkenOf = (g: string) => wijken.get(g) ?? '';
  const indicator = indicators[0]!;

  // Distinct URLs for the uncached runs; one URL per area (latest cohort, first indicator) for the cached ones.
  const mix = <T>(xs: T[], n: number) => Array.from({ length: n }, (_, i) => xs[(i * 7919) % xs.length]!);
  const combos = cohorts.flatMap((c) => indicators.map((i) => ({ c, i })));
  const paths = {
    valuesGemeente: {
      uncached: mix(
        gemeenten.flatMap((g) => combos.map(({ c, i }) => `/api/v1/values?indicator=${i}&cohort=${c}&level=wijk&parent=${g.code}`)),
        DISTINCT,
      ),
      cached: gemeenten.map((g) => `/api/v1/values?indicator=${indicator}&cohort=${latest}&level=wijk&parent=${g.code}`),
    },
    valuesAll: {
      uncached: combos.map(({ c, i }) => `/api/v1/values?indicator=${i}&cohort=${c}&level=wijk`),
      cached: indicators.map((i) => `/api/v1/values?indicator=${i}&cohort=${latest}&level=wijk`),
    },
    trend: {
      uncached: mix(
        gemeenten.flatMap((g) => indicators.flatMap((i) => [`/api/v1/trend?indicator=${i}&area=${g.wijk}`, `/api/v1/trend?indicator=${i}&area=${g.code}`])),
        DISTINCT,
      ),
      cached: gemeenten.map((g) => `/api/v1/trend?indicator=${indicator}&area=${g.wijk}`),
    },
    // A gemeente with five of its wijken, against every benchmark.
    compare: {
      uncached: mix(
        gemeenten.flatMap((g) => combos.map(({ c, i }) => `/api/v1/compare?indicator=${i}&cohort=${c}&areas=${g.code},${wijkenOf(g.code)}`)),
        DISTINCT,
      ),
      cached: gemeenten.map((g) => `/api/v1/compare?indicator=${indicator}&cohort=${latest}&areas=${g.code},${wijkenOf(g.code)}`),
    },
    // The wijken of one gemeente against the pooled cohorts before COVID.
    // All GKA gemeenten × every indicator: distinct URLs by cohort and benchmark.
    overview: {
      uncached: cohorts.flatMap((c) => OVERVIEW_BENCHMARKS.map((b) => `/api/v1/overview?group=gka&cohort=${c}&benchmark=${b}`)),
      cached: ['/api/v1/overview?group=gka'],
    },
    change: {
      uncached: mix(
        gemeenten.flatMap((g) =>
          changeIndicators.map((i) => `/api/v1/change?indicator=${i}&cohort=${latest}&reference=voor-covid&level=wijk&parent=${g.code}`),
        ),
        DISTINCT,
      ),
      cached: gemeenten.map((g) => `/api/v1/change?indicator=${indicator}&cohort=${latest}&reference=voor-covid&level=wijk&parent=${g.code}`),
    },
    // The wijken of one gemeente against what their pupils predict.
    expected: {
      uncached: mix(
        gemeenten.flatMap((g) => shareIndicators.flatMap((i) => cohorts.map((c) => `/api/v1/expected?indicator=${i}&cohort=${c}&level=wijk&parent=${g.code}`))),
        DISTINCT,
      ),
      cached: gemeenten.map((g) => `/api/v1/expected?indicator=${shareIndicators[0]}&cohort=${latest}&level=wijk&parent=${g.code}`),
    },
    peers: {
      uncached: mix(
        gemeenten.flatMap((g) => shareIndicators.flatMap((i) => cohorts.map((c) => `/api/v1/peers?area=${g.code}&indicator=${i}&cohort=${c}`))),
        DISTINCT,
      ),
      cached: gemeenten.map((g) => `/api/v1/peers?area=${g.code}&indicator=${shareIndicators[0]}&cohort=${latest}`),
    },
    profile: {
      uncached: mix(
        gemeenten.flatMap((g) => cohorts.map((c) => `/api/v1/profile/${g.code}?cohort=${c}`)),
        DISTINCT,
      ),
      cached: gemeenten.map((g) => `/api/v1/profile/${g.code}`),
    },
  };
  // The API's values query with the same keys (a parent already resolved to its wijken).
  const ctx = createQueryContext(db, loadConfig({ GKA_MIN_CELL: String(MIN_CELL) }));
  const sqlOf = async (f: ValueFilter) => {
    const c = valuesSql(await valueKeys(ctx, f)).compile(db);
    return { text: c.sql, values: [...c.parameters] };
  };
  const sqlGemeente = await Promise.all(
    gemeenten.flatMap((g) => combos.map(({ c, i }) => sqlOf({ indicator: i, cohorts: [c], dimension: 'totaal', level: 'wijk', parents: [g.code] }))),
  );
  const sqlAll = await Promise.all(combos.map(({ c, i }) => sqlOf({ indicator: i, cohorts: [c], dimension: 'totaal', level: 'wijk' })));
  await db.destroy();

  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['serve', url], { execArgv: [...process.execArgv, '--expose-gc'] });
  const [{ bases }] = (await once(child, 'message')) as [{ bases: { hello: string; cached: string; uncached: string } }];
  let asked = 0;
  const memory = async (): Promise<Memory> => {
    const id = ++asked;
    child.send({ type: 'memory', id });
    for (;;) {
      const [m] = (await once(child, 'message')) as [{ id: number; memory: Memory }];
      if (m.id === id) return m.memory;
    }
  };

  // Warm up: connections, plans and the memoised aggregates of every indicator × cohort.
  const get = (base: string, p: string, encoding: string) => fetch(base + p, { headers: { 'accept-encoding': encoding } }).then((r) => r.arrayBuffer());
  for (const { c, i } of combos) await get(bases.uncached, `/api/v1/values?indicator=${i}&cohort=${c}&level=wijk&parent=${gemeenten[0]!.code}`, 'identity');
  for (const i of indicators) await get(bases.uncached, `/api/v1/trend?indicator=${i}&area=${gemeenten[0]!.code}`, 'identity');
  for (const c of cohorts) await get(bases.uncached, `/api/v1/profile/${gemeenten[0]!.code}?cohort=${c}`, 'identity');
  // The spread of areas around their expected value, per indicator × cohort × level: memoised as the aggregates are.
  for (const c of cohorts) {
    for (const i of shareIndicators) {
      for (const level of ['gemeente', 'wijk'])
        await get(bases.uncached, `/api/v1/expected?indicator=${i}&cohort=${c}&level=${level}&parent=${gemeenten[0]!.code}`, 'identity');
    }
  }
  // Each route's cached bodies just before its cached runs: all of them at once would not fit the 64 MB cache.
  const warm = async (list: string[]) => {
    for (const p of list) for (const encoding of ['identity', BROWSER_ENCODING]) await get(bases.cached, p, encoding);
  };

  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(machine(url, version[0]!.v.split(' on ')[0]!));
  console.log(`load average before: ${load}\n`);

  const results: Result[] = [];
  // Every run is done twice: a short unrecorded one warms V8's JIT, the pools and Postgres for it.
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
  const run = async (name: string, r: (name: string, warmup?: boolean) => Promise<Result>, sqlName?: string) => {
    if (only && !name.startsWith('hello world') && !only.test(name)) return;
    await r(name, true);
    // autocannon abandons the warm-up's last requests; the API finishes them anyway (an uncached national
    // response takes seconds under load). Without this pause they overlap the recorded run and push its
    // slowest requests past autocannon's 10 s timeout.
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    const before = await memory();
    const result = await r(name);
    result.memory = { before, after: await memory() };
    result.sql = sqlName;
    results.push(result);
    console.log(`${result.name}: ${result.rps.toFixed(0)} req/s, p95 ${result.p95.toFixed(1)} ms, ${result.errors} errors, ${result.non2xx} non-2xx`);
  };
  const SQL_GEMEENTE = 'values SQL only, one gemeente (pg pool)';
  const SQL_ALL = 'values SQL only, all wijken (pg pool)';
  const browser = { 'accept-encoding': BROWSER_ENCODING };
  await run('hello world (Fastify, same child process)', (name, w) => cannon(name, bases.hello, ['/hello'], {}, false, w));
  await run(SQL_GEMEENTE, (name, w) => rawSql(name, url, sqlGemeente, w));
  await run(SQL_ALL, (name, w) => rawSql(name, url, sqlAll, w));
  await run('values, wijken of one gemeente, uncached', (name, w) => cannon(name, bases.uncached, paths.valuesGemeente.uncached, {}, false, w), SQL_GEMEENTE);
  await run('values, all 3,420 wijken, uncached', (name, w) => cannon(name, bases.uncached, paths.valuesAll.uncached, {}, false, w), SQL_ALL);
  await run('trend (wijk, gemeente), uncached', (name, w) => cannon(name, bases.uncached, paths.trend.uncached, {}, false, w));
  await run('compare (gemeente + 5 wijken), uncached', (name, w) => cannon(name, bases.uncached, paths.compare.uncached, {}, false, w));
  await run('change (wijken of one gemeente vs voor-covid), uncached', (name, w) => cannon(name, bases.uncached, paths.change.uncached, {}, false, w));
  await run('profile, uncached', (name, w) => cannon(name, bases.uncached, paths.profile.uncached, {}, false, w));
  await run('overview (GKA gemeenten × all indicators), uncached', (name, w) => cannon(name, bases.uncached, paths.overview.uncached, {}, false, w));
  const light = `${LIGHT.connections} connections, ${LIGHT.seconds} s`;
  await run(`values, one gemeente, uncached, ${light}`, (name, w) => cannon(name, bases.uncached, paths.valuesGemeente.uncached, {}, true, w), SQL_GEMEENTE);
  await run(`values, all wijken, uncached, ${light}`, (name, w) => cannon(name, bases.uncached, paths.valuesAll.uncached, {}, true, w), SQL_ALL);
  await run(`trend, uncached, ${light}`, (name, w) => cannon(name, bases.uncached, paths.trend.uncached, {}, true, w));
  await run(`compare, uncached, ${light}`, (name, w) => cannon(name, bases.uncached, paths.compare.uncached, {}, true, w));
  await run(`change, uncached, ${light}`, (name, w) => cannon(name, bases.uncached, paths.change.uncached, {}, true, w));
  await run(`profile, uncached, ${light}`, (name, w) => cannon(name, bases.uncached, paths.profile.uncached, {}, true, w));
  await run(`overview, uncached, ${light}`, (name, w) => cannon(name, bases.uncached, paths.overview.uncached, {}, true, w));
  await run(`expected, wijken of one gemeente, uncached, ${light}`, (name, w) => cannon(name, bases.uncached, paths.expected.uncached, {}, true, w));
  await run(`peers, uncached, ${light}`, (name, w) => cannon(name, bases.uncached, paths.peers.uncached, {}, true, w));
  await warm(paths.valuesGemeente.cached);
  await run('values, one gemeente, cached JSON', (name, w) => cannon(name, bases.cached, paths.valuesGemeente.cached, {}, false, w), SQL_GEMEENTE);
  await run('values, one gemeente, cached, br', (name, w) => cannon(name, bases.cached, paths.valuesGemeente.cached, browser, false, w), SQL_GEMEENTE);
  await warm(paths.valuesAll.cached);
  await run('values, all wijken, cached JSON', (name, w) => cannon(name, bases.cached, paths.valuesAll.cached, {}, false, w), SQL_ALL);
  await run('values, all wijken, cached, br', (name, w) => cannon(name, bases.cached, paths.valuesAll.cached, browser, false, w), SQL_ALL);
  await warm(paths.trend.cached);
  await run('trend, cached JSON', (name, w) => cannon(name, bases.cached, paths.trend.cached, {}, false, w));
  await run('trend, cached, br', (name, w) => cannon(name, bases.cached, paths.trend.cached, browser, false, w));
  await warm(paths.change.cached);
  await run('change, cached JSON', (name, w) => cannon(name, bases.cached, paths.change.cached, {}, false, w));
  await warm(paths.overview.cached);
  await run('overview, cached JSON', (name, w) => cannon(name, bases.cached, paths.overview.cached, {}, false, w));
  await run('overview, cached, br', (name, w) => cannon(name, bases.cached, paths.overview.cached, browser, false, w));
  await warm(paths.compare.cached);
  await run('compare, cached JSON', (name, w) => cannon(name, bases.cached, paths.compare.cached, {}, false, w));
  await warm(paths.profile.cached);
  await run('profile, cached JSON', (name, w) => cannon(name, bases.cached, paths.profile.cached, {}, false, w));
  await run('profile, cached, br', (name, w) => cannon(name, bases.cached, paths.profile.cached, browser, false, w));
  // Other tenants of a shared machine change its speed during the run: the reference again at the end.
  await run('hello world again, at the end', (name, w) => cannon(name, bases.hello, ['/hello'], {}, false, w));

  console.log(
    `\nload average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  console.log(markdown(results));

  child.send({ type: 'stop', id: 0 });
  await once(child, 'exit');
  if (scratch) {
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

if (process.argv[2] === 'serve') await serve(process.argv[3]!);
// Run as a script (not when bench/ab.ts imports cannon from here).
else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
