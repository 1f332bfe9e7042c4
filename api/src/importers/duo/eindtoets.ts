import { duoCount, duoDecimal, type DuoRecord } from './files.ts';
import type { GemeenteMapper } from './gemeente-mapping.ts';
import type { Totals } from './totals.ts';

export const EINDTOETS = 'eindtoets_gemiddelde';

export type EindtoetsStats = { schools: number; withoutAverage: number };

/**
 * Adds the Centrale Eindtoets average of DUO "gemiddelde eindscores" to `totals` as a sum of scores
 * (mean × pupils, per school) over pupils. Gemeenten come from the school's own gemeentenummer,
 * which may predate a merger; its place name settles a split gemeente.
 */
export function addEindtoets(records: readonly DuoRecord[], cohort: string, mapper: GemeenteMapper, totals: Totals): EindtoetsStats {
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
    const area = mapper.byCode(r['GEMEENTENUMMER'] ?? '', r['PLAATSNAAM']);
    totals.add(EINDTOETS, cohort, 'totaal', 'totaal', area, mean * pupils, pupils);
    if (!area) totals.unmapped(EINDTOETS, `${(r['GEMEENTENUMMER'] ?? '').trim()} ${r['GEMEENTENAAM'] ?? ''}`.trim(), pupils);
  }
  return stats;
}
