import type { Role } from '@gka/shared';
import type { Db } from '../db/connect.ts';

/** An account as the werkruimte sees it on a request. */
export type Account = { id: number; email: string; role: Role; gemeenten: string[]; groepen: string[] };

/**
 * The gemeenten an account may open: all for a beheerder (null), its own for a gemeente account, and
 * for a regiocoördinator the members of its groups as they are now (a changed grouping applies at once).
 */
export async function gemeentenOf(db: Db, account: Account): Promise<Set<string> | null> {
  if (account.role === 'beheerder') return null;
  const own = new Set(account.gemeenten);
  if (account.role === 'regiocoordinator' && account.groepen.length) {
    const members = await db.selectFrom('area_group_member').select('area_code').where('group_code', 'in', account.groepen).execute();
    for (const m of members) own.add(m.area_code);
  }
  return own;
}

export async function maySee(db: Db, account: Account, gemeente: string): Promise<boolean> {
  const allowed = await gemeentenOf(db, account);
  return allowed === null || allowed.has(gemeente);
}
