import type { SqlRunner } from './raw.ts';

export const MEASURE_COLUMNS = 'indicator, cohort, dimension, grp, area_code, numerator, denominator, dataset_id';

/**
 * An import that writes at least this share of `measure` rebuilds the table instead of deleting and
 * inserting in place: in place, a national re-import maintained two ~300 MB indexes row by row and
 * left 3M dead entries for VACUUM (94 s); rebuilt, each index is one sort.
 */
const REBUILD_SHARE = 0.25;

/** Whether writing `rows` rows is worth a rebuild, judged by the planner's row estimate of `measure`. */
export async function shouldRebuild(client: SqlRunner, rows: number): Promise<boolean> {
  const { rows: r } = await client.query<{ n: number }>(`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'measure'::regclass`);
  return rows >= REBUILD_SHARE * (r[0]?.n ?? 0);
}

/**
 * Rebuilds `measure` inside the caller's transaction: `fill` writes the complete new contents (rows
 * kept and rows new) into a fresh table without indexes, which then gets the primary key, the area
 * index and the constraints of `measure` and takes its place at commit. Readers use the old table
 * until the swap; the swap holds an exclusive lock on `measure` only until commit. A key that occurs
 * twice fails with 23505 when the primary key is built.
 */
export async function rebuildMeasure(client: SqlRunner, fill: (table: string) => Promise<void>): Promise<void> {
  await lockMeasureWrites(client);
  // Enough memory to sort a national table's keys without spilling, and to check the foreign keys by hash.
  await client.query(`set local maintenance_work_mem = '512MB'`);
  await client.query(`set local work_mem = '256MB'`);
  await client.query('create table measure_new (like measure including defaults)');
  await fill('measure_new');
  // The definitions are read from the catalogue, so the new table has exactly the old one's keys.
  const { rows: constraints } = await client.query<{ name: string; def: string; type: string }>(
    `select conname as name, pg_get_constraintdef(oid) as def, contype as type from pg_constraint
     where conrelid = 'measure'::regclass and contype in ('p', 'f', 'c') order by contype = 'p' desc, conname`,
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as def from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indrelid = 'measure'::regclass and not exists (select from pg_constraint c where c.conindid = i.oid)`,
  );
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  // Index names are unique per schema, so the primary key and indexes get a temporary name until the swap.
  for (const c of constraints) await client.query(`alter table measure_new add constraint ${q(c.type === 'p' ? `${c.name}_new` : c.name)} ${c.def}`);
  for (const i of indexes) await client.query(i.def.replace(/^CREATE INDEX \S+ ON \S+/, `CREATE INDEX ${q(`${i.name}_new`)} ON measure_new`));
  await client.query('drop table measure');
  await client.query('alter table measure_new rename to measure');
  for (const { name } of [...constraints.filter((c) => c.type === 'p'), ...indexes]) await client.query(`alter index ${q(`${name}_new`)} rename to ${q(name)}`);
}

/** One writer of `measure` at a time: a rebuild would otherwise lose rows another import wrote meanwhile. */
export async function lockMeasureWrites(client: SqlRunner): Promise<void> {
  await client.query(`select pg_advisory_xact_lock(hashtext('gka:measure'))`);
}
