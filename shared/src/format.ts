/** nl-NL number formatting shared by the web app and the exports. */
const pct1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const int = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const dec1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 0.453 → "45,3%" */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return `${pct1.format(fraction * 100)}%`;
}

/** A difference in percentage points: 0.052 → "+5,2 procentpunt" */
export function formatPoints(diff: number | null | undefined): string {
  if (diff === null || diff === undefined || !Number.isFinite(diff)) return '–';
  const shown = pct1.format(Math.abs(diff) * 100);
  // No sign on what rounds to zero: '−0,0' reads as a decrease.
  const sign = shown === pct1.format(0) ? '' : diff > 0 ? '+' : '−';
  return `${sign}${shown} procentpunt`;
}

export function formatInteger(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return int.format(n);
}

export function formatDecimal(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return dec1.format(n);
}

/** A value in its indicator's unit: '45,3%' for a share (a fraction), '535,2' for a mean. */
export function formatterFor(unit: 'percentage' | 'gemiddelde'): (v: number | null | undefined) => string {
  return unit === 'percentage' ? formatPercent : formatDecimal;
}
