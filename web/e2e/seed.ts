import path from 'node:path';
import { importFixtureRegion } from '../../api/src/importers/geo/fixtures.ts';
import { loadDemo } from '../../api/src/importers/demo/load.ts';
import { recordDataset } from '../../api/src/importers/dataset.ts';
import { schoolYearCohort } from '../../api/src/importers/duo/cohorts.ts';
import { importDuo } from '../../api/src/importers/duo/import.ts';
import { viaKysely } from '../../api/src/db/raw.ts';
import { refreshDisclosure } from '../../api/src/disclosure/store.ts';
import { DEMO_INDICATORS } from '../../api/src/importers/demo/model.ts';
import { importOpenDataBoundaries } from '../../api/src/importers/geo/open-data.ts';
import { importCorop } from '../../api/src/importers/groups/corop.ts';
import { cohortRow } from '../../api/src/importers/gka-cohort.ts';
import type { TestDatabase } from '../../api/src/test/database.ts';

/** School years of the e2e pass rates: eight, three of them touched by COVID (2019-2020 to 2021-2022). */
export const E2E_SCHOOL_YEARS = ['2016-2017', '2017-2018', '2018-2019', '2019-2020', '2020-2021', '2021-2022', '2022-2023', '2023-2024'];

/**
 * The browser tests' data, loaded as a first start without real boundaries would: the fictitious
 * fixture region through the geo importer (4 gemeenten, 16 wijken; Vlietstad and Heuvelrode become
 * demo GKA gemeenten) and the deterministic synthetic demo values (six cohorts, COVID 2020-2021).
 * Then made-up exam pass rates per school year, stored as import-duo stores them, so that one
 * indicator has its own time axis of school years.
 */
export async function seedRegion(database: TestDatabase): Promise<void> {
  await importFixtureRegion(database.db);
  await loadDemo(database.url);
  await seedPassRates(database);
}

type Part = { area: string; k: number; n: number };

/** Totaal rows of one indicator × cohort: the parts and their sum as the parent. */
function totaalRows(indicator: string, cohort: string, datasetId: number, parent: string, parts: Part[]) {
  const total = { area: parent, n: parts.reduce((s, p) => s + p.n, 0), k: parts.reduce((s, p) => s + p.k, 0) };
  return [total, ...parts].map((p) => ({
    indicator,
    cohort,
    dimension: 'totaal',
    grp: 'totaal',
    area_code: p.area,
    numerator: p.k,
    denominator: p.n,
    dataset_id: datasetId,
  }));
}

/**
 * Amsterdam on the real 2024 boundaries (open data), with made-up totaal values for its wijken on
 * the nine GKA indicators of one cohort: the most wijken with the longest real names.
 */
export async function seedAmsterdam({ db }: TestDatabase, openData: string): Promise<void> {
  await importOpenDataBoundaries(db, openData);
  const wijken = (await db.selectFrom('area').select('code').where('parent_code', '=', 'GM0363').orderBy('code').execute()).map((w) => w.code);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('cohort').values(cohortRow('2022-2023')).execute();
    const datasetId = await recordDataset(trx, { kind: 'values', source: 'e2e: verzonnen waarden voor Amsterdam', rowCount: 0, synthetic: true });
    const rows = DEMO_INDICATORS.flatMap((indicator, i) => {
      const parts = wijken.map((area, w) => {
        const n = 40 + ((w * 37 + i * 11) % 160);
        return { area, n, k: Math.round(n * (0.1 + ((w * 13 + i * 7) % 50) / 100)) };
      });
      return totaalRows(indicator, '2022-2023', datasetId, 'GM0363', parts);
    });
    await trx.insertInto('measure').values(rows).execute();
    await refreshDisclosure(
      viaKysely(trx),
      DEMO_INDICATORS.map((indicator) => ({ indicator, cohort: '2022-2023' })),
    );
  });
}

async function seedPassRates({ db }: TestDatabase): Promise<void> {
  const gemeenten = (await db.selectFrom('area').select('code').where('level', '=', 'gemeente').orderBy('code').execute()).map((g) => g.code);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('cohort').values(E2E_SCHOOL_YEARS.map(schoolYearCohort)).execute();
    const datasetId = await recordDataset(trx, { kind: 'duo', source: 'e2e: verzonnen slagingspercentages', rowCount: 0, synthetic: true });
    const rows = E2E_SCHOOL_YEARS.flatMap((year, y) => {
      const covid = year === '2019-2020' ? 0.07 : year === '2020-2021' ? 0.04 : 0;
      const parts = gemeenten.map((area, i) => {
        const n = 400 + 150 * i;
        return { area, n, k: Math.round(n * (0.88 + 0.01 * i + 0.002 * y + covid)) };
      });
      return totaalRows('slagingspercentage_vo', schoolYearCohort(year).code, datasetId, 'NL01', parts);
    });
    await trx.insertInto('measure').values(rows).execute();
    await refreshDisclosure(
      viaKysely(trx),
      E2E_SCHOOL_YEARS.map((y) => ({ indicator: 'slagingspercentage_vo', cohort: schoolYearCohort(y).code })),
    );
  });
}

/** The real 2024 boundaries and the real DUO and CBS figures per school (open data): Tilburg's schools as they are. */
export async function seedSchools({ db }: TestDatabase, openData: string): Promise<void> {
  await importOpenDataBoundaries(db, openData);
  await importDuo(db, openData);
}

/**
 * A first start with the demo, then import-duo: the real 2024 boundaries, the synthetic demo values
 * of the nine GKA indicators, and beside them the real DUO and CBS figures per school (open data).
 * Only Tilburg keeps its wijken, so that the demo loads in seconds rather than a minute.
 */
export async function seedDemoBesideDuo({ db, url }: TestDatabase, openData: string): Promise<void> {
  await importOpenDataBoundaries(db, openData);
  await db.deleteFrom('area').where('level', '=', 'wijk').where('parent_code', '<>', 'GM0855').execute();
  await loadDemo(url);
  await importDuo(db, openData);
}

/** The 40 COROP-gebieden of CBS (open data), such as corop-34 Midden-Noord-Brabant: the regios a regiocoördinator works in. */
export async function seedCorop({ db }: TestDatabase, openData: string): Promise<void> {
  await importCorop(db, path.join(openData, 'cbs_woonplaatsen-gemeente-corop-2024.csv'));
}
