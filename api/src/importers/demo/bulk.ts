import type pg from 'pg';

/**
 * The Postgres recipe for bulk loads ("Populating a Database": drop indexes and foreign keys, load,
 * re-create them): checking five foreign keys and maintaining two indexes row by row makes a
 * national COPY of 2.5M measure rows take minutes; building them once afterwards takes seconds.
 * Run inside the load's transaction: the definitions are read from the catalogue and restored
 * exactly, and a failure rolls the drop back with everything else, so the schema never changes.
 * Other sessions wait for `measure` until the transaction ends.
 */
export async function suspendMeasureKeys(client: pg.Client): Promise<() => Promise<void>> {
  const { rows: constraints } = await client.query<{ name: string; def: string; type: string }>(
    `select conname as name, pg_get_constraintdef(oid) as def, contype as type from pg_constraint
     where conrelid = 'measure'::regclass and contype in ('p', 'f')`,
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as def from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indrelid = 'measure'::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
  );
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  for (const c of constraints) await client.query(`alter table measure drop constraint ${q(c.name)}`);
  for (const i of indexes) await client.query(`drop index ${q(i.name)}`);
  return async () => {
    // Enough memory to sort the index keys and hash the referenced tables in one pass.
    await client.query(`set local maintenance_work_mem = '256MB'`);
    await client.query(`set local work_mem = '64MB'`);
    // The primary key first: foreign keys are checked faster with it, and a duplicate key fails here.
    const ordered = [...constraints].sort((a, b) => (a.type === 'p' ? -1 : b.type === 'p' ? 1 : 0));
    for (const c of ordered) await client.query(`alter table measure add constraint ${q(c.name)} ${c.def}`);
    for (const i of indexes) await client.query(i.def);
    await client.query('analyze measure');
  };
}

/**
 * Removes the measures of the given indicators while the keys are suspended: truncate and put the
 * other rows back. A DELETE of millions of rows would leave as many dead tuples for the index
 * builds to wade through; the other indicators' rows (the DUO ones) are few.
 */
export async function removeMeasures(client: pg.Client, indicators: readonly string[]): Promise<void> {
  await client.query('create temp table measure_kept (like measure) on commit drop');
  await client.query('insert into measure_kept select * from measure where indicator <> all($1)', [indicators]);
  await client.query('truncate measure');
  await client.query('insert into measure select * from measure_kept');
}
