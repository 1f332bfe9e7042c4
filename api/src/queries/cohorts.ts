import type { Cohort } from '@gka/shared';
import type { Db } from '../db/connect.ts';

function selectCohorts(db: Db) {
  return db
    .selectFrom('cohort')
    .select(['code', 'label', 'school_years as schoolYears', 'covid', 'note'])
    .orderBy('sort_order')
    .orderBy('code');
}

/** Oldest first: the order of every trend. */
export function listCohorts(db: Db): Promise<Cohort[]> {
  return selectCohorts(db).execute();
}
