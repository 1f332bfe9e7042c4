import path from 'node:path';
import ExcelJS from 'exceljs';
import type { DuoRecord } from './files.ts';
import type { GemeenteMapper } from './gemeente-mapping.ts';
import { brinVestiging, type SchoolRegister } from './schools.ts';
import type { Totals } from './totals.ts';

export const ACHTERSTAND = 'achterstandsscore';

/** One school of CBS Tabel 1: its score (two decimals), its funded pupils, and CBS's flag `a` (40 pupils or fewer). */
export type AchterstandRow = { vestiging: string; pupils: number; score: number; unreliable: boolean };

const HEADER = ['School (BRIN vestiging)', 'Aantal bekostigde leerlingen', 'Achterstandsscore'];

/**
 * The school rows of "Tabel 1" of the CBS workbook: found by its header (row 4 in the 2019 edition),
 * read until the first row that is no school (the source and footnotes). A workbook without that
 * table or header is an error that names both.
 */
export async function readAchterstandsscores(file: string): Promise<AchterstandRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('Tabel 1');
  const name = path.basename(file);
  if (!sheet) throw new Error(`${name}: geen blad "Tabel 1" (verwacht de CBS-tabel Achterstandsscores per basisschoolvestiging)`);
  const cell = (row: number, col: number) => {
    const v = sheet.getRow(row).getCell(col).value;
    return typeof v === 'string' ? v.trim() : v;
  };
  let header = 0;
  for (let r = 1; r <= Math.min(20, sheet.rowCount) && !header; r++) if (cell(r, 1) === HEADER[0]) header = r;
  if (!header || HEADER.some((h, i) => cell(header, i + 1) !== h))
    throw new Error(`${name}, blad "Tabel 1": kopregel niet gevonden; verwacht de kolommen ${HEADER.map((h) => `"${h}"`).join(', ')}`);
  const rows: AchterstandRow[] = [];
  for (let r = header + 1; r <= sheet.rowCount; r++) {
    const code = cell(r, 1);
    if (code === null || code === undefined || code === '') {
      if (rows.length) break;
      continue;
    }
    const vestiging = typeof code === 'string' ? brinVestiging(undefined, code) : null;
    if (!vestiging) break;
    const pupils = cell(r, 2);
    const score = cell(r, 3);
    if (typeof pupils !== 'number' || typeof score !== 'number')
      throw new Error(`${name}, blad "Tabel 1", regel ${r}: ${vestiging} heeft geen getal voor leerlingen of achterstandsscore`);
    rows.push({ vestiging, pupils, score, unreliable: cell(r, 4) === 'a' });
  }
  if (!rows.length) throw new Error(`${name}, blad "Tabel 1": geen scholen gevonden onder de kopregel`);
  return rows;
}

/** `flagged`: the school codes whose score CBS flags unreliable, for the note shown with their figure. */
export type AchterstandStats = { schools: number; unreliable: number; notInList: string[]; flagged: string[] };

/**
 * Adds the achterstandsscore per 100 pupils: the score × 100 (whole, as the score has two decimals)
 * over the funded pupils, per school and its gemeente. A school of the address list counts in its
 * gemeente there; one closed since, in the gemeente DUO gave it on the same date (1 October 2019).
 */
export function addAchterstand(
  rows: readonly AchterstandRow[],
  file: string,
  cohort: string,
  onPeildatum: readonly DuoRecord[],
  mapper: GemeenteMapper,
  schools: SchoolRegister,
  totals: Totals,
): AchterstandStats {
  const then = new Map<string, DuoRecord>();
  for (const r of onPeildatum) {
    const v = brinVestiging(r['BRIN_NUMMER'], r['VESTIGINGSNUMMER']);
    if (v) then.set(v, r);
  }
  const stats: AchterstandStats = { schools: 0, unreliable: 0, notInList: [], flagged: [] };
  for (const row of rows) {
    const listed = schools.get(row.vestiging);
    const old = then.get(row.vestiging);
    if (!listed) stats.notInList.push(row.vestiging);
    const gemeente = listed?.gemeente ?? (old ? mapper.byCode(old['GEMEENTENUMMER'] ?? '', old['PLAATSNAAM']) : null);
    const school = schools.resolve(
      row.vestiging,
      { name: old?.['INSTELLINGSNAAM_VESTIGING'], gemeente, sector: 'po', plaats: old?.['PLAATSNAAM'], soort: old?.['SOORT_PO']?.trim() },
      file,
    );
    const area = school?.gemeente ?? null;
    totals.add(ACHTERSTAND, cohort, 'totaal', 'totaal', area, Math.round(row.score * 100), row.pupils, school?.code);
    if (!area) totals.unmapped(ACHTERSTAND, `vestiging ${row.vestiging} (niet in de adreslijst, gemeente onbekend)`, row.pupils);
    stats.schools++;
    if (row.unreliable) stats.unreliable++;
    if (row.unreliable && school) stats.flagged.push(school.code);
  }
  return stats;
}
