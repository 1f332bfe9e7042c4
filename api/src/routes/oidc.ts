import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as client from 'openid-client';
import { z } from 'zod';
import type { OidcError } from '@gka/shared';
import type { OidcConfig } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { Lifetimes } from '../auth/sessions.ts';
import { startSession } from '../auth/sign-in.ts';

export type OidcOptions = { db: Db; oidc: OidcConfig; life: Lifetimes };

/** What the start of a sign-in leaves in the browser for its return: kept there, not in memory, so any instance can finish it. */
type Pending = { state: string; nonce: string; verifier: string; terug: string; expires: number };

const PENDING_COOKIE = 'gka_oidc';
const PENDING_MS = 10 * 60_000;
/** Seconds the provider may take to answer the dashboard (discovery, token, userinfo), while a browser waits. */
const PROVIDER_TIMEOUT_S = 10;

/**
 * A path on the dashboard itself: one leading slash (not `//host` or `/\host`), and printable ASCII
 * only (percent-encoded otherwise): no control characters browsers would drop, nothing a Location header refuses.
 */
const LOCAL_PATH = /^\/(?![/\\])[\x21-\x7e]*$/;

const StartQuery = z.object({
  terug: z.string().max(500).regex(LOCAL_PATH, 'verwacht een pad op het dashboard zelf, zoals /gemeente/GM0855').optional(),
});
// The provider adds what it likes to the return (iss, session_state, error_description): the library reads it, not zod.
const ReturnQuery = z.record(z.string(), z.unknown());

/**
 * Signing in through the organisation's OpenID Connect provider (authorization code flow with PKCE):
 * a verified e-mail address signs in to the account that already has it. Accounts are never made
 * here; that stays with the beheerder's CLI. Registered inside the werkruimte's routes (no-store,
 * session lookup) only when GKA_OIDC_* is configured.
 */
export async function oidcRoutes(parent: FastifyInstance, o: OidcOptions) {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const cookiePath = `${app.prefix}/sessie/oidc`;
  // The pending sign-in is signed with a key of the client secret: every instance has it, nobody else does.
  const key = Buffer.from(hkdfSync('sha256', o.oidc.clientSecret, 'gka-oidc', 'pending sign-in cookie', 32));
  // Discovery once, on first use (the provider need not be up when the dashboard starts); a failure is tried again next time.
  let discovered: Promise<client.Configuration> | undefined;
  const provider = () =>
    (discovered ??= discover(o.oidc).catch((err: unknown) => {
      discovered = undefined;
      throw err;
    }));

  const fail = (reply: FastifyReply, fout: OidcError) => {
    reply.clearCookie(PENDING_COOKIE, { path: cookiePath });
    return reply.redirect(`/inloggen?fout=${fout}`);
  };

  app.get('/sessie/oidc', { config: { auth: 'none' }, schema: { querystring: StartQuery } }, async (req, reply) => {
    let config: client.Configuration;
    try {
      config = await provider();
    } catch (err) {
      req.log.warn({ err }, 'OIDC-provider niet bereikbaar (discovery)');
      return fail(reply, 'oidc_onbereikbaar');
    }
    const pending: Pending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      terug: req.query.terug ?? '/',
      expires: Date.now() + PENDING_MS,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: o.oidc.redirectUri,
      scope: 'openid email',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    // SameSite=Lax: the provider's redirect back is a top-level GET, which carries it.
    reply.setCookie(PENDING_COOKIE, seal(key, pending), {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      path: cookiePath,
      maxAge: PENDING_MS / 1000,
    });
    return reply.redirect(url.href);
  });

  app.get('/sessie/oidc/terug', { config: { auth: 'none' }, schema: { querystring: ReturnQuery } }, async (req, reply) => {
    // Used once: a replayed return finds no cookie.
    const pending = unseal(key, req.cookies[PENDING_COOKIE]);
    if (!pending) return fail(reply, 'oidc_mislukt');
    let claims: client.UserInfoResponse | client.IDToken;
    try {
      const config = await provider();
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      // The library sends the address without its query as redirect_uri: the one the provider was
      // given, whatever host or proxy the request came through.
      const tokens = await client.authorizationCodeGrant(config, new URL(o.oidc.redirectUri + query), {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      // Many providers put e-mail in the ID token only when asked with the claims parameter; userinfo always has it.
      claims =
        typeof idToken.email === 'string' && typeof idToken.email_verified === 'boolean'
          ? idToken
          : await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
    } catch (err) {
      req.log.warn({ err }, 'OIDC-aanmelding geweigerd');
      return fail(reply, 'oidc_mislukt');
    }
    if (claims.email_verified !== true || typeof claims.email !== 'string') return fail(reply, 'email_niet_bevestigd');
    const account = await o.db
      .selectFrom('account')
      .select(['id', 'email', 'role', 'gemeenten', 'groepen'])
      .where('email', '=', claims.email.trim().toLowerCase())
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!account) return fail(reply, 'geen_account');
    await startSession(o.db, o.life, req, reply, account, 'ingelogd_oidc');
    reply.clearCookie(PENDING_COOKIE, { path: cookiePath });
    return reply.redirect(pending.terug);
  });
}

function discover(oidc: OidcConfig): Promise<client.Configuration> {
  // Plain http is allowed by the configuration only for a provider on this machine (development, tests).
  const insecure = new URL(oidc.issuer).protocol === 'http:';
  return client.discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, client.ClientSecretBasic(oidc.clientSecret), {
    timeout: PROVIDER_TIMEOUT_S,
    ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
  });
}

function seal(key: Buffer, p: Pending): string {
  const body = Buffer.from(JSON.stringify(p)).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

/** The pending sign-in of a cookie, or undefined: absent, not signed by us, or expired. */
function unseal(key: Buffer, cookie: string | undefined): Pending | undefined {
  if (!cookie || cookie.length > 2000) return undefined;
  const [body = '', mac = ''] = cookie.split('.');
  const expected = createHmac('sha256', key).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const p = JSON.parse(Buffer.from(body, 'base64url').toString()) as Pending;
  return p.expires > Date.now() ? p : undefined;
}
