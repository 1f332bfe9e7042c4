/**
 * How every CSV of the dashboard writes: one decimal with a comma and no grouping, and quotes only
 * where needed. A difference that rounds to zero has no sign ("0,0", never "-0,0"), as on screen.
 */
const decimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });

export const csvDecimal = (v: number): string => {
  const s = decimal.format(v);
  return s === '-0,0' ? '0,0' : s;
};

/**
 * A text cell. Excel and LibreOffice run a cell that starts with = + - @ (or tab/CR before one) as a
 * formula, and names come from imported files: such a cell gets a leading ' and quotes (OWASP CSV
 * injection). Numbers never pass through here, so a difference like -1,5 stays a number.
 */
export const csvQuote = (s: string): string => {
  if (/^[=+\-@\t\r]/.test(s)) return `"'${s.replaceAll('"', '""')}"`;
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
