/**
 * The seams of the long Dutch compounds in indicator names, as soft hyphens: a narrow column header
 * breaks "Slagings-percentage" at the seam, with its hyphen, where the browser (often without a Dutch
 * hyphenation dictionary) would otherwise cut "Slagingsp|ercentage" anywhere.
 */
const TAILS = ['advies', 'overweging', 'weging', 'stelling', 'stromers', 'blijvers', 'mobiliteit', 'percentage', 'centage', 'score', 'leerlingen', 'toets'];
/** Parts that go on into another (with the linking s). */
const MIDDLES = ['stands', 'leidings'];
const SEAM = new RegExp(`(?<=\\p{L}{2})(?=(?:${TAILS.join('|')})(?:\\P{L}|$|s\\P{L}|en\\P{L})|(?:${MIDDLES.join('|')})\\p{L})`, 'giu');

export const SOFT_HYPHEN = '\u00AD';

export function softHyphens(name: string): string {
  return name.replace(SEAM, SOFT_HYPHEN);
}

/** A name as written, without the soft hyphens: for reading headers back. */
export function withoutSoftHyphens(s: string): string {
  return s.replaceAll(SOFT_HYPHEN, '');
}
