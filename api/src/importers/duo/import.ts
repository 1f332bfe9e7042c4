import path from 'node:path';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import { lockMeasureWrites } from '../../db/measure-rebuild.ts';
import { viaKysely } from '../../db/raw.ts';
import { refreshDisclosure } from '../../disclosure/store.ts';
import { recordDataset, sha256OfFile } from '../dataset.ts';
import { schoolYearCode, type ValueNote } from '@gka/shared';
import { schoolYearCohort } from './cohorts.ts';
import { addEindscores } from './eindtoets.ts';
import { ACHTERSTAND, addAchterstand, readAchterstandsscores } from './achterstand.ts';
import { addExamPassRates, placeIndex, type ExamStats } from './exams.ts';
import { DUO_FILES, findDuoFile, lookForDuoFile, readDuoCsv, type DuoFileKey } from './files.ts';
import { GemeenteMapper } from './gemeente-mapping.ts';
import { addHavoVwoLj3, HAVO_VWO_LJ3 } from './havo-vwo-lj3.ts';
import { addReferentieniveaus } from './referentieniveaus.ts';
import { ADVIES_SCHOOL, addSchooladviezen, MASK_MARGIN } from './schooladviezen.ts';
import { SchoolRegister, type School, type Unplaced } from './schools.ts';
import { Totals, type MeasureRow, type Unmapped } from './totals.ts';
import { findYearlyFiles, schoolYearOf, YEARLY, type YearlyFamily } from './yearly.ts';

const LOCATION_NOTE = 'Cijfers naar vestigingsplaats van de school, niet naar woonplaats van de leerlingen.';
const INDELING_NOTE =
  'Uitgedrukt in de gemeentelijke indeling van de geïmporteerde gebieden; opgeheven gemeenten zijn opgeteld bij hun opvolger (CBS, Gemeentelijke indelingen per jaar).';

/** One derived source: which file it came from, what it produced and what could not be placed. */
export type DuoSourceResult = {
  key: DuoFileKey | YearlyFamily;
  file: string;
  indicator: string;
  cohorts: string[];
  measures: number;
  unmapped: Unmapped[];
  details: Record<string, unknown>;
};
/** The schools written: from the address lists, closed since (named by figures only), and those no gemeente could take. */
export type SchoolsResult = { listed: number; closed: School[]; unplaced: Unplaced[]; outsideIndeling: number };
export type ImportDuoResult = { sources: DuoSourceResult[]; gemeenten: number; schools: SchoolsResult };

/** Derives every DUO indicator from the files in `dir` (no database), in the indeling `mapper` maps to, per school and gemeente. */
export async function deriveDuo(dir: string, mapper: GemeenteMapper, log: (m: string) => void = () => {}) {
  const read = async (key: DuoFileKey) => {
    const file = findDuoFile(dir, key);
    log(`Lezen: ${path.basename(file)}`);
    return { file, records: await readDuoCsv(file, DUO_FILES[key].encoding, DUO_FILES[key].columns) };
  };
  // Only the address lists are needed; each file of figures is read when it lies in the folder
  // (download-duo --jaren fetches those of some school years only).
  const readIfThere = async (key: DuoFileKey) => {
    if (lookForDuoFile(dir, key)) return read(key);
    log(`Niet in de map, overgeslagen: ${DUO_FILES[key].name}`);
    return undefined;
  };
  const vo = (await read('vestigingenVo')).records;
  const bo = (await read('vestigingenBo')).records;
  const schools = new SchoolRegister(
    [
      { sector: 'vo', records: vo },
      { sector: 'po', records: bo },
    ],
    mapper,
  );
  const places = placeIndex(vo);
  const readYearly = async (file: string, family: YearlyFamily) => {
    log(`Lezen: ${path.basename(file)}`);
    return readDuoCsv(file, YEARLY[family].encoding, YEARLY[family].columns);
  };
  // `notes`: what the source says about some of its figures (an area's totaal), kept with them.
  const derived: (Omit<DuoSourceResult, 'measures' | 'cohorts'> & { rows: MeasureRow[]; notes?: { cohort: string; area_code: string; note: ValueNote }[] })[] =
    [];
  for (const key of ['examens2014', 'examens2019'] as const) {
    const exams = await readIfThere(key);
    if (!exams) continue;
    const { file, records } = exams;
    const totals = new Totals();
    const stats: ExamStats = addExamPassRates(records, path.basename(file), mapper, schools, totals);
    derived.push({
      key,
      file,
      indicator: 'slagingspercentage_vo',
      rows: totals.rows(),
      unmapped: totals.unmappedReport(),
      details: {
        schooljaren: stats.schoolYears,
        geschat: `${stats.estimatedCells} cellen met <5 kandidaten tellen mee met het aantal dat hun SLAAGPERC toelaat (het dichtst bij 2,5)`,
        weggelaten: `${stats.leftOutCells} cellen met <5 kandidaten zonder passend SLAAGPERC tellen niet mee`,
        herberekend: `${stats.rebuiltPasses} cellen met <5 geslaagden herberekend uit SLAAGPERC`,
      },
    });
  }
  // The eindscores of every school year in the folder (2018-2019 under its older name too).
  for (const { year, file } of findYearlyFiles(dir, 'eindscores'))
    for (const s of addEindscores(await readYearly(file, 'eindscores'), path.basename(file), schoolYearOf(year), mapper, schools))
      derived.push({
        key: 'eindscores',
        file,
        indicator: s.indicator,
        rows: s.totals.rows(),
        unmapped: s.totals.unmappedReport(),
        details: {
          toets: s.prefix,
          scholen: s.schools,
          weggelaten: `${s.withoutAverage} ${s.withoutAverage === 1 ? 'school' : 'scholen'} met ${s.prefix}-deelnemers maar zonder gepubliceerd gemiddelde (minder dan 5 leerlingen)`,
        },
      });
  for (const { year, file } of findYearlyFiles(dir, 'schooladviezen')) {
    const totals = new Totals();
    const stats = addSchooladviezen(await readYearly(file, 'schooladviezen'), path.basename(file), schoolYearOf(year), mapper, schools, totals);
    derived.push({
      key: 'schooladviezen',
      file,
      indicator: ADVIES_SCHOOL,
      rows: totals.rows(),
      unmapped: totals.unmappedReport(),
      details: {
        scholen: stats.schools,
        afgeschermd: `${stats.maskedCells} cellen "<5" tellen mee als 2,5 (per school en kant afgerond naar het even getal)`,
        geen_eigen_cijfer: stats.noOwnFigure.length
          ? `${stats.noOwnFigure.length} ${stats.noOwnFigure.length === 1 ? 'school waarvan' : 'scholen waarvan'} "<5" het aandeel meer dan ${MASK_MARGIN * 100} procentpunt kan verschuiven, alleen in ${stats.noOwnFigure.length === 1 ? 'haar' : 'hun'} gemeente geteld: ${stats.noOwnFigure.join(', ')}`
          : 'geen',
      },
    });
  }
  // The referentieniveaus of groep 8 of every school year in the folder, one indicator per domain and level.
  for (const { year, file } of findYearlyFiles(dir, 'referentieniveaus'))
    for (const s of addReferentieniveaus(await readYearly(file, 'referentieniveaus'), path.basename(file), schoolYearOf(year), mapper, schools))
      derived.push({
        key: 'referentieniveaus',
        file,
        indicator: s.indicator,
        rows: s.totals.rows(),
        unmapped: s.totals.unmappedReport(),
        details: {
          domein: s.domain,
          niveau: `${s.level} of hoger`,
          scholen: s.schools,
          afgeschermd: `${s.maskedCells} cellen "<5" tellen mee als 2,5 (per school afgerond naar het even getal: in de noemer over het hele domein, in de teller over de cellen vanaf ${s.level})`,
          geen_eigen_cijfer: s.noOwnFigure.length
            ? `${s.noOwnFigure.length} ${s.noOwnFigure.length === 1 ? 'school waarvan' : 'scholen waarvan'} "<5" het aandeel meer dan ${MASK_MARGIN * 100} procentpunt kan verschuiven, alleen in ${s.noOwnFigure.length === 1 ? 'haar' : 'hun'} gemeente geteld: ${s.noOwnFigure.join(', ')}`
            : 'geen',
        },
      });
  // Leerjaar 3 counted on 1 October of every year in the folder.
  for (const { year, file } of findYearlyFiles(dir, 'leerlingenVo')) {
    const records = await readYearly(file, 'leerlingenVo');
    const totals = new Totals();
    // Counted on 1 October: pupils of the school year that starts then.
    const stats = addHavoVwoLj3(records, path.basename(file), schoolYearOf(year), mapper, schools, places, totals);
    derived.push({
      key: 'leerlingenVo',
      file,
      indicator: HAVO_VWO_LJ3,
      rows: totals.rows(),
      unmapped: totals.unmappedReport(),
      details: {
        koppeling: `gemeente via de vestiging in ${DUO_FILES.vestigingenVo.name}`,
        weggelaten: `${stats.international} leerlingen in leerjaar 3 van een internationale stroom (Engelse Stroom: IB middle years programme; European Secondary School) tellen niet mee in teller en noemer: zij gaan naar het IB- of Europees diploma, niet naar havo of vwo`,
      },
    });
  }
  // A CBS context file, not at DUO: read when it lies in the folder.
  const workbook = lookForDuoFile(dir, 'achterstandsscores');
  if (!workbook) log(`Niet gelezen: ${DUO_FILES.achterstandsscores.name} (CBS) staat niet in de map; geen achterstandsscores.`);
  else {
    log(`Lezen: ${path.basename(workbook)}`);
    const scores = await readAchterstandsscores(workbook);
    const totals = new Totals();
    // The score of 1 October 2019: school year 2019-2020, like the pupil counts of that date.
    const stats = addAchterstand(scores, path.basename(workbook), '2019-2020', (await read('afstandBo')).records, mapper, schools, totals);
    derived.push({
      key: 'achterstandsscores',
      file: workbook,
      indicator: ACHTERSTAND,
      rows: totals.rows(),
      notes: stats.flagged.map((area_code) => ({ cohort: '2019-2020', area_code, note: 'onbetrouwbaar' as const })),
      unmapped: totals.unmappedReport(),
      details: {
        scholen: stats.schools,
        onbetrouwbaar: `${stats.unreliable} scholen met 40 leerlingen of minder (CBS-vlag a: score onvoldoende betrouwbaar)`,
        niet_in_adreslijst: stats.notInList.length
          ? `${stats.notInList.length} scholen (sinds 2019 gesloten), geplaatst via ${DUO_FILES.afstandBo.name}: ${stats.notInList.join(', ')}`
          : 'geen',
      },
    });
  }
  if (!derived.length)
    throw new Error(
      `Geen DUO-bestanden met cijfers in ${dir}: alleen de adreslijsten. Verwacht onder meer ${DUO_FILES.examens2019.name} of de jaarbestanden (schooladviezen, eindscores, referentieniveaus, leerlingen vo).`,
    );
  return { derived, schools };
}

/**
 * `gka import-duo <dir>`: real gemeente-level indicators from DUO open data (docs/data-sources.md), in one
 * transaction with one dataset row per source file. A cohort per school year (`sj2019-2020`) is
 * created when missing; existing cohort rows are left as they are.
 */
export async function importDuo(db: Db, dir: string, log: (m: string) => void = () => {}): Promise<ImportDuoResult> {
  const gemeenten = await db.selectFrom('area').select(['code', 'name']).where('level', '=', 'gemeente').execute();
  if (!gemeenten.length) throw new Error('Er zijn nog geen gemeenten geïmporteerd; importeer eerst de gebiedsindeling (pnpm gka import-geo).');
  const { derived, schools } = await deriveDuo(dir, new GemeenteMapper(gemeenten), log);
  // One file can hold several indicators (an eindscores file one per toets): hashed once.
  const hashOf = new Map(await Promise.all([...new Set(derived.map((d) => d.file))].map(async (f) => [f, await sha256OfFile(f)] as const)));
  const addressFiles = [findDuoFile(dir, 'vestigingenVo'), findDuoFile(dir, 'vestigingenBo')].map((f) => path.basename(f));

  const sources = await db.transaction().execute(async (trx) => {
    await lockMeasureWrites({ query: viaKysely(trx) });
    const years = [...new Set(derived.flatMap((d) => d.rows.map((r) => r.cohort)))].sort();
    await trx
      .insertInto('cohort')
      .values(years.map(schoolYearCohort))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await saveSchools(trx, schools.all());
    const results: DuoSourceResult[] = [];
    for (const d of derived) {
      const datasetId = await recordDataset(trx, {
        kind: 'duo',
        source: d.file,
        sha256: hashOf.get(d.file),
        rowCount: d.rows.length,
        synthetic: false,
        notes: {
          indicator: d.indicator,
          toelichting: `${LOCATION_NOTE} ${INDELING_NOTE}`,
          adreslijsten: addressFiles,
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
      if (d.notes) {
        // The source's notes replace those of an earlier import of the same figures.
        const cohorts = [...new Set(d.rows.map((r) => schoolYearCode(r.cohort)))];
        await trx.deleteFrom('measure_note').where('indicator', '=', d.indicator).where('cohort', 'in', cohorts).execute();
        if (d.notes.length)
          await trx
            .insertInto('measure_note')
            .values(d.notes.map((n) => ({ indicator: d.indicator, cohort: schoolYearCode(n.cohort), area_code: n.area_code, note: n.note })))
            .execute();
      }
      const { rows, notes: _notes, ...rest } = d;
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
  return {
    sources,
    gemeenten: gemeenten.length,
    schools: {
      listed: schools.listedCount,
      closed: schools.closedSchools(),
      unplaced: schools.unplacedSchools(),
      outsideIndeling: schools.outsideIndeling,
    },
  };
}

/** Schools as areas under their gemeente, and what the address lists say of them; a second import updates them. */
async function saveSchools(trx: Transaction<Database>, schools: readonly School[]): Promise<void> {
  for (let start = 0; start < schools.length; start += 1000) {
    const part = schools.slice(start, start + 1000);
    await trx
      .insertInto('area')
      .values(part.map((s) => ({ code: s.code, level: 'school' as const, name: s.name, parent_code: s.gemeente })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), parent_code: eb.ref('excluded.parent_code') })))
      .execute();
    const rows = part.map(({ name: _n, gemeente: _g, ...s }) => s);
    await trx
      .insertInto('school')
      .values(rows)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          sector: eb.ref('excluded.sector'),
          soort: eb.ref('excluded.soort'),
          denominatie: eb.ref('excluded.denominatie'),
          adres: eb.ref('excluded.adres'),
          postcode: eb.ref('excluded.postcode'),
          plaats: eb.ref('excluded.plaats'),
          gesloten: eb.ref('excluded.gesloten'),
        })),
      )
      .execute();
  }
}
