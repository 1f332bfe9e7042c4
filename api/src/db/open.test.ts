import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../config.ts';
import { freePort } from '../test/free-port.ts';
import { testConfig } from '../test/config.ts';
import { openDatabase } from './open.ts';

describe('a database that cannot be reached', () => {
  it('stops the start with its address and the cause in Dutch, never the password', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: path.join(REPO_ROOT, 'api'),
      env: { ...process.env, DATABASE_URL: `postgres://gka:geheim-wachtwoord@127.0.0.1:${port}/gka`, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b));
    child.stderr.on('data', (b: Buffer) => (output += b));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(output).toContain(
      `Fout bij het starten: De database op 127.0.0.1:${port}, database gka is niet bereikbaar: de verbinding werd geweigerd, er luistert geen Postgres op die poort. Controleer DATABASE_URL.`,
    );
    expect(output).not.toContain('geheim-wachtwoord');
    expect(output).not.toMatch(/Migratie\s+mislukt/);
  });

  it('says so of a database the server does not have', async () => {
    const url = new URL(inject('adminDatabaseUrl'));
    url.pathname = '/gka_bestaat_niet';
    await expect(openDatabase(testConfig({ databaseUrl: url.toString() }))).rejects.toThrow(
      `De database op ${url.hostname}:${url.port || '5432'}, database gka_bestaat_niet is niet bereikbaar: de database bestaat niet. Controleer DATABASE_URL.`,
    );
  });
});
