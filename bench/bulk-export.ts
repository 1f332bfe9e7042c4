/**
 * The bulk long-format export at national scale: peak memory of the API process while it streams
 * every indicator × cohort × breakdown × area of a level (budget: under 300 MB RSS), with bytes, lines
 * and time. The API runs in a child process; its peak RSS is the kernel's high-water mark (VmHWM).
 *
 * Usage: DATABASE_URL=postgres://…/<database with national data> pnpm --filter @gka/bench bulk-export
 *   (for instance a database after `pnpm start` with real boundaries and the demo data, or BENCH_DATABASE of api.ts).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../api/src/app.ts';
import { loadConfig } from '../api/src/config.ts';
import { createDb } from '../api/src/db/connect.ts';

const status = (pid: number, key: string) =>
  Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN) / 1024;

async function child() {
  const db = createDb(process.env.DATABASE_URL!, 4);
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', GKA_RATE_LIMIT: '0' }), db });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ base });
  process.on('disconnect', () => process.exit(0));
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: a database with national data');
  const api = fork(fileURLToPath(import.meta.url), ['child'], { execArgv: ['--import', 'tsx'], env: process.env });
  const [{ base }] = (await once(api, 'message')) as [{ base: string }];
  const pid = api.pid!;
  console.log(`API ready, RSS ${status(pid, 'VmRSS').toFixed(0)} MB (peak so far ${status(pid, 'VmHWM').toFixed(0)} MB)`);
  for (const level of ['gemeente', 'wijk']) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/export/bulk?level=${level}`);
    if (!res.ok || !res.body) throw new Error(`${level}: HTTP ${res.status}`);
    let bytes = 0;
    let lines = 0;
    let sampled = 0;
    for await (const chunk of res.body) {
      bytes += chunk.byteLength;
      for (const b of chunk) if (b === 10) lines++;
      sampled = Math.max(sampled, status(pid, 'VmRSS'));
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `| bulk ${level} | ${(lines - 1).toLocaleString('en')} rows | ${(bytes / 1e6).toFixed(0)} MB | ${seconds.toFixed(1)} s | ` +
        `peak RSS ${status(pid, 'VmHWM').toFixed(0)} MB (highest sampled ${sampled.toFixed(0)} MB) |`,
    );
  }
  api.kill();
}

if (process.argv[2] === 'child') void child();
else void main();
