import { sql } from 'kysely';
import type { Area } from '@gka/shared';
import type { Db } from '../db/connect.ts';

export type AreaDetail = Area & { omgevingsadressendichtheid: number | null };

export type AreaFilter = { level: 'gemeente' | 'wijk'; parent?: string; gka?: boolean };

/**
 * A wijk counts as GKA when its gemeente is a member: membership is a gemeente's, and the
 * importers only flag gemeenten.
 */
const gka = sql<boolean>`(a.gka_lid or (a.level = 'wijk' and coalesce(p.gka_lid, false)))`;

function selectAreas(db: Db) {
  return db
    .selectFrom('area as a')
    .leftJoin('area as p', 'p.code', 'a.parent_code')
    .select([
      'a.code',
      'a.name',
      'a.level',
      'a.parent_code as parent',
      'a.stedelijkheid',
      'a.inwoners',
      'a.provincie',
      'a.omgevingsadressendichtheid',
      gka.as('gka'),
      sql<string | null>`to_char(coalesce(a.gka_sinds, case when a.level = 'wijk' then p.gka_sinds end), 'YYYY-MM-DD')`.as('gkaSinds'),
    ]);
}

export async function listAreas(db: Db, f: AreaFilter): Promise<Area[]> {
  let q = selectAreas(db).where('a.level', '=', f.level);
  if (f.parent !== undefined) q = q.where('a.parent_code', '=', f.parent);
  if (f.gka !== undefined) q = q.where(gka, '=', f.gka);
  const rows = await q.orderBy('a.name').orderBy('a.code').execute();
  return rows.map(({ omgevingsadressendichtheid: _, ...area }) => area);
}

export async function getArea(db: Db, code: string): Promise<AreaDetail | undefined> {
  return selectAreas(db).where('a.code', '=', code).executeTakeFirst();
}

export async function getAreas(db: Db, codes: readonly string[]): Promise<AreaDetail[]> {
  if (codes.length === 0) return [];
  return selectAreas(db).where('a.code', 'in', codes).execute();
}
