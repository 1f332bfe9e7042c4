import path from 'node:path';
import { sql } from 'kysely';
import { syntheticFigures, type FigureSource, type Meta } from '@gka/shared';
import type { Db } from '../db/connect.ts';

export type Sources = { sources: Meta['sources']; synthetic: boolean };

/**
 * The latest import of each source (docs/data-sources.md), and whether the figures resting on them are
 * synthetic (`syntheticFigures`). For one indicator: the boundaries plus only the imports that hold its
 * values (`datasets`), so real DUO figures are not called synthetic because demo values of other
 * indicators are loaded beside them.
 */
export async function listSources(db: Db, datasets?: readonly number[]): Promise<Sources> {
  const { rows } = await sql<{ kind: string; source: string; synthetic: boolean; importedAt: string }>`
    select * from (
      select distinct on (kind, source) kind, source, synthetic,
        to_char(imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "importedAt"
      from dataset
      ${datasets === undefined ? sql`` : sql`where kind = 'geo' or id = any(${datasets})`}
      order by kind, source, imported_at desc
    ) d order by "importedAt", kind, source
  `.execute(db);
  return { sources: rows.map((r) => ({ ...r, source: publicSource(r.source) })), synthetic: syntheticFigures(rows) };
}

/** A URL as it is; a file by its name only: the folders of the server that imported it are nobody's business. */
export function publicSource(source: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) ? source : path.basename(source);
}

/**
 * A token that changes whenever data changes: data only changes by import, and every import writes
 * a dataset row. Used for ETags and the response cache.
 */
export async function dataVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ v: string }>`
    select coalesce(max(id), 0) || '.' || count(*) || '.' || coalesce(extract(epoch from max(imported_at))::bigint, 0) as v from dataset
  `.execute(db);
  return rows[0]!.v;
}

/** The datasets that hold values, per indicator: one scan of measure, which no index covers. */
export async function datasetsByIndicator(db: Db): Promise<Map<string, number[]>> {
  const { rows } = await sql<{ indicator: string; ids: number[] }>`
    select indicator, array_agg(distinct dataset_id) as ids from measure where dataset_id is not null group by indicator
  `.execute(db);
  return new Map(rows.map((r) => [r.indicator, r.ids]));
}

/** Every import by id: its kind and whether it is synthetic. */
export async function datasetKinds(db: Db): Promise<Map<number, FigureSource>> {
  const rows = await db.selectFrom('dataset').select(['id', 'kind', 'synthetic']).execute();
  return new Map(rows.map((r) => [r.id, { kind: r.kind, synthetic: r.synthetic }]));
}
