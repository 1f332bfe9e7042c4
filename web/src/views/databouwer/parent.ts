import { formatInteger, GEMEENTE_CODE, LEVEL_PLURALS, MAX_PARENTS, type DataLevel } from '@gka/shared';

/**
 * Whose wijken or schools a table shows: a group of gemeenten (GET /groups), or gemeenten chosen
 * one by one. Sent as `parent` (a group code, or the codes comma-separated).
 */
export type TableParent = { group: string } | { gemeenten: string[] };

/** The URL's chosen gemeenten as the API takes them: gemeente codes, each once, at most MAX_PARENTS. */
export function chosenGemeenten(codes: readonly string[]): string[] {
  return [...new Set(codes.filter((c) => GEMEENTE_CODE.test(c)))].slice(0, MAX_PARENTS);
}

/** The table's parent from the URL (a group wins), or undefined while nothing is chosen. */
export function tableParent(group: string | undefined, gemeenten: readonly string[]): TableParent | undefined {
  if (group) return { group };
  const chosen = chosenGemeenten(gemeenten);
  return chosen.length ? { gemeenten: chosen } : undefined;
}

/** The `parent` parameter of /values, /export and /export/bulk. */
export function parentParam(parent: TableParent | undefined): string | undefined {
  if (!parent) return undefined;
  return 'group' in parent ? parent.group : parent.gemeenten.join(',');
}

/** 'Aastad', 'Aastad en Beedorp', 'Aastad, Beedorp en Ceeveen'. */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} en ${words.at(-1)}`;
}

/**
 * What a table or file of `level` covers, in words: 'alle wijken', 'de wijken van Aastad en Beedorp',
 * 'de scholen van Noord-Brabant'. `names`: gemeenten and groups by code (a code stands for itself until they load).
 */
export function coverageWords(level: DataLevel, parent: TableParent | undefined, names: ReadonlyMap<string, string>): string {
  if (!parent) return `alle ${LEVEL_PLURALS[level]}`;
  const of = 'group' in parent ? (names.get(parent.group) ?? parent.group) : listWords(parent.gemeenten.map((c) => names.get(c) ?? c));
  return `de ${LEVEL_PLURALS[level]} van ${of}`;
}

/** Excel's rows per sheet, the header included. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** A bulk file's size in words, with a warning when a spreadsheet cannot open it whole. */
export function bulkSize(rows: number): string {
  const lines = `${formatInteger(rows)} ${rows === 1 ? 'regel' : 'regels'}`;
  return rows + 1 > EXCEL_MAX_ROWS ? `${lines}: meer dan één Excel-blad bevat, open het met R, Python, Power Query of een database` : lines;
}
