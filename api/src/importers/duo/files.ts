import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

export type DuoRecord = Record<string, string>;

/**
 * The DUO open-data files the importer reads, by their names in a folder and their encodings, with
 * the columns each must have: a file without them is another layout, and an error that names the
 * file and those columns. `published` is the name under which DUO publishes the file (null: not at DUO).
 */
export const DUO_FILES = {
  examens2019: {
    name: 'examenkandidaten-en-geslaagden-2019-2024.csv',
    published: 'examenkandidaten-en-geslaagden-2019-2024.csv',
    encoding: 'utf8',
    columns: ['VESTIGINGSCODE', 'GEMEENTENAAM', 'EXAMENKANDIDATEN SCHOOLJAAR 2019-2020 - TOTAAL', 'GESLAAGDEN SCHOOLJAAR 2019-2020 - TOTAAL'],
  },
  examens2014: {
    name: 'examenkandidaten-en-geslaagden-2014-2019.csv',
    published: 'examenkandidaten-en-geslaagden-2014-2019.csv',
    encoding: 'win1252',
    columns: ['VESTIGINGSNUMMER', 'GEMEENTENAAM', 'EXAMENKANDIDATEN SCHOOLJAAR 2014-2015 - TOTAAL', 'GESLAAGDEN SCHOOLJAAR 2014-2015 - TOTAAL'],
  },
  eindtoets: {
    name: 'gemiddelde-eindscores-bo-sbo-2018-2019.csv',
    published: '05.-gemiddelde-eindscores-bo-sbo-2018-2019.csv',
    encoding: 'win1252',
    // Read as a yearly file: YEARLY.eindscores (yearly.ts) checks its layout.
    columns: [],
  },
  leerlingenVo: {
    name: 'leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv',
    published: '01.-leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv',
    encoding: 'win1252',
    // Read as a yearly file: YEARLY.leerlingenVo (yearly.ts) checks its layout.
    columns: [],
  },
  vestigingenVo: {
    name: 'alle-vestigingen-vo.csv',
    published: '02.-alle-vestigingen-vo.csv',
    encoding: 'win1252',
    columns: ['BRIN NUMMER', 'VESTIGINGSNUMMER', 'VESTIGINGSNAAM', 'PLAATSNAAM', 'GEMEENTENUMMER', 'ONDERWIJSSTRUCTUUR'],
  },
  vestigingenBo: {
    name: 'alle-vestigingen-bo.csv',
    published: '03.-alle-vestigingen-basisonderwijs.csv',
    encoding: 'win1252',
    columns: ['BRIN NUMMER', 'VESTIGINGSNUMMER', 'VESTIGINGSNAAM', 'PLAATSNAAM', 'GEMEENTENUMMER'],
  },
  /** Every po vestiging on 1 October 2019 with its gemeente: places the schools of the achterstandsscores closed since. */
  afstandBo: {
    name: 'gemiddelde-afstand-woonadres-schoolvestiging-bo-2019-2020.csv',
    published: 'gemiddelde-afstand-woonadres-schoolvestiging-bo-2019-2020.csv',
    encoding: 'win1252',
    columns: ['BRIN_NUMMER', 'VESTIGINGSNUMMER', 'INSTELLINGSNAAM_VESTIGING', 'PLAATSNAAM', 'GEMEENTENUMMER'],
  },
  /** CBS, not DUO, and a workbook: read (and its layout checked) by achterstand.ts. */
  achterstandsscores: { name: 'achterstandsscores-basisscholen-2019.xlsx', published: null, encoding: 'binary', columns: [] },
} as const satisfies Record<string, { name: string; published: string | null; encoding: DuoEncoding; columns: readonly DuoColumn[] }>;
export type DuoFileKey = keyof typeof DUO_FILES;

/** The path of a DUO (or CBS) file in `dir` under its own name or with a `duo_` or `cbs_` prefix, or undefined. */
export function lookForDuoFile(dir: string, key: DuoFileKey): string | undefined {
  const { name } = DUO_FILES[key];
  const prefix = key === 'achterstandsscores' ? 'cbs_' : 'duo_';
  return [name, `${prefix}${name}`].map((n) => path.join(dir, n)).find((f) => existsSync(f));
}

/** The path of a DUO (or CBS) file in `dir`, as lookForDuoFile; throws naming what is missing. */
export function findDuoFile(dir: string, key: DuoFileKey): string {
  const { name } = DUO_FILES[key];
  const prefix = key === 'achterstandsscores' ? 'cbs_' : 'duo_';
  const found = lookForDuoFile(dir, key);
  const where = key === 'achterstandsscores' ? 'cbs.nl (Achterstandsscores per basisschoolvestiging)' : 'onderwijsdata.duo.nl';
  if (!found) throw new Error(`Bestand ontbreekt in ${dir}: ${name} (of ${prefix}${name}). Download het van ${where}.`);
  return found;
}

/** A column a layout must have: one name, or the names it had in different years. */
export type DuoColumn = string | readonly string[];
export type DuoEncoding = 'utf8' | 'win1252' | 'auto' | 'binary';

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252: DUO's yearly files use either. */
function decode(bytes: Buffer, encoding: Exclude<DuoEncoding, 'binary'>): string {
  if (encoding !== 'auto') return iconv.decode(bytes, encoding);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1252');
  }
}

/** The value of the first of `names` the record has (a column renamed between years). */
export function field(r: DuoRecord, names: DuoColumn): string | undefined {
  for (const n of typeof names === 'string' ? [names] : names) if (n in r) return r[n];
  return undefined;
}

/**
 * Reads a `;`-separated DUO file into records keyed by header, decoding its own encoding; with
 * `columns`, a header without every one of them (or one of its yearly names) is an error naming the
 * file and what it misses.
 */
export async function readDuoCsv(file: string, encoding: DuoEncoding, columns: readonly DuoColumn[] = []): Promise<DuoRecord[]> {
  if (encoding === 'binary') throw new Error(`${path.basename(file)} is geen CSV-bestand`);
  const text = decode(await readFile(file), encoding);
  let records: DuoRecord[];
  try {
    records = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim()),
      delimiter: ';',
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as DuoRecord[];
  } catch (e) {
    throw new Error(`${path.basename(file)}: geen leesbaar CSV-bestand met ; als scheidingsteken (${e instanceof Error ? e.message : String(e)})`);
  }
  const header = new Set(Object.keys(records[0] ?? {}));
  const spell = (c: DuoColumn) => (typeof c === 'string' ? `"${c}"` : c.map((n) => `"${n}"`).join(' of '));
  const missing = columns.filter((c) => !(typeof c === 'string' ? [c] : c).some((n) => header.has(n)));
  if (missing.length)
    throw new Error(
      `${path.basename(file)}: onbekende indeling, de kolommen ${missing.map(spell).join(', ')} ontbreken ` +
        `(verwacht onder meer ${columns.map(spell).join(', ')}; gevonden ${
          header.size
            ? [...header]
                .slice(0, 8)
                .map((c) => `"${c}"`)
                .join(', ') + (header.size > 8 ? ', …' : '')
            : 'geen kopregel met gegevens'
        })`,
    );
  return records;
}

/** A DUO count: null when empty, 'lt5' for the published `<5` (1–4). */
export function duoCount(raw: string | undefined): number | 'lt5' | null {
  const v = raw?.trim() ?? '';
  if (v === '') return null;
  if (v === '<5') return 'lt5';
  return /^\d+$/.test(v) ? Number(v) : null;
}

/** A DUO decimal in either notation: `90.9`, `538,63`, `100,0%`, `,0%`. */
export function duoDecimal(raw: string | undefined): number | null {
  const v = (raw?.trim() ?? '').replace('%', '').replace(',', '.');
  if (v === '' || v === '.') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
