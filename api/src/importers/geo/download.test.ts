import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { downloadGeo } from './download.ts';
import { GeoFileError } from './errors.ts';
import { hasOpenData, openDataFile } from '../../test/open-data.ts';

/** The real files (see ../shared/open-data/README.md), served page by page like PDOK's OGC API Features. */
const BASE_PATH = '/cbs/wijken-en-buurten-2024/ogc/v1';
const collections: Record<string, { features: unknown[] }> = hasOpenData
  ? {
      gemeenten: JSON.parse(readFileSync(openDataFile('gemeenten_2024.geojson'), 'utf8')),
      wijken: JSON.parse(readFileSync(openDataFile('wijken_2024.geojson'), 'utf8')),
    }
  : {};

let t: TestDatabase;
let server: Server;
let baseUrl: string;
const requests: string[] = [];
/** A path prefix that makes the server answer with this status (to simulate an outage mid-download). */
const failures = new Map<string, number>();

/**
 * OGC API Features, Part 1: `limit` and, as PDOK does, an opaque cursor in the next link. Gemeenten
 * page with an absolute next link and `offset`, wijken with a relative link and a base64 cursor,
 * so both ways of following `next` are exercised.
 */
function handle(url: URL): { status: number; body: unknown } {
  const match = new RegExp(`^${BASE_PATH}/collections/(\\w+)/items$`).exec(url.pathname);
  const collection = match && collections[match[1]!];
  if (!collection) return { status: 404, body: { code: 'NotFound', description: 'Collection not found' } };
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), 1000);
  const cursor = url.searchParams.get('cursor');
  const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : Number(url.searchParams.get('offset') ?? 0);
  const features = collection.features.slice(offset, offset + limit);
  const links: { rel: string; href: string; type: string }[] = [{ rel: 'self', href: url.toString(), type: 'application/geo+json' }];
  if (offset + limit < collection.features.length) {
    const next =
      match[1] === 'gemeenten'
        ? `${baseUrl}/collections/gemeenten/items?f=json&limit=${limit}&offset=${offset + limit}`
        : `items?f=json&limit=${limit}&cursor=${Buffer.from(String(offset + limit)).toString('base64url')}`;
    links.push({ rel: 'next', href: next, type: 'application/geo+json' });
  }
  return {
    status: 200,
    body: {
      type: 'FeatureCollection',
      timeStamp: '2024-01-01T00:00:00Z',
      links,
      numberMatched: collection.features.length,
      numberReturned: features.length,
      features,
    },
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  server = createServer((req, res) => {
    const url = new URL(req.url!, `http://${req.headers.host}`);
    requests.push(url.pathname + url.search);
    if (url.pathname.startsWith('/portaal/')) {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Portaal</title>');
      return;
    }
    const failing = [...failures].find(([prefix]) => (url.pathname + url.search).startsWith(prefix));
    const { status, body } = failing ? { status: failing[1], body: { code: 'ServerError' } } : handle(url);
    res.writeHead(status, { 'content-type': 'application/geo+json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE_PATH}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.drop();
});

async function snapshot() {
  const areas = await t.db.selectFrom('area').select(['code', 'name', 'parent_code', 'stedelijkheid', 'geometry']).orderBy('code').execute();
  const datasets = await t.db.selectFrom('dataset').select('id').execute();
  return { areas, datasets: datasets.length };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeoFileError);
  return (error as Error).message;
}

describe.skipIf(!hasOpenData)('downloadGeo against a local OGC API Features server', () => {
  it('follows next links through every page and imports 342 gemeenten and 3,474 wijken', async () => {
    const pages: string[] = [];
    const result = await downloadGeo(t.db, { year: 2024, baseUrl, limit: 500, onPage: (c, n, matched) => pages.push(`${c} ${n}/${matched}`) });
    expect(result.counts).toEqual({ gemeente: 342, wijk: 3474 });
    expect(result.skipped).toEqual(['GM0998', 'WK099899']);
    expect(pages).toEqual(['gemeenten 343/343', ...[500, 1000, 1500, 2000, 2500, 3000, 3475].map((n) => `wijken ${n}/3475`)]);
    expect(
      requests
        .filter((r) => r.includes('/wijken/'))
        .slice(1)
        .every((r) => r.includes('cursor=')),
    ).toBe(true);

    const gemeenten = await t.db.selectFrom('area').select(['code', 'stedelijkheid', 'indeling_jaar']).where('level', '=', 'gemeente').execute();
    expect(gemeenten).toHaveLength(342);
    expect(gemeenten.every((g) => g.stedelijkheid !== null && g.indeling_jaar === 2024)).toBe(true);
    const wijken = await t.db.selectFrom('area').select(['code', 'parent_code']).where('level', '=', 'wijk').execute();
    const codes = new Set(gemeenten.map((g) => g.code));
    expect(wijken).toHaveLength(3474);
    expect(wijken.every((w) => codes.has(w.parent_code!))).toBe(true);
    const datasets = await t.db.selectFrom('dataset').select(['kind', 'source', 'row_count', 'sha256']).orderBy('id').execute();
    expect(datasets.map((d) => [d.kind, d.source, d.row_count])).toEqual([
      ['geo', `${baseUrl}/collections/gemeenten/items?f=json&limit=500`, 342],
      ['geo', `${baseUrl}/collections/wijken/items?f=json&limit=500`, 3474],
    ]);
    expect(datasets.every((d) => /^[0-9a-f]{64}$/.test(d.sha256!))).toBe(true);
  });

  it('asks for 1000 features a page by default and can fetch one level', async () => {
    requests.length = 0;
    const result = await downloadGeo(t.db, { year: 2024, baseUrl: `${baseUrl}/`, level: 'gemeente' });
    expect(result.counts).toEqual({ gemeente: 342, wijk: 0 });
    expect(requests).toEqual([`${BASE_PATH}/collections/gemeenten/items?f=json&limit=1000`]);
  });

  it('leaves the database unchanged when a page fails with an HTTP error', async () => {
    const before = await snapshot();
    failures.set(`${BASE_PATH}/collections/wijken/items?f=json&limit=500&cursor=`, 503);
    try {
      const message = await failure(downloadGeo(t.db, { year: 2024, baseUrl, limit: 500 }));
      expect(message).toMatch(new RegExp(`^${baseUrl}/collections/wijken/items\\?f=json&limit=500&cursor=\\w+: de server antwoordt met HTTP 503`));
    } finally {
      failures.clear();
    }
    expect(await snapshot()).toEqual(before);
  });

  it('names the year when PDOK has no such service (HTTP 404)', async () => {
    const message = await failure(downloadGeo(t.db, { year: 1999, baseUrl: baseUrl.replace('2024', '1999') }));
    expect(message).toMatch(/HTTP 404.*bestaat dit jaar bij PDOK\?/);
  });

  it('leaves the database unchanged when the server cannot be reached', async () => {
    const before = await snapshot();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const message = await failure(downloadGeo(t.db, { year: 2024, baseUrl: `http://127.0.0.1:${port}${BASE_PATH}` }));
    expect(message).toMatch(/kan niet worden opgehaald \(.*ECONNREFUSED.*\); controleer de internetverbinding of geef een andere --base-url/);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects a response that is not an OGC API Features collection', async () => {
    const portal = `http://127.0.0.1:${(server.address() as AddressInfo).port}/portaal`;
    const message = await failure(downloadGeo(t.db, { year: 2024, baseUrl: portal, level: 'wijk' }));
    expect(message).toBe(`${portal}/collections/wijken/items?f=json&limit=1000: het antwoord is geen JSON (is de basis-URL van de OGC API juist?)`);
  });
});
