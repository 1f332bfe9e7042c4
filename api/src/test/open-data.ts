import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../config.ts';
import { DUO_FILES, lookForDuoFile, type DuoFileKey } from '../importers/duo/files.ts';
import { YEARLY } from '../importers/duo/yearly.ts';

/**
 * The real open data the tests read where it lies (never copied into the repository): the
 * `shared/open-data` folder beside the repository, or GKA_OPEN_DATA_DIR. On a fresh clone without
 * it, the tests that need it are skipped (the global setup says so once); with
 * GKA_REQUIRE_OPEN_DATA=1, as in CI, a missing folder fails the run instead.
 */
export const OPEN_DATA = process.env.GKA_OPEN_DATA_DIR ? path.resolve(process.env.GKA_OPEN_DATA_DIR) : path.resolve(REPO_ROOT, '../shared/open-data');
export const openDataFile = (name: string) => path.join(OPEN_DATA, name);

/** The files the tests read besides DUO's (each of DUO_FILES, found as the importer finds it). */
const FILES = [
  'gemeenten_2024.geojson',
  'wijken_2024.geojson',
  'gemeenten_2022.geojson',
  'Wijk_2014_layer_q1e3.json',
  'cbs_gemeenten-alfabetisch-2023.csv',
  'cbs_woonplaatsen-gemeente-corop-2024.csv',
];

/** What the tests on real data need and the folder lacks. */
export const missingOpenData: readonly string[] = [
  ...FILES.filter((f) => !existsSync(openDataFile(f))),
  ...(Object.keys(DUO_FILES) as DuoFileKey[]).filter((k) => !lookForDuoFile(OPEN_DATA, k)).map((k) => DUO_FILES[k].name),
];

/** The one guard of every test on real open data: all of its files are there. */
export const hasOpenData = missingOpenData.length === 0;

/** The one line a run without the data prints, or the error when the data is required. */
export function openDataStatus(): { skip: string } | { error: string } | null {
  if (hasOpenData) return null;
  if (process.env.GKA_REQUIRE_OPEN_DATA === '1') {
    return { error: `GKA_REQUIRE_OPEN_DATA=1, maar in ${OPEN_DATA} ontbreekt: ${missingOpenData.join(', ')}` };
  }
  return {
    skip: `Tests met echte open data overgeslagen: ${OPEN_DATA} ontbreekt. Zet de map shared/open-data naast de repository, of GKA_OPEN_DATA_DIR, om ze te draaien.`,
  };
}

/** The real DUO rows of fixtures/duo (public DUO open data, documented in its README). */
const DUO_FIXTURES = path.join(REPO_ROOT, 'fixtures/duo');

/**
 * A folder for import-duo of links, never copies: the open-data files of `keys` (every file of the
 * folder without), and the referentieniveaus rows of fixtures/duo, which the open-data folder lacks.
 * Removed when the process ends.
 */
export function openDataWithReferentieniveaus(keys?: readonly DuoFileKey[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gka-open-data-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const own = keys ? keys.map((k) => lookForDuoFile(OPEN_DATA, k)!) : readdirSync(OPEN_DATA).map((f) => path.join(OPEN_DATA, f));
  const fixtures = readdirSync(DUO_FIXTURES)
    .filter((f) => YEARLY.referentieniveaus.pattern.test(f))
    .map((f) => path.join(DUO_FIXTURES, f));
  for (const file of [...own, ...fixtures]) symlinkSync(file, path.join(dir, path.basename(file)));
  return dir;
}
