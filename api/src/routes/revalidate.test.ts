import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { importValues } from '../importers/values/import.ts';
import type { TestDatabase } from '../test/database.ts';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';

let t: TestDatabase;
let app: TestApp;
useSeededApp((a, db) => {
  app = a;
  t = db;
});

const dir = mkdtempSync(path.join(tmpdir(), 'gka-revalidate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const URL = '/api/v1/values?indicator=advies_havo_vwo&cohort=2019-2020&level=gemeente';
const aastad = (body: string) =>
  (JSON.parse(body) as { data: { area: string; group: string; numerator: number | null }[] }).data.find((d) => d.area === 'GM0001' && d.group === 'totaal');

/** Lets the app's memoised data version expire (GKA_DATA_RECHECK_MS) without waiting for it. */
async function afterVersionTtl<T>(fn: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const clock = vi.spyOn(Date, 'now').mockImplementation(() => now + 60_000);
  try {
    return await fn();
  } finally {
    clock.mockRestore();
  }
}

describe('data answers revalidate', () => {
  it('are no-cache with an ETag; the current ETag gets a bodiless 304', async () => {
    const first = await app.inject(URL);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\d.]+-[\w-]{16}"$/);

    const again = await app.inject({ url: URL, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('no-cache');
  });

  it('show an import on the next request of the same app, catalogue included, with a new ETag', async () => {
    const before = await app.inject(URL);
    expect(aastad(before.body)?.numerator).toBe(400);
    const oldEtag = before.headers.etag as string;
    const cohorts = await app.inject('/api/v1/cohorts');
    expect(cohorts.body).not.toContain('2021-2022');

    const file = path.join(dir, 'later.csv');
    writeFileSync(
      file,
      [
        'gebiedcode;cohort;indicator;dimensie;groep;teller;noemer',
        'GM0001;2019-2020;advies_havo_vwo;totaal;totaal;612;1000',
        'GM0001;2021-2022;advies_havo_vwo;totaal;totaal;300;1000',
      ].join('\n'),
    );
    await importValues(t.url, file);

    await afterVersionTtl(async () => {
      // The browser revalidates with the ETag it holds: the import answers 200 with the new figures.
      const after = await app.inject({ url: URL, headers: { 'if-none-match': oldEtag } });
      expect(after.statusCode).toBe(200);
      expect(aastad(after.body)?.numerator).toBe(612);
      const newEtag = after.headers.etag as string;
      expect(newEtag).not.toBe(oldEtag);

      const cached = await app.inject({ url: URL, headers: { 'if-none-match': newEtag } });
      expect(cached.statusCode).toBe(304);
      expect(cached.body).toBe('');

      // The catalogue too: a cohort the import created is listed, under a new ETag.
      const listed = await app.inject({ url: '/api/v1/cohorts', headers: { 'if-none-match': cohorts.headers.etag as string } });
      expect(listed.statusCode).toBe(200);
      expect(listed.json().data.map((c: { code: string }) => c.code)).toContain('2021-2022');
    });
  });
});
