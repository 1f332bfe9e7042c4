import type { DuoRecord } from './files.ts';
import type { GemeenteMapper } from './gemeente-mapping.ts';

export type Sector = 'po' | 'vo';

/** A school location (vestiging) as an area under its gemeente. */
export type School = {
  /** `SC` + BRIN vestiging: `SC00AP00`. */
  code: string;
  brin: string;
  /** BRIN vestiging, 6 characters: `00AP00`. */
  vestiging: string;
  name: string;
  sector: Sector;
  soort: string | null;
  denominatie: string | null;
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
  /** The imported gemeente it lies in. */
  gemeente: string;
  /**
   * Named by figures but no longer in the address list that covers it: closed since. Null where no
   * list covers the school (speciaal basisonderwijs is not in the bo list), so nobody can tell.
   */
  gesloten: boolean | null;
};

const VESTIGING = /^[0-9A-Z]{4}\d{2}$/;

/** The 6-character BRIN vestiging of a file row: `00AH00` as it stands, or BRIN `00AP` and number `00` (or `0`). */
export function brinVestiging(brin: string | undefined, nummer: string | undefined): string | null {
  const nr = (nummer ?? '').trim().toUpperCase();
  const v = nr.length === 6 ? nr : `${(brin ?? '').trim().toUpperCase()}${nr.padStart(2, '0')}`;
  return VESTIGING.test(v) ? v : null;
}

export const schoolCode = (vestiging: string): string => `SC${vestiging}`;

const text = (v: string | undefined) => v?.trim().replace(/\s+/g, ' ') || null;

/** What a data file says of a school the address lists do not have. */
export type Sighting = { name?: string; gemeente: string | null; sector: Sector; plaats?: string; soort?: string };

/** A school a file named that could be placed in no imported gemeente: reported, never dropped silently. */
export type Unplaced = { vestiging: string; naam: string; bestand: string };

/**
 * The schools of the DUO address lists (po and vo), each in the imported gemeente its gemeentenummer
 * maps to. Figures of a school the lists no longer have keep it as a closed school, in the gemeente
 * the figures' own file places it in.
 */
export class SchoolRegister {
  private readonly listed = new Map<string, School>();
  private readonly closed = new Map<string, School>();
  private readonly unplaced = new Map<string, Unplaced>();
  /** Address-list rows whose gemeente is not imported (another indeling, or a partial import). */
  readonly outsideIndeling: number;

  constructor(lists: readonly { sector: Sector; records: readonly DuoRecord[] }[], mapper: GemeenteMapper) {
    let outside = 0;
    for (const { sector, records } of lists)
      for (const r of records) {
        const vestiging = brinVestiging(r['BRIN NUMMER'], r['VESTIGINGSNUMMER']);
        if (!vestiging) continue;
        const plaats = text(r['PLAATSNAAM']);
        const gemeente = mapper.byCode(r['GEMEENTENUMMER'] ?? '', plaats ?? undefined);
        if (!gemeente) {
          outside++;
          continue;
        }
        const straat = [text(r['STRAATNAAM']), text(r['HUISNUMMER-TOEVOEGING'])].filter(Boolean).join(' ');
        this.listed.set(vestiging, {
          code: schoolCode(vestiging),
          brin: vestiging.slice(0, 4),
          vestiging,
          name: text(r['VESTIGINGSNAAM']) ?? vestiging,
          sector,
          soort: text(r['ONDERWIJSSTRUCTUUR']) ?? (sector === 'po' ? 'Bo' : null),
          denominatie: text(r['DENOMINATIE']),
          adres: straat || null,
          postcode: text(r['POSTCODE']),
          plaats,
          gemeente,
          gesloten: false,
        });
      }
    this.outsideIndeling = outside;
  }

  /**
   * The school a figure belongs to: the listed one, or else a closed one in the gemeente the file
   * gives (undefined, and reported, when that is no imported gemeente either).
   */
  resolve(vestiging: string, seen: Sighting, file: string): School | undefined {
    const known = this.listed.get(vestiging) ?? this.closed.get(vestiging);
    if (known) return known;
    if (!seen.gemeente) {
      if (!this.unplaced.has(vestiging)) this.unplaced.set(vestiging, { vestiging, naam: seen.name ?? '?', bestand: file });
      return undefined;
    }
    const school: School = {
      code: schoolCode(vestiging),
      brin: vestiging.slice(0, 4),
      vestiging,
      name: seen.name ? text(seen.name)! : vestiging,
      sector: seen.sector,
      soort: seen.soort ?? null,
      denominatie: null,
      adres: null,
      postcode: null,
      plaats: seen.plaats ? text(seen.plaats) : null,
      gemeente: seen.gemeente,
      gesloten: seen.sector === 'po' && seen.soort !== undefined && seen.soort !== 'Bo' ? null : true,
    };
    this.closed.set(vestiging, school);
    return school;
  }

  get listedCount(): number {
    return this.listed.size;
  }

  /** The listed school with this BRIN vestiging, if any. */
  get(vestiging: string): School | undefined {
    return this.listed.get(vestiging);
  }

  /** Every school to write: the listed ones and the closed ones figures named. */
  all(): School[] {
    return [...this.listed.values(), ...this.closed.values()];
  }

  closedSchools(): School[] {
    return [...this.closed.values()].sort((a, b) => a.vestiging.localeCompare(b.vestiging));
  }

  unplacedSchools(): Unplaced[] {
    return [...this.unplaced.values()].sort((a, b) => a.vestiging.localeCompare(b.vestiging));
  }
}
