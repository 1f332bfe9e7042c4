import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/connect.ts';
import { sha256OfBuffer } from '../dataset.ts';
import { GeoFileError } from './errors.ts';
import { loadGeo, type GeoImportResult, type GeoPart, type LoadOptions } from './load.ts';
import { parseGeoText, type GeoLevel } from './parse.ts';
import { parseProvincies } from './provincies.ts';

export type ImportGeoOptions = LoadOptions & {
  level?: GeoLevel;
  year?: number;
  /** CBS "Gemeenten alfabetisch" CSV for gemeente → provincie. */
  provinciesFile?: string;
  onParseProgress?: (done: number, total: number) => void;
};

/** Reads a CBS GeoJSON or TopoJSON file (docs/data-sources.md) and loads its gemeenten and/or wijken in one transaction. */
export function importGeoFile(db: Db, file: string, options: ImportGeoOptions = {}): Promise<GeoImportResult> {
  return importGeoFiles(db, [file], options);
}

/**
 * Several files in one transaction, in any order: wijken may rely on gemeenten of another file of the
 * same call. Each file gets its own dataset row.
 */
export async function importGeoFiles(db: Db, files: string[], options: ImportGeoOptions = {}): Promise<GeoImportResult> {
  const provincies = options.provinciesFile ? await readProvincies(options.provinciesFile) : undefined;
  const parts: GeoPart[] = [];
  for (const file of files) {
    const name = path.basename(file);
    const buffer = await readInput(file, name);
    const parsed = parseGeoText(buffer.toString('utf8'), {
      source: name,
      level: options.level,
      year: options.year,
      provincies,
      onProgress: options.onParseProgress,
    });
    parts.push({ parsed, source: path.resolve(file), name, sha256: sha256OfBuffer(buffer) });
  }
  return loadGeo(db, parts, options);
}

/** The CBS "Gemeenten alfabetisch" CSV as gemeentecode → provincienaam. */
export async function readProvincies(file: string): Promise<Map<string, string>> {
  const name = path.basename(file);
  return parseProvincies((await readInput(file, name)).toString('utf8'), name);
}

async function readInput(file: string, name: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new GeoFileError(name, code === 'ENOENT' ? `bestand niet gevonden (${file})` : `bestand kan niet worden gelezen (${code ?? String(e)})`);
  }
}
