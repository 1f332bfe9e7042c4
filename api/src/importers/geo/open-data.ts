import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/connect.ts';
import { importGeoFiles, type ImportGeoOptions } from './import.ts';
import type { GeoImportResult } from './load.ts';

/**
 * The newest national boundaries in an open-data folder laid out like ../shared/open-data
 * (`gemeenten_<year>.geojson`, optionally `wijken_<year>.geojson` of the same year, and a CBS
 * "gemeenten-alfabetisch" CSV for the provincies), loaded in one transaction; null when the folder
 * has no gemeente file. Meant for a first start with GKA_OPEN_DATA_DIR.
 */
export async function importOpenDataBoundaries(
  db: Db,
  dir: string,
  options: Omit<ImportGeoOptions, 'year' | 'level' | 'provinciesFile'> = {},
): Promise<GeoImportResult | null> {
  const names = await readdir(dir);
  const years = names
    .flatMap((n) => /^gemeenten_(\d{4})\.geojson$/.exec(n)?.[1] ?? [])
    .map(Number)
    .sort((a, b) => b - a);
  const year = years[0];
  if (year === undefined) return null;
  const files = [`gemeenten_${year}.geojson`, `wijken_${year}.geojson`].filter((n) => names.includes(n)).map((n) => path.join(dir, n));
  const provincies = names
    .filter((n) => /gemeenten-alfabetisch.*\.csv$/i.test(n))
    .sort()
    .at(-1);
  return importGeoFiles(db, files, { ...options, year, provinciesFile: provincies && path.join(dir, provincies) });
}
