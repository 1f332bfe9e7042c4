/**
 * Budget (BENCHMARKS.md): four XLSX exports in parallel must keep a cached route's p95 under 150 ms. One run
 * measures the cached route (one gemeente's wijken in /values) alone, then while four clients each
 * ask for national wijk-level XLSX exports back to back, all distinct (no cache hits), and reports
 * both and their ratio. Every response time is recorded, so the percentiles are exact.
 *
 * Usage: DATABASE_URL=postgres://…/gka_bench pnpm --filter @gka/bench xlsx-load
 *   BENCH_SECONDS per phase (default 20); BENCH_PROBES: clients of the cached route (default 2).
 * The API runs in a child process, as in production; the load average is printed before and after,
 * as the machine may be shared.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serveForParent, stats, type Stats } from './percentiles.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PROBES = Number(process.env.BENCH_PROBES ?? 2);
const EXPORTERS = 4;

async function timed(url: string): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status };
}

/** `clients` loops asking for the cached URL until `until`; every response time. */
async function probe(url: string, until: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: PROBES }, async () => {
      while (Date.now() < until) {
        const r = await timed(url);
        if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status}`);
        times.push(r.ms);
      }
    }),
  );
  return times;
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: a database with national data (gka_bench)');
  const api = fork(fileURLToPath(import.meta.url), ['child'], { execArgv: ['--import', 'tsx'], env: process.env });
  const [{ base }] = (await once(api, 'message')) as [{ base: string }];
  const catalogue = (await (await fetch(`${base}/api/v1/indicators`)).json()) as { data: { code: string; hasWijken: boolean; cohorts: { code: string }[] }[] };
  const list = catalogue.data.filter((i) => i.hasWijken && i.cohorts.length > 0);
  const first = list.find((i) => i.code === 'advies_havo_vwo') ?? list[0]!;
  const gemeenten = (await (await fetch(`${base}/api/v1/areas?level=gemeente`)).json()) as { data: { code: string }[] };
  const cached = `${base}/api/v1/values?indicator=${first.code}&cohort=${first.cohorts.at(-1)!.code}&level=wijk&parent=${gemeenten.data[0]!.code}`;
  const files = list.flatMap((i) => i.cohorts.map((c) => `${base}/api/v1/export?format=xlsx&indicator=${i.code}&cohort=${c.code}&level=wijk`));
  for (let i = 0; i < 20; i++) await timed(cached);

  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`${cpus().length} × ${cpus()[0]?.model}; load average ${load()}; ${SECONDS} s per phase, ${PROBES} probe clients`);
  console.log(`cached route: ${cached.slice(base.length)}`);

  const alone = stats(await probe(cached, Date.now() + SECONDS * 1000));

  let next = 0;
  const builds: number[] = [];
  const statuses = new Map<number, number>();
  const until = Date.now() + SECONDS * 1000;
  const exporters = Array.from({ length: EXPORTERS }, async () => {
    while (Date.now() < until && next < files.length) {
      const r = await timed(files[next++]!);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status === 200) builds.push(r.ms);
    }
  });
  const [loaded] = await Promise.all([probe(cached, until), ...exporters]);
  const busy = stats(loaded!);
  const fifth = await Promise.all(files.slice(next, next + EXPORTERS + 1).map((url) => timed(url)));

  const row = (name: string, s: Stats) =>
    `${name.padEnd(28)} n=${String(s.n).padStart(6)}  p50 ${s.p50.toFixed(1).padStart(6)}  p95 ${s.p95.toFixed(1).padStart(6)}  p99 ${s.p99.toFixed(1).padStart(6)}  max ${s.max.toFixed(1).padStart(7)} ms`;
  console.log(row('cached route alone', alone));
  console.log(row(`with ${EXPORTERS} XLSX exports`, busy));
  console.log(`p95 ratio ${(busy.p95 / alone.p95).toFixed(2)}, p50 ratio ${(busy.p50 / alone.p50).toFixed(2)}`);
  const b = stats(builds);
  console.log(
    `XLSX exports (wijk, national): ${b.n} made, p50 ${(b.p50 / 1000).toFixed(2)} s, max ${(b.max / 1000).toFixed(2)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  console.log(`five at once afterwards: statuses ${fifth.map((r) => r.status).join(', ')}`);
  console.log(`load average after ${load()}`);
  api.disconnect();
}

if (process.argv[2] === 'child') await serveForParent(process.env.DATABASE_URL!);
else await main();
