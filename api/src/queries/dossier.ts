import { sql } from 'kysely';
import { DOSSIER_KINDS, type DossierCollection, type DossierKind } from '@gka/shared';
import type { Db } from '../db/connect.ts';
import { audit } from '../auth/audit.ts';
import type { Account } from '../auth/access.ts';

/** A dossier item as the API shows it: its content with who made and last changed it. */
export type ItemView = Record<string, unknown> & {
  id: number;
  versie: number;
  aangemaaktOp: string;
  aangemaaktDoor: string;
  bijgewerktOp: string;
  bijgewerktDoor: string;
};

const items = (db: Db) =>
  db
    .selectFrom('dossier_item as i')
    .innerJoin('account as c', 'c.id', 'i.created_by')
    .innerJoin('account as u', 'u.id', 'i.updated_by')
    .select(['i.id', 'i.gemeente', 'i.kind', 'i.version', 'i.content', 'i.created_at', 'i.updated_at', 'c.email as created_email', 'u.email as updated_email']);
type ItemRow = Awaited<ReturnType<ReturnType<typeof items>['executeTakeFirstOrThrow']>>;

const view = (r: ItemRow): ItemView => ({
  ...(r.content as Record<string, unknown>),
  id: r.id,
  versie: r.version,
  aangemaaktOp: r.created_at.toISOString(),
  aangemaaktDoor: r.created_email,
  bijgewerktOp: r.updated_at.toISOString(),
  bijgewerktDoor: r.updated_email,
});

/** The live items of a gemeente's dossier by kind; afspraken open first, then by deadline. */
export async function readDossier(db: Db, gemeente: string): Promise<Record<DossierCollection, ItemView[]>> {
  const rows = await items(db).where('i.gemeente', '=', gemeente).where('i.deleted', '=', false).orderBy('i.id').execute();
  const of = (kind: DossierKind) => rows.filter((r) => r.kind === kind).map(view);
  const afspraken = of('afspraak').sort(
    (a, b) => Number(a.status !== 'open') - Number(b.status !== 'open') || String(a.deadline).localeCompare(String(b.deadline)),
  );
  const gesprekken = of('gesprek').sort((a, b) => String(b.datum).localeCompare(String(a.datum)));
  return {
    duidingen: of('duiding'),
    gesprekken,
    afspraken,
    interventies: of('interventie').map((i) => ({ ...i, gemeente })),
  };
}

/** The interventies of every gemeente marked shareable, optionally only those aimed at an indicator. */
export async function sharedInterventions(db: Db, indicator?: string): Promise<ItemView[]> {
  let q = items(db)
    .where('i.kind', '=', 'interventie')
    .where('i.deleted', '=', false)
    .where(sql<boolean>`(i.content->>'deelbaar')::boolean`);
  if (indicator) q = q.where(sql<boolean>`i.content->'indicatoren' ? ${indicator}`);
  const rows = await q.orderBy('i.gemeente').orderBy('i.id').execute();
  return rows.map((r) => ({ ...view(r), gemeente: r.gemeente }));
}

export type Target = { gemeente: string; collection: DossierCollection; id?: number };
export type Written = { id: number; versie: number };

/**
 * Creates, changes, deletes or restores an item: the item row holds the current version, every
 * version is kept beside it, and each write is appended to the audit log, all in one transaction.
 * Returns undefined when the item is not one of this gemeente's dossier of this kind (or, for a
 * change, deleted).
 */
export async function writeItem(
  db: Db,
  account: Account,
  t: Target,
  action: 'aangemaakt' | 'gewijzigd' | 'verwijderd' | 'hersteld',
  content?: unknown,
): Promise<Written | undefined> {
  const kind = DOSSIER_KINDS[t.collection].kind;
  return db.transaction().execute(async (trx) => {
    let id: number;
    let version: number;
    let current: unknown;
    let deleted = false;
    if (action === 'aangemaakt') {
      const row = await trx
        .insertInto('dossier_item')
        .values({ gemeente: t.gemeente, kind, version: 1, content: JSON.stringify(content), created_by: account.id, updated_by: account.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
      version = 1;
      current = content;
    } else {
      const row = await trx
        .selectFrom('dossier_item')
        .select(['id', 'version', 'content', 'deleted'])
        .where('id', '=', t.id!)
        .where('gemeente', '=', t.gemeente)
        .where('kind', '=', kind)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return undefined;
      if (action === 'gewijzigd' && row.deleted) return undefined;
      if ((action === 'verwijderd' && row.deleted) || (action === 'hersteld' && !row.deleted)) return { id: row.id, versie: row.version };
      id = row.id;
      version = row.version + 1;
      current = action === 'gewijzigd' ? content : row.content;
      deleted = action === 'verwijderd';
      await trx
        .updateTable('dossier_item')
        .set({ version, content: JSON.stringify(current), deleted, updated_by: account.id, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    }
    await trx
      .insertInto('dossier_version')
      .values({ item_id: id, version, content: JSON.stringify(current), deleted, author: account.id })
      .execute();
    await audit(trx, { account, action, gemeente: t.gemeente, kind, itemId: id, version });
    return { id, versie: version };
  });
}

/** Every version of an item, oldest first; undefined when it is not in this gemeente's dossier of this kind. */
export async function itemVersions(db: Db, t: Required<Target>) {
  const item = await db
    .selectFrom('dossier_item')
    .select('id')
    .where('id', '=', t.id)
    .where('gemeente', '=', t.gemeente)
    .where('kind', '=', DOSSIER_KINDS[t.collection].kind)
    .executeTakeFirst();
  if (!item) return undefined;
  const rows = await db
    .selectFrom('dossier_version as v')
    .innerJoin('account as a', 'a.id', 'v.author')
    .select(['v.version', 'v.at', 'a.email', 'v.deleted', 'v.content'])
    .where('v.item_id', '=', t.id)
    .orderBy('v.version')
    .execute();
  return rows.map((r) => ({ versie: r.version, op: r.at.toISOString(), door: r.email, verwijderd: r.deleted, inhoud: r.content as Record<string, unknown> }));
}

/**
 * What an item's content refers to that does not exist in this gemeente, in Dutch: an unknown
 * indicator or cohort, a wijk or school of another gemeente, an afspraak's gesprek from elsewhere.
 */
export async function referenceProblems(db: Db, gemeente: string, content: Record<string, unknown>): Promise<string[]> {
  const problems: string[] = [];
  const list = (key: string): string[] => {
    const v = content[key];
    return Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
  };
  const indicators = [...list('indicator'), ...list('indicatoren')];
  if (indicators.length) {
    const known = new Set((await db.selectFrom('indicator').select('code').where('code', 'in', indicators).execute()).map((r) => r.code));
    for (const c of indicators) if (!known.has(c)) problems.push(`Onbekende indicator: ${c}`);
  }
  const cohort = list('cohort');
  if (cohort.length && !(await db.selectFrom('cohort').select('code').where('code', '=', cohort[0]!).executeTakeFirst()))
    problems.push(`Onbekend cohort: ${cohort[0]}`);
  for (const [key, level, noun] of [
    ['wijk', 'wijk', 'wijk'],
    ['wijken', 'wijk', 'wijk'],
    ['school', 'school', 'school'],
    ['scholen', 'school', 'school'],
  ] as const) {
    const codes = list(key);
    if (!codes.length) continue;
    const known = new Set(
      (await db.selectFrom('area').select('code').where('code', 'in', codes).where('level', '=', level).where('parent_code', '=', gemeente).execute()).map(
        (r) => r.code,
      ),
    );
    for (const c of codes) if (!known.has(c)) problems.push(`Geen ${noun} van deze gemeente: ${c}`);
  }
  if (typeof content.gesprek === 'number') {
    const g = await db
      .selectFrom('dossier_item')
      .select('id')
      .where('id', '=', content.gesprek)
      .where('gemeente', '=', gemeente)
      .where('kind', '=', 'gesprek')
      .where('deleted', '=', false)
      .executeTakeFirst();
    if (!g) problems.push(`Geen gesprek in dit dossier: ${content.gesprek}`);
  }
  return problems;
}

/** Whether a gemeente exists (a beheerder asking for an unknown one gets 404). */
export async function gemeenteName(db: Db, code: string): Promise<string | undefined> {
  return (await db.selectFrom('area').select('name').where('code', '=', code).where('level', '=', 'gemeente').executeTakeFirst())?.name;
}
