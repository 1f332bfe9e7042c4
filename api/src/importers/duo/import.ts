import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { lockMeasureWrites } from '../../db/measure-rebuild.ts';
import { refreshDisclosure, viaKysely } from '../../disclosure/store.ts';
import { recordDataset, sha256OfFile } from '../dataset.ts';
import { schoolYearCode, schoolYearCohort } from './cohorts.ts';
import { addEindtoets, type EindtoetsStats } from './eindtoets.ts';
import { addExamPassRates, placeIndex, vestigingIndex, type ExamStats } from './exams.ts';
import { DUO_FILES, findDuoFile, readDuoCsv, type DuoFileKey } from './files.ts';
import { GemeenteMapper } from './gemeente-mapping.ts';
import { addHavoVwoLj3 } from './havo-vwo-lj3.ts';
import { Totals, type MeasureRow, type Unmapped } from './totals.ts';

const LOCATION_NOTE = 'Cijfers naar vestigingsplaats van de school, niet naar woonplaats van de leerlingen.';
const INDELING_NOTE =
  'Uitgedrukt in de gemeentelijke indeling van de geïmporteerde gebieden; opgeheven gemeenten zijn opgeteld bij hun opvolger (CBS, Gemeentelijke indelingen per jaar).';

/** One derived source: which file it came from, what it produced and what could not be placed. */
export type DuoSourceResult = {
  key: DuoFileKey;
  file: string;
  indicator: string;
  cohorts: string[];
  measures: number;
  unmapped: Unmapped[];
  details: Record<string, unknown>;
};
export type ImportDuoResult = { sources: DuoSourceResult[]; gemeenten: number };

/** Derives every DUO indicator from the files in `dir` (no database), in the indeling `mapper` maps to. */
export async function deriveDuo(dir: string, mapper: GemeenteMapper, log: (m: string) => void = () => {}) {
  const read = async (key: DuoFileKey) => {
    const file = findDuoFile(dir, key);
    log(`Lezen: ${path.basename(file)}`);
    return { file, records: await readDuoCsv(file, DUO_FILES[key].encoding) };
  };
  const addresses = (await read('vestigingenVo')).records;
  const vestigingen = vestigingIndex(addresses);
  const places = placeIndex(addresses);
  const derived: (Omit<DuoSourceResult, 'measures' | 'cohorts'> & { rows: MeasureRow[] })[] = [];
  for (const key of ['examens2014', 'examens2019'] as const) {
    const { file, records } = await read(key);
    const totals = new Totals();
    const stats: ExamStats = addExamPassRates(records, mapper, vestigingen, totals);
    derived.push({
      key,
      file,
      indicator: 'slagingspercentage_vo',
      rows: totals.rows(),
      unmapped: totals.unmappedReport(),
      details: {
        schooljaren: stats.schoolYears,
        weggelaten: `${stats.leftOutCells} cellen met <5 kandidaten tellen niet mee in teller en noemer`,
        herberekend: `${stats.rebuiltPasses} cellen met <5 geslaagden herberekend uit SLAAGPERC`,
      },
    });
  }
  {
    const { file, records } = await read('eindtoets');
    const totals = new Totals();
    const stats: EindtoetsStats = addEindtoets(records, '2018-2019', mapper, totals);
    derived.push({
      key: 'eindtoets',
      file,
      indicator: 'eindtoets_gemiddelde',
      rows: totals.rows(),
      unmapped: totals.unmappedReport(),
      details: {
        scholen: stats.schools,
        weggelaten: `${stats.withoutAverage} scholen met CET-deelnemers maar zonder gepubliceerd gemiddelde`,
      },
    });
  }
  {
    const { file, records } = await read('leerlingenVo');
    const totals = new Totals();
    // Counted on 1 October 2019, so pupils of school year 2019-2020.
    addHavoVwoLj3(records, '2019-2020', mapper, vestigingen, places, totals);
    derived.push({
      key: 'leerlingenVo',
      file,
      indicator: 'havo_vwo_lj3',
      rows: totals.rows(),
      unmapped: totals.unmappedReport(),
      details: {
        koppeling: `gemeente via de vestiging in ${DUO_FILES.vestigingenVo.name}`,
      },
    });
  }
  return derived;
}

/**
 * `gka import-duo <dir>`: real gemeente-level indicators from DUO open data (docs/data-sources.md), in one
 * transaction with one dataset row per source file. A cohort per school year (`sj2019-2020`) is
 * created when missing; existing cohort rows are left as they are.
 */
export async function importDuo(db: Db, dir: string, log: (m: string) => void = () => {}): Promise<ImportDuoResult> {
  const gemeenten = await db.selectFrom('area').select(['code', 'name']).where('level', '=', 'gemeente').execute();
  if (!gemeenten.length) throw new Error('Er zijn nog geen gemeenten geïmporteerd; importeer eerst de gebiedsindeling (pnpm gka import-geo).');
  const derived = await deriveDuo(dir, new GemeenteMapper(gemeenten), log);
  const hashes = await Promise.all(derived.map((d) => sha256OfFile(d.file)));
  const addressFile = findDuoFile(dir, 'vestigingenVo');

  const sources = await db.transaction().execute(async (trx) => {
    await lockMeasureWrites({ query: (text) => sql.raw(text).execute(trx) });
    const years = [...new Set(derived.flatMap((d) => d.rows.map((r) => r.cohort)))].sort();
    await trx
      .insertInto('cohort')
      .values(years.map(schoolYearCohort))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const results: DuoSourceResult[] = [];
    for (const [i, d] of derived.entries()) {
      const datasetId = await recordDataset(trx, {
        kind: 'duo',
        source: d.file,
        sha256: hashes[i],
        rowCount: d.rows.length,
        synthetic: false,
        notes: {
          indicator: d.indicator,
          toelichting: `${LOCATION_NOTE} ${INDELING_NOTE}`,
          adreslijst: path.basename(addressFile),
          ...d.details,
          niet_toegewezen: d.unmapped.length ? d.unmapped : 'alles toegewezen aan een gemeente van de geïmporteerde indeling',
        },
      });
      for (let start = 0; start < d.rows.length; start += 2000) {
        await trx
          .insertInto('measure')
          .values(d.rows.slice(start, start + 2000).map((r) => ({ ...r, cohort: schoolYearCode(r.cohort), dataset_id: datasetId })))
          .onConflict((oc) =>
            oc.columns(['indicator', 'cohort', 'dimension', 'area_code', 'grp']).doUpdateSet((eb) => ({
              numerator: eb.ref('excluded.numerator'),
              denominator: eb.ref('excluded.denominator'),
              dataset_id: eb.ref('excluded.dataset_id'),
            })),
          )
          .execute();
      }
      const { rows, ...rest } = d;
      results.push({ ...rest, cohorts: [...new Set(rows.map((r) => schoolYearCode(r.cohort)))].sort(), measures: rows.length });
    }
    await refreshDisclosure(
      viaKysely(trx),
      results.flatMap((r) => r.cohorts.map((cohort) => ({ indicator: r.indicator, cohort }))),
    );
    return results;
  });
  // Sets the visibility map, so the covering indexes of measure answer reads without the heap (0003).
  await sql`vacuum (analyze) measure`.execute(db);
  return { sources, gemeenten: gemeenten.length };
}
