import { schoolYearCode } from '@gka/shared';

/** Cohort rows for DUO school years: one school year each, under a code of its own (a GKA cohort 2018-2019 pools two years). */
export type SchoolYearCohort = { code: string; label: string; school_years: string[]; sort_order: number };

export function schoolYearCohort(year: string): SchoolYearCohort {
  return { code: schoolYearCode(year), label: `Schooljaar ${year}`, school_years: [year], sort_order: Number(year.slice(0, 4)) };
}
