import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { REPO_ROOT } from '../config.ts';
import { createDb, type Db } from '../db/connect.ts';
import { testConfig } from '../test/config.ts';
import { freePort } from '../test/free-port.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { viaKysely } from '../db/raw.ts';
import { refreshDisclosure } from '../disclosure/store.ts';
import { seed } from '../test/seed.ts';
import type { TestApp } from '../test/seeded-app.ts';

let t: TestDatabase;
let db: Db;
let app: TestApp;

beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db);
  // Thousands of wijken like Aastad-Centrum: a bulk export of several MB, more than the socket
  // buffers between a server and a client that reads nothing can hold.
  await sql`insert into area (code, level, name, parent_code, provincie, indeling_jaar, dataset_id)
    select 'WK9' || lpad(i::text, 5, '0'), 'wijk', 'Wijk ' || i, 'GM0001', 'Testland', 2024, dataset_id
    from area, generate_series(1, 6000) i where code = 'WK000101'`.execute(t.db);
  await sql`insert into measure (area_code, cohort, indicator, dimension, grp, numerator, denominator, dataset_id)
    select a.code, m.cohort, m.indicator, m.dimension, m.grp, m.numerator, m.denominator, m.dataset_id
    from area a cross join measure m where a.code like 'WK9%' and m.area_code = 'WK000101'`.execute(t.db);
  await t.db.transaction().execute((trx) => refreshDisclosure(viaKysely(trx)));
  // Room for two downloads, the lock below and the ordinary queries next to them.
  db = createDb(t.url, 10);
  app = await buildApp({ config: testConfig({ rateLimitPerMinute: 0 }), db });
});
afterAll(async () => {
  await app?.close();
  await db?.destroy();
  await t?.drop();
});

const BULK = '/api/v1/export/bulk?level=wijk';

/**
 * Until a condition holds: no fixed sleeps. The limit is a deadline, not a timing: a poll that makes
 * a whole 5 MB export took 10.6 s on two busy cores, so it stays well inside the test's own 60 s.
 */
async function until(what: string, ok: () => Promise<boolean> | boolean): Promise<void> {
  for (const start = Date.now(); !(await ok());) {
    if (Date.now() - start > 40_000) throw new Error(`nooit: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The app's database sessions that wait for a lock, or sit in an open transaction. */
async function sessions(): Promise<{ waiting: number; inTransaction: number }> {
  const { rows } = await sql<{ waiting: number; in_transaction: number }>`
    select count(*) filter (where wait_event_type = 'Lock')::int as waiting,
           count(*) filter (where state like 'idle in transaction%' or (state = 'active' and xact_start is not null and wait_event_type = 'Lock'))::int as in_transaction
    from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(t.db);
  return { waiting: rows[0]!.waiting, inTransaction: rows[0]!.in_transaction };
}

/** A request made while the figures are locked: it must answer without waiting for them. */
async function withoutFigures(request: Promise<Awaited<ReturnType<TestApp['inject']>>>) {
  let settled = false;
  void request.then(() => (settled = true));
  await until('antwoord, of een sessie die op de cijfers wacht', async () => settled || (await sessions()).waiting > 0);
  expect(settled, 'het verzoek wacht op de cijfers').toBe(true);
  return request;
}

/**
 * Runs `fn` while another session holds `measure` exclusively: an export that reads figures then
 * waits, visibly, in pg_stat_activity, and holds its slot until `fn` returns.
 */
async function withFiguresLocked<T>(fn: () => Promise<T>): Promise<T> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let taken!: () => void;
  const locked = new Promise<void>((r) => (taken = r));
  const holder = t.db.transaction().execute(async (trx) => {
    await sql`lock table measure in access exclusive mode`.execute(trx);
    taken();
    await released;
  });
  await locked;
  try {
    return await fn();
  } finally {
    release();
    await holder;
  }
}

describe('HEAD on a download', () => {
  it('answers the headers without running the export, and a following GET is served', async () => {
    const exports = [
      '/api/v1/export?format=csv&indicator=advies_havo_vwo&cohort=2019-2020&level=wijk',
      '/api/v1/export?format=xlsx&indicator=advies_havo_vwo&cohort=2019-2020&level=gemeente',
      '/api/v1/overview/export?group=gka&format=xlsx',
      '/api/v1/overview/export?group=gka&format=csv',
    ];
    // Codes resolve from the memoised catalogue: once it is loaded, a HEAD needs no figures.
    for (const url of exports) expect((await app.inject(url)).statusCode).toBe(200);
    const { pending } = await withFiguresLocked(async () => {
      for (let i = 0; i < 3; i++) {
        const head = await withoutFigures(app.inject({ method: 'HEAD', url: BULK }));
        expect(head.statusCode).toBe(200);
        expect(head.headers['content-disposition']).toBe('attachment; filename="gka_alles_wijk.csv"');
        expect(head.body).toBe('');
      }
      for (const url of exports) {
        const head = await withoutFigures(app.inject({ method: 'HEAD', url }));
        expect(head.statusCode, url).toBe(200);
        expect(head.headers['content-disposition'], url).toMatch(/^attachment; filename="gka/);
      }
      // Unknown codes are still refused as a GET would be.
      const unknown = await withoutFigures(app.inject({ method: 'HEAD', url: '/api/v1/export?format=csv&indicator=x&cohort=2019-2020&level=wijk' }));
      expect(unknown.statusCode).toBe(404);
      const pending = app.inject(BULK);
      // The GET is not refused for the HEADs: it starts, and waits for the lock, the only session that does.
      let settled = false;
      void pending.then(() => (settled = true));
      await until('de GET wacht op de figures', async () => settled || (await sessions()).waiting > 0);
      expect(settled).toBe(false);
      expect((await sessions()).waiting).toBe(1);
      // Wrapped: returning the promise itself would wait for the GET while the lock is still held.
      return { pending };
    });
    const get = await pending;
    expect(get.statusCode).toBe(200);
    expect(get.body.split('\r\n').length).toBeGreaterThan(10);
    await until('geen open transactie meer', async () => (await sessions()).inTransaction === 0);
  });
});

describe('bulk download slots', () => {
  it('gives each client one bulk download at a time, and the other slot to another client', async () => {
    const from = (ip: string) => app.inject({ url: BULK, remoteAddress: ip });
    const { a, b } = await withFiguresLocked(async () => {
      const a = from('203.0.113.1');
      await until('A wacht op de cijfers', async () => (await sessions()).waiting === 1);
      const again = await withoutFigures(from('203.0.113.1'));
      expect(again.statusCode).toBe(429);
      expect(again.json()).toMatchObject({ error: { code: 'busy', message: expect.stringMatching(/^U heeft al volledige downloads lopen/) } });
      expect(again.headers['retry-after']).toBe('60');
      const b = from('203.0.113.2');
      await until('B wacht op de cijfers', async () => (await sessions()).waiting === 2);
      const third = await withoutFigures(from('203.0.113.3'));
      expect(third.statusCode).toBe(429);
      expect(third.json().error.message).toMatch(/^Er lopen al 2 volledige downloads/);
      return { a, b };
    });
    for (const res of [await a, await b]) expect(res.statusCode).toBe(200);
    // Both slots are free again.
    expect((await from('203.0.113.3')).statusCode).toBe(200);
  });
});

describe('XLSX exports', () => {
  it('are built four at a time; a fifth is refused in Dutch with Retry-After', async () => {
    // Four files of figures no other one reads (by indicator, cohort and breakdown), so that each waits on
    // its own, and five no other test asks for: a file asked before would come from the cache.
    const files = [
      '/api/v1/export?format=xlsx&indicator=eindtoets_gemiddelde&cohort=2020-2021&level=gemeente',
      '/api/v1/export?format=xlsx&indicator=advies_havo_vwo&cohort=2019-2020&level=wijk&parent=GM0003',
      '/api/v1/export?format=xlsx&indicator=advies_havo_vwo&cohort=2019-2020&level=wijk&dimension=opleiding_ouders',
      '/api/v1/export?format=xlsx&indicator=advies_havo_vwo&cohort=2020-2021&level=gemeente&dimension=opleiding_ouders',
    ];
    const fifth = '/api/v1/overview/export?areas=GM0001,GM0002&format=xlsx';
    // The catalogue first, as CSV: it is read once for all, so that below each file waits on its own figures.
    for (const url of files) expect((await app.inject(url.replace('xlsx', 'csv'))).statusCode).toBe(200);
    const { running } = await withFiguresLocked(async () => {
      // One after the other: figures asked for at the same moment are read in one query.
      const running = [];
      for (const url of files) {
        running.push(app.inject(url));
        await until(`${running.length} wachten op de cijfers`, async () => (await sessions()).waiting >= running.length);
      }
      const refused = await withoutFigures(app.inject({ url: fifth, remoteAddress: '203.0.113.9' }));
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatchObject({ code: 'busy', message: 'Er lopen al 4 Excel-exports; probeer het over een paar minuten opnieuw.' });
      expect(refused.headers['retry-after']).toBe('60');
      return { running };
    });
    for (const res of await Promise.all(running)) {
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    expect((await app.inject(fifth)).statusCode).toBe(200);
  });
});

describe('XLSX files in the response cache', () => {
  it('answer a file asked before without its figures and as it is (no br on a zip); an import makes it anew', async () => {
    for (const url of [
      '/api/v1/export?format=xlsx&indicator=advies_havo_vwo&cohort=2020-2021&level=wijk&parent=GM0001',
      '/api/v1/overview/export?areas=GM0001,GM0003&format=xlsx',
    ]) {
      const first = await app.inject(url);
      expect(first.statusCode, url).toBe(200);
      const again = await withFiguresLocked(() => withoutFigures(app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } })));
      expect(again.statusCode, url).toBe(200);
      expect(again.headers['content-encoding'], url).toBeUndefined();
      expect(again.headers['content-type'], url).toBe(first.headers['content-type']);
      expect(again.headers['content-disposition'], url).toBe(first.headers['content-disposition']);
      expect(again.rawPayload.equals(first.rawPayload), url).toBe(true);

      // An import, kept: taking it away again would move the version back while the app may still trust the old one.
      await t.db
        .insertInto('dataset')
        .values({ kind: 'values', source: `later-${url.length}.csv`, row_count: 0 })
        .execute();
      let later = again;
      await until('een nieuwe dataversie', async () => (later = await app.inject(url)).headers.etag !== first.headers.etag);
      expect(later.statusCode, url).toBe(200);
      // Made anew: its Bronnen sheet gives a later export time.
      expect(later.rawPayload.equals(first.rawPayload), url).toBe(false);
      expect(later.rawPayload.subarray(0, 2).toString(), url).toBe('PK');
    }
  });
});

/** A GET whose client takes the headers and then reads nothing; once resumed, `ended` tells when its body ends. */
async function readNothing(url: string): Promise<{ res: IncomingMessage; ended: () => boolean }> {
  const res = await new Promise<IncomingMessage>((resolve, reject) => http.get(url, resolve).on('error', reject));
  res.pause();
  let ended = false;
  res.on('error', () => {});
  res.on('close', () => (ended = true));
  return { res, ended: () => ended };
}

/** The slow client reads again: what was sent before the server ended it arrives, and then the cut. */
async function expectCutShort(slow: Awaited<ReturnType<typeof readNothing>>) {
  slow.res.resume();
  await until('het einde van de afgebroken download', slow.ended);
  expect(slow.res.complete).toBe(false);
}

describe('a client that stops reading', () => {
  it('loses its slot after the send timeout: the export ends, its transaction too, and the next client is served', async () => {
    // Long enough that the client that does read (inject, below) is never taken for a slow one on a busy machine.
    const timed = await buildApp({ config: testConfig({ rateLimitPerMinute: 0, bulkSlots: 1, exportSendTimeoutMs: 2000 }), db });
    try {
      await timed.listen({ port: 0, host: '127.0.0.1' });
      const { port } = timed.server.address() as AddressInfo;
      const slow = await readNothing(`http://127.0.0.1:${port}${BULK}`);
      expect(slow.res.statusCode).toBe(200);
      // The only slot is the slow client's until the server gives up on it.
      let next = await timed.inject(BULK);
      expect(next.statusCode).toBe(429);
      await until('de plek van de trage client komt vrij', async () => (next = await timed.inject(BULK)).statusCode !== 429);
      expect(next.statusCode).toBe(200);
      // The whole export, not a cut one: only a client that stops reading is ended.
      expect(next.body.length).toBeGreaterThan(5_000_000);
      await until('geen open transactie meer', async () => (await sessions()).inTransaction === 0);
      await expectCutShort(slow);
    } finally {
      await timed.close();
    }
  });

  it('does not hold up a stop: close() ends it after the grace', async () => {
    const stopping = await buildApp({ config: testConfig({ rateLimitPerMinute: 0, exportSendTimeoutMs: 600_000, shutdownGraceMs: 200 }), db });
    await stopping.listen({ port: 0, host: '127.0.0.1' });
    const { port } = stopping.server.address() as AddressInfo;
    const slow = await readNothing(`http://127.0.0.1:${port}${BULK}`);
    // Until the export has filled what the sockets hold: from then on it waits on the client.
    await until('de export wacht op de client', async () => (await sessions()).inTransaction === 1);
    let stopped = false;
    const closing = stopping.close().then(() => (stopped = true));
    await until('close() is klaar', () => stopped);
    await closing;
    await until('geen open transactie meer', async () => (await sessions()).inTransaction === 0);
    await expectCutShort(slow);
  });
});

describe('SIGTERM with a client that reads nothing', () => {
  it('ends the download after the grace and the process exits', async () => {
    const port = await freePort();
    // The real server process on the database above, with a grace of 1 s and a send timeout far beyond it.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: path.join(REPO_ROOT, 'api'),
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        GKA_SHUTDOWN_GRACE: '1',
        GKA_EXPORT_SEND_TIMEOUT: '600',
        GKA_FIRST_START_DUO: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b));
    child.stderr.on('data', (b: Buffer) => (output += b));
    const exited = once(child, 'exit') as Promise<[number | null]>;
    try {
      await until('de server luistert', () => output.includes('GKA Dashboard draait op'));
      const slow = await readNothing(`http://127.0.0.1:${port}${BULK}`);
      expect(slow.res.statusCode).toBe(200);
      child.kill('SIGTERM');
      // The test's own timeout (60 s) is the bound; the grace of 1 s is what ends the download.
      const [code] = await exited;
      expect(code, output).toBe(0);
      await expectCutShort(slow);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
