import type { PlaceIndex } from './exams.ts';
import type { DuoRecord } from './files.ts';
import type { GemeenteMapper } from './gemeente-mapping.ts';
import { brinVestiging, type SchoolRegister } from './schools.ts';
import type { Totals } from './totals.ts';

export const HAVO_VWO_LJ3 = 'havo_vwo_lj3';

const TYPE = 'ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR';
/**
 * The international streams: "Engelse Stroom" (IB middle years programme) and the European Secondary
 * School. They lead to the IB or European Baccalaureate, not to a havo or vwo diploma, and the file
 * tells no more: they are neither havo/vwo nor one of the tracks below it, so they count in neither
 * numerator nor denominator (else a school teaching only such a stream shows 0%).
 */
const INTERNATIONAL = /^(Engelse Stroom|European Secondary School)$/;
const SEXES = [
  ['MAN', 'jongen'],
  ['VROUW', 'meisje'],
] as const;

/**
 * Adds the share of leerjaar-3 pupils in havo or vwo (DUO "leerlingen vo per vestiging naar
 * onderwijstype") to `totals`. The file has no gemeente, so each vestiging is joined to the DUO
 * address list; one missing there (closed since) is placed by its place name, where the address list
 * puts that place in one gemeente. What neither settles is reported as unmapped (and counts in
 * Nederland only, as in the exam files). Returns the pupils of international streams left out.
 */
export function addHavoVwoLj3(
  records: readonly DuoRecord[],
  file: string,
  cohort: string,
  mapper: GemeenteMapper,
  schools: SchoolRegister,
  places: PlaceIndex,
  totals: Totals,
): { international: number } {
  let international = 0;
  for (const r of records) {
    const counts = SEXES.map(([sex]) => Number(r[`LEER- OF VERBLIJFSJAAR 3 - ${sex}`]?.trim() || 0));
    const total = counts[0]! + counts[1]!;
    if (!total) continue;
    const vestiging = brinVestiging(r['BRIN NUMMER'], r['VESTIGINGSNUMMER']);
    const place = r['PLAATSNAAM VESTIGING']?.trim().toUpperCase() ?? '';
    const nummer = places.get(place);
    // Only for a vestiging the address list lacks: resolve gives a listed one its own gemeente.
    const gemeente = nummer ? mapper.byCode(nummer, place) : null;
    const school = vestiging ? schools.resolve(vestiging, { name: r['INSTELLINGSNAAM VESTIGING'], gemeente, sector: 'vo', plaats: place }, file) : undefined;
    const area = school?.gemeente ?? gemeente;
    if (INTERNATIONAL.test(r[TYPE]?.trim() ?? '')) {
      international += total;
      continue;
    }
    // 'HAVO/VWO lj 3' and the havo/vwo pupils taught at a VAVO; vmbo, praktijkonderwijs and the rest count in the denominator only.
    const havoVwo = /^(HAVO|VWO)/.test(r[TYPE]?.trim() ?? '');
    totals.add(HAVO_VWO_LJ3, cohort, 'totaal', 'totaal', area, havoVwo ? total : 0, total, school?.code);
    SEXES.forEach(([, grp], i) => totals.add(HAVO_VWO_LJ3, cohort, 'geslacht', grp, area, havoVwo ? counts[i]! : 0, counts[i]!, school?.code));
    if (!area) totals.unmapped(HAVO_VWO_LJ3, `${place || '?'} (vestiging ${vestiging ?? '?'}, niet in adreslijst)`, total);
  }
  return { international };
}
