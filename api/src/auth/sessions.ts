import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Account } from './access.ts';

export const SESSION_COOKIE = 'gka_sessie';
/** How often a session's last use is written: not on every request. */
const TOUCH_EVERY_MS = 60_000;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export type Lifetimes = { idleMs: number; maxMs: number };
export type Session = { id: string; csrfToken: string; account: Account };

/** A new session: the token goes into the cookie, only its hash into the database. */
export async function createSession(db: Db, accountId: number): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await db
    .insertInto('account_session')
    .values({ id: sha256(token), account_id: accountId, csrf_token: csrfToken })
    .execute();
  return { token, csrfToken };
}

/**
 * The live session of a cookie's token, or undefined: unknown, idle too long, older than the maximum,
 * or of a revoked account. The clock is the database's, so that every instance agrees on it.
 */
export async function findSession(db: Db, token: string | undefined, life: Lifetimes): Promise<Session | undefined> {
  if (!token || token.length > 100) return undefined;
  const id = sha256(token);
  const row = await db
    .selectFrom('account_session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .select(['s.csrf_token', 'a.id', 'a.email', 'a.role', 'a.gemeenten', 'a.groepen'])
    .select(sql<number>`extract(epoch from now() - s.seen_at) * 1000`.as('idle_ms'))
    .where('s.id', '=', id)
    .where('a.revoked_at', 'is', null)
    .where(sql<boolean>`s.seen_at > now() - make_interval(secs => ${life.idleMs / 1000})`)
    .where(sql<boolean>`s.created_at > now() - make_interval(secs => ${life.maxMs / 1000})`)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.idle_ms > TOUCH_EVERY_MS)
    await db
      .updateTable('account_session')
      .set({ seen_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  return { id, csrfToken: row.csrf_token, account: { id: row.id, email: row.email, role: row.role, gemeenten: row.gemeenten, groepen: row.groepen } };
}

export async function endSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('account_session').where('id', '=', id).execute();
}

/** Sessions past their lifetimes, removed now and then (on sign-in) so that the table stays small. */
export async function pruneSessions(db: Db, life: Lifetimes): Promise<void> {
  await db
    .deleteFrom('account_session')
    .where((eb) =>
      eb.or([
        eb('seen_at', '<', sql<Date>`now() - make_interval(secs => ${life.idleMs / 1000})`),
        eb('created_at', '<', sql<Date>`now() - make_interval(secs => ${life.maxMs / 1000})`),
      ]),
    )
    .execute();
}

/** A link to set a password: the token is shown once, its hash kept with an expiry. */
export async function createPasswordLink(db: Db, accountId: number, validMs = 24 * 3_600_000): Promise<string> {
  const token = newToken();
  await db
    .insertInto('password_link')
    .values({ token_hash: sha256(token), account_id: accountId, expires_at: sql<Date>`now() + make_interval(secs => ${validMs / 1000})` })
    .execute();
  return token;
}

/** Uses up a password link: its account id, or undefined when unknown, used or expired. */
export async function usePasswordLink(db: Db, token: string): Promise<number | undefined> {
  const row = await db
    .updateTable('password_link')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', sha256(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('account_id')
    .executeTakeFirst();
  return row?.account_id;
}
