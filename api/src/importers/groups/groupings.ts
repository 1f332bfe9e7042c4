import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GEMEENTE_CODE, groupSlug } from '@gka/shared';
import type { Db } from '../../db/connect.ts';
import { GroupingFileError, loadGrouping, type Grouping } from './load.ts';

/**
 * A user's grouping: lines `gemeentecode;groep` (a header line `gemeentecode;groep` may lead), for
 * GKA regio's, G4, G40, RMC-regio's. Every group of that kind is replaced; a bad line stops it all.
 */
export function readGroupings(file: string, kind: string): Grouping {
  const name = path.basename(file);
  const soort = groupSlug(kind);
  if (!soort || ['corop', 'provincie', 'gka'].includes(soort))
    throw new GroupingFileError([`soort '${kind}' kan niet: kies een eigen naam, zoals regio of g4`]);
  const grouping: Grouping = { kind: soort, groups: new Map() };
  const problems: string[] = [];
  const lines = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  lines.forEach((text, i) => {
    const line = i + 1;
    if (!text.trim() || (i === 0 && /^gemeentecode\s*;\s*groep\s*$/i.test(text.trim()))) return;
    const parts = text.split(';').map((p) => p.trim());
    if (parts.length !== 2 || !parts[1]) return void problems.push(`${name} regel ${line}: verwacht 'gemeentecode;groep', gevonden '${text}'`);
    const gm = /^\d{1,4}$/.test(parts[0]!) ? `GM${parts[0]!.padStart(4, '0')}` : parts[0]!.toUpperCase();
    if (!GEMEENTE_CODE.test(gm)) return void problems.push(`${name} regel ${line}: '${parts[0]}' is geen gemeentecode (GM0363 of 0363)`);
    const code = `${soort}-${groupSlug(parts[1]!)}`;
    const group = grouping.groups.get(code) ?? { name: parts[1]!, members: new Map<string, number>() };
    grouping.groups.set(code, group);
    if (group.members.has(gm)) return void problems.push(`${name} regel ${line}: ${gm} staat al in groep '${parts[1]}' (regel ${group.members.get(gm)})`);
    group.members.set(gm, line);
  });
  if (problems.length) throw new GroupingFileError(problems);
  if (grouping.groups.size === 0) throw new GroupingFileError([`${name}: geen enkele regel 'gemeentecode;groep'`]);
  return grouping;
}

export const importGroupings = async (db: Db, file: string, kind: string) => loadGrouping(db, file, readGroupings(file, kind));
