import type { Cohort, IndicatorCohort } from './api.ts';

/**
 * 'Cohort 2022-2023' → '2022-2023', 'Schooljaar 2019-2020' → '2019-2020', 'Cohorten 2012-2013 t/m
 * 2018-2019 samen' → '2012-2013 t/m 2018-2019 samen': where the sentence names the kind itself.
 */
export function shortCohortLabel(c: Pick<Cohort, 'label'>): string {
  return c.label.replace(/^(cohorten|cohort|schooljaren|schooljaar)\s+/i, '');
}

/** The label of a pooled period from its first and last member: 'Cohorten 2012-2013 t/m 2018-2019 samen'. */
export function pooledLabel(first: Pick<Cohort, 'code' | 'label'>, last: Pick<Cohort, 'label'>): string {
  return `${COHORT_KINDS[cohortKind(first)].plural} ${shortCohortLabel(first)} t/m ${shortCohortLabel(last)} samen`;
}

/** 'Cohort 2022-2023' → 'cohort 2022-2023', 'Schooljaar 2019-2020' → 'schooljaar 2019-2020': the label inside a sentence. */
export function cohortPhrase(c: Pick<Cohort, 'label'>): string {
  return c.label.charAt(0).toLowerCase() + c.label.slice(1);
}

const SCHOOL_YEAR_PREFIX = 'sj';
/** The cohort of one school year (DUO figures): `sj2019-2020`, apart from the two-year GKA cohort `2019-2020`. */
export const schoolYearCode = (year: string): string => `${SCHOOL_YEAR_PREFIX}${year}`;
export const isSchoolYearCohort = (code: string): boolean => code.startsWith(SCHOOL_YEAR_PREFIX);

/** The two kinds of cohort: DUO's school years and the GKA monitor's two-year cohorts, with their words. */
export const COHORT_KINDS = {
  schooljaar: { label: 'Schooljaar', plural: 'Schooljaren' },
  cohort: { label: 'Cohort', plural: 'Cohorten' },
} as const;
export type CohortKind = keyof typeof COHORT_KINDS;
/** Which kind a cohort is, from its code (a pooled period's code starts with its first member's). */
export const cohortKind = (c: Pick<Cohort, 'code'>): CohortKind => (isSchoolYearCohort(c.code) ? 'schooljaar' : 'cohort');

/**
 * The members of an indicator's pooled period from its cohorts before COVID: one kind only. A two-year
 * GKA cohort and a DUO school year share a school year, so together they would count pupils twice
 * (and mix wijk figures with school figures). Where an indicator has both, the kind with more cohorts
 * before COVID; on a tie the school years.
 */
export function poolMembers(before: readonly IndicatorCohort[]): IndicatorCohort[] {
  const years = before.filter((c) => isSchoolYearCohort(c.code));
  const others = before.filter((c) => !isSchoolYearCohort(c.code));
  return years.length >= others.length ? years : others;
}

/** An indicator's first COVID cohort and the cohorts before it (oldest first), from its own cohorts; null without a COVID cohort. */
export function covidSplit(own: readonly IndicatorCohort[]): { covid: IndicatorCohort; before: IndicatorCohort[] } | null {
  const i = own.findIndex((c) => c.covid);
  const covid = own[i];
  return covid ? { covid, before: own.slice(0, i) } : null;
}

/** The cohorts before COVID that `cohort` can be compared with together (`voor-covid`): none before the first COVID cohort. */
export function preCovidCohortsFor(own: readonly IndicatorCohort[], cohort: string | undefined): IndicatorCohort[] {
  const split = covidSplit(own);
  const here = own.findIndex((c) => c.code === cohort);
  return split && here >= own.indexOf(split.covid) ? split.before : [];
}
