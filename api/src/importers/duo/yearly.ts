import { readdirSync } from 'node:fs';
import path from 'node:path';
import { field, type DuoColumn, type DuoEncoding, type DuoRecord } from './files.ts';
import type { GemeenteMapper } from './gemeente-mapping.ts';
import { brinVestiging, type School, type SchoolRegister } from './schools.ts';

/** Columns renamed over the years: the 2022-2023 name first, then older ones. */
export const SCHOOL_COLUMNS = {
  brin: ['INSTELLINGSCODE', 'BRIN_NUMMER'],
  vestiging: ['VESTIGINGSCODE', 'VESTIGINGSNUMMER'],
  naam: ['INSTELLINGSNAAM_VESTIGING'],
  plaats: ['PLAATSNAAM'],
  gemeente: ['GEMEENTENUMMER'],
  soort: ['SOORT_PO'],
} as const satisfies Record<string, DuoColumn>;

/** The schooladviezen categories, in any year's names: havo or higher (not the double advice vmbo-gt/havo, whose lower half is vmbo), and the rest ("advies niet mogelijk" is neither). */
export const ADVIES_COLUMNS = {
  havoPlus: ['HAVO', 'HAVO_VWO', 'VWO'],
  other: ['VSO', 'PRO', ['VMBO_B', 'VMBO_BL'], ['VMBO_B_K', 'VMBO_BL_KL'], ['VMBO_K', 'VMBO_KL'], ['VMBO_K_GT', 'VMBO_KL_GT'], 'VMBO_GT', 'VMBO_GT_HAVO'],
} as const satisfies Record<string, readonly DuoColumn[]>;

/**
 * The counts of the referentieniveaus file per domain, from the lowest level up: below 1F, 1F, then
 * the higher levels (1S and 2F for rekenen, 2F for lezen and taalverzorging). Each pupil with a
 * result for the domain is in exactly one of them.
 */
export const REFERENTIE_DOMAINS = {
  rekenen: ['REKENEN_LAGER1F', 'REKENEN_1F', 'REKENEN_1S', 'REKENEN_2F'],
  lezen: ['LV_LAGER1F', 'LV_1F', 'LV_2F'],
  taalverzorging: ['TV_LAGER1F', 'TV_1F', 'TV_2F'],
} as const;
const REFERENTIE_COLUMNS = Object.values(REFERENTIE_DOMAINS).flat();

/**
 * The basisschool of a row of a yearly po file and the gemeente it counts in: a school of the address
 * list in its gemeente there; another in the file's own gemeentenummer, which may predate a merger
 * (its place name settles a split gemeente).
 */
export function placePoRow(r: DuoRecord, file: string, mapper: GemeenteMapper, schools: SchoolRegister): { school: School | undefined; area: string | null } {
  const vestiging = brinVestiging(field(r, SCHOOL_COLUMNS.brin), field(r, SCHOOL_COLUMNS.vestiging));
  const plaats = field(r, SCHOOL_COLUMNS.plaats);
  const own = mapper.byCode(field(r, SCHOOL_COLUMNS.gemeente) ?? '', plaats);
  const school = vestiging
    ? schools.resolve(
        vestiging,
        { name: field(r, SCHOOL_COLUMNS.naam), gemeente: own, sector: 'po', plaats, soort: field(r, SCHOOL_COLUMNS.soort)?.trim() },
        file,
      )
    : undefined;
  return { school, area: school?.gemeente ?? own };
}

/** How a row that no gemeente could take is reported: its gemeentenummer and name. */
export const rowGemeente = (r: DuoRecord) => `${(field(r, SCHOOL_COLUMNS.gemeente) ?? '').trim()} ${r['GEMEENTENAAM'] ?? ''}`.trim();

/**
 * The files DUO publishes once per school year, per school location. `from` is the first calendar year
 * of the first school year fetched, `none` the school years without a file (no eindtoets in
 * 2019-2020); later years are tried up to the current one (publishedYears). `published` is the name at
 * DUO (`04.-` for the first two schooladviezen years, `04-` since); `pattern` finds a file of the
 * family in a folder under that name or with a `duo_` prefix, and captures its first year.
 */
export const YEARLY = {
  schooladviezen: {
    from: 2019,
    none: [],
    published: (y: number) => `${y <= 2020 ? '04.-' : '04-'}leerlingen-bo-sbo-schooladviezen-${y}-${y + 1}.csv`,
    pattern: /^(?:duo_)?(?:04\.?-)?leerlingen-bo-sbo-schooladviezen-(\d{4})-\d{4}\.csv$/i,
    encoding: 'auto',
    columns: [SCHOOL_COLUMNS.brin, SCHOOL_COLUMNS.vestiging, SCHOOL_COLUMNS.gemeente, ...ADVIES_COLUMNS.other, ...ADVIES_COLUMNS.havoPlus],
  },
  eindscores: {
    from: 2018,
    none: [2019],
    published: (y: number) => `05.-gemiddelde-eindscores-bo-sbo-${y}-${y + 1}.csv`,
    pattern: /^(?:duo_)?(?:05\.-)?gemiddelde-eindscores-bo-sbo-(\d{4})-\d{4}\.csv$/i,
    encoding: 'auto',
    columns: [SCHOOL_COLUMNS.brin, SCHOOL_COLUMNS.vestiging, SCHOOL_COLUMNS.gemeente, SCHOOL_COLUMNS.naam],
  },
  referentieniveaus: {
    from: 2022,
    none: [],
    published: (y: number) => `10.-leerlingen-bo-referentieniveaus-${y}-${y + 1}.csv`,
    pattern: /^(?:duo_)?(?:10\.-)?leerlingen-bo-referentieniveaus-(\d{4})-\d{4}\.csv$/i,
    encoding: 'auto',
    columns: [SCHOOL_COLUMNS.brin, SCHOOL_COLUMNS.vestiging, SCHOOL_COLUMNS.gemeente, ...REFERENTIE_COLUMNS],
  },
  leerlingenVo: {
    from: 2019,
    none: [],
    published: (y: number) => `01.-leerlingen-vo-per-vestiging-naar-onderwijstype-${y}.csv`,
    pattern: /^(?:duo_)?(?:01\.-)?leerlingen-vo-per-vestiging-naar-onderwijstype-(\d{4})\.csv$/i,
    encoding: 'auto',
    columns: [
      'BRIN NUMMER',
      'VESTIGINGSNUMMER',
      'ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR',
      'LEER- OF VERBLIJFSJAAR 3 - MAN',
      'LEER- OF VERBLIJFSJAAR 3 - VROUW',
    ],
  },
} as const satisfies Record<
  string,
  { from: number; none: readonly number[]; published: (y: number) => string; pattern: RegExp; encoding: DuoEncoding; columns: readonly DuoColumn[] }
>;
export type YearlyFamily = keyof typeof YEARLY;

/**
 * The first calendar years of every school year of a family up to the one under way on `today` (from
 * August): a year DUO has not published yet is skipped by download-duo, so a new one is fetched as
 * soon as it appears, without a code change.
 */
export function publishedYears(family: YearlyFamily, today: Date = new Date()): number[] {
  const current = today.getMonth() >= 7 ? today.getFullYear() : today.getFullYear() - 1;
  const { from, none } = YEARLY[family];
  return Array.from({ length: Math.max(0, current - from + 1) }, (_, i) => from + i).filter((y) => !(none as readonly number[]).includes(y));
}

/** The school year a file's first calendar year starts; leerlingen vo counts of 1 October `y` belong to `y`-`y+1` as well. */
export const schoolYearOf = (y: number): string => `${y}-${y + 1}`;

/** The files of a family in `dir`, one per school year (sorted). */
export function findYearlyFiles(dir: string, family: YearlyFamily): { year: number; file: string }[] {
  const byYear = new Map<number, string>();
  for (const name of readdirSync(dir).sort()) {
    const m = YEARLY[family].pattern.exec(name);
    if (!m) continue;
    const year = Number(m[1]);
    if (!byYear.has(year)) byYear.set(year, path.join(dir, name));
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, file]) => ({ year, file }));
}
