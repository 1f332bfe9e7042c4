import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { bulkTransaction, type BulkSession } from '../../db/bulk.ts';
import { lockMeasureWrites, MEASURE_COLUMNS, rebuildMeasure, shouldRebuild } from '../../db/measure-rebuild.ts';
import type { Database } from '../../db/schema.ts';
import { FileTables } from '../../disclosure/file-tables.ts';
import { skipForeignKeyChecks } from '../../db/foreign-keys.ts';
import { refreshPools } from '../../disclosure/pooled-periods.ts';
import { viaClient } from '../../db/raw.ts';
import { disclosureBasis, recordDecisions, refreshDisclosure, type Pair } from '../../disclosure/store.ts';
import { recordDataset } from '../dataset.ts';
import { cohortRow } from '../gka-cohort.ts';
import { MAX_PROBLEMS, parseHeader, parseValueLine, ValuesFileError, VALUE_COLUMNS, type Catalogue, type Unit } from './parse.ts';
import { readUtf8Lines } from './read-lines.ts';

export type ImportValuesOptions = {
  /** Marks the dataset as synthetic demo data (docs/data-sources.md). */
  synthetic?: boolean;
  /** Called now and then with the number of data lines read. */
  onProgress?: (rows: number) => void;
  /** Called when every line has been read and checked, before the keys are replaced in `measure`. */
  onReplace?: (rows: number) => void;
};

export type ImportValuesResult = { datasetId: number; rows: number; createdCohorts: string[] };

/**
 * Imports a values CSV in the CBS delivery format (docs/data-sources.md): validates every line, COPYs the rows into a temporary table and
 * puts them in `measure` in place of the same keys, all in one transaction, so a bad file changes nothing and a
 * re-import replaces the same keys. Cohorts the file names but the database lacks are created: a
 * GKA code such as 2020-2021 with the two school years it pools (so its COVID notes apply), any
 * other code with label = code and no school years.
 *
 * Takes a connection string rather than a Kysely instance because COPY needs a raw pg client.
 */
export function importValues(url: string, file: string, options: ImportValuesOptions = {}): Promise<ImportValuesResult> {
  return bulkTransaction(url, (session) => load(session, file, options));
}

async function load({ client, db }: BulkSession, file: string, options: ImportValuesOptions): Promise<ImportValuesResult> {
  const name = path.basename(file);
  // Nothing may change what the lines are validated against until commit.
  await client.query('lock table area, indicator, cohort, breakdown_group in share mode');
  const catalogue = await loadCatalogue(db);
  // Session-local buffers for the temporary table: the default 8 MB spills a national file to disk twice.
  await client.query(`set temp_buffers = '256MB'`);
  // Codes in byte order, as in measure (migration 0004): the key comparisons below skip strcoll.
  await client.query(`create temp table values_in (line integer, area_code text collate "C", cohort text collate "C",
    indicator text collate "C", dimension text collate "C", grp text collate "C", numerator bigint, denominator bigint
  ) on commit drop`);

  const { batches, sha256 } = readUtf8Lines(file);
  const problems: string[] = [];
  const cohorts = new Set<string>();
  // The tables the file writes, for deciding their disclosure without reading them back (large files).
  const tables = new FileTables(catalogue.areas);
  let rows = 0;
  let lastLine = 0;
  // Lines are parsed here while Postgres parses the previous COPY chunk: two cores, two stages.
  async function* copyText(): AsyncGenerator<string> {
    let delimiter: string | null = null;
    let chunk = '';
    for await (const { first, lines } of batches) {
      for (let i = 0; i < lines.length; i++) {
        const text = lines[i]!;
        const number = first + i;
        if (delimiter === null) {
          delimiter = parseHeader(name, text);
          continue;
        }
        if (text.trim() === '') continue;
        const row = parseValueLine(name, number, text, delimiter, catalogue, problems);
        if (problems.length >= MAX_PROBLEMS) return;
        if (!row || problems.length) continue;
        rows++;
        cohorts.add(row.cohort);
        tables.add(row.indicator, row.cohort, row.area, row.dimension, row.group, row.numerator, row.denominator, row.line);
        lastLine = row.line;
        // Every field passed a code check or is an integer, so none needs COPY escaping.
        chunk += `${row.line}\t${row.area}\t${row.cohort}\t${row.indicator}\t${row.dimension}\t${row.group}\t${row.numerator}\t${row.denominator}\n`;
      }
      if (chunk.length > 1 << 19) {
        yield chunk;
        chunk = '';
        options.onProgress?.(rows);
      }
    }
    if (delimiter === null) throw new ValuesFileError([`${name}: het bestand is leeg; de eerste regel moet de kop "${VALUE_COLUMNS.join(';')}" zijn`]);
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(copyText()), client.query(copyFrom('copy values_in from stdin')));
  if (problems.length) throw new ValuesFileError(problems);
  if (rows === 0) throw new ValuesFileError([`${name}: het bestand heeft een kopregel maar geen waarden`]);

  const createdCohorts = await createMissingCohorts(db, [...cohorts]);
  const datasetId = await recordDataset(db, { kind: 'values', source: file, sha256: sha256(), rowCount: rows, synthetic: options.synthetic ?? false });
  options.onReplace?.(rows);
  await client.query('savepoint before_replace');
  try {
    if (await shouldRebuild(client, rows)) await rebuild(client, datasetId, tables, lastLine);
    else await replaceInPlace(client, datasetId);
  } catch (e) {
    // 23505 on measure_pk: with the old keys gone, a key occurring twice in the file.
    if ((e as { code?: string }).code !== '23505') throw e;
    await client.query('rollback to savepoint before_replace');
    const duplicates = await duplicateProblems(client, name);
    throw duplicates.length ? new ValuesFileError(duplicates) : e;
  }
  return { datasetId, rows, createdCohorts };
}

/**
 * A large file: a new table of the file's rows and every other key as it was (see rebuildMeasure).
 * The disclosure of every indicator × cohort the file writes is decided first, from the file's rows
 * (collected while parsing) and the rows it keeps, and written with the rows: a bitmap over the
 * file's line numbers says which lines are hidden.
 */
async function rebuild(client: pg.Client, datasetId: number, tables: FileTables, lastLine: number): Promise<void> {
  await client.query(`set local work_mem = '256MB'`);
  // The rows that stay, once: the new table is the file's rows plus these.
  await client.query(`create temp table kept on commit drop as
    select m.* from measure m where not exists (select from values_in v
      where v.indicator = m.indicator and v.cohort = m.cohort and v.dimension = m.dimension and v.area_code = m.area_code and v.grp = m.grp)`);
  const pairs = tables.pairs();
  const { rows: kept } = await client.query<{
    indicator: string;
    cohort: string;
    dimension: string;
    grp: string;
    area_code: string;
    numerator: number;
    denominator: number;
    hidden: boolean;
  }>(
    `select k.indicator, k.cohort, k.dimension, k.grp, k.area_code, k.numerator::float8 as numerator, k.denominator::float8 as denominator, k.hidden
     from kept k join unnest($1::text[], $2::text[]) as p(indicator, cohort) using (indicator, cohort)`,
    [pairs.map((p) => p.indicator), pairs.map((p) => p.cohort)],
  );
  for (const r of kept) tables.addKept(r, r.area_code, r.dimension, r.grp, r.numerator, r.denominator, r.hidden);
  const q = viaClient(client);
  const basis = await disclosureBasis(q);
  const { hiddenLines, keptChanges, summaries } = tables.decide(basis, lastLine);
  if (keptChanges.length) {
    await client.query(
      `update kept k set hidden = c.hidden
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bool[]) as c(indicator, cohort, dimension, grp, area_code, hidden)
       where k.indicator = c.indicator and k.cohort = c.cohort and k.dimension = c.dimension and k.grp = c.grp and k.area_code = c.area_code`,
      (['indicator', 'cohort', 'dimension', 'grp', 'area_code', 'hidden'] as const).map((f) => keptChanges.map((c) => c[f])),
    );
  }
  await rebuildMeasure(client, async (table) => {
    await client.query(
      `insert into ${table} (${MEASURE_COLUMNS}, hidden)
       select indicator, cohort, dimension, grp, area_code, numerator, denominator, $1::integer, get_bit($2::bytea, line) = 1 from values_in
       union all
       select ${MEASURE_COLUMNS}, hidden from kept`,
      [datasetId, hiddenLines],
    );
  });
  await recordDecisions(q, basis.minCell, summaries);
  await refreshPools(q, [...new Set(pairs.map((p) => p.indicator))]);
}

/**
 * A small file: delete its keys, then a plain insert (on a re-import about three times faster than
 * `on conflict do update`, which probes and rewrites both indexes row by row).
 */
async function replaceInPlace(client: pg.Client, datasetId: number): Promise<void> {
  await lockMeasureWrites(client);
  await skipForeignKeyChecks(client);
  await client.query(`set local work_mem = '256MB'`);
  await client.query(`delete from measure m using values_in v
    where m.indicator = v.indicator and m.cohort = v.cohort and m.dimension = v.dimension and m.area_code = v.area_code and m.grp = v.grp`);
  // In the order of measure_area_idx: measured 1.8× faster than random order, as that index
  // otherwise takes its inserts at random places.
  await client.query(
    `insert into measure (${MEASURE_COLUMNS})
     select indicator, cohort, dimension, grp, area_code, numerator, denominator, $1 from values_in
     order by area_code, indicator, cohort, dimension, grp`,
    [datasetId],
  );
  // The new rows are hidden until decided (the column's default); small files change few flags.
  const { rows: pairs } = await client.query<Pair>('select distinct indicator, cohort from values_in order by 1, 2');
  await refreshDisclosure(viaClient(client), pairs);
}

async function loadCatalogue(db: Kysely<Database>): Promise<Catalogue> {
  const [areas, indicators] = await Promise.all([
    db.selectFrom('area').select('code').execute(),
    db.selectFrom('indicator').select(['code', 'unit']).execute(),
  ]);
  return { areas: new Set(areas.map((a) => a.code)), units: new Map(indicators.map((i) => [i.code, i.unit as Unit])) };
}

async function createMissingCohorts(db: Kysely<Database>, codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const created = await db
    .insertInto('cohort')
    .values(codes.map(cohortRow))
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .execute();
  return created.map((c) => c.code).sort();
}

/** Only on the error path: which lines repeat a key of an earlier line. */
async function duplicateProblems(client: pg.Client, name: string): Promise<string[]> {
  const { rows } = await client.query<{ line: number; first: number; area_code: string; cohort: string; indicator: string; dimension: string; grp: string }>(
    `select line, first, area_code, cohort, indicator, dimension, grp from (
       select *, min(line) over (partition by indicator, cohort, dimension, area_code, grp) as first from values_in
     ) d where line <> first order by line limit ${MAX_PROBLEMS}`,
  );
  return rows.map(
    (r) =>
      `${name} regel ${r.line}, kolommen gebiedcode t/m groep: dubbele sleutel ${r.area_code};${r.cohort};${r.indicator};${r.dimension};${r.grp}, staat ook op regel ${r.first}`,
  );
}
