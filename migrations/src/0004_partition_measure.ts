import { type Kysely, sql } from 'kysely';

const KEY = sql.raw('indicator, cohort, dimension, area_code, grp');
const AREA_KEY = sql.raw('area_code, indicator, cohort, dimension, grp');

/**
 * `measure` partitioned by indicator, one partition per indicator named `measure_<code>` (issue #6).
 * An import then builds a fresh table for each indicator it replaces (bulk insert, indexes built
 * once by sorting) and swaps it in at commit, instead of deleting and re-inserting millions of rows
 * through two national indexes and vacuuming the dead ones afterwards. Readers keep the old
 * partition until the swap. Queries always name the indicator or read one area across all twelve
 * partitions, which costs a few index probes more. A migration that adds an indicator makes its
 * partition too (`createMeasurePartition`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table measure rename to measure_unpartitioned`.execute(db);
  await sql`alter index measure_pk rename to measure_unpartitioned_pk`.execute(db);
  await sql`alter index measure_area_idx rename to measure_unpartitioned_area_idx`.execute(db);
  // The key columns hold ASCII codes: byte order ("C") sorts them as any collation would, and lets
  // Postgres compare with memcmp and abbreviated keys instead of strcoll, in index builds and probes.
  await sql`create table measure (
    indicator text collate "C" not null references indicator (code) on delete cascade,
    cohort text collate "C" not null references cohort (code) on delete cascade,
    dimension text collate "C" not null,
    grp text collate "C" not null,
    area_code text collate "C" not null references area (code) on delete cascade,
    numerator bigint not null,
    denominator bigint not null,
    dataset_id integer references dataset (id),
    constraint measure_pk primary key (${KEY}) include (numerator, denominator),
    constraint measure_group_fk foreign key (dimension, grp) references breakdown_group (dimension, grp),
    constraint measure_counts_check check (denominator >= 0 and numerator >= 0)
  ) partition by list (indicator)`.execute(db);
  await sql`create index measure_area_idx on measure (${AREA_KEY}) include (numerator, denominator)`.execute(db);
  const { rows } = await sql<{ code: string }>`select code from indicator order by code`.execute(db);
  for (const { code } of rows) await createMeasurePartition(db, code);
  await sql`insert into measure select indicator, cohort, dimension, grp, area_code, numerator, denominator, dataset_id
    from measure_unpartitioned order by indicator, cohort, dimension, area_code, grp`.execute(db);
  await sql`drop table measure_unpartitioned`.execute(db);
}

/**
 * The partition of `measure` for one indicator. Its indexes follow from the parent's; they get the
 * names an import gives the partitions it builds (`measure_<code>_pk`, `measure_<code>_area_idx`).
 */
export async function createMeasurePartition(db: Kysely<unknown>, code: string): Promise<void> {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(code)) throw new Error(`Indicatorcode ${code} past niet in een tabelnaam (a-z, 0-9, _; hoogstens 41 tekens)`);
  const table = `measure_${code}`;
  await sql`create table ${sql.id(table)} partition of measure for values in (${sql.lit(code)})`.execute(db);
  for (const [parent, suffix] of [['measure_pk', 'pk'], ['measure_area_idx', 'area_idx']] as const) {
    const { rows } = await sql<{ name: string }>`
      select c.relname as name from pg_inherits i join pg_index x on x.indexrelid = i.inhrelid join pg_class c on c.oid = i.inhrelid
      where i.inhparent = ${parent}::regclass and x.indrelid = ${table}::regclass`.execute(db);
    await sql`alter index ${sql.id(rows[0]!.name)} rename to ${sql.id(`${table}_${suffix}`)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create table measure_plain (like measure including defaults including constraints)`.execute(db);
  await sql`insert into measure_plain select * from measure`.execute(db);
  await sql`drop table measure`.execute(db);
  await sql`alter table measure_plain rename to measure`.execute(db);
  await sql`alter table measure add constraint measure_pk primary key (${KEY}) include (numerator, denominator),
    add foreign key (indicator) references indicator (code) on delete cascade,
    add foreign key (cohort) references cohort (code) on delete cascade,
    add foreign key (area_code) references area (code) on delete cascade,
    add foreign key (dataset_id) references dataset (id),
    add constraint measure_group_fk foreign key (dimension, grp) references breakdown_group (dimension, grp)`.execute(db);
  await sql`create index measure_area_idx on measure (${AREA_KEY}) include (numerator, denominator)`.execute(db);
}
