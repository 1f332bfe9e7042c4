import { sql } from 'kysely';
import { ROLE_LABELS, type Role } from '@gka/shared';
import type { Db } from '../db/connect.ts';
import { audit } from './audit.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { createPasswordLink } from './sessions.ts';

export type NewAccount = { email: string; role: Role; gemeenten: string[]; groepen: string[]; password?: string };

/** Adds an account after checking what it names; Dutch errors for the CLI. Returns a password link's token when no password was given. */
export async function addAccount(db: Db, a: NewAccount): Promise<{ id: number; linkToken?: string }> {
  const email = a.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`Geen geldig e-mailadres: ${a.email}`);
  if (a.role === 'gemeente' && !a.gemeenten.length) throw new Error('Een gemeente-account heeft --gemeente nodig (bijvoorbeeld --gemeente GM0855)');
  if (a.role === 'regiocoordinator' && !a.groepen.length && !a.gemeenten.length)
    throw new Error('Een regiocoördinator heeft --groep of --gemeente nodig (bijvoorbeeld --groep corop-34)');
  if (a.role === 'beheerder' && (a.groepen.length || a.gemeenten.length)) throw new Error('Een beheerder ziet alle gemeenten: laat --gemeente en --groep weg');
  if (a.gemeenten.length) {
    const known = new Set(
      (await db.selectFrom('area').select('code').where('code', 'in', a.gemeenten).where('level', '=', 'gemeente').execute()).map((r) => r.code),
    );
    const unknown = a.gemeenten.filter((g) => !known.has(g));
    if (unknown.length) throw new Error(`Onbekende gemeente: ${unknown.join(', ')}`);
  }
  if (a.groepen.length) {
    const known = new Set((await db.selectFrom('area_group').select('code').where('code', 'in', a.groepen).execute()).map((r) => r.code));
    const unknown = a.groepen.filter((g) => !known.has(g));
    if (unknown.length) throw new Error(`Onbekende groep: ${unknown.join(', ')} (pnpm gka status noemt de groepen)`);
  }
  if (a.password !== undefined) {
    const problem = passwordProblem(a.password);
    if (problem) throw new Error(problem);
  }
  const hash = a.password === undefined ? null : await hashPassword(a.password);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('account').select(['id', 'revoked_at']).where('email', '=', email).executeTakeFirst();
    if (existing && !existing.revoked_at) throw new Error(`Er is al een account voor ${email}`);
    const values = { email, role: a.role, gemeenten: a.gemeenten, groepen: a.groepen, password_hash: hash, revoked_at: null };
    const { id } = existing
      ? await trx.updateTable('account').set(values).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()
      : await trx.insertInto('account').values(values).returning('id').executeTakeFirstOrThrow();
    await audit(trx, { account: { id, email }, action: 'account_toegevoegd', details: { rol: a.role, gemeenten: a.gemeenten, groepen: a.groepen } });
    return { id, linkToken: hash ? undefined : await createPasswordLink(trx, id) };
  });
}

/** Revokes an account: its sessions end at once; its dossier work stays. */
export async function revokeAccount(db: Db, email: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('account')
      .set({ revoked_at: sql`now()` })
      .where('email', '=', email.trim().toLowerCase())
      .where('revoked_at', 'is', null)
      .returning(['id', 'email'])
      .executeTakeFirst();
    if (!row) throw new Error(`Geen actief account voor ${email}`);
    await trx.deleteFrom('account_session').where('account_id', '=', row.id).execute();
    await audit(trx, { account: row, action: 'account_ingetrokken' });
  });
}

export async function listAccounts(db: Db) {
  const rows = await db
    .selectFrom('account')
    .select(['email', 'role', 'gemeenten', 'groepen', 'password_hash', 'created_at', 'revoked_at'])
    .orderBy('email')
    .execute();
  return rows.map((r) => ({
    email: r.email,
    rol: ROLE_LABELS[r.role],
    gebied: [...r.gemeenten, ...r.groepen].join(',') || 'alle gemeenten',
    status: r.revoked_at ? 'ingetrokken' : r.password_hash ? 'actief' : 'wacht op wachtwoord',
  }));
}
