import type { SqlRunner } from './raw.ts';

/**
 * Foreign-key checks are row triggers: four per inserted measure row, most of a bulk insert. Where
 * every reference is known to be valid (validated against the catalogue, or copied from rows that
 * hold them) and share locks keep those tables unchanged until commit, they are redundant. Skipping
 * triggers needs a superuser (as in the docker and embedded setups); other roles keep the checks.
 * With `during`, the checks are back on afterwards; without, for the rest of the transaction.
 */
export async function skipForeignKeyChecks(runner: SqlRunner, during?: () => Promise<void>): Promise<void> {
  const { rows } = await runner.query<{ is_superuser: string }>('show is_superuser');
  const skip = rows[0]?.is_superuser === 'on';
  if (skip) await runner.query('set local session_replication_role = replica');
  if (!during) return;
  try {
    await during();
  } finally {
    if (skip) await runner.query('set local session_replication_role = origin');
  }
}
