import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GEMEENTE_CODE, GroupParams, groupSlug } from '@gka/shared';
import type { Db } from '../../db/connect.ts';
import { GroupingFileError, loadGrouping, type Grouping } from './load.ts';

/** The longest group code the API accepts in `/groups/{code}`. */
const MAX_CODE = GroupParams.shape.code.maxLength ?? Infinity;
const HASH = 8;

/**
 * The code of a group: `regio-hart-van-brabant`. A name too long for that is cut and given a hash of
 * its whole slug, so the code stays the same on every import and the name is kept in full.
 */
export function groupCode(soort: string, name: string): string {
  const slug = groupSlug(name);
  const code = `${soort}-${slug}`;
  if (code.length <= MAX_CODE) return code;
  const hash = createHash('sha256').update(slug).digest('hex').slice(0, HASH);
  return `${code.slice(0, MAX_CODE - HASH - 1).replace(/-+$/, '')}-${hash}`;
}

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
    const [given = '', groupName] = parts;
    if (parts.length !== 2 || !groupName) return void problems.push(`${name} regel ${line}: verwacht 'gemeentecode;groep', gevonden '${text}'`);
    const gm = /^\d{1,4}$/.test(given) ? `GM${given.padStart(4, '0')}` : given.toUpperCase();
    if (!GEMEENTE_CODE.test(gm)) return void problems.push(`${name} regel ${line}: '${given}' is geen gemeentecode (GM0363 of 0363)`);
    if (!groupSlug(groupName)) return void problems.push(`${name} regel ${line}: groepsnaam '${groupName}' heeft geen letter of cijfer`);
    const code = groupCode(soort, groupName);
    const group = grouping.groups.get(code) ?? { name: groupName, members: new Map<string, number>() };
    // Names that differ only in case, accents or punctuation would silently become one group.
    if (group.name !== parts[1]) {
      const first = [...group.members.values()][0];
      return void problems.push(
        `${name} regel ${line}: groep '${parts[1]}' krijgt dezelfde code '${code}' als groep '${group.name}' (regel ${first}); geef groepen namen die in letters of cijfers verschillen`,
      );
    }
    grouping.groups.set(code, group);
    if (group.members.has(gm)) return void problems.push(`${name} regel ${line}: ${gm} staat al in groep '${parts[1]}' (regel ${group.members.get(gm)})`);
    group.members.set(gm, line);
  });
  if (problems.length) throw new GroupingFileError(problems);
  if (grouping.groups.size === 0) throw new GroupingFileError([`${name}: geen enkele regel 'gemeentecode;groep'`]);
  return grouping;
}

export const importGroupings = async (db: Db, file: string, kind: string) => loadGrouping(db, file, readGroupings(file, kind));
