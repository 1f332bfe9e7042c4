import type { Cohort } from '@gka/shared';
import type { Db } from '../db/connect.ts';

/** Oldest first: the order of every trend (pooled periods last). */
export function listCohorts(db: Db): Promise<Cohort[]> {
  return db.selectFrom('cohort').select(['code', 'label', 'school_years as schoolYears', 'pooled']).orderBy('sort_order').orderBy('code').execute();
}
