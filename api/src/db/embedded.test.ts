import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadConfig, REPO_ROOT } from '../config.ts';
import { openDatabase } from './open.ts';
import { EMBEDDED_POSTGRES_MAJOR, startEmbeddedPostgres } from './embedded.ts';
import { freePort } from '../test/free-port.ts';

describe('embedded Postgres (pnpm start without DATABASE_URL)', () => {
  it('creates a cluster, migrates, keeps data across restarts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gka-embedded-'));
    const config = { ...loadConfig({ GKA_DATA_DIR: dir, GKA_EMBEDDED_PORT: String(await freePort()) }), databaseUrl: undefined };
    try {
      const first = await openDatabase(config);
      expect(first.embedded).toBe(true);
      const { rows } = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(first.db);
      // The major version `pnpm gka backup` looks for (Debian 12's client programs).
      expect(rows[0]!.v).toMatch(new RegExp(`^${EMBEDDED_POSTGRES_MAJOR}\\.\\d+`));
      await first.db.insertInto('cohort').values({ code: 'c1', label: 'Cohort 1' }).execute();
      await first.close();

      const second = await openDatabase(config);
      expect(await second.db.selectFrom('cohort').select('code').execute()).toEqual([{ code: 'c1' }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a folder made by another major version of Postgres, says what to do, and changes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gka-embedded-17-'));
    const cluster = path.join(dir, 'postgres');
    mkdirSync(cluster);
    writeFileSync(path.join(cluster, 'PG_VERSION'), '17\n');
    try {
      await expect(startEmbeddedPostgres(dir, await freePort())).rejects.toThrow(
        `De ingebouwde database in ${cluster} is gemaakt door PostgreSQL 17; de ingebouwde Postgres is PostgreSQL ${EMBEDDED_POSTGRES_MAJOR} en kan die map niet openen. Er is niets gewijzigd.`,
      );
      expect(readdirSync(cluster)).toEqual(['PG_VERSION']);
      expect(readFileSync(path.join(cluster, 'PG_VERSION'), 'utf8')).toBe('17\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(process.getuid?.() !== 0)('embedded Postgres as root', () => {
  it('starts in a data folder inside a private folder (mktemp -d), and says what it opened', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'gka-private-'));
    chmodSync(root, 0o700);
    const dir = path.join(root, 'gegevens', 'dashboard');
    const said: string[] = [];
    try {
      const server = await startEmbeddedPostgres(dir, await freePort(), (m) => said.push(m));
      try {
        expect(said.join('\n')).toContain(`${root} kreeg doorzoekrecht voor anderen`);
        // Passing through only: others still cannot list the private folder.
        expect(statSync(root).mode & 0o007).toBe(0o001);
        // A second server on the same folder is refused with the reason, not a guess about the port.
        const port = await freePort();
        await expect(startEmbeddedPostgres(dir, port)).rejects.toThrow(/er draait al een Postgres op deze map \(proces \d+\)/);
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('says when the port is taken by another program', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gka-port-'));
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startEmbeddedPostgres(dir, port)).rejects.toThrow(`poort ${port} is bezet door een ander programma`);
    } finally {
      blocker.close();
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
