/**
 * Before and after in one run: this checkout's API (A) against another checkout's (B, the baseline),
 * each in its own child process on its own database holding the same national data, route by route
 * in turns (A B, B A, …), so the drift of a shared machine hits both alike. Reports per route the
 * median req/s and p95 of each side and the median of the pairwise ratios A/B.
 *
 * Usage (from bench/): first `pnpm api` in both checkouts with BENCH_DATABASE set, to seed their
 * databases; then
 *   BENCH_BASELINE=/path/to/other/checkout BENCH_URL_A=postgres://…/gka_bench_a BENCH_URL_B=postgres://…/gka_bench_b pnpm ab
 * The baseline checkout needs its dependencies installed and a bench/api.ts with the `serve` mode.
 *   BENCH_SECONDS per run and BENCH_CONNECTIONS as in api.ts (defaults 30 and 64), BENCH_PAIRS (default 5),
 *   BENCH_ONLY a regular expression on the route names.
 * Routes named "4 connections" run with 4 (the uncached latency budgets), those named "br" ask as a
 * browser does. The API only reads, so both URLs may name the same database (one seeding, one cache).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { OVERVIEW_BENCHMARKS } from '@gka/shared';
import { createDb } from '../api/src/db/connect.ts';
import { cannon } from './api.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
const baseline = process.env.BENCH_BASELINE;
const urlA = process.env.BENCH_URL_A;
const urlB = process.env.BENCH_URL_B;
if (!baseline || !urlA || !urlB) throw new Error('BENCH_BASELINE, BENCH_URL_A and BENCH_URL_B are needed (see the comment at the top)');

type Bases = { hello: string; cached: string; uncached: string };
async function child(script: string, url: string): Promise<{ proc: ChildProcess; bases: Bases }> {
  const proc = fork(script, ['serve', url], { execArgv: [...process.execArgv, '--expose-gc'] });
  const [{ bases }] = (await once(proc, 'message')) as [{ bases: Bases }];
  return { proc, bases };
}

/** Distinct paths of an uncached route fetched one by one before its runs: every cohort of the profile and overview. */
const WARM_PATHS = 60;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const db = createDb(urlA!, 2);
  const { rows: gemeenten } = await sql<{ code: string; wijken: string }>`
    select a.code, string_agg(w.code, ',' order by w.code) filter (where w.rn <= 5) as wijken
    from area a join (select code, parent_code, row_number() over (partition by parent_code order by code) as rn from area where level = 'wijk') w
      on w.parent_code = a.code
    where a.level = 'gemeente' group by a.code order by a.code`.execute(db);
  const cohorts = (await sql<{ code: string }>`select code from cohort order by sort_order, code`.execute(db)).rows.map((r) => r.code);
  const indicators = (
    await sql<{ code: string }>`select code from indicator i where exists (select 1 from measure m where m.indicator = i.code) order by sort_order`.execute(db)
  ).rows.map((r) => r.code);
  // The time axis only: a pooled period is no cohort of a profile or overview.
  const timeAxis = (await sql<{ code: string }>`select code from cohort where cardinality(pooled) = 0 order by sort_order, code`.execute(db)).rows.map(
    (r) => r.code,
  );
  await db.destroy();
  const latest = cohorts.at(-1)!;
  const mix = <T>(xs: T[], n: number) => Array.from({ length: n }, (_, i) => xs[(i * 7919) % xs.length]!);
  const combos = cohorts.flatMap((c) => indicators.map((i) => ({ c, i })));
  const browser = { 'accept-encoding': 'gzip, deflate, br' };
  // light: 4 connections (the budgets' uncached latency); headers: as a browser asks, for the br budgets.
  const routes: { name: string; base: keyof Bases; paths: string[]; light?: boolean; headers?: Record<string, string> }[] = [
    {
      name: 'values, wijken of one gemeente, uncached',
      base: 'uncached',
      paths: mix(
        gemeenten.flatMap((g) => combos.map(({ c, i }) => `/api/v1/values?indicator=${i}&cohort=${c}&level=wijk&parent=${g.code}`)),
        600,
      ),
    },
    {
      name: 'change (wijken of one gemeente vs voor-covid), uncached',
      base: 'uncached',
      paths: mix(
        gemeenten.flatMap((g) => indicators.map((i) => `/api/v1/change?indicator=${i}&cohort=${latest}&reference=voor-covid&level=wijk&parent=${g.code}`)),
        2000,
      ),
    },
    { name: 'values, all gemeenten, uncached', base: 'uncached', paths: combos.map(({ c, i }) => `/api/v1/values?indicator=${i}&cohort=${c}&level=gemeente`) },
    {
      name: 'compare (gemeente + 5 wijken), uncached',
      base: 'uncached',
      paths: mix(
        gemeenten.flatMap((g) => combos.map(({ c, i }) => `/api/v1/compare?indicator=${i}&cohort=${c}&areas=${g.code},${g.wijken}`)),
        600,
      ),
    },
    {
      name: 'profile, uncached',
      base: 'uncached',
      paths: mix(
        gemeenten.flatMap((g) => cohorts.map((c) => `/api/v1/profile/${g.code}?cohort=${c}`)),
        600,
      ),
    },
    {
      name: 'values, one gemeente, cached',
      base: 'cached',
      paths: gemeenten.map((g) => `/api/v1/values?indicator=${indicators[0]}&cohort=${latest}&level=wijk&parent=${g.code}`),
    },
    {
      name: 'compare, cached',
      base: 'cached',
      paths: gemeenten.map((g) => `/api/v1/compare?indicator=${indicators[0]}&cohort=${latest}&areas=${g.code},${g.wijken}`),
    },
    { name: 'profile, cached', base: 'cached', paths: gemeenten.map((g) => `/api/v1/profile/${g.code}`) },
    {
      name: 'profile, uncached, 4 connections',
      base: 'uncached',
      light: true,
      paths: mix(
        gemeenten.flatMap((g) => timeAxis.map((c) => `/api/v1/profile/${g.code}?cohort=${c}`)),
        600,
      ),
    },
    {
      name: 'overview (GKA × all indicators, every benchmark), uncached, 4 connections',
      base: 'uncached',
      light: true,
      paths: timeAxis.flatMap((c) => OVERVIEW_BENCHMARKS.map((b) => `/api/v1/overview?group=gka&cohort=${c}&benchmark=${b}`)),
    },
    { name: 'overview, cached, br', base: 'cached', paths: ['/api/v1/overview?group=gka'], headers: browser },
    { name: 'profile, cached, br', base: 'cached', paths: gemeenten.map((g) => `/api/v1/profile/${g.code}`), headers: browser },
  ];

  const here = fileURLToPath(new URL('./api.ts', import.meta.url));
  const [a, b] = [await child(here, urlA!), await child(path.resolve(baseline!, 'bench/api.ts'), urlB!)];
  console.log(
    `date ${new Date().toISOString()}; A = this checkout (${urlA!.split('/').pop()}), B = ${baseline} (${urlB!.split('/').pop()}); ${PAIRS} pairs × ${SECONDS} s per route\n`,
  );
  console.log('| route | A req/s (median) | B req/s (median) | A/B, median of pairs (min–max) | A p95 ms | B p95 ms |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
  for (const r of routes.filter((x) => !only || only.test(x.name))) {
    const side = { A: a.bases[r.base], B: b.bases[r.base] };
    // Unrecorded warm-up of both (JIT, pools, Postgres caches; the cached side fills its cache). The
    // uncached side first fills its memo one request at a time: all at once, 64 connections of cold
    // profiles wait for the pool beyond its timeout and the runs measure only that.
    for (const base of [side.A, side.B]) {
      for (const p of r.base === 'uncached' ? [...new Set(r.paths)].slice(0, WARM_PATHS) : []) await fetch(base + p).then((x) => x.arrayBuffer());
      for (const p of r.base === 'cached' ? r.paths : []) await fetch(base + p, { headers: r.headers }).then((x) => x.arrayBuffer());
      await cannon('warm-up', base, r.paths, r.headers, r.light, true);
    }
    const runs = { A: [] as { rps: number; p95: number }[], B: [] as { rps: number; p95: number }[] };
    for (let i = 0; i < PAIRS; i++) {
      for (const s of (i % 2 ? ['B', 'A'] : ['A', 'B']) as ('A' | 'B')[]) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const res = await cannon(r.name, side[s], r.paths, r.headers, r.light);
        runs[s].push({ rps: res.rps, p95: res.p95 });
      }
    }
    const ratios = runs.A.map((x, i) => x.rps / runs.B[i]!.rps);
    const f = (x: number) => x.toFixed(2);
    console.log(
      `| ${r.name} | ${median(runs.A.map((x) => x.rps)).toFixed(0)} | ${median(runs.B.map((x) => x.rps)).toFixed(0)} | ${f(median(ratios))} (${f(Math.min(...ratios))}–${f(Math.max(...ratios))}) | ${median(runs.A.map((x) => x.p95)).toFixed(1)} | ${median(runs.B.map((x) => x.p95)).toFixed(1)} |`,
    );
  }
  for (const c of [a.proc, b.proc]) c.send({ type: 'stop', id: 0 });
  await Promise.all([once(a.proc, 'exit'), once(b.proc, 'exit')]);
}

await main();
