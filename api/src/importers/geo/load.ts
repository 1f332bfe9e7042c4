import { sql, type Transaction } from 'kysely';
import { NATIONAL_CODE } from '@gka/shared';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import { viaKysely } from '../../db/raw.ts';
import { refreshDisclosure } from '../../disclosure/store.ts';
import { recordDataset } from '../dataset.ts';
import { GeoFileError } from './errors.ts';
import type { AreaInput, GeoLevel, ParsedGeo } from './parse.ts';

/** One parsed input (a file, or one PDOK collection) and its provenance. */
export type GeoPart = { parsed: ParsedGeo; source: string; sha256: string; /** For messages; defaults to source. */ name?: string };

export type LoadOptions = {
  /** A fictitious region (the fixtures): its areas and kerncijfers are marked synthetic like demo values. */
  synthetic?: boolean;
  /**
   * Create a gemeente that a wijk needs but the database lacks, named after the wijk's `gemeentenaam`
   * or "Gemeente GMgggg", without geometry. For wijk files without a matching gemeente file, such as
   * the CBS 2014 TopoJSON. Without it such a wijk is an error.
   */
  createMissingGemeenten?: boolean;
  onProgress?: (done: number, total: number) => void;
};

export type GeoImportResult = {
  datasetIds: number[];
  counts: Record<GeoLevel, number>;
  skipped: string[];
  /** Gemeenten created for wijken (see createMissingGemeenten). */
  createdGemeenten: string[];
  /** Areas without geometry (a sliver that vanished in the rounding). */
  withoutGeometry: string[];
  /** Areas of an imported level and another indeling that the file did not mention: they stay (see loadGeo). */
  otherIndeling: Record<GeoLevel, number>;
};

const BATCH = 500;

/**
 * Loads parsed areas in one transaction: all or nothing. Re-importing upserts by code, so it is
 * idempotent. Areas the input does not mention are never deleted, because measures may hang on
 * them (and deleting a gemeente would cascade to its wijken); the result counts those of another
 * indeling so the CLI can say so. An upsert keeps known KWB figures, provincie and GKA membership
 * when the new input lacks them, and merges attributes.
 */
export async function loadGeo(db: Db, parts: GeoPart[], options: LoadOptions = {}): Promise<GeoImportResult> {
  const total = parts.reduce((n, p) => n + p.parsed.areas.length, 0);
  // Gemeenten first, over all parts: wijken reference them.
  const byLevel = (level: GeoLevel) => parts.map((part) => ({ part, areas: part.parsed.areas.filter((a) => a.level === level) }));
  const gemeentenInInput = new Set(parts.flatMap((p) => p.parsed.areas.filter((a) => a.level === 'gemeente').map((a) => a.code)));
  return db.transaction().execute(async (trx) => {
    const result: GeoImportResult = {
      datasetIds: [],
      counts: { gemeente: 0, wijk: 0 },
      skipped: parts.flatMap((p) => p.parsed.skipped),
      createdGemeenten: [],
      withoutGeometry: parts.flatMap((p) => p.parsed.areas.filter((a) => a.geometry === null).map((a) => a.code)),
      otherIndeling: { gemeente: 0, wijk: 0 },
    };
    const datasetIds = new Map<GeoPart, number>();
    for (const part of parts) {
      const id = await recordDataset(trx, {
        kind: 'geo',
        source: part.source,
        sha256: part.sha256,
        rowCount: part.parsed.areas.length,
        synthetic: options.synthetic ?? false,
        notes: { indelingJaar: part.parsed.year, skipped: part.parsed.skipped },
      });
      datasetIds.set(part, id);
      result.datasetIds.push(id);
    }
    const parentsBefore = await parents(trx);
    result.createdGemeenten = await ensureGemeenten(trx, parts, gemeentenInInput, options);
    let done = 0;
    for (const level of ['gemeente', 'wijk'] as const) {
      for (const { part, areas } of byLevel(level)) {
        for (let i = 0; i < areas.length; i += BATCH) {
          await upsertAreas(trx, areas.slice(i, i + BATCH), datasetIds.get(part)!);
          done += Math.min(BATCH, areas.length - i);
          options.onProgress?.(done, total);
        }
        result.counts[level] += areas.length;
      }
      result.otherIndeling[level] = await countOtherIndeling(trx, level, parts);
    }
    await inheritProvincie(trx, parts);
    // Wijken that moved to another gemeente change the sums a reader can form: decide again.
    const parentsAfter = await parents(trx);
    if ([...parentsBefore].some(([code, parent]) => parentsAfter.get(code) !== parent)) await refreshDisclosure(viaKysely(trx));
    return result;
  });
}

async function parents(trx: Transaction<Database>): Promise<Map<string, string | null>> {
  const rows = await trx.selectFrom('area').select(['code', 'parent_code']).execute();
  return new Map(rows.map((r) => [r.code, r.parent_code]));
}

async function upsertAreas(trx: Transaction<Database>, areas: AreaInput[], datasetId: number): Promise<void> {
  await trx
    .insertInto('area')
    .values(
      areas.map((a) => ({
        code: a.code,
        level: a.level,
        name: a.name,
        parent_code: a.parentCode,
        indeling_jaar: a.indelingJaar,
        stedelijkheid: a.stedelijkheid,
        omgevingsadressendichtheid: a.omgevingsadressendichtheid,
        inwoners: a.inwoners,
        provincie: a.provincie,
        attributes: JSON.stringify(a.attributes) as unknown as Record<string, number>,
        geometry: a.geometry === null ? null : JSON.stringify(a.geometry),
        dataset_id: datasetId,
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        level: (eb) => eb.ref('excluded.level'),
        name: (eb) => eb.ref('excluded.name'),
        parent_code: (eb) => eb.ref('excluded.parent_code'),
        indeling_jaar: (eb) => eb.ref('excluded.indeling_jaar'),
        stedelijkheid: sql`coalesce(excluded.stedelijkheid, area.stedelijkheid)`,
        omgevingsadressendichtheid: sql`coalesce(excluded.omgevingsadressendichtheid, area.omgevingsadressendichtheid)`,
        inwoners: sql`coalesce(excluded.inwoners, area.inwoners)`,
        provincie: sql`coalesce(excluded.provincie, area.provincie)`,
        attributes: sql`area.attributes || excluded.attributes`,
        geometry: sql`coalesce(excluded.geometry, area.geometry)`,
        dataset_id: (eb) => eb.ref('excluded.dataset_id'),
      }),
    )
    .execute();
}

/** The parent gemeenten of the input's wijken exist afterwards, or this throws naming the missing ones. */
async function ensureGemeenten(trx: Transaction<Database>, parts: GeoPart[], inInput: Set<string>, options: LoadOptions): Promise<string[]> {
  const needed = new Map<string, { wijk: AreaInput; name: string }>();
  for (const part of parts) {
    for (const a of part.parsed.areas) {
      if (a.level === 'wijk' && !inInput.has(a.parentCode) && !needed.has(a.parentCode)) needed.set(a.parentCode, { wijk: a, name: part.name ?? part.source });
    }
  }
  if (needed.size === 0) return [];
  const existing = await trx
    .selectFrom('area')
    .select('code')
    .where('level', '=', 'gemeente')
    .where('code', 'in', [...needed.keys()])
    .execute();
  for (const e of existing) needed.delete(e.code);
  const missing = [...needed.keys()].sort();
  if (missing.length === 0) return [];
  if (!options.createMissingGemeenten) {
    const first = needed.get(missing[0]!)!;
    const list = missing.slice(0, 10).join(', ') + (missing.length > 10 ? ` en nog ${missing.length - 10}` : '');
    throw new GeoFileError(
      first.name,
      `${missing.length} gemeente(n) van deze wijken staan niet in de database: ${list} (bijvoorbeeld voor wijk ${first.wijk.code}). ` +
        'Importeer eerst de gemeenten van dezelfde indeling, of gebruik --maak-gemeenten om ze zonder grens aan te maken.',
    );
  }
  await trx
    .insertInto('area')
    .values(
      missing.map((code) => {
        const { wijk } = needed.get(code)!;
        return {
          code,
          level: 'gemeente' as const,
          name: wijk.parentName ?? `Gemeente ${code}`,
          parent_code: NATIONAL_CODE,
          indeling_jaar: wijk.indelingJaar,
          provincie: wijk.provincie,
        };
      }),
    )
    .execute();
  return missing;
}

/** A wijk without a provincie of its own lies in its gemeente's. */
async function inheritProvincie(trx: Transaction<Database>, parts: GeoPart[]): Promise<void> {
  const wijken = parts.flatMap((p) => p.parsed.areas.filter((a) => a.level === 'wijk' && a.provincie === null).map((a) => a.code));
  if (wijken.length === 0) return;
  await sql`update area w set provincie = g.provincie from area g
    where g.code = w.parent_code and w.provincie is null and w.code = any(${wijken})`.execute(trx);
}

/** Areas of this level and another indeling year than the input's that the input does not mention. */
async function countOtherIndeling(trx: Transaction<Database>, level: GeoLevel, parts: GeoPart[]): Promise<number> {
  const inLevel = parts.filter((p) => p.parsed.areas.some((a) => a.level === level));
  if (inLevel.length === 0) return 0;
  const years = [...new Set(inLevel.map((p) => p.parsed.year))];
  const codes = inLevel.flatMap((p) => p.parsed.areas.filter((a) => a.level === level).map((a) => a.code));
  const row = await trx
    .selectFrom('area')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('level', '=', level)
    .where((eb) => eb.or([eb('indeling_jaar', 'not in', years), eb('indeling_jaar', 'is', null)]))
    .where('code', 'not in', codes)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
