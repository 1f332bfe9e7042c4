import { duoCount, duoDecimal, type DuoRecord } from './files.ts';
import type { GemeenteMapper } from './gemeente-mapping.ts';
import { brinVestiging, type SchoolRegister } from './schools.ts';
import type { Totals } from './totals.ts';

export const EINDTOETS = 'eindtoets_gemiddelde';

export type EindtoetsStats = { schools: number; withoutAverage: number };

/**
 * Adds the Centrale Eindtoets average of DUO "gemiddelde eindscores" to `totals` as a sum of scores
 * (mean × pupils) over pupils, per school and its gemeente. A school of the address list counts in
 * its gemeente there; another in the file's own gemeentenummer, which may predate a merger (its
 * place name settles a split gemeente).
 */
export function addEindtoets(
  records: readonly DuoRecord[],
  file: string,
  cohort: string,
  mapper: GemeenteMapper,
  schools: SchoolRegister,
  totals: Totals,
): EindtoetsStats {
  const stats: EindtoetsStats = { schools: 0, withoutAverage: 0 };
  for (const r of records) {
    const pupils = duoCount(r['CET_AANTAL']);
    if (typeof pupils !== 'number' || pupils === 0) continue;
    const mean = duoDecimal(r['CET_GEM']);
    if (mean === null) {
      stats.withoutAverage++;
      continue;
    }
    stats.schools++;
    const vestiging = brinVestiging(r['BRIN_NUMMER'], r['VESTIGINGSNUMMER']);
    const own = mapper.byCode(r['GEMEENTENUMMER'] ?? '', r['PLAATSNAAM']);
    const school = vestiging
      ? schools.resolve(
          vestiging,
          { name: r['INSTELLINGSNAAM_VESTIGING'], gemeente: own, sector: 'po', plaats: r['PLAATSNAAM'], soort: r['SOORT_PO']?.trim() },
          file,
        )
      : undefined;
    const area = school?.gemeente ?? own;
    totals.add(EINDTOETS, cohort, 'totaal', 'totaal', area, mean * pupils, pupils, school?.code);
    if (!area) totals.unmapped(EINDTOETS, `${(r['GEMEENTENUMMER'] ?? '').trim()} ${r['GEMEENTENAAM'] ?? ''}`.trim(), pupils);
  }
  return stats;
}
