import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/**
 * The GeoJSON FeatureCollection of a level as one JSON string built by Postgres: national wijken
 * are megabytes of coordinates that would otherwise be parsed and re-serialised on every request.
 */
export async function geoJson(db: Db, level: 'gemeente' | 'wijk', parent?: string): Promise<string> {
  const { rows } = await sql<{ body: string }>`
    select json_build_object(
      'type', 'FeatureCollection',
      'features', coalesce(json_agg(json_build_object(
        'type', 'Feature',
        'id', a.code,
        'properties', json_build_object(
          'code', a.code, 'name', a.name, 'parent', a.parent_code, 'stedelijkheid', a.stedelijkheid,
          'gka', a.gka_lid or (a.level = 'wijk' and coalesce(p.gka_lid, false))),
        'geometry', a.geometry
      ) order by a.code), '[]'::json)
    )::text as body
    from area a left join area p on p.code = a.parent_code
    where a.level = ${level} and a.geometry is not null
      ${parent === undefined ? sql`` : sql`and a.parent_code = ${parent}`}
  `.execute(db);
  return rows[0]!.body;
}
