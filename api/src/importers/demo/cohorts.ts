import { cohortRow } from '../gka-cohort.ts';

/**
 * The GKA's pooled two-year cohorts (see gka-cohort.ts). A cohort pools the groep-8 school years that end
 * in its two calendar years: cohort 2020-2021 = school years 2019-2020 and 2020-2021.
 */
export type DemoCohort = {
  code: string;
  label: string;
  /** The groep-8 school years pooled, e.g. ['2019-2020', '2020-2021']. */
  schoolYears: string[];
  /** Calendar year in which each pooled school year ends, in the same order. */
  yearEnds: number[];
  sortOrder: number;
};

function cohort(first: number): DemoCohort {
  const { code, label, school_years, sort_order } = cohortRow(`${first}-${first + 1}`);
  return { code, label, schoolYears: school_years, yearEnds: [first, first + 1], sortOrder: sort_order };
}

export const DEMO_COHORTS: DemoCohort[] = [2012, 2014, 2016, 2018, 2020, 2022].map(cohort);

/** 2020: eindtoets cancelled, so no heroverweging or bijstelling (not zero: not available). */
export function hadEindtoets(yearEnd: number): boolean {
  return yearEnd !== 2020;
}
