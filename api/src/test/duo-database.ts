import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { importDuo, type ImportDuoResult } from '../importers/duo/import.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { OPEN_DATA, openDataFile } from './open-data.ts';

/** The 342 gemeenten of the CBS list of 2023 (open data), with their provincie. */
export function cbsGemeenten(): { code: string; name: string; provincie: string }[] {
  const rows = parse(readFileSync(openDataFile('cbs_gemeenten-alfabetisch-2023.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  return rows.map((r) => ({ code: r['GemeentecodeGM']!, name: r['Gemeentenaam']!, provincie: r['Provincienaam']! }));
}

/**
 * A test database with the CBS gemeenten of 2023 and everything import-duo derives from the real
 * files of the open-data folder (or `dir`); `before` runs between the two (rows the import must respect).
 */
export async function createDuoDatabase(
  before?: (t: TestDatabase) => Promise<unknown>,
  dir = OPEN_DATA,
): Promise<{ t: TestDatabase; result: ImportDuoResult }> {
  const t = await createTestDatabase();
  await t.db
    .insertInto('area')
    .values(cbsGemeenten().map((g) => ({ ...g, level: 'gemeente' as const, parent_code: 'NL01', indeling_jaar: 2023 })))
    .execute();
  await before?.(t);
  return { t, result: await importDuo(t.db, dir) };
}
