/**
 * The GKA's pooled two-year cohorts (SPEC §3.3). A cohort pools the groep-8 school years that end
 * in its two calendar years: cohort 2020-2021 = school years 2019-2020 and 2020-2021.
 */
export type DemoCohort = {
  code: string;
  label: string;
  /** The groep-8 school years pooled, e.g. ['2019-2020', '2020-2021']. */
  schoolYears: string[];
  /** Calendar year in which each pooled school year ends, in the same order. */
  yearEnds: number[];
  covid: boolean;
  note: string | null;
  sortOrder: number;
};

const COVID_NOTE =
  'COVID-cohort. In 2020 ging de eindtoets niet door: voor schooljaar 2019-2020 zijn heroverweging en ' +
  'bijstelling van het schooladvies niet mogelijk geweest en dus niet beschikbaar. De cijfers voor ' +
  'heroverweging en bijstelling van dit cohort gaan daarom alleen over schooljaar 2020-2021. ' +
  'De eindexamens in het vo waren in 2020 en 2021 makkelijker te halen (in 2020 geen centrale examens).';

function cohort(first: number): DemoCohort {
  const years = [first, first + 1];
  const covid = years.includes(2020);
  return {
    code: `${first}-${first + 1}`,
    label: `Cohort ${first}-${first + 1}`,
    schoolYears: years.map((y) => `${y - 1}-${y}`),
    yearEnds: years,
    covid,
    note: covid ? COVID_NOTE : null,
    // The same ordering rule as import-values uses for cohorts it creates: the first year.
    sortOrder: first,
  };
}

export const DEMO_COHORTS: DemoCohort[] = [2012, 2014, 2016, 2018, 2020, 2022].map(cohort);

/** 2020: eindtoets cancelled, so no heroverweging or bijstelling (not zero: not available). */
export function hadEindtoets(yearEnd: number): boolean {
  return yearEnd !== 2020;
}
