import { formatDifference, SUPPRESSED_TEXT, type Indicator, formatterFor } from '@gka/shared';

// The number formatting itself lives in @gka/shared (the exports use it too); here are the reader's phrases around it.
export { formatDifference, SUPPRESSED_TEXT };

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
