import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Me, SetPasswordBody, SIGNED_IN_HINT, SignInBody, SignInOptions } from '@gka/shared';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { HttpError } from '../errors.ts';
import { audit } from '../auth/audit.ts';
import { checkPassword, hashPassword, passwordProblem } from '../auth/passwords.ts';
import { endSession, findSession, SESSION_COOKIE, usePasswordLink, type Lifetimes, type Session } from '../auth/sessions.ts';
import { clearFailures, isThrottled, recordFailure, throttleKeys, WINDOW_MINUTES } from '../auth/throttle.ts';
import { meOf, startSession } from '../auth/sign-in.ts';
import { dossierRoutes } from './dossier.ts';
import { oidcRoutes } from './oidc.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A werkruimte route: `no-store`, never in the response cache. */
    private?: boolean;
    /** Who may call it: `required` (default) a signed-in user, `none` anyone (sign-in itself). */
    auth?: 'required' | 'optional' | 'none';
  }
  interface FastifyRequest {
    session?: Session;
  }
}

export type WerkruimteOptions = { db: Db; config: Config };

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'Log in om de werkruimte te gebruiken');
const SIGN_IN_FAILED = () => new HttpError(401, 'sign_in_failed', 'Het e-mailadres of het wachtwoord klopt niet');

/**
 * The werkruimte's routes, apart from the public data: every answer is `no-store` and skips the
 * response cache (`private`), the session is read from its cookie only here (public routes never
 * look at it), and every write must come from the dashboard's own origin and, when signed in, carry
 * the session's CSRF token.
 */
export async function werkruimteRoutes(parent: FastifyInstance, o: WerkruimteOptions) {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const life: Lifetimes = { idleMs: o.config.sessionIdleMs, maxMs: o.config.sessionMaxMs };
  await app.register(cookie);
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, private: true };
    route.schema = { ...route.schema, hide: true };
  });
  // Before the body is parsed or validated: an anonymous or forged write costs no more than this.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('cache-control', 'no-store');
    req.session = await findSession(o.db, req.cookies[SESSION_COOKIE], life);
    const auth = req.routeOptions.config.auth ?? 'required';
    if (auth === 'required' && !req.session) throw unauthenticated();
    if (!WRITES.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `${req.protocol}://${req.host}`)
      throw new HttpError(403, 'foreign_origin', 'Dit verzoek komt niet van het dashboard zelf en is geweigerd');
    if (req.session && auth !== 'none' && !sameToken(req.headers['x-csrf-token'], req.session.csrfToken))
      throw new HttpError(403, 'csrf', 'Het beveiligingstoken (x-csrf-token) ontbreekt of klopt niet; laad de pagina opnieuw');
  });

  app.post('/sessie', { config: { auth: 'none' }, schema: { body: SignInBody, response: { 200: Me } } }, async (req, reply) => {
    const { email, wachtwoord } = req.body;
    const keys = throttleKeys(email, req.ip);
    if (await isThrottled(o.db, keys))
      throw new HttpError(
        429,
        'too_many_attempts',
        `Te veel mislukte pogingen om in te loggen; probeer het over ${WINDOW_MINUTES} minuten opnieuw`,
        undefined,
        { 'retry-after': String(WINDOW_MINUTES * 60) },
      );
    const account = await o.db
      .selectFrom('account')
      .select(['id', 'email', 'role', 'gemeenten', 'groepen', 'password_hash'])
      .where('email', '=', email)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!(await checkPassword(account?.password_hash, wachtwoord)) || !account) {
      await recordFailure(o.db, keys);
      throw SIGN_IN_FAILED();
    }
    await clearFailures(o.db, keys[0]!);
    return startSession(o.db, life, req, reply, account, 'ingelogd');
  });

  app.get('/sessie/opties', { config: { auth: 'none' }, schema: { response: { 200: SignInOptions } } }, () => ({ oidc: o.config.oidc !== undefined }));

  app.delete('/sessie', { config: { auth: 'optional' } }, async (req, reply) => {
    if (req.session) {
      await endSession(o.db, req.session.id);
      await audit(o.db, { account: req.session.account, action: 'uitgelogd' });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/api/' });
    reply.clearCookie(SIGNED_IN_HINT, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/ik', { schema: { response: { 200: Me } } }, (req) => meOf(o.db, req.session!.account, req.session!.csrfToken));

  app.post('/wachtwoord', { config: { auth: 'none' }, schema: { body: SetPasswordBody, response: { 204: z.null() } } }, async (req, reply) => {
    const problem = passwordProblem(req.body.wachtwoord);
    if (problem) throw new HttpError(400, 'weak_password', problem);
    const hash = await hashPassword(req.body.wachtwoord);
    const account = await o.db.transaction().execute(async (trx) => {
      const id = await usePasswordLink(trx, req.body.token);
      if (id === undefined) return undefined;
      // A new password ends every session of the account.
      await trx.deleteFrom('account_session').where('account_id', '=', id).execute();
      return trx.updateTable('account').set({ password_hash: hash }).where('id', '=', id).returning(['id', 'email']).executeTakeFirstOrThrow();
    });
    if (!account) throw new HttpError(400, 'invalid_link', 'Deze link is onbekend, al gebruikt of verlopen; vraag de beheerder om een nieuwe');
    await audit(o.db, { account, action: 'wachtwoord_gezet' });
    return reply.code(204).send(null);
  });

  await app.register(dossierRoutes, { db: o.db });
  if (o.config.oidc) await app.register(oidcRoutes, { db: o.db, oidc: o.config.oidc, life });
}

function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
