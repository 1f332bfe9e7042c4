import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { bulkTransaction, type BulkSession } from '../../db/bulk.ts';
import { MEASURE_COLUMNS, partitionOf, replacePartitions } from '../../db/measure-partitions.ts';
import type { Database } from '../../db/schema.ts';
import { recordDataset } from '../dataset.ts';
import { MAX_PROBLEMS, parseHeader, parseValueLine, ValuesFileError, VALUE_COLUMNS, type Catalogue, type Unit } from './parse.ts';
import { readUtf8Lines } from './read-lines.ts';

export type ImportValuesOptions = {
  /** Marks the dataset as synthetic demo data (SPEC §3.6). */
  synthetic?: boolean;
  /** Called now and then with the number of data lines read. */
  onProgress?: (rows: number) => void;
  /** Called when every line has been read and checked, before the keys are replaced in `measure`. */
  onReplace?: (rows: number) => void;
};

export type ImportValuesResult = { datasetId: number; rows: number; createdCohorts: string[] };

/**
 * Imports a SPEC §4.2 values CSV: validates every line, COPYs the rows into a temporary table and
 * puts them in `measure` in place of the same keys, all in one transaction, so a bad file changes nothing and a
 * re-import replaces the same keys. Cohorts the file names but the database lacks are created
 * with label = code, covid = false and no note: nothing here knows which cohorts exist or which
 * were COVID years (SPEC §3.3); `gka demo` and `gka import-duo` set their own cohort metadata.
 *
 * Takes a connection string rather than a Kysely instance because COPY needs a raw pg client.
 */
export function importValues(url: string, file: string, options: ImportValuesOptions = {}): Promise<ImportValuesResult> {
  return bulkTransaction(url, (session) => load(session, file, options));
}

async function load({ client, db, replaced }: BulkSession, file: string, options: ImportValuesOptions): Promise<ImportValuesResult> {
  const name = path.basename(file);
  // Nothing may change what the lines are validated against until commit.
  await client.query('lock table area, indicator, cohort, breakdown_group in share mode');
  const catalogue = await loadCatalogue(db);
  // Session-local buffers for the temporary table: the default 8 MB spills a national file to disk twice.
  await client.query(`set temp_buffers = '256MB'`);
  // Partitioned like measure, so building each indicator's partition reads only that indicator's rows.
  await client.query(`create temp table values_in (line integer, area_code text collate "C", cohort text collate "C",
    indicator text collate "C", dimension text collate "C", grp text collate "C", numerator bigint, denominator bigint
  ) partition by list (indicator) on commit drop`);
  for (const indicator of catalogue.units.keys()) {
    await client.query(`create temp table ${partitionOf(indicator)}_in partition of values_in for values in ('${indicator}') on commit drop`);
  }

  const { batches, sha256 } = readUtf8Lines(file);
  const problems: string[] = [];
  const cohorts = new Set<string>();
  let rows = 0;
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
  await client.query(`set local work_mem = '512MB'`);
  const { rows: present } = await client.query<{ indicator: string }>('select distinct indicator from values_in order by indicator');
  await client.query('savepoint before_replace');
  try {
    replaced.push(
      ...(await replacePartitions(client, present.map((p) => p.indicator), async (table, indicator) => {
        // The file's rows, and the partition's other keys as they were.
        await client.query(
          `insert into ${table} (${MEASURE_COLUMNS})
           select indicator, cohort, dimension, grp, area_code, numerator, denominator, $2::integer from values_in where indicator = $1
           union all
           select ${MEASURE_COLUMNS} from measure m where m.indicator = $1 and not exists (select from values_in v
             where v.indicator = $1 and v.cohort = m.cohort and v.dimension = m.dimension and v.area_code = m.area_code and v.grp = m.grp)`,
          [indicator, datasetId],
        );
      })),
    );
  } catch (e) {
    // 23505 on building a partition's primary key: a key occurring twice in the file.
    if ((e as { code?: string }).code !== '23505') throw e;
    await client.query('rollback to savepoint before_replace');
    const duplicates = await duplicateProblems(client, name);
    throw duplicates.length ? new ValuesFileError(duplicates) : e;
  }
  return { datasetId, rows, createdCohorts };
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
    .values(codes.map((code) => ({ code, label: code, sort_order: Number(code.slice(0, 4)) })))
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
