import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { freePort } from './free-port.ts';
import { openDataStatus } from './open-data.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/**
 * One real Postgres for the whole run: the server in DATABASE_URL when set (CI uses the machine's
 * own), else an embedded one in a temporary folder. Each test file then makes its own database.
 */
export default async function setup(project: TestProject) {
  const openData = openDataStatus();
  if (openData && 'error' in openData) throw new Error(openData.error);
  if (openData) console.warn(openData.skip);
  if (process.env.DATABASE_URL) {
    project.provide('adminDatabaseUrl', process.env.DATABASE_URL);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'gka-test-pg-'));
  const server = await startEmbeddedPostgres(dir, await freePort());
  project.provide('adminDatabaseUrl', server.url);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
