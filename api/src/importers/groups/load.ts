import path from 'node:path';
import type { Db } from '../../db/connect.ts';
import { recordDataset, sha256OfFile } from '../dataset.ts';

/** A grouping read from a file: its groups, each with its gemeenten and the line that first named each. */
export type Grouping = { kind: string; groups: Map<string, { name: string; members: Map<string, number> }> };

export class GroupingFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} fout${problems.length === 1 ? '' : 'en'} in het groepenbestand, er is niets veranderd:\n${problems.slice(0, 20).join('\n')}`);
  }
}

/**
 * Puts one grouping in place of every earlier group of its kind, in one transaction: gemeenten the
 * database does not know are named with file and line, and then nothing changes.
 */
export async function loadGrouping(db: Db, file: string, grouping: Grouping): Promise<{ groups: number; members: number }> {
  const known = new Set((await db.selectFrom('area').select('code').where('level', '=', 'gemeente').execute()).map((a) => a.code));
  const name = path.basename(file);
  const problems: string[] = [];
  for (const g of grouping.groups.values())
    for (const [code, line] of g.members)
      if (!known.has(code)) problems.push(`${name} regel ${line}: gemeente ${code} bestaat niet in de geladen gebiedsindeling`);
  if (problems.length) throw new GroupingFileError(problems.sort((a, b) => a.localeCompare(b, 'nl', { numeric: true })));
  const sha256 = await sha256OfFile(file);
  const members = [...grouping.groups.values()].reduce((n, g) => n + g.members.size, 0);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('area_group').where('kind', '=', grouping.kind).execute();
    const datasetId = await recordDataset(trx, {
      kind: 'groups',
      source: file,
      sha256,
      rowCount: members,
      notes: { soort: grouping.kind, groepen: grouping.groups.size },
    });
    for (const [code, g] of grouping.groups) {
      await trx.insertInto('area_group').values({ code, kind: grouping.kind, name: g.name, dataset_id: datasetId }).execute();
      await trx
        .insertInto('area_group_member')
        .values([...g.members.keys()].map((area_code) => ({ group_code: code, area_code })))
        .execute();
    }
  });
  return { groups: grouping.groups.size, members };
}
