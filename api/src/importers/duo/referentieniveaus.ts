import { duoCount, type DuoRecord } from './files.ts';
import type { GemeenteMapper } from './gemeente-mapping.ts';
import { MASK_MARGIN, maskedExpectation, shareRange } from './schooladviezen.ts';
import type { SchoolRegister } from './schools.ts';
import { Totals } from './totals.ts';
import { placePoRow, REFERENTIE_DOMAINS, rowGemeente } from './yearly.ts';

export type ReferentieDomain = keyof typeof REFERENTIE_DOMAINS;

/**
 * One indicator per domain and level: the share of pupils with a result for the domain at or above
 * that level. `from` is the first column of REFERENTIE_DOMAINS that counts: 1F or higher from the
 * second, 1S/2F or higher from the third (rekenen's 2F column counts with 1S).
 */
export const REFERENTIENIVEAUS = [
  { indicator: 'ref_rekenen_1f', domain: 'rekenen', level: '1F', from: 1 },
  { indicator: 'ref_rekenen_1s', domain: 'rekenen', level: '1S', from: 2 },
  { indicator: 'ref_lezen_1f', domain: 'lezen', level: '1F', from: 1 },
  { indicator: 'ref_lezen_2f', domain: 'lezen', level: '2F', from: 2 },
  { indicator: 'ref_taal_1f', domain: 'taalverzorging', level: '1F', from: 1 },
  { indicator: 'ref_taal_2f', domain: 'taalverzorging', level: '2F', from: 2 },
] as const satisfies readonly { indicator: string; domain: ReferentieDomain; level: string; from: number }[];

/** Exact sum and number of `<5` cells of some counts. */
export type Side = { exact: number; masked: number };

/** The cells of one domain of a row as counts (null: empty), lowest level first. */
export function domainCells(r: DuoRecord, domain: ReferentieDomain): (number | 'lt5' | null)[] {
  return REFERENTIE_DOMAINS[domain].map((c) => duoCount(r[c]));
}

/** The cells from `from` up (at or above the level) and those below, each as exact sum and masked cells. */
export function split(cells: readonly (number | 'lt5' | null)[], from: number): { above: Side; below: Side } {
  const above: Side = { exact: 0, masked: 0 };
  const below: Side = { exact: 0, masked: 0 };
  cells.forEach((v, i) => {
    const side = i >= from ? above : below;
    if (v === 'lt5') side.masked++;
    else if (v !== null) side.exact += v;
  });
  return { above, below };
}

/**
 * The estimated counts of one indicator at one school: each `<5` as its expected value 2.5, as in
 * the schooladviezen. The denominator rounds the masked cells of the whole domain at once, so both
 * levels of a domain share one denominator (the pupils with a result); the numerator rounds those
 * at or above the level. Both stay within what the masked cells allow (1 to 4 each).
 */
export function estimate(above: Side, below: Side): { numerator: number; denominator: number } {
  const numerator = above.exact + maskedExpectation(above.masked);
  return { numerator, denominator: above.exact + below.exact + maskedExpectation(above.masked + below.masked) };
}

/** Whether a school's share is known well enough for a figure of its own: the masking moves it by at most MASK_MARGIN either way. */
export function ownFigure(above: Side, below: Side): boolean {
  const [lo, hi] = shareRange(above, below);
  return hi - lo <= 2 * MASK_MARGIN;
}

export type ReferentieStats = {
  indicator: string;
  domain: ReferentieDomain;
  level: string;
  from: number;
  schools: number;
  maskedCells: number;
  /** BRIN vestigingen whose share the masking could move by more than MASK_MARGIN: counted in their gemeente only. */
  noOwnFigure: string[];
  totals: Totals;
};

/**
 * Adds the six referentieniveau indicators of a DUO "leerlingen bo referentieniveaus" file to their
 * own Totals, per school location and its gemeente (placePoRow). A school without pupils in a
 * domain (every count 0) has no figure for it; one whose share the `<5` cells could move by more
 * than MASK_MARGIN counts in its gemeente but has no figure of its own.
 */
export function addReferentieniveaus(
  records: readonly DuoRecord[],
  file: string,
  cohort: string,
  mapper: GemeenteMapper,
  schools: SchoolRegister,
): ReferentieStats[] {
  const stats = REFERENTIENIVEAUS.map((d): ReferentieStats => ({ ...d, schools: 0, maskedCells: 0, noOwnFigure: [], totals: new Totals() }));
  for (const r of records) {
    const counted = stats.flatMap((s) => {
      const { above, below } = split(domainCells(r, s.domain), s.from);
      const { numerator, denominator } = estimate(above, below);
      return denominator ? [{ s, above, below, numerator, denominator }] : [];
    });
    if (!counted.length) continue;
    const { school, area } = placePoRow(r, file, mapper, schools);
    for (const { s, above, below, numerator, denominator } of counted) {
      s.schools++;
      s.maskedCells += above.masked + below.masked;
      const own = ownFigure(above, below);
      if (school && !own) s.noOwnFigure.push(school.vestiging);
      s.totals.add(s.indicator, cohort, 'totaal', 'totaal', area, numerator, denominator, own ? school?.code : undefined);
      if (!area) s.totals.unmapped(s.indicator, rowGemeente(r), denominator);
    }
  }
  return stats.filter((s) => s.schools > 0);
}
