import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBudget, initialJs, type Manifest } from './initial-js.ts';

/** A build as Vite describes it: the shell imports React and a shared chunk; views and the map come later. */
const MANIFEST: Manifest = {
  'index.html': {
    file: 'assets/index-a1.js',
    isEntry: true,
    imports: ['_react-b2.js', '_shared-c3.js'],
    dynamicImports: ['src/views/Kaart.tsx', 'src/views/Data.tsx'],
  },
  '_react-b2.js': { file: 'assets/react-b2.js' },
  '_shared-c3.js': { file: 'assets/shared-c3.js', imports: ['_react-b2.js'] },
  'src/views/Kaart.tsx': { file: 'assets/Kaart-d4.js', imports: ['_shared-c3.js', '_table-e5.js', 'index.html'], dynamicImports: ['src/Map.tsx'] },
  'src/views/Data.tsx': { file: 'assets/Data-f6.js', imports: ['_table-e5.js'] },
  '_table-e5.js': { file: 'assets/table-e5.js' },
  'src/Map.tsx': { file: 'assets/Map-g7.js' },
};
const HTML = `<script type="module" crossorigin src="/assets/index-a1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/react-b2.js">
<link rel="modulepreload" crossorigin href="/assets/shared-c3.js">
<link rel="stylesheet" crossorigin href="/assets/index-h8.css">`;

describe('initial JS', () => {
  it('is the entry and what it imports statically, not the chunks behind a dynamic import', () => {
    expect(initialJs(MANIFEST, HTML)).toEqual(['assets/index-a1.js', 'assets/react-b2.js', 'assets/shared-c3.js']);
  });

  it('also counts a script that index.html names outside the manifest', () => {
    expect(initialJs(MANIFEST, `${HTML}<script src="/assets/extra.js"></script>`)).toContain('assets/extra.js');
  });

  it('refuses a manifest without an entry', () => {
    expect(() => initialJs({ 'src/Map.tsx': { file: 'assets/Map-g7.js' } })).toThrow(/entry/);
  });
});

/** Files of `kb` KB each that gzip cannot shrink, so their gzip size is at least their size. */
const incompressible = (kb: number) => randomBytes(kb * 1024);

describe('the budget', () => {
  it('fails when the initial files together exceed it and passes when they do not, whatever the lazy chunks weigh', () => {
    const sizes: Record<string, number> = { 'assets/index-a1.js': 90, 'assets/react-b2.js': 40, 'assets/shared-c3.js': 21, 'assets/Map-g7.js': 300 };
    const files = Object.fromEntries(Object.entries(sizes).map(([f, kb]) => [f, incompressible(kb)]));
    const read = (f: string) => files[f] ?? Buffer.alloc(0);
    const over = checkBudget(MANIFEST, HTML, read, 150);
    expect(over.ok).toBe(false);
    expect(over.total).toBeGreaterThan(151 * 1024);
    expect(over.files.map((f) => f.file)).not.toContain('assets/Map-g7.js');
    expect(checkBudget(MANIFEST, HTML, read, 155).ok).toBe(true);
  });
});

describe('bundle-size.ts, the check CI runs', () => {
  const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  let dist: string | undefined;
  afterEach(() => dist && rmSync(dist, { recursive: true, force: true }));

  /** Runs the script on a fake build whose initial files weigh `initialKb` in all, with a 300 KB lazy map chunk beside them. */
  function run(initialKb: number) {
    dist = mkdtempSync(path.join(tmpdir(), 'gka-budget-test-'));
    mkdirSync(path.join(dist, '.vite'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, '.vite/manifest.json'), JSON.stringify(MANIFEST));
    writeFileSync(path.join(dist, 'index.html'), HTML);
    const sizes = {
      'index-a1.js': initialKb - 30,
      'react-b2.js': 20,
      'shared-c3.js': 10,
      'Kaart-d4.js': 5,
      'Data-f6.js': 5,
      'table-e5.js': 12,
      'Map-g7.js': 300,
    };
    for (const [f, kb] of Object.entries(sizes)) writeFileSync(path.join(dist, 'assets', f), incompressible(kb));
    return spawnSync(path.join(webDir, 'node_modules/.bin/tsx'), ['scripts/bundle-size.ts', '--dist', dist], { cwd: webDir, encoding: 'utf8' });
  }

  it('exits non-zero above 150 KB gzip of initial JS', () => {
    const result = run(151);
    expect(result.stdout).toMatch(/budget 150 KB: OVER BUDGET/);
    expect(result.status).toBe(1);
  });

  it('exits zero at 149 KB, a 300 KB lazy chunk notwithstanding', () => {
    const result = run(149);
    expect(result.stdout).toMatch(/budget 150 KB: within budget/);
    expect(result.status).toBe(0);
  });
});
