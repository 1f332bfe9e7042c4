import { sql } from 'kysely';
import type { Area, DataLevel, SchoolInfo } from '@gka/shared';
import type { Db } from '../db/connect.ts';

export type AreaDetail = Area & { omgevingsadressendichtheid: number | null };

export type AreaFilter = { level: DataLevel; parent?: string; gka?: boolean };

/**
 * A wijk or school counts as GKA when its gemeente is a member: membership is a gemeente's, and the
 * importers only flag gemeenten.
 */
const gka = sql<boolean>`(a.gka_lid or (a.level in ('wijk', 'school') and coalesce(p.gka_lid, false)))`;

function selectAreas(db: Db) {
  return db
    .selectFrom('area as a')
    .leftJoin('area as p', 'p.code', 'a.parent_code')
    .leftJoin('school as s', 's.code', 'a.code')
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
      sql<string | null>`to_char(coalesce(a.gka_sinds, case when a.level in ('wijk', 'school') then p.gka_sinds end), 'YYYY-MM-DD')`.as('gkaSinds'),
      sql<SchoolInfo | null>`case when s.code is null then null else json_build_object(
        'brin', s.brin, 'vestiging', s.vestiging, 'sector', s.sector, 'soort', s.soort, 'denominatie', s.denominatie,
        'adres', s.adres, 'postcode', s.postcode, 'plaats', s.plaats, 'gesloten', s.gesloten) end`.as('school'),
    ]);
}

export function allAreas(db: Db): Promise<AreaDetail[]> {
  return selectAreas(db).orderBy('a.name').orderBy('a.code').execute();
}
