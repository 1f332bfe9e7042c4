import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';

/**
 * SQL as text: the one way it reaches Postgres, for what neither the query builder nor the `sql` tag
 * serves (COPY's temp tables, session settings, savepoints, the DDL of a table rebuild). A pg client
 * is a runner as it is; a Kysely connection or transaction becomes one through `viaKysely`.
 */
export type SqlRunner = { query: <R = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<{ rows: R[] }> };
export type Query = SqlRunner['query'];

export const viaClient =
  (client: pg.Client): Query =>
  async <R>(text: string, params?: unknown[]) => ({ rows: (await client.query(text, params)).rows as R[] });

export const viaKysely =
  (db: Kysely<any>): Query =>
  async <R>(text: string, params?: unknown[]) => ({ rows: (await db.executeQuery<R>(CompiledQuery.raw(text, params ?? []))).rows as R[] });
