import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config.ts';

/**
 * The real open data the tests read where it lies (never copied into the repository): the
 * `shared/open-data` folder beside the repository, or GKA_OPEN_DATA_DIR. On a fresh clone without
 * it, the tests that need it are skipped (the global setup says so once); with
 * GKA_REQUIRE_OPEN_DATA=1, as in CI, a missing folder fails the run instead.
 */
export const OPEN_DATA = process.env.GKA_OPEN_DATA_DIR ? path.resolve(process.env.GKA_OPEN_DATA_DIR) : path.resolve(REPO_ROOT, '../shared/open-data');
export const openDataFile = (name: string) => path.join(OPEN_DATA, name);
export const hasOpenData = existsSync(openDataFile('gemeenten_2024.geojson'));

/** The one line a run without the data prints, or the error when the data is required. */
export function openDataStatus(): { skip: string } | { error: string } | null {
  if (hasOpenData) return null;
  if (process.env.GKA_REQUIRE_OPEN_DATA === '1') {
    return { error: `GKA_REQUIRE_OPEN_DATA=1, maar de open data ontbreekt in ${OPEN_DATA} (verwacht onder meer gemeenten_2024.geojson)` };
  }
  return {
    skip: `Tests met echte open data overgeslagen: ${OPEN_DATA} ontbreekt. Zet de map shared/open-data naast de repository, of GKA_OPEN_DATA_DIR, om ze te draaien.`,
  };
}
