import { parse } from 'csv-parse/sync';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import Fastify from 'fastify';
import { registerHttpCache, storedEncoding } from './cache.ts';
import { wilson } from '../stats/wilson.ts';
import type { TestDatabase } from '../test/database.ts';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';
import { testConfig } from '../test/config.ts';
import { SEED } from '../test/seed.ts';

let t: TestDatabase;
let app: TestApp;
useSeededApp((a, db) => {
  app = a;
  t = db;
});

const S = SEED.suppressed;
const DATA_URLS = [
  '/api/v1/areas?level=gemeente',
  '/api/v1/areas?level=wijk&parent=GM0001',
  '/api/v1/areas/WK000102',
  '/api/v1/geo/gemeente',
  '/api/v1/geo/wijk?parent=GM0001',
  '/api/v1/cohorts',
  '/api/v1/indicators',
  '/api/v1/sources',
  `/api/v1/values?indicator=${S.indicator}&cohort=${S.cohort}&level=wijk`,
  `/api/v1/values?indicator=${S.indicator}&cohort=${S.cohort}&level=wijk&parent=GM0001`,
  `/api/v1/compare?indicator=${S.indicator}&cohort=${S.cohort}&areas=${S.area},WK000101,GM0001`,
  `/api/v1/trend?indicator=${S.indicator}&area=${S.area}`,
  `/api/v1/change?indicator=${S.indicator}&cohort=${S.cohort}&reference=2019-2020&level=wijk`,
  `/api/v1/change?indicator=${S.indicator}&cohort=${S.cohort}&reference=voor-covid&level=wijk&parent=GM0001&dimension=opleiding_ouders`,
  '/api/v1/profile/GM0001',
  `/api/v1/profile/GM0001?cohort=${S.cohort}`,
];

/** Every object in a JSON body that describes the suppressed cell. */
function cellsOf(body: unknown, out: Record<string, unknown>[] = [], cohort?: string): Record<string, unknown>[] {
  if (Array.isArray(body)) body.forEach((b) => cellsOf(b, out, cohort));
  else if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    const c = typeof o.cohort === 'string' ? o.cohort : ((o.cohort as { code?: string } | undefined)?.code ?? cohort);
    if (o.area === S.area && (o.group === S.grp || o.group === undefined) && 'numerator' in o && (c === undefined || c === S.cohort)) out.push(o);
    Object.values(o).forEach((v) => cellsOf(v, out, c));
  }
  return out;
}

describe('suppression never leaks', () => {
  const share = S.numerator / S.denominator;
  const ci = wilson(S.numerator, S.denominator)!;
  // The share and interval of 7/9 in every notation a body could carry them.
  const fingerprints = [share, ci.low, ci.high].flatMap((x) => [String(x), x.toFixed(5), (x * 100).toFixed(1).replace('.', ',')]);

  it('in JSON bodies', async () => {
    let seen = 0;
    for (const url of DATA_URLS) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      for (const f of fingerprints) expect(res.body, `${url} contains ${f}`).not.toContain(f);
      for (const cell of cellsOf(res.json())) {
        seen++;
        expect(cell, url).toMatchObject({ numerator: null, denominator: null, value: null });
      }
    }
    expect(seen).toBeGreaterThanOrEqual(4);
  });

  it('in CSV and XLSX exports', async () => {
    const qs = `indicator=${S.indicator}&cohort=${S.cohort}&level=wijk`;
    const csv = (await app.inject(`/api/v1/export?format=csv&${qs}`)).body;
    const row = (parse(csv, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[]).find((r) => r.Gebiedscode === S.area)!;
    expect([row.Teller, row.Noemer, row.Percentage, row.Onderdrukt, row['Reden geen waarde']]).toEqual(['', '', '', 'ja', 'afgeschermd']);
    for (const f of fingerprints) expect(csv).not.toContain(f);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await app.inject(`/api/v1/export?format=xlsx&${qs}`)).rawPayload as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => cells.push(c.value))));
    for (const x of [share, ci.low, ci.high]) expect(cells.some((c) => typeof c === 'number' && Math.abs(c - x) < 1e-9)).toBe(false);
    const data = wb.getWorksheet('Data')!;
    let found = false;
    const header = (data.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    data.eachRow((r) => {
      if (r.getCell(1).value !== S.area) return;
      found = true;
      const cell = (name: string) => r.getCell(col(name)).value;
      expect([cell('Teller'), cell('Noemer'), cell('Percentage'), cell('Onderdrukt'), cell('Reden geen waarde')]).toEqual([
        null,
        null,
        null,
        'ja',
        'afgeschermd',
      ]);
    });
    expect(found).toBe(true);
  });
});

describe('HTTP caching', () => {
  it('gives every data route an ETag and no-cache, and a 304 on If-None-Match', async () => {
    for (const url of DATA_URLS) {
      const res = await app.inject(url);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      const etag = res.headers.etag as string;
      expect(etag, url).toMatch(/^"[\d.]+-[\w-]{16}"$/);
      const again = await app.inject({ url, headers: { 'if-none-match': etag } });
      expect(again.statusCode, url).toBe(304);
      expect(again.headers.etag).toBe(etag);
      expect(again.body).toBe('');
    }
  });

  it('serves the same body from the cache, and a new ETag after an import', async () => {
    const url = DATA_URLS[8]!;
    const a = await app.inject(url);
    const b = await app.inject(url);
    expect(b.body).toBe(a.body);
    expect(b.headers['content-type']).toBe(a.headers['content-type']);
    await t.db.insertInto('dataset').values({ kind: 'values', source: 'later.csv', row_count: 0 }).execute();
    try {
      const fresh = await buildApp({ config: testConfig(), db: t.db });
      const c = await fresh.inject({ url, headers: { 'if-none-match': a.headers.etag as string } });
      expect(c.statusCode).toBe(200);
      expect(c.headers.etag).not.toBe(a.headers.etag);
      await fresh.close();
    } finally {
      await t.db.deleteFrom('dataset').where('source', '=', 'later.csv').execute();
    }
  });

  it('does not cache errors or health', async () => {
    const res = await app.inject('/api/v1/areas/GM0404');
    expect(res.statusCode).toBe(404);
    expect(res.headers.etag).toBeUndefined();
    for (const url of ['/api/v1/health', '/api/v1/health/', '/api/v1/health?']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers.etag, url).toBeUndefined();
      expect(res.headers['cache-control'], url).toBeUndefined();
    }
  });

  it('compresses large bodies when asked', async () => {
    const res = await app.inject({ url: '/api/v1/profile/GM0001', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('serves cached bodies in the encoding asked for: same JSON, same ETag, Vary on Accept-Encoding', async () => {
    const fresh = await buildApp({ config: testConfig(), db: t.db });
    try {
      const url = '/api/v1/profile/GM0001';
      const decode = { gzip: gunzipSync, br: brotliDecompressSync, deflate: inflateSync };
      // A miss, hits that make and reuse the gzip and br bodies, a plain hit, and deflate from @fastify/compress.
      const runs = [
        ['gzip', 'gzip'],
        ['gzip, deflate', 'gzip'],
        ['gzip, deflate, br', 'br'],
        ['br;q=1, gzip;q=0.5', 'br'],
        ['identity', undefined],
        ['deflate', 'deflate'],
      ] as const;
      const first = await fresh.inject({ url, headers: { 'accept-encoding': runs[0][0] } });
      const json = gunzipSync(first.rawPayload).toString();
      for (const [accept, encoding] of runs) {
        const res = await fresh.inject({ url, headers: { 'accept-encoding': accept } });
        expect(res.statusCode, accept).toBe(200);
        expect(res.headers['content-encoding'], accept).toBe(encoding);
        expect(res.headers.vary, accept).toMatch(/accept-encoding/i);
        expect(res.headers.etag, accept).toBe(first.headers.etag);
        expect(res.headers['content-type'], accept).toBe(first.headers['content-type']);
        expect((encoding ? decode[encoding](res.rawPayload) : res.rawPayload).toString(), accept).toBe(json);
      }
      expect(JSON.parse(json)).toMatchObject({ area: { code: 'GM0001' } });
    } finally {
      await fresh.close();
    }
  });

  it('sends a large cached body in fewer bytes once its better br body is made, with the same JSON', async () => {
    const big = Fastify();
    // 20,000 pseudo-random shares: a national-size answer that compresses like real figures.
    let seed = 7;
    const body = JSON.stringify({ data: Array.from({ length: 20_000 }, () => ((seed = (seed * 48271) % 2147483647) % 10_000) / 10_000) });
    registerHttpCache(big, { version: async () => 'v1', prefix: '/big', exclude: [], maxBytes: 50_000_000, compressThreshold: 1024 });
    big.get('/big', async (_req, reply) => reply.type('application/json').send(body));
    try {
      const get = () => big.inject({ url: '/big', headers: { 'accept-encoding': 'br' } });
      const first = await get();
      const second = await get();
      expect(second.headers['content-encoding']).toBe('br');
      let later = second;
      for (let i = 0; i < 100 && later.rawPayload.length >= second.rawPayload.length; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        later = await get();
      }
      expect(later.rawPayload.length).toBeLessThan(0.95 * second.rawPayload.length);
      for (const res of [first, second, later]) expect(brotliDecompressSync(res.rawPayload).toString()).toBe(body);
      expect(later.headers.etag).toBe(first.headers.etag);
    } finally {
      await big.close();
    }
  });

  it('picks the stored encoding by q-value', () => {
    expect(storedEncoding(undefined)).toBeUndefined();
    expect(storedEncoding('identity')).toBeUndefined();
    expect(storedEncoding('deflate')).toBeUndefined();
    expect(storedEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(storedEncoding('br;q=0.2, gzip')).toBe('gzip');
    expect(storedEncoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(storedEncoding('*')).toBe('gzip');
    expect(storedEncoding('X-GZIP')).toBe('gzip');
  });
});

describe('security headers', () => {
  it('sends a CSP that a React + MapLibre + ECharts app passes', async () => {
    const csp = (await app.inject('/api/v1/cohorts')).headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('gives the docs UI its own CSP, scoped to /api/docs', async () => {
    const res = await app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain('validator.swagger.io');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect((await app.inject('/api/docs/json')).statusCode).toBe(200);
  });

  it('limits requests per IP when configured', async () => {
    const limited = await buildApp({ config: testConfig({ rateLimitPerMinute: 2 }), db: t.db });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await limited.inject('/api/v1/cohorts')).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const res = await limited.inject('/api/v1/cohorts');
    expect(res.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringContaining('Te veel verzoeken') } });
    await limited.close();
  });

  it('behind a trusted proxy, limits each client by its own address, not by the address of the proxy', async () => {
    const viaProxy = (app: TestApp, client: string) =>
      app.inject({ url: '/api/v1/cohorts', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': client } }).then((r) => r.statusCode);
    const behind = await buildApp({ config: testConfig({ rateLimitPerMinute: 2, trustProxy: 1 }), db: t.db });
    const a = [await viaProxy(behind, '203.0.113.5'), await viaProxy(behind, '203.0.113.5'), await viaProxy(behind, '203.0.113.5')];
    expect(a).toEqual([200, 200, 429]);
    // Another client behind the same proxy has its own budget.
    expect(await viaProxy(behind, '203.0.113.6')).toBe(200);
    await behind.close();
    // By address: only the proxy's X-Forwarded-For counts; a client that reaches the app directly cannot claim another address.
    const byAddress = await buildApp({ config: testConfig({ rateLimitPerMinute: 2, trustProxy: ['10.0.0.0/8'] }), db: t.db });
    expect([await viaProxy(byAddress, '203.0.113.5'), await viaProxy(byAddress, '203.0.113.5'), await viaProxy(byAddress, '203.0.113.6')]).toEqual([
      200, 200, 200,
    ]);
    const direct = (claim: string) =>
      byAddress.inject({ url: '/api/v1/cohorts', remoteAddress: '198.51.100.7', headers: { 'x-forwarded-for': claim } }).then((r) => r.statusCode);
    expect([await direct('192.0.2.1'), await direct('192.0.2.2'), await direct('192.0.2.3')]).toEqual([200, 200, 429]);
    await byAddress.close();
    // Without GKA_TRUST_PROXY the proxy's address is all the app sees: everyone shares one budget.
    const naive = await buildApp({ config: testConfig({ rateLimitPerMinute: 2 }), db: t.db });
    expect([await viaProxy(naive, '203.0.113.5'), await viaProxy(naive, '203.0.113.5'), await viaProxy(naive, '203.0.113.6')]).toEqual([200, 200, 429]);
    await naive.close();
  });

  it('reads GKA_TRUST_PROXY as hops or addresses, and refuses anything else in Dutch', () => {
    expect(loadConfig({ GKA_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ GKA_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(() => loadConfig({ GKA_TRUST_PROXY: 'ja graag' })).toThrow(/GKA_TRUST_PROXY: verwacht een aantal proxy-stappen/);
  });

  it('reads the download limits in seconds, and refuses a grace over 10 seconds in Dutch', () => {
    expect(loadConfig({})).toMatchObject({ bulkSlots: 2, exportSendTimeoutMs: 30_000, shutdownGraceMs: 10_000 });
    expect(loadConfig({ GKA_EXPORT_SEND_TIMEOUT: '0.5', GKA_SHUTDOWN_GRACE: '2' })).toMatchObject({ exportSendTimeoutMs: 500, shutdownGraceMs: 2000 });
    expect(() => loadConfig({ GKA_SHUTDOWN_GRACE: '30' })).toThrow(/GKA_SHUTDOWN_GRACE: hoogstens 10 seconden/);
  });

  it('reads how long the data version is trusted in milliseconds, 2000 without it', () => {
    expect(loadConfig({}).dataRecheckMs).toBe(2000);
    expect(loadConfig({ GKA_DATA_RECHECK_MS: '0' }).dataRecheckMs).toBe(0);
    expect(() => loadConfig({ GKA_DATA_RECHECK_MS: '1.5' })).toThrow(/GKA_DATA_RECHECK_MS: verwacht een geheel aantal milliseconden/);
  });

  it('reads the DUO settings: a mirror, empty as unset, a bad address refused in Dutch, the first-start switch', () => {
    expect(loadConfig({ GKA_DUO_BASE_URL: 'http://spiegel.example/duo/' }).duoBaseUrl).toBe('http://spiegel.example/duo/');
    expect(loadConfig({ GKA_DUO_BASE_URL: '' }).duoBaseUrl).toBeUndefined();
    expect(() => loadConfig({ GKA_DUO_BASE_URL: 'duo.nl' })).toThrow(/GKA_DUO_BASE_URL: verwacht een adres/);
    expect(loadConfig({}).firstStartDuo).toBe(true);
    expect(loadConfig({ GKA_FIRST_START_DUO: '0' }).firstStartDuo).toBe(false);
    expect(() => loadConfig({ GKA_FIRST_START_DUO: 'nee' })).toThrow(/GKA_FIRST_START_DUO: verwacht 0 \(uit\) of 1/);
  });
});

describe('OpenAPI', () => {
  it('documents every route with its parameters', async () => {
    const res = await app.inject('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const paths = Object.keys(doc.paths).sort();
    expect(paths).toEqual(
      [
        '/api/v1/areas',
        '/api/v1/areas/{code}',
        '/api/v1/change',
        '/api/v1/cohorts',
        '/api/v1/compare',
        '/api/v1/export',
        '/api/v1/export/bulk',
        '/api/v1/expected',
        '/api/v1/export/bulk/info',
        '/api/v1/funnel',
        '/api/v1/geo/{level}',
        '/api/v1/groups',
        '/api/v1/groups/{code}',
        '/api/v1/health',
        '/api/v1/indicators',
        '/api/v1/overview',
        '/api/v1/overview/export',
        '/api/v1/peers',
        '/api/v1/profile/{code}',
        '/api/v1/schools/{code}',
        '/api/v1/sources',
        '/api/v1/trend',
        '/api/v1/values',
      ].sort(),
    );
    for (const [path, ops] of Object.entries<Record<string, { responses?: object }>>(doc.paths)) {
      expect(ops.get, path).toBeDefined();
      expect(Object.keys(ops.get!.responses ?? {}).length, path).toBeGreaterThan(0);
    }
    const values = doc.paths['/api/v1/values'].get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
    expect(values).toEqual(expect.arrayContaining(['query:indicator', 'query:cohort', 'query:level', 'query:parent', 'query:dimension']));
    const funnel = doc.paths['/api/v1/funnel'].get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
    expect(funnel).toEqual(expect.arrayContaining(['query:indicator', 'query:level', 'query:parent', 'query:dimension', 'query:subgroup']));
    const compare = doc.paths['/api/v1/compare'].get.parameters.find((p: { name: string }) => p.name === 'areas');
    expect(compare.schema.type).toBe('string');
  });
});
