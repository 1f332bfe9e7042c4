import type { Db } from '../db/connect.ts';
import { notFound } from '../errors.ts';
import { getArea, type AreaDetail } from '../queries/areas.ts';
import { getCohort } from '../queries/cohorts.ts';
import { getIndicator } from '../queries/indicators.ts';

/** Lookups that turn an unknown code into the SPEC §5 404 body. */
export async function requireIndicator(db: Db, code: string) {
  const found = await getIndicator(db, code);
  if (!found) throw notFound(`Indicator '${code}'`, { indicator: code });
  return found;
}

export async function requireCohort(db: Db, code: string) {
  const found = await getCohort(db, code);
  if (!found) throw notFound(`Cohort '${code}'`, { cohort: code });
  return found;
}

export async function requireArea(db: Db, code: string, level?: AreaDetail['level']): Promise<AreaDetail> {
  const found = await getArea(db, code);
  if (!found || (level && found.level !== level)) throw notFound(`Gebied '${code}'${level ? ` (${level})` : ''}`, { area: code });
  return found;
}
