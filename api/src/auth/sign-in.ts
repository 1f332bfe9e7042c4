import type { FastifyReply, FastifyRequest } from 'fastify';
import { SIGNED_IN_HINT, type Me } from '@gka/shared';
import type { Db } from '../db/connect.ts';
import { gemeentenOf, type Account } from './access.ts';
import { audit } from './audit.ts';
import { createSession, endSession, pruneSessions, SESSION_COOKIE, type Lifetimes } from './sessions.ts';

/** What GET /ik says of an account: who, what role, and the dossiers she may open as the API decides it. */
export async function meOf(db: Db, account: Account, csrfToken: string): Promise<Me> {
  const dossiers = await gemeentenOf(db, account);
  return {
    email: account.email,
    rol: account.role,
    gemeenten: account.gemeenten,
    groepen: account.groepen,
    dossiers: dossiers === null ? 'alle' : [...dossiers].sort(),
    csrfToken,
  };
}

/**
 * A new session for an account that has just proved who she is (password or OIDC): a session the
 * browser had ends first, so that a planted session cookie cannot become the signed-in one. Beside
 * the HttpOnly session cookie, a hint the app can read (it asks /ik only then).
 */
export async function startSession(db: Db, life: Lifetimes, req: FastifyRequest, reply: FastifyReply, account: Account, action: string): Promise<Me> {
  if (req.session) await endSession(db, req.session.id);
  await pruneSessions(db, life);
  const { token, csrfToken } = await createSession(db, account.id);
  await audit(db, { account, action });
  const common = { sameSite: 'lax', secure: req.protocol === 'https', maxAge: Math.floor(life.maxMs / 1000) } as const;
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true, path: '/api/' });
  reply.setCookie(SIGNED_IN_HINT, '1', { ...common, path: '/' });
  return meOf(db, account, csrfToken);
}
