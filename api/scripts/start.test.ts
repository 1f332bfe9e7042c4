import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../src/config.ts';
import { createTestDatabase, type TestDatabase } from '../src/test/database.ts';
import { freePort } from '../src/test/free-port.ts';
import { seed } from '../src/test/seed.ts';

const API = path.join(REPO_ROOT, 'api');
const manifest = JSON.parse(readFileSync(path.join(API, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
/** A package script as pnpm runs it: by the shell, with the package's own binaries on the PATH. */
const scriptEnv = (env: NodeJS.ProcessEnv = {}) => ({
  ...process.env,
  ...env,
  PATH: `${path.join(API, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
});

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  // Areas present: the start skips the first-start data and only migrates and serves.
  await seed(t.db);
});
afterAll(() => t?.drop());

describe('pnpm start: the compiled server', () => {
  it('builds to JavaScript that answers the health check and writes XLSX in its worker', async () => {
    const build = spawnSync('sh', ['-c', manifest.scripts.build!], { cwd: API, env: scriptEnv(), encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);

    const port = await freePort();
    // `exec`: the shell becomes the server, so the signal below reaches node itself.
    const child = spawn('sh', ['-c', `exec ${manifest.scripts.start}`], {
      cwd: API,
      env: scriptEnv({ DATABASE_URL: t.url, PORT: String(port), HOST: '127.0.0.1', GKA_FIRST_START_DUO: '0', LOG_LEVEL: 'warn' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b));
    child.stderr.on('data', (b: Buffer) => (output += b));
    const exited = once(child, 'exit') as Promise<[number | null]>;
    try {
      await vi.waitFor(
        () => {
          if (!output.includes('GKA Dashboard draait op') && child.exitCode === null) throw new Error(`the server is not listening yet:\n${output}`);
        },
        { timeout: 30_000, interval: 50 },
      );
      expect(child.exitCode, output).toBeNull();

      const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });

      // The workbook is written in a worker thread, which must start from the compiled worker too.
      const xlsx = await fetch(`http://127.0.0.1:${port}/api/v1/export?format=xlsx&indicator=advies_havo_vwo&cohort=2020-2021&level=wijk&parent=GM0001`);
      expect(xlsx.status, output).toBe(200);
      expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));

      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code, output).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
