import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { testConfig } from '../test/config.ts';
import { publicSource } from './datasets.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('sources', () => {
  it('name files without the folders of the importing server, and keep URLs whole', () => {
    expect(publicSource('/srv/geheim/import/waarden.csv')).toBe('waarden.csv');
    expect(publicSource('relatief/pad/x.csv')).toBe('x.csv');
    expect(publicSource('https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1')).toBe('https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1');
  });

  it('never show server paths through the API', async () => {
    await t.db.insertInto('dataset').values({ kind: 'values', source: '/srv/geheim/import/waarden.csv', row_count: 3 }).execute();
    const app = await buildApp({ config: testConfig(), db: t.db });
    const res = await app.inject('/api/v1/sources');
    await app.close();
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('/srv/geheim');
    expect(res.json().sources).toMatchObject([{ kind: 'values', source: 'waarden.csv', synthetic: false }]);
  });
});
