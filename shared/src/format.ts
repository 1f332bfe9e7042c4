/** nl-NL number formatting shared by the web app and the exports. */
const one = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const int = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

const finite = (n: number | null | undefined): n is number => n !== null && n !== undefined && Number.isFinite(n);

/**
 * A difference with its sign and a real minus: '+5,2', '−1,4'. No sign on what rounds to zero
 * ('0,0'), since '−0,0' reads as a decrease.
 */
function formatSigned(diff: number, format: (n: number) => string): string {
  const shown = format(Math.abs(diff));
  const sign = shown === format(0) ? '' : diff > 0 ? '+' : '−';
  return `${sign}${shown}`;
}

/** 0.453 → "45,3%" */
export function formatPercent(fraction: number | null | undefined): string {
  return finite(fraction) ? `${one.format(fraction * 100)}%` : '–';
}

export function formatInteger(n: number | null | undefined): string {
  return finite(n) ? int.format(n) : '–';
}

export function formatDecimal(n: number | null | undefined): string {
  return finite(n) ? one.format(n) : '–';
}

/** A value in its indicator's unit: '45,3%' for a share (a fraction), '535,2' for a mean. */
export function formatterFor(unit: 'percentage' | 'gemiddelde'): (v: number | null | undefined) => string {
  return unit === 'percentage' ? formatPercent : formatDecimal;
}

/**
 * A difference in the unit of its indicator: '+5,2 procentpunt' for percentages, '+1,4 punt' for
 * averages; `short` gives 'pp' / 'punt' for narrow print tables. '0,0 procentpunt' for 0.0004.
 */
export function formatDifference(diff: number | null | undefined, unit: 'percentage' | 'gemiddelde' = 'percentage', short = false): string {
  if (!finite(diff)) return '–';
  const f = (n: number) => one.format(n);
  return unit === 'percentage' ? `${formatSigned(diff * 100, f)} ${short ? 'pp' : 'procentpunt'}` : `${formatSigned(diff, f)} punt`;
}
