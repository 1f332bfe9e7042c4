import type { Cohort } from './api.ts';

/** 'Cohort 2022-2023' → '2022-2023', 'Schooljaar 2019-2020' → '2019-2020': where the sentence names the kind itself. */
export function shortCohortLabel(c: Pick<Cohort, 'label'>): string {
  return c.label.replace(/^(cohort|schooljaar)\s+/i, '');
}

/** 'Cohort 2022-2023' → 'cohort 2022-2023', 'Schooljaar 2019-2020' → 'schooljaar 2019-2020': the label inside a sentence. */
export function cohortPhrase(c: Pick<Cohort, 'label'>): string {
  return c.label.charAt(0).toLowerCase() + c.label.slice(1);
}
