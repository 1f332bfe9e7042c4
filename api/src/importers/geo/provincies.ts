import { parse } from 'csv-parse/sync';
import { GEMEENTE_CODE } from '@gka/shared';
import { GeoFileError } from './errors.ts';

/**
 * gemeentecode → provincienaam from the CBS list "Gemeenten alfabetisch" (columns GemeentecodeGM or
 * Gemeentecode, and Provincienaam; `,` or `;` separated, BOM allowed).
 */
export function parseProvincies(text: string, name: string): Map<string, string> {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    throw new GeoFileError(name, `het CSV-bestand kan niet worden gelezen (${e instanceof Error ? e.message : String(e)})`);
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const gm = header.indexOf('gemeentecodegm');
  const bare = header.indexOf('gemeentecode');
  const prov = header.indexOf('provincienaam');
  if ((gm < 0 && bare < 0) || prov < 0) {
    throw new GeoFileError(name, 'verwacht de kolommen GemeentecodeGM (of Gemeentecode) en Provincienaam (CBS-lijst "Gemeenten alfabetisch")');
  }
  const out = new Map<string, string>();
  rows.slice(1).forEach((row, i) => {
    const code = gm >= 0 ? (row[gm] ?? '') : `GM${(row[bare] ?? '').padStart(4, '0')}`;
    if (!GEMEENTE_CODE.test(code)) throw new GeoFileError(name, `regel ${i + 2}: "${code}" is geen gemeentecode (GMgggg)`);
    const provincie = row[prov];
    if (provincie) out.set(code, provincie);
  });
  return out;
}
