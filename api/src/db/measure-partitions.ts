import type pg from 'pg';

const KEY = 'indicator, cohort, dimension, area_code, grp';
export const MEASURE_COLUMNS = 'indicator, cohort, dimension, grp, area_code, numerator, denominator, dataset_id';

/** The partition of `measure` that holds one indicator (migration 0004). */
export function partitionOf(indicator: string): string {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(indicator)) throw new Error(`Indicatorcode ${indicator} past niet in een tabelnaam`);
  return `measure_${indicator}`;
}

/**
 * Replaces whole partitions of `measure`, one per indicator, inside the caller's transaction:
 * `fill` writes the complete new contents of an indicator into a fresh table (the rows to keep as
 * well as the new ones), which then gets its primary key and area index built in one sort each and
 * takes the old partition's place. The heavy part runs while readers still use the old partitions;
 * the swap at the end holds an exclusive lock on `measure` only until commit. Nothing is deleted
 * row by row, so no dead tuples are left for VACUUM. Returns the partitions that were replaced, to
 * vacuum after commit (that sets the visibility map their index-only scans need).
 */
export async function replacePartitions(
  client: pg.Client,
  indicators: readonly string[],
  fill: (table: string, indicator: string) => Promise<void>,
): Promise<string[]> {
  // One import at a time: two would build the same table names and the later swap would lose rows.
  await client.query(`select pg_advisory_xact_lock(hashtext('gka:measure'))`);
  // Sorting the index keys of a national indicator (~300k rows) in memory instead of on disk.
  await client.query(`set local maintenance_work_mem = '256MB'`);
  const built: { indicator: string; partition: string; table: string }[] = [];
  for (const indicator of indicators) {
    const partition = partitionOf(indicator);
    const table = `${partition}_new`;
    await client.query(`create table ${table} (like measure including defaults including constraints)`);
    await fill(table, indicator);
    // Implies the partition bound, so ATTACH does not scan the table to check it.
    await client.query(`alter table ${table} add constraint ${table}_bound check (indicator = '${indicator}')`);
    // A key that occurs twice fails here with 23505, as an insert into measure would.
    await client.query(`alter table ${table} add constraint ${table}_pk primary key (${KEY}) include (numerator, denominator)`);
    await client.query(`create index ${table}_area_idx on ${table} (area_code, indicator, cohort, dimension, grp) include (numerator, denominator)`);
    built.push({ indicator, partition, table });
  }
  for (const { indicator, partition, table } of built) {
    await client.query(`drop table if exists ${partition}`);
    await client.query(`alter table ${table} rename to ${partition}`);
    await client.query(`alter index ${table}_pk rename to ${partition}_pk`);
    await client.query(`alter index ${table}_area_idx rename to ${partition}_area_idx`);
    await client.query(`alter table ${partition} rename constraint ${table}_bound to ${partition}_bound`);
    // The parent's indexes adopt the matching ones built above; its foreign keys are checked here.
    await client.query(`alter table measure attach partition ${partition} for values in ('${indicator}')`);
  }
  return built.map((b) => b.partition);
}

/**
 * What to run after commit (VACUUM cannot run in a transaction) on partitions an import wrote: the
 * visibility map their index-only scans need, and statistics.
 */
export function vacuumStatement(partitions: readonly string[]): string | undefined {
  // Not `analyze measure`: plans use the partitions' statistics, and the parent's would cost ~2 s more.
  return partitions.length ? `vacuum (analyze) ${partitions.join(', ')}` : undefined;
}
