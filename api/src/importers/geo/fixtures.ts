import path from 'node:path';
import { REPO_ROOT } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { importGeoFile } from './import.ts';
import type { GeoImportResult } from './load.ts';

/** The fictitious region of fixtures/ (4 gemeenten GM9901–GM9904 with their wijken, provincie "Fictieland"). */
export const FIXTURE_REGION_FILE = path.join(REPO_ROOT, 'fixtures/region.geojson');

/** Loads the fictitious region (idempotent): for tests and for a first start without real boundaries. */
export function importFixtureRegion(db: Db): Promise<GeoImportResult> {
  return importGeoFile(db, FIXTURE_REGION_FILE, { synthetic: true });
}
