import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

export type DuoRecord = Record<string, string>;

/** The DUO open-data files the importer reads, by their DUO names and their encodings (open-data README §3). */
export const DUO_FILES = {
  examens2019: { name: 'examenkandidaten-en-geslaagden-2019-2024.csv', encoding: 'utf8' },
  examens2014: { name: 'examenkandidaten-en-geslaagden-2014-2019.csv', encoding: 'win1252' },
  eindtoets: { name: 'gemiddelde-eindscores-bo-sbo-2018-2019.csv', encoding: 'win1252' },
  leerlingenVo: { name: 'leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv', encoding: 'win1252' },
  vestigingenVo: { name: 'alle-vestigingen-vo.csv', encoding: 'win1252' },
  vestigingenBo: { name: 'alle-vestigingen-bo.csv', encoding: 'win1252' },
  /** Every po vestiging on 1 October 2019 with its gemeente: places the schools of the achterstandsscores closed since. */
  afstandBo: { name: 'gemiddelde-afstand-woonadres-schoolvestiging-bo-2019-2020.csv', encoding: 'win1252' },
  /** CBS, not DUO, and a workbook: read by achterstand.ts. */
  achterstandsscores: { name: 'achterstandsscores-basisscholen-2019.xlsx', encoding: 'binary' },
} as const;
export type DuoFileKey = keyof typeof DUO_FILES;

/** The path of a DUO (or CBS) file in `dir`, under its own name or with a `duo_` or `cbs_` prefix; throws naming what is missing. */
export function findDuoFile(dir: string, key: DuoFileKey): string {
  const { name } = DUO_FILES[key];
  const prefix = key === 'achterstandsscores' ? 'cbs_' : 'duo_';
  const candidates = [name, `${prefix}${name}`].map((n) => path.join(dir, n));
  const found = candidates.find((f) => existsSync(f));
  const where = key === 'achterstandsscores' ? 'cbs.nl (Achterstandsscores per basisschoolvestiging)' : 'onderwijsdata.duo.nl';
  if (!found) throw new Error(`Bestand ontbreekt in ${dir}: ${name} (of ${prefix}${name}). Download het van ${where}.`);
  return found;
}

/** Reads a `;`-separated DUO file into records keyed by header, decoding its own encoding. */
export async function readDuoCsv(file: string, encoding: 'utf8' | 'win1252' | 'binary'): Promise<DuoRecord[]> {
  if (encoding === 'binary') throw new Error(`${path.basename(file)} is geen CSV-bestand`);
  const text = iconv.decode(await readFile(file), encoding);
  return parse(text, {
    columns: (h: string[]) => h.map((c) => c.trim()),
    delimiter: ';',
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as DuoRecord[];
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
