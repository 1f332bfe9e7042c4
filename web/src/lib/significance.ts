import { BENCHMARK_LABELS, type BenchmarkKind, type Indicator, type Significance } from '@gka/shared';
import { formatDifference, SUPPRESSED_TEXT } from './format.ts';

const NAMES: Record<BenchmarkKind, string> = {
  nederland: 'Nederland',
  gemeenten: 'het gemiddelde van de gemeenten',
  stedelijkheid: 'gemeenten met dezelfde stedelijkheid',
  gka: 'de GKA-gemeenten',
  gemeente: 'de eigen gemeente',
};

/** Significance in words (SPEC §3.5: text, not colour alone): 'significant hoger dan Nederland'. */
export function significanceText(sig: Significance, kind: BenchmarkKind): string {
  const name = NAMES[kind] ?? BENCHMARK_LABELS[kind];
  switch (sig) {
    case 'hoger':
      return `significant hoger dan ${name}`;
    case 'lager':
      return `significant lager dan ${name}`;
    case 'niet_significant':
      return `niet significant verschillend van ${name}`;
    default:
      return `verschil met ${name} onbekend`;
  }
}

/** '+2,1 procentpunt: significant hoger dan Nederland' */
export function comparisonText(
  c: { kind: BenchmarkKind; difference: number | null; significance: Significance },
  unit: Indicator['unit'] = 'percentage',
): string {
  const words = significanceText(c.significance, c.kind);
  return c.difference === null ? words : `${formatDifference(c.difference, unit)}: ${words}`;
}

/**
 * Significance of one value against a benchmark, by the rule of SPEC §3.5: significant when the
 * benchmark lies outside the value's 95% interval. Used where the API gives intervals, not verdicts.
 */
export function significanceOf(v: { ciLow: number | null; ciHigh: number | null }, benchmark: number | null | undefined): Significance {
  if (v.ciLow === null || v.ciHigh === null || benchmark === null || benchmark === undefined) return 'onbekend';
  if (benchmark < v.ciLow) return 'hoger';
  if (benchmark > v.ciHigh) return 'lager';
  return 'niet_significant';
}

/** Short form for tables whose header names the benchmark: 'significant hoger'. */
export function significanceWord(sig: Significance): string {
  return { hoger: 'significant hoger', lager: 'significant lager', niet_significant: 'niet significant', onbekend: 'onbekend' }[sig];
}

/** A change between cohorts in words: '+2,1 procentpunt, significant hoger' or 'afgeschermd'. */
export function covidText(
  c: { difference: number | null; significance: Significance; suppressed: boolean },
  unit: Indicator['unit'] = 'percentage',
  short = false,
): string {
  if (c.suppressed) return SUPPRESSED_TEXT;
  if (c.difference === null) return 'geen gegevens';
  const words = { hoger: 'significant hoger', lager: 'significant lager', niet_significant: 'niet significant', onbekend: 'significantie onbekend' }[c.significance];
  return `${formatDifference(c.difference, unit, short)}, ${words}`;
}
