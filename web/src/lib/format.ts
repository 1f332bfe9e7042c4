import { formatDecimal, formatPercent, type Indicator } from '@gka/shared';

export const SUPPRESSED_TEXT = 'te weinig leerlingen';

/** A value in the unit of its indicator, or 'te weinig leerlingen' for a suppressed cell. */
export function formatValue(
  v: { value: number | null; suppressed?: boolean } | null | undefined,
  unit: Indicator['unit'] = 'percentage',
): string {
  if (!v || v.suppressed) return v?.suppressed ? SUPPRESSED_TEXT : 'geen gegevens';
  if (v.value === null) return 'niet beschikbaar';
  return unit === 'percentage' ? formatPercent(v.value) : formatDecimal(v.value);
}

/** '43,1% – 47,5%' */
export function formatInterval(v: { ciLow: number | null; ciHigh: number | null }, unit: Indicator['unit'] = 'percentage'): string {
  if (v.ciLow === null || v.ciHigh === null) return '–';
  const f = unit === 'percentage' ? formatPercent : formatDecimal;
  return `${f(v.ciLow)} – ${f(v.ciHigh)}`;
}
