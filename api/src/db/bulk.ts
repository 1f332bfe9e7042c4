import { Kysely, PostgresDialect, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type BulkSession = { client: pg.Client; db: Kysely<Database> };

/**
 * Runs a bulk load of `measure` on one raw pg client (COPY needs one) in a single transaction, with
 * Kysely on the same client so its queries join that transaction. After commit, VACUUM sets the
 * visibility map, so the covering indexes of `measure` answer reads without touching the heap.
 */
export async function bulkTransaction<T>(url: string, fn: (s: BulkSession) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    let result: T;
    try {
      result = await fn({ client, db: kyselyOnClient(client) });
      await client.query('commit');
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    }
    // Outside the transaction (VACUUM cannot run in one); a failure here loses no data.
    await client.query('vacuum (analyze) measure');
    return result;
  } finally {
    await client.end();
  }
}

function kyselyOnClient(client: pg.Client): Kysely<Database> {
  const pooled = { query: client.query.bind(client), release: () => {} } as unknown as PostgresPoolClient;
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: { connect: async () => pooled, end: async () => {} } }) });
}
