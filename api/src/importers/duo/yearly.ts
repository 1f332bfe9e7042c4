import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { DuoColumn, DuoEncoding } from './files.ts';

/** Columns renamed over the years: the 2022-2023 name first, then older ones. */
export const SCHOOL_COLUMNS = {
  brin: ['INSTELLINGSCODE', 'BRIN_NUMMER'],
  vestiging: ['VESTIGINGSCODE', 'VESTIGINGSNUMMER'],
  naam: ['INSTELLINGSNAAM_VESTIGING'],
  plaats: ['PLAATSNAAM'],
  gemeente: ['GEMEENTENUMMER'],
  soort: ['SOORT_PO'],
} as const satisfies Record<string, DuoColumn>;

/**
 * The files DUO publishes once per school year, per school location. `years` are the first calendar
 * years of the school years DUO has published (no eindtoets in 2019-2020); `published` is the name at
 * DUO (`04.-` for the first two schooladviezen years, `04-` since); `pattern` finds a file of the
 * family in a folder under that name or with a `duo_` prefix, and captures its first year.
 */
export const YEARLY = {
  schooladviezen: {
    label: 'Schooladviezen',
    years: [2019, 2020, 2021, 2022, 2023, 2024],
    published: (y: number) => `${y <= 2020 ? '04.-' : '04-'}leerlingen-bo-sbo-schooladviezen-${y}-${y + 1}.csv`,
    pattern: /^(?:duo_)?(?:04\.?-)?leerlingen-bo-sbo-schooladviezen-(\d{4})-\d{4}\.csv$/i,
    encoding: 'auto',
    columns: [
      SCHOOL_COLUMNS.brin,
      SCHOOL_COLUMNS.vestiging,
      SCHOOL_COLUMNS.gemeente,
      'VSO',
      'PRO',
      ['VMBO_B', 'VMBO_BL'],
      ['VMBO_B_K', 'VMBO_BL_KL'],
      ['VMBO_K', 'VMBO_KL'],
      ['VMBO_K_GT', 'VMBO_KL_GT'],
      'VMBO_GT',
      'VMBO_GT_HAVO',
      'HAVO',
      'HAVO_VWO',
      'VWO',
    ],
  },
  eindscores: {
    label: 'Gemiddelde eindscores',
    years: [2018, 2020, 2021, 2022, 2023, 2024],
    published: (y: number) => `05.-gemiddelde-eindscores-bo-sbo-${y}-${y + 1}.csv`,
    pattern: /^(?:duo_)?(?:05\.-)?gemiddelde-eindscores-bo-sbo-(\d{4})-\d{4}\.csv$/i,
    encoding: 'auto',
    columns: [SCHOOL_COLUMNS.brin, SCHOOL_COLUMNS.vestiging, SCHOOL_COLUMNS.gemeente, SCHOOL_COLUMNS.naam],
  },
  leerlingenVo: {
    label: 'Leerlingen vo per vestiging',
    years: [2019, 2020, 2021, 2022, 2023, 2024],
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
  { label: string; years: readonly number[]; published: (y: number) => string; pattern: RegExp; encoding: DuoEncoding; columns: readonly DuoColumn[] }
>;
export type YearlyFamily = keyof typeof YEARLY;

/** The school year a file's first calendar year starts; leerlingen vo counts of 1 October `y` belong to `y`-`y+1` as well. */
export const schoolYearOf = (y: number): string => `${y}-${y + 1}`;

/** The files of a family in `dir`, one per school year (sorted), skipping years in `except`. */
export function findYearlyFiles(dir: string, family: YearlyFamily, except: readonly number[] = []): { year: number; file: string }[] {
  const byYear = new Map<number, string>();
  for (const name of readdirSync(dir).sort()) {
    const m = YEARLY[family].pattern.exec(name);
    if (!m) continue;
    const year = Number(m[1]);
    if (!except.includes(year) && !byYear.has(year)) byYear.set(year, path.join(dir, name));
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, file]) => ({ year, file }));
}
