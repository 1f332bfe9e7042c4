import { formatDecimal, formatPoints, SUPPRESSED_TEXT, type Indicator, formatterFor } from '@gka/shared';

export { SUPPRESSED_TEXT };

/** A value in the unit of its indicator, or 'afgeschermd' for a hidden cell. */
export function formatValue(v: { value: number | null; suppressed?: boolean } | null | undefined, unit: Indicator['unit'] = 'percentage'): string {
  if (!v || v.suppressed) return v?.suppressed ? SUPPRESSED_TEXT : 'geen gegevens';
  if (v.value === null) return 'niet beschikbaar';
  return formatterFor(unit)(v.value);
}

/** '43,1% – 47,5%' */
export function formatInterval(v: { ciLow: number | null; ciHigh: number | null }, unit: Indicator['unit'] = 'percentage'): string {
  if (v.ciLow === null || v.ciHigh === null) return '–';
  const f = formatterFor(unit);
  return `${f(v.ciLow)} – ${f(v.ciHigh)}`;
}

/**
 * A difference in the unit of its indicator: '+5,2 procentpunt' for percentages, '+1,4 punt' for
 * averages; `short` gives 'pp' / 'punt' for narrow print tables.
 */
export function formatDifference(diff: number | null | undefined, unit: Indicator['unit'] = 'percentage', short = false): string {
  if (unit === 'percentage') return short ? formatPoints(diff).replace(' procentpunt', ' pp') : formatPoints(diff);
  if (diff === null || diff === undefined || !Number.isFinite(diff)) return '–';
  const shown = formatDecimal(Math.abs(diff));
  const sign = shown === formatDecimal(0) ? '' : diff > 0 ? '+' : '−';
  return `${sign}${shown} punt`;
}
