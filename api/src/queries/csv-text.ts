/** How every CSV of the dashboard writes: one decimal with a comma and no grouping, and quotes only where needed. */
const decimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });

export const csvDecimal = (v: number): string => decimal.format(v);

export const csvQuote = (s: string): string => (/[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
