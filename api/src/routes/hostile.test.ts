import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createDb } from '../db/connect.ts';
import type { TestDatabase } from '../test/database.ts';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';
import { testConfig } from '../test/config.ts';

let t: TestDatabase;
let app: TestApp;
// Over a thousand requests in a few seconds: the rate limit (tested on its own) stays out of the way.
useSeededApp(
  (a, db) => {
    app = a;
    t = db;
  },
  { rateLimitPerMinute: 0 },
);

/** A fingerprint of every table, to prove no request changed anything. */
async function snapshot(): Promise<string> {
  const tables = ['area', 'cohort', 'indicator', 'dimension', 'breakdown_group', 'measure', 'dataset', 'disclosure', 'disclosure_setting', 'covid_note'];
  const parts = await Promise.all(
    tables.map(async (name) => {
      const { rows } = await sql<{ h: string }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.table(name)} t`.execute(
        t.db,
      );
      return `${name}:${rows[0]!.h}`;
    }),
  );
  return parts.join(' ');
}

const HOSTILE = [
  "' OR 1=1--",
  'GM0363;drop table area',
  "GM0001'); delete from measure; --",
  Array.from({ length: 10_000 }, (_, i) => `GM${String(i).padStart(4, '0')}`).join(','),
  'x'.repeat(100_000),
  '',
  ' ',
  '-1',
  '1e309',
  'NaN',
  'null',
  '[]',
  '{"$gt":""}',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '\u0000',
  'GM٠٣٦٣',
  '☃💥',
  '<script>alert(1)</script>',
  '%E0%A4%A',
];

/** A valid value for each parameter, by name: a parameter of a new route without one fails the test below. */
const EXAMPLE: Record<string, string> = {
  indicator: 'advies_havo_vwo',
  cohort: '2019-2020',
  level: 'wijk',
  parent: 'GM0001',
  dimension: 'opleiding_ouders',
  areas: 'WK000101,GM0002',
  area: 'WK000101',
  gka: 'true',
  group: 'gka',
  subgroup: 'laag',
  reference: 'voor-covid',
  indicators: 'advies_havo_vwo',
  benchmark: 'gka',
  format: 'csv',
  metadata: '0',
  code: 'GM0001',
};
/** Where a route needs another value than EXAMPLE's; null leaves an optional parameter out. */
const EXAMPLE_FOR: Record<string, Record<string, string | null>> = {
  '/api/v1/change': { cohort: '2020-2021' },
  '/api/v1/export': { cohort: '2020-2021', dimension: 'totaal', group: null },
  '/api/v1/compare': { dimension: 'totaal' },
  '/api/v1/trend': { dimension: 'totaal' },
  // A group of gemeenten, or gemeenten by code: each form on one of the two routes.
  '/api/v1/overview': { cohort: '2020-2021', areas: null },
  '/api/v1/overview/export': { cohort: '2020-2021', group: null, areas: 'GM0001,GM0002' },
  '/api/v1/expected': { level: 'gemeente' },
  '/api/v1/peers': { area: 'GM0001' },
  '/api/v1/groups/{code}': { code: 'gka' },
  '/api/v1/export/bulk/info': { parent: 'GM0001,GM0002' },
};

type Route = { path: string; query: Record<string, string>; params: Record<string, string> };
type OpenApi = { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };

/** Every GET route of the OpenAPI document the API serves, with a valid value for each of its parameters. */
async function documentedRoutes(): Promise<Route[]> {
  const doc = (await app.inject('/api/v1/openapi.json')).json<OpenApi>();
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    ops.get
      ? [
          (ops.get.parameters ?? []).reduce<Route>(
            (route, p) => {
              const value = EXAMPLE_FOR[path]?.[p.name] === undefined ? EXAMPLE[p.name] : EXAMPLE_FOR[path][p.name];
              if (value === undefined) throw new Error(`${path}: geef een geldige waarde voor ${p.name} in EXAMPLE`);
              if (value !== null) (p.in === 'path' ? route.params : route.query)[p.name] = value;
              return route;
            },
            { path, query: {}, params: {} },
          ),
        ]
      : [],
  );
}

/** The route's URL with these parameters: path parameters in their place, the rest as a query. */
const urlOf = (r: Route, query: Record<string, string | string[]> = r.query, params: Record<string, string> = r.params) =>
  `${r.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))}?${qs(query)}`;

const qs = (params: Record<string, string | string[]>) =>
  Object.entries(params)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${encodeURIComponent(x)}`))
    .join('&');

async function expectClientError(url: string) {
  const res = await app.inject(url);
  const where = `${url.slice(0, 160)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
  expect([400, 404], where).toContain(res.statusCode);
  const body = res.json();
  expect(typeof body.error?.code, where).toBe('string');
  expect(typeof body.error?.message, where).toBe('string');
}

describe('hostile input', () => {
  let routes: Route[];
  beforeAll(async () => {
    routes = await documentedRoutes();
  });

  it('covers every documented route, and their valid base requests work', async () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/v1/overview/export', '/api/v1/groups/{code}', '/api/v1/schools/{code}']));
    for (const r of routes) expect((await app.inject(urlOf(r))).statusCode, urlOf(r)).toBe(200);
  });

  it('is answered with 400 or 404 and the error body on every route, and changes nothing', async () => {
    const before = await snapshot();
    let n = 0;
    for (const r of routes) {
      for (const key of Object.keys(r.query)) {
        for (const bad of HOSTILE) {
          await expectClientError(urlOf(r, { ...r.query, [key]: bad }));
          n++;
        }
        // The parameter repeated (an array) and the parameter missing where required or wrongly typed.
        await expectClientError(urlOf(r, { ...r.query, [key]: [r.query[key]!, r.query[key]!] }));
      }
      for (const key of Object.keys(r.params)) {
        // An empty path parameter is another route (/groups/ is the list of groups).
        for (const bad of HOSTILE.filter(Boolean)) {
          await expectClientError(urlOf(r, r.query, { ...r.params, [key]: bad }));
          n++;
        }
        await expectClientError(urlOf(r, r.query, { ...r.params, [key]: '../../../etc/passwd' }));
        // Clients normalise a raw ../ before sending: that lands on the web app (or 404), never on a file.
        const raw = await app.inject(`${r.path.slice(0, r.path.indexOf('{'))}../../../etc/passwd`);
        expect([200, 404]).toContain(raw.statusCode);
        expect(raw.body).not.toMatch(/root:.*:0:0:/);
      }
      for (const [key, bad] of [
        ['level', 'land'],
        ['dimension', 'postcode'],
        ['gka', 'ja'],
        ['format', 'pdf'],
        ['metadata', 'ja'],
        ['dimension', 'TOTAAL'],
      ] as const) {
        if (key in r.query) await expectClientError(urlOf(r, { ...r.query, [key]: bad }));
        if (key in r.params) await expectClientError(urlOf(r, r.query, { ...r.params, [key]: bad }));
      }
    }
    for (const url of [
      '/api/v1/values?indicator=advies_havo_vwo&cohort=2019-2020',
      '/api/v1/compare?indicator=advies_havo_vwo&cohort=2019-2020',
      '/api/v1/trend?area=GM0001',
      '/api/v1/export?indicator=advies_havo_vwo&cohort=2019-2020&level=gemeente',
      '/api/v1/areas',
      '/api/v1/compare?indicator=advies_havo_vwo&cohort=2019-2020&areas=,,,',
      '/api/v1/profile/gm0001',
      '/api/v1/areas/%E0%A4%A',
      '/api/v1/geo/',
    ]) {
      await expectClientError(url);
    }
    expect(n).toBeGreaterThan(500);
    expect(await snapshot()).toBe(before);
  });

  it('refuses unknown query parameters with a Dutch 400 on every route, and caches nothing for them', async () => {
    const urls = routes.map((r) => urlOf(r));
    for (const url of urls) {
      for (const extra of [`x=${Math.random()}`, 'Level=wijk', 'indicator%5B%5D=x', '_=1']) {
        const res = await app.inject(`${url}${url.endsWith('?') ? '' : '&'}${extra}`);
        expect(res.statusCode, `${url} ${extra}`).toBe(400);
        const key = decodeURIComponent(extra.split('=')[0]!);
        expect(res.json().error, url).toMatchObject({ code: 'bad_request', message: `Ongeldige parameter: ${key} is een onbekende parameter` });
        expect(res.headers.etag, url).toBeUndefined();
      }
    }
    // The known parameters alone still work.
    for (const url of urls) expect((await app.inject(url)).statusCode, url).toBe(200);
  });

  it('rejects write methods', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await app.inject({ method, url: '/api/v1/areas/GM0001', payload: { name: 'x' } });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });
});

/** The one error body, with a Dutch message. */
function expectErrorBody(body: string, where: string, message: RegExp) {
  const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
  expect(Object.keys(parsed), where).toEqual(['error']);
  expect(typeof parsed.error?.code, where).toBe('string');
  expect(parsed.error?.message, where).toMatch(message);
}

/** What a server answers to bytes written on a socket of their own: status line and body. */
async function raw(port: number, request: string): Promise<{ status: number; body: string }> {
  const text = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(out));
  });
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body };
}

describe("Fastify's and Node's own errors", () => {
  it('have the one JSON error body in Dutch: body too large, bad JSON, on every method', async () => {
    const cases = [
      { method: 'POST', payload: 'x'.repeat(2 * 1024 * 1024), status: 413, message: /^De inhoud van het verzoek is te groot$/ },
      { method: 'OPTIONS', payload: 'x'.repeat(2 * 1024 * 1024), status: 413, message: /^De inhoud van het verzoek is te groot$/ },
      { method: 'OPTIONS', payload: '{"kapot', status: 400, message: /^De inhoud van het verzoek is geen geldige JSON$/ },
      { method: 'POST', payload: '{"kapot', status: 400, message: /^De inhoud van het verzoek is geen geldige JSON$/ },
    ] as const;
    for (const c of cases) {
      const res = await app.inject({ method: c.method, url: '/api/v1/areas', payload: c.payload, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode, c.method).toBe(c.status);
      expectErrorBody(res.body, `${c.method} ${c.payload.slice(0, 10)}`, c.message);
    }
  });

  it('have it too for what Node refuses before Fastify, and for paths out of the docs folder', async () => {
    const served = await buildApp({ config: testConfig({ rateLimitPerMinute: 0 }), db: t.db });
    try {
      await served.listen({ port: 0, host: '127.0.0.1' });
      const { port } = served.server.address() as AddressInfo;
      const malformed = await raw(port, 'GET /api/v1/cohorts HTTP/1.1\r\nHost: x\r\nKapotte kopregel\r\n\r\n');
      expect(malformed.status).toBe(400);
      expectErrorBody(malformed.body, 'malformed', /^Ongeldig verzoek$/);
      const huge = await raw(port, `GET /api/v1/cohorts HTTP/1.1\r\nHost: x\r\nX-Groot: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(huge.status).toBe(431);
      expectErrorBody(huge.body, 'huge', /^De kopregels van het verzoek zijn te groot$/);
      for (const path of ['/api/docs/static/%2e%2e/', '/api/docs/static/%2e%2e/%2e%2e/package.json', '/api/docs/static/..%2f..%2fpackage.json']) {
        const res = await raw(port, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        expect([403, 404], path).toContain(res.status);
        expectErrorBody(res.body, path, /^(Dit pad is niet toegankelijk|Onbekende route)/);
      }
    } finally {
      await served.close();
    }
  });
});

describe('a request during a stop', () => {
  it('gets a Dutch 503 in the one error body, and the stop completes', async () => {
    const served = await buildApp({ config: testConfig({ rateLimitPerMinute: 0 }), db: t.db });
    await served.listen({ port: 0, host: '127.0.0.1' });
    const { port } = served.server.address() as AddressInfo;
    // A request half sent when the stop begins: its connection is busy, so close() waits for it.
    const socket = net.connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.write('GET /api/v1/cohorts HTTP/1.1\r\nHost: x\r\n', () => resolve()));
    let stopped = false;
    const closing = served.close().then(() => (stopped = true));
    // The stop has begun once the server no longer listens; it waits for the busy connection.
    for (const start = Date.now(); served.server.listening;) {
      if (Date.now() - start > 10_000) throw new Error('de server stopt nooit met luisteren');
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(stopped).toBe(false);
    socket.write('\r\n');
    await ended;
    await closing;
    const [head = '', body = ''] = out.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 503 /);
    expect(head.toLowerCase()).toContain('connection: close');
    expectErrorBody(body, 'stopping', /^De server stopt; probeer het over enkele seconden opnieuw$/);
  });
});

describe('database unreachable', () => {
  it('answers data routes with 503 and the error body, not 500', async () => {
    const dead = createDb('postgres://nobody@127.0.0.1:1/none', 1);
    const down = await buildApp({ config: testConfig(), db: dead });
    for (const url of ['/api/v1/cohorts', '/api/v1/values?indicator=advies_havo_vwo&cohort=2019-2020&level=gemeente', '/api/v1/profile/GM0001']) {
      const res = await down.inject(url);
      expect(res.statusCode, url).toBe(503);
      expect(res.json()).toMatchObject({ error: { code: 'database_unavailable' } });
    }
    await down.close();
    await dead.destroy();
  });
});
