import { duoCount, duoDecimal, type DuoRecord } from './files.ts';
import type { GemeenteMapper } from './gemeente-mapping.ts';
import type { SchoolRegister } from './schools.ts';
import { Totals } from './totals.ts';
import { placePoRow, rowGemeente } from './yearly.ts';

export const EINDTOETS = 'eindtoets_gemiddelde';

/**
 * The eind- and doorstroomtoetsen in DUO's "gemiddelde eindscores" files, by column prefix, each its
 * own indicator: their scales differ, so a school's or gemeente's scores are never averaged across them.
 */
export const TOETSEN = [
  { prefix: 'CET', indicator: EINDTOETS },
  { prefix: 'IEP', indicator: 'eindtoets_iep' },
  { prefix: 'ROUTE8', indicator: 'eindtoets_route8' },
  { prefix: 'DIA', indicator: 'eindtoets_dia' },
  { prefix: 'AMN', indicator: 'eindtoets_amn' },
  { prefix: 'DOE', indicator: 'eindtoets_doe' },
  { prefix: 'LIB', indicator: 'eindtoets_lib' },
] as const;

export type EindtoetsStats = { indicator: string; prefix: string; schools: number; withoutAverage: number; totals: Totals };

/**
 * Adds the average score of every toets in the file to its own indicator, as a sum of scores (mean ×
 * pupils) over pupils, per school and its gemeente (placePoRow). A mean DUO masks (`NA`, or blank, for fewer than 5 pupils) is left
 * out and counted. Any year's layout: BRIN_NUMMER or INSTELLINGSCODE, CET_ or LIB_ columns.
 */
export function addEindscores(records: readonly DuoRecord[], file: string, cohort: string, mapper: GemeenteMapper, schools: SchoolRegister): EindtoetsStats[] {
  const present = TOETSEN.filter((t) => records.length && `${t.prefix}_AANTAL` in records[0]! && `${t.prefix}_GEM` in records[0]!);
  if (records.length && !present.length)
    throw new Error(
      `${file}: onbekende indeling, geen kolommen van een toets (verwacht een paar als ${TOETSEN.map((t) => `"${t.prefix}_AANTAL"/"${t.prefix}_GEM"`).join(', ')})`,
    );
  const stats = present.map((t): EindtoetsStats => ({ ...t, schools: 0, withoutAverage: 0, totals: new Totals() }));
  for (const r of records) {
    const taken = stats.flatMap((s) => {
      const pupils = duoCount(r[`${s.prefix}_AANTAL`]);
      if (pupils === null || pupils === 0) return [];
      const mean = typeof pupils === 'number' ? duoDecimal(r[`${s.prefix}_GEM`]) : null;
      if (mean === null || mean === 0) {
        s.withoutAverage++;
        return [];
      }
      return [{ s, pupils: pupils as number, mean }];
    });
    if (!taken.length) continue;
    const { school, area } = placePoRow(r, file, mapper, schools);
    for (const { s, pupils, mean } of taken) {
      s.schools++;
      s.totals.add(s.indicator, cohort, 'totaal', 'totaal', area, mean * pupils, pupils, school?.code);
      if (!area) s.totals.unmapped(s.indicator, rowGemeente(r), pupils);
    }
  }
  return stats.filter((s) => s.schools > 0);
}
