import { duoCount, duoDecimal, type DuoRecord } from './files.ts';
import type { GemeenteMapper } from './gemeente-mapping.ts';
import { estimateMasked } from './masked-exams.ts';
import type { SchoolRegister } from './schools.ts';
import { brinVestiging } from './schools.ts';
import type { Totals } from './totals.ts';

export const PASS_RATE = 'slagingspercentage_vo';

/**
 * Place name → gemeentenummer, for the places whose vestigingen in the address list all lie in one
 * gemeente: where a file's vestiging is missing from the list (closed since), its place still says
 * where it was.
 */
export type PlaceIndex = ReadonlyMap<string, string>;

export function placeIndex(addresses: readonly DuoRecord[]): PlaceIndex {
  const seen = new Map<string, Set<string>>();
  for (const a of addresses) {
    const place = (a['PLAATSNAAM'] ?? '').trim().toUpperCase();
    seen.set(place, (seen.get(place) ?? new Set()).add((a['GEMEENTENUMMER'] ?? '').trim()));
  }
  return new Map(
    [...seen].flatMap(([place, numbers]) => {
      const [only] = numbers;
      return numbers.size === 1 && only !== undefined ? [[place, only] as [string, string]] : [];
    }),
  );
}

const SEXES = { TOTAAL: ['totaal', 'totaal'], MAN: ['geslacht', 'jongen'], VROUW: ['geslacht', 'meisje'] } as const;
const CANDIDATES = /^EXAMENKANDIDATEN SCHOOLJAAR (\d{4}-\d{4}) - (TOTAAL|MAN|VROUW)$/;

export type ExamStats = { schoolYears: string[]; estimatedCells: number; leftOutCells: number; rebuiltPasses: number };

/**
 * Adds the exam pass rate of one DUO "examenkandidaten en geslaagden" file to `totals`, per school year
 * and for totaal, jongen and meisje, per vestiging and its gemeente. A row of `<5` candidates (1–4)
 * counts with the count its published SLAAGPERC allows that estimateMasked picks (left out only where
 * no count of 1–4 gives that percentage); `<5` passes with published candidates are rebuilt exactly from
 * SLAAGPERC. A vestiging of the address list counts in its gemeente there; one that is not (closed
 * since) in the gemeente the file names.
 */
export function addExamPassRates(records: readonly DuoRecord[], file: string, mapper: GemeenteMapper, schools: SchoolRegister, totals: Totals): ExamStats {
  const columns = Object.keys(records[0] ?? {}).flatMap((c) => {
    const match = CANDIDATES.exec(c);
    return match ? [{ year: match[1]!, sex: match[2] as keyof typeof SEXES }] : [];
  });
  const stats: ExamStats = { schoolYears: [...new Set(columns.map((c) => c.year))].sort(), estimatedCells: 0, leftOutCells: 0, rebuiltPasses: 0 };
  for (const r of records) {
    const vestiging = brinVestiging(undefined, r['VESTIGINGSCODE'] ?? r['VESTIGINGSNUMMER']);
    const named = mapper.byName(r['GEMEENTENAAM'] ?? '');
    const school = vestiging ? schools.resolve(vestiging, { name: r['INSTELLINGSNAAM VESTIGING'], gemeente: named, sector: 'vo' }, file) : undefined;
    const area = school?.gemeente ?? named;
    for (const { year, sex } of columns) {
      const suffix = `SCHOOLJAAR ${year} - ${sex}`;
      let candidates = duoCount(r[`EXAMENKANDIDATEN ${suffix}`]);
      let passes = duoCount(r[`GESLAAGDEN ${suffix}`]);
      if (candidates === 'lt5') {
        const estimate = estimateMasked(duoDecimal(r[`SLAAGPERC ${suffix}`]));
        if (!estimate) {
          stats.leftOutCells++;
          continue;
        }
        ({ k: passes, n: candidates } = estimate);
        stats.estimatedCells++;
      }
      if (!candidates) continue;
      if (passes === 'lt5') {
        passes = Math.round((candidates * (duoDecimal(r[`SLAAGPERC ${suffix}`]) ?? 0)) / 100);
        stats.rebuiltPasses++;
      }
      const [dimension, grp] = SEXES[sex];
      totals.add(PASS_RATE, year, dimension, grp, area, passes ?? 0, candidates, school?.code);
      if (!area && sex === 'TOTAAL') totals.unmapped(PASS_RATE, `${r['GEMEENTENAAM'] || '?'} (vestiging ${vestiging})`, candidates);
    }
  }
  return stats;
}
