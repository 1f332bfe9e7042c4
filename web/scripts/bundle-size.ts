/**
 * The web app's weight budget, run by `pnpm test` (CI): initial JS ≤ 150 KB gzip (what "initial" means:
 * web/scripts/initial-js.ts). MapLibre and ECharts are each larger than the budget on their own, so
 * they cannot slip into the initial load unnoticed.
 *
 * Usage: pnpm --filter @gka/web size [--dist DIR] [--budget KB]
 *   without --dist: a production build with a manifest into a temporary directory (web/dist, which
 *   the API serves and the browser tests build, is left alone), removed afterwards.
 *   --dist DIR  read an existing build made with `vite build --manifest` instead.
 * Exits 1 over budget.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { checkBudget, type Manifest } from './initial-js.ts';

const BUDGET_KB = 150;

const { values: args } = parseArgs({ options: { dist: { type: 'string' }, budget: { type: 'string' } } });
const budgetKb = args.budget === undefined ? BUDGET_KB : Number(args.budget);
if (!(budgetKb > 0)) throw new Error(`--budget: ${args.budget} is no number of KB`);

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = args.dist ? path.resolve(args.dist) : mkdtempSync(path.join(tmpdir(), 'gka-web-budget-'));
try {
  if (!args.dist) {
    execFileSync(path.join(webDir, 'node_modules/.bin/vite'), ['build', '--outDir', dist, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], {
      cwd: webDir,
      stdio: 'inherit',
      // Under a test runner NODE_ENV=test would bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const report = checkBudget(manifest, html, (file) => readFileSync(path.join(dist, file)), budgetKb);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(6)} KB`;
  console.log('Initial JS (gzip):');
  for (const f of report.files) console.log(`  ${kb(f.gzip)}  ${f.file}`);
  console.log(`  ${kb(report.total)}  total, budget ${budgetKb} KB: ${report.ok ? 'within budget' : 'OVER BUDGET'}`);
  if (!report.ok) process.exitCode = 1;
} finally {
  if (!args.dist) rmSync(dist, { recursive: true, force: true });
}
