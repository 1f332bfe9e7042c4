/**
 * Budget (BENCHMARKS.md, "Werkruimte"): sign-in p95 ≤ 300 ms at 4 connections, without holding up
 * other requests. One run on a scratch database with the seed's areas and one account: a public,
 * cached route (/indicators) alone, then while 4 clients sign in back to back (argon2id each time),
 * and the private routes a signed-in page asks for (/ik, /dossier) at the same time. Every response
 * time is recorded, so the percentiles are exact.
 *
 * Usage: DATABASE_URL=postgres://…/postgres pnpm --filter @gka/bench signin   (BENCH_SECONDS per phase, default 15)
 * The API runs in a child process, as in production; the load average is printed before and after.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serveForParent, stats, type Stats } from './percentiles.ts';
import { addAccount } from '../api/src/auth/accounts.ts';
import { seed } from '../api/src/test/seed.ts';
import { withScratchDatabase } from './scratch-database.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 4;
const PASSWORD = 'Zomer-aan-de-Dommel-2026';
const EMAIL = 'bench@gka.test';

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; res: Response }> {
  const t0 = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { ms: performance.now() - t0, res };
}

/** `clients` loops of `ask` until `until`; every response time (a non-2xx answer stops the run). */
async function loop(clients: number, until: number, ask: () => Promise<{ ms: number; res: Response }>): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const { ms, res } = await ask();
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        times.push(ms);
      }
    }),
  );
  return times;
}

async function main() {
  await withScratchDatabase('gka-signin', async (db, url) => {
    await seed(db);
    await addAccount(db, { email: EMAIL, role: 'gemeente', gemeenten: ['GM0001'], groepen: [], password: PASSWORD });
    const api = fork(fileURLToPath(import.meta.url), ['child'], { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_URL: url } });
    const [{ base }] = (await once(api, 'message')) as [{ base: string }];
    const publicRoute = `${base}/api/v1/indicators`;
    const signIn = () =>
      timed(`${base}/api/v1/sessie`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: EMAIL, wachtwoord: PASSWORD }),
      });
    const first = await signIn();
    const cookie = first.res.headers
      .getSetCookie()
      .find((c) => c.startsWith('gka_sessie='))!
      .split(';')[0]!;
    for (let i = 0; i < 20; i++) await timed(publicRoute);

    const load = () =>
      loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');
    console.log(`${cpus().length} × ${cpus()[0]?.model}; Node ${process.version}; load average ${load()}; ${SECONDS} s per phase`);
    const alone = stats(await loop(2, Date.now() + SECONDS * 1000, () => timed(publicRoute)));
    const until = Date.now() + SECONDS * 1000;
    const [during, signIns, dossier] = await Promise.all([
      loop(2, until, () => timed(publicRoute)),
      loop(CONNECTIONS, until, signIn),
      loop(1, until, () => timed(`${base}/api/v1/dossier/GM0001`, { headers: { cookie } })),
    ]);
    const row = (name: string, s: Stats) =>
      `${name.padEnd(36)} n=${String(s.n).padStart(6)}  p50 ${s.p50.toFixed(1).padStart(6)}  p95 ${s.p95.toFixed(1).padStart(6)}  p99 ${s.p99.toFixed(1).padStart(6)}  max ${s.max.toFixed(1).padStart(7)} ms`;
    const busy = stats(during);
    console.log(row('/indicators alone (2 clients)', alone));
    console.log(row(`/indicators during ${CONNECTIONS} sign-ins`, busy));
    console.log(row(`POST /sessie (${CONNECTIONS} connections)`, stats(signIns)));
    console.log(row('GET /dossier/GM0001 meanwhile', stats(dossier)));
    console.log(`/indicators p95 ratio ${(busy.p95 / alone.p95).toFixed(2)}, p50 ratio ${(busy.p50 / alone.p50).toFixed(2)}`);
    console.log(`load average after ${load()}`);
    api.disconnect();
  });
}

if (process.argv[2] === 'child') await serveForParent(process.env.BENCH_URL!);
else await main();
