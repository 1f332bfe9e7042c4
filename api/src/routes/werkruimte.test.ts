import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Dossier, DossierVersions, Me, SharedInterventions, type DossierCollection } from '@gka/shared';
import { addAccount } from '../auth/accounts.ts';
import { checkPassword, passwordProblem } from '../auth/passwords.ts';
import { MAX_FAILURES } from '../auth/throttle.ts';
import { buildApp } from '../app.ts';
import { testConfig } from '../test/config.ts';
import { useSeededApp, type TestApp } from '../test/seeded-app.ts';
import type { TestDatabase } from '../test/database.ts';

let app: TestApp;
let t: TestDatabase;

const PASSWORD = 'Zomer-aan-de-Dommel-2026';
const ORIGIN = 'http://localhost:80';
// Accounts of the adversary test: whoever may see what.
const USERS = {
  beheerder: { email: 'beheer@gka.test', role: 'beheerder', gemeenten: [], groepen: [] },
  regio: { email: 'regio@gka.test', role: 'regiocoordinator', gemeenten: [], groepen: ['regio-test'] },
  aastad: { email: 'aastad@gka.test', role: 'gemeente', gemeenten: ['GM0001'], groepen: [] },
  ceeveen: { email: 'ceeveen@gka.test', role: 'gemeente', gemeenten: ['GM0003'], groepen: [] },
} as const;
type User = keyof typeof USERS;

useSeededApp(
  (a, db) => {
    app = a;
    t = db;
  },
  {},
  async (db) => {
    await db.db.insertInto('area_group').values({ code: 'regio-test', kind: 'regio', name: 'Testregio' }).execute();
    await db.db
      .insertInto('area_group_member')
      .values([
        { group_code: 'regio-test', area_code: 'GM0001' },
        { group_code: 'regio-test', area_code: 'GM0002' },
      ])
      .execute();
    for (const u of Object.values(USERS)) await addAccount(db.db, { ...u, gemeenten: [...u.gemeenten], groepen: [...u.groepen], password: PASSWORD });
  },
);

type Client = { cookie: string; csrf: string };
let client = 0;
/** A sign-in from its own client address, so that throttling tests elsewhere in the file do not interfere. */
async function signIn(user: User): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/sessie',
    remoteAddress: `10.0.0.${++client}`,
    payload: { email: USERS[user].email, wachtwoord: PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'gka_sessie')!;
  return { cookie: `gka_sessie=${cookie.value}`, csrf: Me.parse(res.json()).csrfToken };
}

const as = (c: Client | undefined, origin = true) => ({
  ...(c ? { cookie: c.cookie, 'x-csrf-token': c.csrf } : {}),
  ...(origin ? { origin: ORIGIN } : {}),
});

const DUIDING = { indicator: 'advies_havo_vwo', tekst: 'De daling volgt op de sluiting van een school.' };
const BODIES: Record<DossierCollection, object> = {
  duidingen: DUIDING,
  gesprekken: { datum: '2026-11-30', deelnemers: [{ naam: 'A. de Vries', rol: 'wethouder' }], samenvatting: 'Over de schooladviezen.' },
  afspraken: { wat: 'Cijfers per school delen', wie: 'Gemeente', deadline: '2027-01-15' },
  interventies: { naam: 'Zomerschool', start: '2026-07-01', indicatoren: ['advies_havo_vwo'], deelbaar: true },
};

async function createAs(c: Client, gemeente: string, collection: DossierCollection, body: object = BODIES[collection]): Promise<number> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/dossier/${gemeente}/${collection}`, headers: as(c), payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

describe('werkruimte: who may do what', () => {
  it('answers every dossier route for every role and gemeente as the roles say, the same 403 for other and unknown gemeenten', async () => {
    const clients: Record<User, Client> = {
      beheerder: await signIn('beheerder'),
      regio: await signIn('regio'),
      aastad: await signIn('aastad'),
      ceeveen: await signIn('ceeveen'),
    };
    // What /ik tells the app she may open is what the routes allow.
    const dossiers = async (u: User) => Me.parse((await app.inject({ url: '/api/v1/ik', headers: as(clients[u]) })).json()).dossiers;
    expect([await dossiers('beheerder'), await dossiers('regio'), await dossiers('aastad')]).toEqual(['alle', ['GM0001', 'GM0002'], ['GM0001']]);
    // An item in each existing gemeente's dossier of each kind, made by the beheerder.
    const items: Record<string, Record<DossierCollection, number>> = {};
    for (const g of ['GM0001', 'GM0002', 'GM0003']) {
      items[g] = {} as Record<DossierCollection, number>;
      for (const c of Object.keys(BODIES) as DossierCollection[]) items[g][c] = await createAs(clients.beheerder, g, c);
    }
    const may: Record<User, string[]> = {
      beheerder: ['GM0001', 'GM0002', 'GM0003'],
      regio: ['GM0001', 'GM0002'],
      aastad: ['GM0001'],
      ceeveen: ['GM0003'],
    };
    const forbidden = new Set<string>();
    let checked = 0;
    for (const user of [undefined, ...(Object.keys(USERS) as User[])]) {
      for (const gemeente of ['GM0001', 'GM0003', 'GM9999']) {
        for (const collection of Object.keys(BODIES) as DossierCollection[]) {
          const id = items[gemeente]?.[collection] ?? items.GM0001![collection];
          const base = `/api/v1/dossier/${gemeente}`;
          const routes = [
            ['GET', base, 200],
            ['POST', `${base}/${collection}`, 201],
            ['PUT', `${base}/${collection}/${id}`, 200],
            ['GET', `${base}/${collection}/${id}/versies`, 200],
            ['DELETE', `${base}/${collection}/${id}`, 200],
            ['POST', `${base}/${collection}/${id}/herstellen`, 200],
          ] as const;
          for (const [method, url, ok] of routes) {
            const res = await app.inject({
              method,
              url,
              headers: as(user && clients[user]),
              ...(method === 'POST' && !url.endsWith('herstellen') ? { payload: BODIES[collection] } : method === 'PUT' ? { payload: BODIES[collection] } : {}),
            });
            const expected = !user ? 401 : may[user].includes(gemeente) ? ok : user === 'beheerder' ? 404 : 403;
            expect(res.statusCode, `${user ?? 'anoniem'} ${method} ${url}: ${res.body}`).toBe(expected);
            expect(res.headers['cache-control']).toBe('no-store');
            if (expected === 403) forbidden.add(res.body);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(5 * 3 * 4 * 6);
    // Nothing in a 403 tells an existing gemeente from one that does not exist.
    expect([...forbidden]).toHaveLength(1);

    // An item of another gemeente is not reachable through one's own dossier.
    const other = items.GM0003!.duidingen;
    for (const [method, url] of [
      ['PUT', `/api/v1/dossier/GM0001/duidingen/${other}`],
      ['DELETE', `/api/v1/dossier/GM0001/duidingen/${other}`],
      ['GET', `/api/v1/dossier/GM0001/duidingen/${other}/versies`],
    ] as const) {
      const res = await app.inject({ method, url, headers: as(clients.aastad), ...(method === 'PUT' ? { payload: DUIDING } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // Nor an item of another kind under this kind's name.
    for (const [method, url] of [
      ['PUT', `/api/v1/dossier/GM0001/afspraken/${items.GM0001!.duidingen}`],
      ['POST', `/api/v1/dossier/GM0001/afspraken/${items.GM0001!.duidingen}/herstellen`],
    ] as const) {
      const res = await app.inject({ method, url, headers: as(clients.aastad), ...(method === 'PUT' ? { payload: BODIES.afspraken } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it('keeps every version, undoes a delete and appends each write to the audit log, which cannot be changed', async () => {
    const c = await signIn('aastad');
    const id = await createAs(c, 'GM0001', 'duidingen');
    const url = `/api/v1/dossier/GM0001/duidingen/${id}`;
    expect((await app.inject({ method: 'PUT', url, headers: as(c), payload: { ...DUIDING, tekst: 'Tweede versie.' } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url, headers: as(c) })).json()).toEqual({ id, versie: 3 });
    const listed = async () => Dossier.parse((await app.inject({ url: '/api/v1/dossier/GM0001', headers: as(c) })).json()).duidingen.map((d) => d.id);
    expect(await listed()).not.toContain(id);
    expect((await app.inject({ method: 'POST', url: `${url}/herstellen`, headers: as(c) })).statusCode).toBe(200);
    expect(await listed()).toContain(id);
    const { versies } = DossierVersions.parse((await app.inject({ url: `${url}/versies`, headers: as(c) })).json());
    expect(versies.map((v) => [v.versie, v.verwijderd, v.inhoud.tekst, v.door])).toEqual([
      [1, false, DUIDING.tekst, USERS.aastad.email],
      [2, false, 'Tweede versie.', USERS.aastad.email],
      [3, true, 'Tweede versie.', USERS.aastad.email],
      [4, false, 'Tweede versie.', USERS.aastad.email],
    ]);
    const log = await t.db.selectFrom('audit_log').select(['action', 'version']).where('item_id', '=', id).orderBy('id').execute();
    expect(log).toEqual([
      { action: 'aangemaakt', version: 1 },
      { action: 'gewijzigd', version: 2 },
      { action: 'verwijderd', version: 3 },
      { action: 'hersteld', version: 4 },
    ]);
    await expect(sql`update audit_log set action = 'niets' where item_id = ${id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('refuses content with a Dutch message and stores nothing', async () => {
    const c = await signIn('aastad');
    const before = await t.db
      .selectFrom('dossier_item')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const [collection, body, message] of [
      ['duidingen', { indicator: 'advies_havo_vwo', tekst: '' }, /duiding/],
      ['duidingen', { indicator: 'bestaat_niet', tekst: 'x' }, /Onbekende indicator/],
      ['duidingen', { ...DUIDING, wijk: 'WK000301' }, /Geen wijk van deze gemeente/],
      ['afspraken', { wat: 'x', wie: 'y', deadline: '31-12-2026' }, /datum/],
      ['afspraken', { wat: 'x', wie: 'y', deadline: '2026-12-31', status: 'misschien' }, /status/],
      ['interventies', { naam: 'x', start: '2027-01-01', eind: '2026-01-01' }, /einde ligt vóór de start/],
      ['gesprekken', { datum: '2026-12-01', deelnemers: [], samenvatting: 'x' }, /deelnemer/],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/dossier/GM0001/${collection}`, headers: as(c), payload: body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
    const after = await t.db
      .selectFrom('dossier_item')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('shows shared interventies of every gemeente to every signed-in user, and no others', async () => {
    const aastad = await signIn('aastad');
    await createAs(aastad, 'GM0001', 'interventies', { naam: 'Taalhuis', start: '2026-01-01', indicatoren: ['eindtoets_gemiddelde'], deelbaar: true });
    await createAs(aastad, 'GM0001', 'interventies', { naam: 'Geheim plan', start: '2026-01-01', indicatoren: ['eindtoets_gemiddelde'], deelbaar: false });
    const res = await app.inject({ url: '/api/v1/interventies?indicator=eindtoets_gemiddelde', headers: as(await signIn('ceeveen')) });
    const { data } = SharedInterventions.parse(res.json());
    expect(data.map((i) => [i.gemeente, i.naam])).toEqual([['GM0001', 'Taalhuis']]);
    expect((await app.inject('/api/v1/interventies')).statusCode).toBe(401);
  });
});

describe('werkruimte: sessions', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie, Secure behind https, and signs out', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/sessie',
      remoteAddress: '10.1.0.1',
      payload: { email: USERS.aastad.email, wachtwoord: PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'gka_sessie')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/' });
    expect(cookie.secure).toBeUndefined();
    const me = Me.parse((await app.inject({ url: '/api/v1/ik', headers: { cookie: `gka_sessie=${cookie.value}` } })).json());
    expect(me).toMatchObject({ email: USERS.aastad.email, rol: 'gemeente', gemeenten: ['GM0001'], dossiers: ['GM0001'] });
    expect(res.cookies.find((c) => c.name === 'gka_ingelogd')).toMatchObject({ value: '1', path: '/' });

    const out = await app.inject({ method: 'DELETE', url: '/api/v1/sessie', headers: { cookie: `gka_sessie=${cookie.value}`, 'x-csrf-token': me.csrfToken } });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/ik', headers: { cookie: `gka_sessie=${cookie.value}` } })).statusCode).toBe(401);

    const behindProxy = await buildApp({ config: testConfig({ trustProxy: 1 }), db: t.db });
    try {
      const https = await behindProxy.inject({
        method: 'POST',
        url: '/api/v1/sessie',
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.1.0.2' },
        payload: { email: USERS.aastad.email, wachtwoord: PASSWORD },
      });
      expect(https.cookies.find((c) => c.name === 'gka_sessie')?.secure).toBe(true);
    } finally {
      await behindProxy.close();
    }
  });

  it('ends a session that was idle too long, that is older than the maximum, or whose account is revoked', async () => {
    for (const age of [sql`seen_at = now() - interval '121 minutes'`, sql`created_at = now() - interval '13 hours'`]) {
      const c = await signIn('regio');
      expect((await app.inject({ url: '/api/v1/ik', headers: as(c) })).statusCode).toBe(200);
      await sql`update account_session set ${age} where account_id = (select id from account where email = ${USERS.regio.email})`.execute(t.db);
      expect((await app.inject({ url: '/api/v1/ik', headers: as(c) })).statusCode).toBe(401);
    }
    const c = await signIn('ceeveen');
    await sql`update account set revoked_at = now() where email = ${USERS.ceeveen.email}`.execute(t.db);
    expect((await app.inject({ url: '/api/v1/ik', headers: as(c) })).statusCode).toBe(401);
    await sql`update account set revoked_at = null where email = ${USERS.ceeveen.email}`.execute(t.db);
  });

  it('refuses a write without the CSRF token, with a wrong one, or from another origin', async () => {
    const c = await signIn('aastad');
    const url = '/api/v1/dossier/GM0001/duidingen';
    for (const headers of [{ cookie: c.cookie }, { cookie: c.cookie, 'x-csrf-token': 'x'.repeat(43) }, { ...as(c), origin: 'https://evil.example' }]) {
      const res = await app.inject({ method: 'POST', url, headers, payload: DUIDING });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().error.code).toMatch(/csrf|foreign_origin/);
    }
    // Sign-in itself from another site (login CSRF).
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/v1/sessie',
      headers: { origin: 'https://evil.example' },
      payload: { email: USERS.aastad.email, wachtwoord: PASSWORD },
    });
    expect(foreign.statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url, headers: as(c), payload: DUIDING })).statusCode).toBe(201);
  });

  it('never keeps a private answer in the response cache', async () => {
    const c = await signIn('aastad');
    const mine = await app.inject({ url: '/api/v1/dossier/GM0001', headers: as(c) });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers.etag).toBeUndefined();
    const anonymous = await app.inject('/api/v1/dossier/GM0001');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body).not.toContain('Aastad');
  });
});

describe('werkruimte: passwords and throttling', () => {
  it('stores argon2id hashes and refuses short or common passwords', async () => {
    const { password_hash } = await t.db.selectFrom('account').select('password_hash').where('email', '=', USERS.aastad.email).executeTakeFirstOrThrow();
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    for (const weak of ['kort', 'wachtwoord12', 'qwertyuiop123!', 'welkomwelkomwelkom', 'aaaaaaaaaaaaaaaa', 'password1234567'])
      expect(passwordProblem(weak), weak).not.toBeNull();
    expect(passwordProblem(PASSWORD)).toBeNull();
  });

  it('does the same work for an unknown e-mail as for a wrong password', async () => {
    const calls: string[] = [];
    const verifier = async (hash: string) => {
      calls.push(hash);
      return true;
    };
    expect(await checkPassword(undefined, 'wat dan ook', verifier)).toBe(false);
    expect(await checkPassword(null, 'wat dan ook', verifier)).toBe(false);
    expect(calls).toHaveLength(2);
    expect(calls.every((h) => h.startsWith('$argon2id$'))).toBe(true);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/sessie',
      remoteAddress: '10.2.0.1',
      payload: { email: USERS.aastad.email, wachtwoord: 'fout' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/sessie',
      remoteAddress: '10.2.0.1',
      payload: { email: 'niemand@gka.test', wachtwoord: 'fout' },
    });
    expect([unknown.statusCode, unknown.body]).toEqual([wrong.statusCode, wrong.body]);
  });

  it('answers 429 after ten failures for an e-mail, and after ten from one client, even with the right password', async () => {
    const fail = (email: string, ip: string, wachtwoord = 'fout-fout-fout') =>
      app.inject({ method: 'POST', url: '/api/v1/sessie', remoteAddress: ip, payload: { email, wachtwoord } });
    for (let i = 0; i < MAX_FAILURES; i++) expect((await fail(USERS.regio.email, `10.3.0.${i + 1}`)).statusCode).toBe(401);
    const locked = await fail(USERS.regio.email, '10.3.1.1', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/Te veel mislukte pogingen/);

    for (let i = 0; i < MAX_FAILURES; i++) expect((await fail(`onbekend${i}@gka.test`, '10.4.0.1')).statusCode).toBe(401);
    expect((await fail(USERS.beheerder.email, '10.4.0.1', PASSWORD)).statusCode).toBe(429);
    expect((await fail(USERS.beheerder.email, '10.4.0.2', PASSWORD)).statusCode).toBe(200);
  });

  it('sets a password once through a link from the CLI, and only a strong one', async () => {
    const { linkToken } = await addAccount(t.db, { email: 'nieuw@gka.test', role: 'gemeente', gemeenten: ['GM0002'], groepen: [] });
    const set = (wachtwoord: string) =>
      app.inject({ method: 'POST', url: '/api/v1/wachtwoord', headers: { origin: ORIGIN }, payload: { token: linkToken, wachtwoord } });
    expect((await set('welkom123456')).statusCode).toBe(400);
    expect((await set(PASSWORD)).statusCode).toBe(204);
    expect((await set(`${PASSWORD}!`)).json().error.code).toBe('invalid_link');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/sessie',
      remoteAddress: '10.5.0.1',
      payload: { email: 'nieuw@gka.test', wachtwoord: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
  });
});
