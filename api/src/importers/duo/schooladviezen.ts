import { duoCount, field, type DuoColumn, type DuoRecord } from './files.ts';
import type { GemeenteMapper } from './gemeente-mapping.ts';
import type { SchoolRegister } from './schools.ts';
import type { Totals } from './totals.ts';
import { ADVIES_COLUMNS, placePoRow, rowGemeente } from './yearly.ts';

export const ADVIES_SCHOOL = 'advies_havo_vwo_school';

/** A school's share gets no figure of its own when DUO's `<5` leaves more room than this either way. */
export const MASK_MARGIN = 0.05;

/** The expected value of `k` cells published as `<5` (1–4 each): 2.5 × k, rounded half to even so that odd k go down and up in turn. */
export function maskedExpectation(k: number): number {
  const x = 2.5 * k;
  const f = Math.floor(x);
  return x - f === 0.5 ? (f % 2 === 0 ? f : f + 1) : Math.round(x);
}

/** Exact sum and number of `<5` cells over some advies columns of one school. */
function side(r: DuoRecord, columns: readonly DuoColumn[]): { exact: number; masked: number } {
  let exact = 0;
  let masked = 0;
  for (const c of columns) {
    const v = duoCount(field(r, c));
    if (v === 'lt5') masked++;
    else if (v !== null) exact += v;
  }
  return { exact, masked };
}

/** The lowest and highest share of havo+ a school's masked cells allow. */
export function shareRange(havo: { exact: number; masked: number }, other: { exact: number; masked: number }): [number, number] {
  const lo = havo.exact + havo.masked;
  const hi = havo.exact + 4 * havo.masked;
  return [lo / (lo + other.exact + 4 * other.masked), hi / (hi + other.exact + other.masked)];
}

export type AdviesStats = { schools: number; maskedCells: number; noOwnFigure: string[] };

/**
 * Adds the share of groep-8 pupils with a schooladvies havo or higher, per school location, from a
 * DUO schooladviezen file of any year's layout. Cells DUO masks as `<5` count as their expected
 * value; a school whose share the masking could move by more than MASK_MARGIN counts in its gemeente
 * but gets no figure of its own (and is reported by BRIN).
 */
export function addSchooladviezen(
  records: readonly DuoRecord[],
  file: string,
  cohort: string,
  mapper: GemeenteMapper,
  schools: SchoolRegister,
  totals: Totals,
): AdviesStats {
  const stats: AdviesStats = { schools: 0, maskedCells: 0, noOwnFigure: [] };
  for (const r of records) {
    const havo = side(r, ADVIES_COLUMNS.havoPlus);
    const other = side(r, ADVIES_COLUMNS.other);
    const numerator = havo.exact + maskedExpectation(havo.masked);
    const denominator = numerator + other.exact + maskedExpectation(other.masked);
    if (!denominator) continue;
    stats.schools++;
    stats.maskedCells += havo.masked + other.masked;
    const { school, area } = placePoRow(r, file, mapper, schools);
    const [lo, hi] = shareRange(havo, other);
    const ownFigure = hi - lo <= 2 * MASK_MARGIN;
    if (school && !ownFigure) stats.noOwnFigure.push(school.vestiging);
    totals.add(ADVIES_SCHOOL, cohort, 'totaal', 'totaal', area, numerator, denominator, ownFigure ? school?.code : undefined);
    if (!area) totals.unmapped(ADVIES_SCHOOL, rowGemeente(r), denominator);
  }
  return stats;
}
