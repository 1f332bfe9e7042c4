import { importFixtureRegion } from '../../api/src/importers/geo/fixtures.ts';
import { loadDemo } from '../../api/src/importers/demo/load.ts';
import type { TestDatabase } from '../../api/src/test/database.ts';

/**
 * The browser tests' data, loaded as a first start without real boundaries would: the fictitious
 * fixture region through the geo importer (4 gemeenten, 16 wijken; Vlietstad and Heuvelrode become
 * demo GKA gemeenten) and the deterministic synthetic demo values (six cohorts, COVID 2020-2021).
 */
export async function seedRegion(database: TestDatabase): Promise<void> {
  await importFixtureRegion(database.db);
  await loadDemo(database.url);
}
