import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createDb } from '../db/connect.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { testConfig } from '../test/config.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe('GET /api/v1/health', () => {
  it('is ok when the database answers', async () => {
    const app = await buildApp({ config: testConfig(), db: t.db });
    const res = await app.inject('/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    await app.close();
  });

  it('is 503 with a JSON body when the database is unreachable', async () => {
    const dead = createDb('postgres://nobody@127.0.0.1:1/none', 1);
    const app = await buildApp({ config: testConfig(), db: dead });
    const res = await app.inject('/api/v1/health');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable', error: { code: 'database_unavailable' } });
    await app.close();
    await dead.destroy();
  });

  it('answers unknown routes with the JSON error body', async () => {
    const app = await buildApp({ config: testConfig(), db: t.db });
    const res = await app.inject('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    await app.close();
  });
});
