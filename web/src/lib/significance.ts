import {
  RULES_CHANGED_TEXT,
  significanceText,
  significanceWord,
  type AnyBenchmark,
  type BenchmarkKind,
  type Comparison,
  type Indicator,
  type IndicatorCohort,
  type Significance,
} from '@gka/shared';
import { formatDifference, SUPPRESSED_TEXT } from './format.ts';

export { significanceText, significanceWord };

/** '+2,1 procentpunt: significant hoger dan Nederland' */
export function comparisonText(
  c: { kind: AnyBenchmark; difference: number | null; significance: Significance },
  unit: Indicator['unit'] = 'percentage',
): string {
  const words = significanceText(c.significance, c.kind, c.difference);
  return c.difference === null ? words : `${formatDifference(c.difference, unit)}: ${words}`;
}

/** The API's comparison of a value with one benchmark kind, as /values and /compare decide it. */
export const comparisonWith = (v: { comparisons?: readonly Comparison[] } | undefined, kind: BenchmarkKind): Comparison | undefined =>
  v?.comparisons?.find((c) => c.kind === kind);

/** Its significance; 'onbekend' where the API made no such comparison (no benchmark, a hidden value). */
export const significanceWith = (v: { comparisons?: readonly Comparison[] } | undefined, kind: BenchmarkKind): Significance =>
  comparisonWith(v, kind)?.significance ?? 'onbekend';

/**
 * A change between cohorts in words: '+2,1 procentpunt, significant hoger' or 'afgeschermd'; into a
 * cohort whose rules changed (`cohort.rulesChanged`) it adds that it gets no verdict.
 */
export function covidText(
  c: { difference: number | null; significance: Significance; suppressed: boolean },
  unit: Indicator['unit'] = 'percentage',
  short = false,
  cohort?: Pick<IndicatorCohort, 'rulesChanged'> | null,
): string {
  if (c.suppressed) return SUPPRESSED_TEXT;
  if (c.difference === null) return 'geen gegevens';
  const words = significanceWord(c.significance, c.difference);
  return `${formatDifference(c.difference, unit, short)}, ${words}${cohort?.rulesChanged ? `; ${RULES_CHANGED_TEXT}` : ''}`;
}
