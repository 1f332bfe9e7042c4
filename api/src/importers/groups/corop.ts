import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/connect.ts';
import { GroupingFileError, loadGrouping, type Grouping } from './load.ts';

const COLUMNS = ['Gemeentecode', 'COROP-gebiedcode', 'COROP-gebied'];

/**
 * The COROP-gebieden of the CBS file "woonplaatsen met gemeente en COROP-gebied" (one line per
 * woonplaats, so gemeenten repeat): group `corop-34` "Midden-Noord-Brabant" and its gemeenten.
 */
export function readCorop(file: string): Grouping {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const name = path.basename(file);
  const missing = COLUMNS.filter((c) => !(c in (rows[0] ?? {})));
  if (missing.length) throw new GroupingFileError([`${name}: kolommen ${missing.join(', ')} ontbreken (verwacht: ${COLUMNS.join(', ')})`]);
  const grouping: Grouping = { kind: 'corop', groups: new Map() };
  const problems: string[] = [];
  rows.forEach((r, i) => {
    const line = i + 2;
    const gemeente = (r['Gemeentecode'] ?? '').trim();
    const corop = (r['COROP-gebiedcode'] ?? '').trim();
    if (!/^\d{1,4}$/.test(gemeente) || !/^\d{1,2}$/.test(corop)) {
      problems.push(`${name} regel ${line}: gemeentecode '${gemeente}' of COROP-code '${corop}' is geen getal`);
      return;
    }
    const code = `corop-${Number(corop)}`;
    const group = grouping.groups.get(code) ?? { name: (r['COROP-gebied'] ?? '').trim(), members: new Map<string, number>() };
    grouping.groups.set(code, group);
    const gm = `GM${gemeente.padStart(4, '0')}`;
    if (!group.members.has(gm)) group.members.set(gm, line);
  });
  if (problems.length) throw new GroupingFileError(problems);
  return grouping;
}

export const importCorop = async (db: Db, file: string) => loadGrouping(db, file, readCorop(file));
