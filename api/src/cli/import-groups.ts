import path from 'node:path';
import { importCorop } from '../importers/groups/corop.ts';
import { importGroupings } from '../importers/groups/groupings.ts';
import type { Db } from '../db/connect.ts';

type Ctx = { db: Db; log: (m: string) => void };

/** `gka import-corop <csv>`: the COROP-gebieden of the CBS woonplaatsen file. */
export async function importCoropCommand(args: string[], { db, log }: Ctx): Promise<void> {
  const [file] = args;
  if (!file) throw new Error('Gebruik: pnpm gka import-corop <cbs_woonplaatsen-gemeente-corop.csv>');
  const r = await importCorop(db, path.resolve(file));
  log(`${r.groups} COROP-gebieden geladen met samen ${r.members} gemeenten.`);
}

/** `gka import-groepen <csv> [--soort naam]`: a grouping of gemeenten, lines `gemeentecode;groep`. */
export async function importGroupsCommand(args: string[], { db, log }: Ctx): Promise<void> {
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--soort');
  const i = args.indexOf('--soort');
  const kind = i >= 0 ? args[i + 1] : 'regio';
  if (!file || !kind) throw new Error('Gebruik: pnpm gka import-groepen <bestand.csv> [--soort naam] (regels gemeentecode;groep)');
  const r = await importGroupings(db, path.resolve(file), kind);
  log(`${r.groups} groepen van soort '${kind}' geladen met samen ${r.members} gemeenten; eerdere groepen van die soort zijn vervangen.`);
}
