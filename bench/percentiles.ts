import { buildApp } from '../api/src/app.ts';
import { loadConfig } from '../api/src/config.ts';
import { createDb } from '../api/src/db/connect.ts';

/** Exact percentiles of every recorded response time (autocannon's own histogram has p97.5, not p95). */
export type Stats = { n: number; p50: number; p95: number; p99: number; max: number };
export function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const p = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  return { n: s.length, p50: p(0.5), p95: p(0.95), p99: p(0.99), max: s.at(-1) ?? NaN };
}

/** The API as production runs it, in this (child) process on `url`, telling its parent where it listens. */
export async function serveForParent(url: string): Promise<void> {
  const db = createDb(url, 10);
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', GKA_RATE_LIMIT: '0' }), db });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ base });
  process.on('disconnect', () => process.exit(0));
}
