import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Me, SignInOptions } from '@gka/shared';
import { addAccount, revokeAccount } from '../auth/accounts.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { testConfig } from '../test/config.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { freePort } from '../test/free-port.ts';

// A real OpenID Connect provider (oidc-provider, the certified one) on a loopback port, with its
// development login and consent pages: whatever login is typed there becomes the subject below.
const PUBLIC_URL = 'http://dashboard.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/sessie/oidc/terug`;
const CLIENT = { clientId: 'gka-dashboard', clientSecret: 'een-geheim-van-het-dashboard-bij-de-provider' };
const IDENTITIES: Record<string, { email: string; email_verified: boolean }> = {
  els: { email: 'Els.Jansen@Tilburg.test', email_verified: true },
  onbevestigd: { email: 'piet@tilburg.test', email_verified: false },
  onbekend: { email: 'niemand@tilburg.test', email_verified: true },
  ingetrokken: { email: 'oud@tilburg.test', email_verified: true },
};

let t: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let providerServer: http.Server;

beforeAll(async () => {
  // The server listens first, so the issuer (which names the port) is known without a race for a free port.
  let handle: http.RequestListener = () => {};
  providerServer = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // Its start-up warnings are about running it in production (in-memory store, development pages,
  // Node 20 not among the releases it is tested on): true, and beside the point of a test.
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const { default: Provider } = await import('oidc-provider');
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, redirect_uris: [REDIRECT_URI] }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['koekjes-van-de-test-provider'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    findAccount: (_ctx, sub) => (IDENTITIES[sub] ? { accountId: sub, claims: () => ({ sub, ...IDENTITIES[sub] }) } : undefined),
  });
  warn.mockRestore();
  handle = provider.callback();

  t = await createTestDatabase();
  for (const email of ['els.jansen@tilburg.test', 'piet@tilburg.test', 'oud@tilburg.test'])
    await addAccount(t.db, { email, role: 'beheerder', gemeenten: [], groepen: [], password: 'Zomer-aan-de-Dommel-2026' });
  await revokeAccount(t.db, 'oud@tilburg.test');
  app = await buildApp({ config: testConfig({ publicUrl: PUBLIC_URL, oidc: { issuer, ...CLIENT, redirectUri: REDIRECT_URI } }), db: t.db });
});

afterAll(async () => {
  await app?.close();
  await t?.drop();
  providerServer?.closeAllConnections();
  await new Promise((resolve) => providerServer?.close(resolve));
});

type Return = { url: string; pending: string };

/**
 * A browser going from the dashboard's start to the provider and back, following each redirect by
 * hand: it signs in at the provider as `login`, consents, and stops where the provider sends it back
 * to the dashboard (with the dashboard's pending sign-in cookie it got at the start).
 */
async function throughProvider(login: string, terug?: string): Promise<Return> {
  const start = await app.inject({ url: `/api/v1/sessie/oidc${terug ? `?terug=${encodeURIComponent(terug)}` : ''}` });
  expect(start.statusCode, start.body).toBe(302);
  const pending = start.cookies.find((c) => c.name === 'gka_oidc')!;
  expect(pending).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/sessie/oidc' });
  let url = new URL(start.headers.location!);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  const jar = new Map<string, string>();
  const send = async (init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
  for (let step = 0; step < 12 && !url.href.startsWith(REDIRECT_URI); step++) {
    let res = await send();
    if (res.status === 200) {
      // The provider's login or consent page: fill it in as a person would.
      const page = await res.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      url = new URL(/action="([^"]+)"/.exec(page)![1]!, url);
      res = await send({ method: 'POST', body: new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'om-het-even' } : { prompt: prompt! }) });
    }
    expect(res.status, `${url.href}: ${res.status}`).toBeGreaterThanOrEqual(300);
    url = new URL(res.headers.get('location')!, url);
  }
  expect(url.href.startsWith(REDIRECT_URI), url.href).toBe(true);
  return { url: url.pathname + url.search, pending: pending.value };
}

/** The browser arriving back at the dashboard, with the pending sign-in cookie it has (null: none). */
const back = (r: Return, pending: string | null = r.pending) => app.inject({ url: r.url, cookies: pending ? { gka_oidc: pending } : {} });
const accounts = async () => (await t.db.selectFrom('account').select('email').execute()).map((a) => a.email).sort();

describe('signing in through OIDC', () => {
  it('signs an existing account in by its verified e-mail, case aside, and takes her where she was going', async () => {
    const res = await back(await throughProvider('els', '/gemeente/GM0855?tab=dossier'));
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/gemeente/GM0855?tab=dossier');
    const session = res.cookies.find((c) => c.name === 'gka_sessie')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/' });
    const me = await app.inject({ url: '/api/v1/ik', cookies: { gka_sessie: session.value } });
    expect(me.statusCode).toBe(200);
    expect(Me.parse(me.json()).email).toBe('els.jansen@tilburg.test');
    const logged = await t.db.selectFrom('audit_log').select(['email', 'action']).where('action', '=', 'ingelogd_oidc').execute();
    expect(logged).toEqual([{ email: 'els.jansen@tilburg.test', action: 'ingelogd_oidc' }]);
  });

  it('refuses an e-mail the provider has not verified, and one without an account or a revoked one, making no account', async () => {
    const before = await accounts();
    for (const [login, fout] of [
      ['onbevestigd', 'email_niet_bevestigd'],
      ['onbekend', 'geen_account'],
      ['ingetrokken', 'geen_account'],
    ]) {
      const res = await back(await throughProvider(login!));
      expect(res.headers.location, login).toBe(`/inloggen?fout=${fout}`);
      expect(
        res.cookies.find((c) => c.name === 'gka_sessie'),
        login,
      ).toBeUndefined();
    }
    expect(await accounts()).toEqual(before);
  });

  it('refuses a forged state, a return without its start, and a replayed return', async () => {
    const els = await throughProvider('els');
    // Login CSRF: someone else's code and state arriving in a browser that started a sign-in of its own.
    const other = await throughProvider('els');
    const forged = { ...els, url: els.url.replace(/\bstate=[^&]+/, 'state=vervalst') };
    for (const res of [await back(els, other.pending), await back(forged), await back(els, null)]) {
      expect(res.headers.location).toBe('/inloggen?fout=oidc_mislukt');
      expect(res.cookies.find((c) => c.name === 'gka_sessie')).toBeUndefined();
    }
    expect((await back(els)).headers.location).toBe('/');
    const replay = await back(els);
    expect(replay.headers.location).toBe('/inloggen?fout=oidc_mislukt');
    expect(replay.cookies.find((c) => c.name === 'gka_sessie')).toBeUndefined();
  });

  it('goes back only to a path on the dashboard itself', async () => {
    for (const terug of ['//evil.example/', '/\\evil.example', 'https://evil.example/', '/\t/evil.example', '/gemeente/€']) {
      const res = await app.inject({ url: `/api/v1/sessie/oidc?terug=${encodeURIComponent(terug)}` });
      expect(res.statusCode, terug).toBe(400);
    }
  });

  it('offers the button only when configured; unconfigured, its routes do not exist', async () => {
    expect(SignInOptions.parse((await app.inject({ url: '/api/v1/sessie/opties' })).json())).toEqual({ oidc: true });
    const plain = await buildApp({ config: testConfig(), db: t.db });
    try {
      const opties = await plain.inject({ url: '/api/v1/sessie/opties' });
      expect(opties.headers['cache-control']).toBe('no-store');
      expect(opties.json()).toEqual({ oidc: false });
      expect((await plain.inject({ url: '/api/v1/sessie/oidc' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('says so when the provider cannot be reached', async () => {
    const issuer = `http://127.0.0.1:${await freePort()}`;
    const down = await buildApp({ config: testConfig({ publicUrl: PUBLIC_URL, oidc: { issuer, ...CLIENT, redirectUri: REDIRECT_URI } }), db: t.db });
    try {
      const res = await down.inject({ url: '/api/v1/sessie/oidc' });
      expect(res.headers.location).toBe('/inloggen?fout=oidc_onbereikbaar');
    } finally {
      await down.close();
    }
  });

  it('is configured with all three settings or none, and talks to a provider elsewhere over https only', () => {
    const oidc = { GKA_OIDC_ISSUER: 'https://login.tilburg.test/realms/gka', GKA_OIDC_CLIENT_ID: 'dashboard', GKA_OIDC_CLIENT_SECRET: 'geheim' };
    expect(loadConfig({ ...oidc, GKA_PUBLIC_URL: 'https://dashboard.tilburg.test/' }).oidc).toEqual({
      issuer: oidc.GKA_OIDC_ISSUER,
      clientId: 'dashboard',
      clientSecret: 'geheim',
      redirectUri: 'https://dashboard.tilburg.test/api/v1/sessie/oidc/terug',
    });
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(() => loadConfig({ ...oidc, GKA_OIDC_CLIENT_SECRET: '' })).toThrow(/GKA_OIDC_ISSUER: inloggen via OIDC heeft .* alle drie nodig/);
    expect(() => loadConfig({ ...oidc, GKA_OIDC_ISSUER: 'http://login.tilburg.test' })).toThrow(/GKA_OIDC_ISSUER: verwacht een https-adres/);
    expect(loadConfig({ ...oidc, GKA_OIDC_ISSUER: 'http://localhost:8080' }).oidc?.issuer).toBe('http://localhost:8080');
  });
});
