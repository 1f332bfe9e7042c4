/**
 * Web budget check (BENCHMARKS.md): initial JS ≤ 170 KB gzip, MapLibre and ECharts in lazy chunks.
 * Builds web/dist (unless --no-build), then reads index.html: the entry script and its
 * modulepreloads are the initial JS; every other .js chunk is lazy. Exits 1 over budget.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 170;
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(webDir, 'dist');

if (!process.argv.includes('--no-build')) {
  execFileSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
}

const kb = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
const chunks = readdirSync(path.join(dist, 'assets'))
  .filter((f) => /\.m?js$/.test(f))
  .map((f) => `assets/${f}`);

const initialKb = [...initial].reduce((sum, f) => sum + kb(f), 0);
const rows = chunks.map((f) => ({ file: f, gzipKb: kb(f), initial: initial.has(f) })).sort((a, b) => b.gzipKb - a.gzipKb);

console.log('Chunk (gzip)');
for (const r of rows) console.log(`  ${r.initial ? 'initial' : 'lazy   '}  ${r.gzipKb.toFixed(1).padStart(7)} KB  ${r.file}`);
const heavy = rows.filter((r) => r.initial && /maplibre|echarts|MapCanvas|EChart/i.test(r.file));
console.log(`\nInitial JS: ${initialKb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
if (heavy.length) console.error(`MapLibre/ECharts in the initial load: ${heavy.map((r) => r.file).join(', ')}`);
if (initialKb > BUDGET_KB || heavy.length) {
  console.error('Over budget.');
  process.exit(1);
}
console.log('Within budget.');
