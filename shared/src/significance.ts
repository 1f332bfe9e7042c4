import type { IndicatorCohort, Significance, Verdict } from './api.ts';
import { benchmarkInfo, type AnyBenchmark } from './benchmarks.ts';
import { shortCohortLabel } from './cohorts.ts';
import { VERDICTS } from './verdicts.ts';

/**
 * The rule a comparison follows, said once for every file, note and legend. The interval counts the
 * ordinary spread between areas (overdispersion, docs/methodology.md) besides chance.
 */
export const COMPARISON_RULE =
  'significant als de vergelijkingswaarde buiten het 95%-interval van het gebied valt; dat interval telt naast toeval ook de gewone spreiding tussen gebieden mee (overdispersie)';
/** The same for a change between cohorts: the ordinary year-to-year variation counts besides chance. */
export const CHANGE_RULE =
  'verschil met 95%-interval; significant als het interval 0 niet bevat; dat interval telt naast toeval ook de gewone schommeling van jaar tot jaar mee (overdispersie)';

/**
 * A difference that exists but has no significance test (a mean has no interval). Not 'niet getoetst',
 * which beside the eindtoets indicators reads as pupils who did not take the test; it names the
 * statistical test, and 'onbekend' stays for a value that is itself unknown (hidden, no data).
 */
export const NO_TEST_TEXT = 'zonder significantietoets';

/** Short words, for a column or card whose header names the benchmark or the change. */
export const SIGNIFICANCE_WORDS: Record<Significance, string> = {
  hoger: 'significant hoger',
  lager: 'significant lager',
  niet_significant: 'niet significant',
  onbekend: 'onbekend',
};

/** SIGNIFICANCE_WORDS, except that a known `difference` without a test reads NO_TEST_TEXT, not 'onbekend'. */
export function significanceWord(sig: Significance, difference: number | null = null): string {
  return sig === 'onbekend' && difference !== null ? NO_TEST_TEXT : SIGNIFICANCE_WORDS[sig];
}

/**
 * 'significant hoger dan Nederland', 'niet significant verschillend van de eigen gemeente'; with a
 * known `difference` but no test: 'verschil met Nederland zonder significantietoets'.
 */
export function significanceText(sig: Significance, kind: AnyBenchmark, difference: number | null = null): string {
  const name = benchmarkInfo(kind).inSentence;
  switch (sig) {
    case 'hoger':
      return `significant hoger dan ${name}`;
    case 'lager':
      return `significant lager dan ${name}`;
    case 'niet_significant':
      return `niet significant verschillend van ${name}`;
    default:
      return difference === null ? `verschil met ${name} onbekend` : `verschil met ${name} ${NO_TEST_TEXT}`;
  }
}

/** Whether a significant difference is good news: from the indicator's direction; neutral indicators get no verdict. */
export function verdictOf(sig: Significance, higherIsBetter: boolean | null): Verdict {
  if (sig === 'onbekend') return 'onbekend';
  if (sig === 'niet_significant') return 'geen_verschil';
  if (higherIsBetter === null) return 'neutraal';
  return (sig === 'hoger') === higherIsBetter ? 'gunstig' : 'ongunstig';
}

/**
 * The verdict on a change into `cohort`: as any verdict, except that a cohort whose rules changed
 * (exams cancelled in 2020) is no news, good or bad, about the pupils: hoger or lager only, neutral.
 */
export function changeVerdict(sig: Significance, higherIsBetter: boolean | null, cohort: Pick<IndicatorCohort, 'rulesChanged'>): Verdict {
  return verdictOf(sig, cohort.rulesChanged ? null : higherIsBetter);
}

/** What stands instead of a verdict on a change into a cohort whose rules changed; its note says which. */
export const RULES_CHANGED_TEXT = 'geen oordeel: andere regels dat jaar';

/** The verdict on a change in words: 'gunstig', 'geen significant verschil', or RULES_CHANGED_TEXT. */
export function changeVerdictText(
  sig: Significance,
  higherIsBetter: boolean | null,
  cohort: Pick<IndicatorCohort, 'rulesChanged'>,
  difference: number | null = null,
): string {
  return cohort.rulesChanged ? RULES_CHANGED_TEXT : verdictText(verdictOf(sig, higherIsBetter), sig, difference);
}

/** 'COVID (2020-2021)': a COVID change always names the cohort it is. */
export const covidHeading = (cohort: Pick<IndicatorCohort, 'label'>): string => `COVID (${shortCohortLabel(cohort)})`;

/**
 * The verdict in words, for the cell beside its colour. Neutral: the direction only, without good or
 * bad. With `difference`: a difference without a verdict (a mean has no interval) is NO_TEST_TEXT,
 * not "onbekend", since the difference itself is known.
 */
export function verdictText(v: Verdict, sig: Significance, difference: number | null = null): string {
  if (v === 'onbekend' && difference !== null) return NO_TEST_TEXT;
  if (v === 'neutraal') return `${sig === 'hoger' ? 'hoger' : 'lager'} (${VERDICTS.neutraal.label})`;
  return VERDICTS[v].label;
}

/** The abbreviation of 'geen significant verschil' in a compact cell; a legend beside it spells it out. */
export const NOT_SIGNIFICANT_SHORT = VERDICTS.geen_verschil.short;

/**
 * `verdictText` in a word, for a compact cell that states the full words in its accessible name:
 * 'gunstig', 'ongunstig', 'n.s.', a neutral 'hoger' or 'lager'; '' without a verdict.
 */
export function verdictShortText(v: Verdict, sig: Significance): string {
  if (v === 'neutraal') return sig === 'hoger' ? 'hoger' : 'lager';
  return VERDICTS[v].short;
}
