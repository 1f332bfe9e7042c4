import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/** Failed sign-ins allowed per e-mail and per client within WINDOW_MINUTES; the next gets 429. */
export const MAX_FAILURES = 10;
export const WINDOW_MINUTES = 15;

export const throttleKeys = (email: string, client: string) => [`email:${email}`, `ip:${client}`];

/**
 * Whether any of the keys has used up its failures. Kept in Postgres, not in memory: every API
 * instance counts the same failures.
 */
export async function isThrottled(db: Db, keys: readonly string[]): Promise<boolean> {
  const rows = await db
    .selectFrom('login_failure')
    .select(['key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('key', 'in', keys)
    .where('at', '>', sql<Date>`now() - make_interval(mins => ${WINDOW_MINUTES})`)
    .groupBy('key')
    .execute();
  return rows.some((r) => Number(r.n) >= MAX_FAILURES);
}

export async function recordFailure(db: Db, keys: readonly string[]): Promise<void> {
  await db
    .insertInto('login_failure')
    .values(keys.map((key) => ({ key })))
    .execute();
  // Old failures go now and then, not on every failure.
  if (Math.random() < 0.05)
    await db
      .deleteFrom('login_failure')
      .where('at', '<', sql<Date>`now() - make_interval(mins => ${WINDOW_MINUTES})`)
      .execute();
}

/** A successful sign-in forgives the e-mail's failures (not the client's). */
export async function clearFailures(db: Db, emailKey: string): Promise<void> {
  await db.deleteFrom('login_failure').where('key', '=', emailKey).execute();
}
