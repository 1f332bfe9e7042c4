import { stringify, type Options } from 'csv-stringify/sync';
import type { XlsxBook, XlsxCell, XlsxSheet } from './xlsx-worker.ts';

/**
 * The one writer of every export file: a file is a list of columns, and this turns rows into CSV
 * text, CSV chunks for a stream, or an XLSX sheet for a worker (xlsx-worker.ts) to write. What
 * Dutch Excel needs is decided here once: `;`, UTF-8 with BOM, decimal commas, the header on line 1.
 */

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const TEXT_TYPE = 'text/plain; charset=utf-8';

/** A download's headers: its file name and type. */
export function fileHeaders(name: string, type: 'csv' | 'xlsx' | 'txt'): Record<string, string> {
  return {
    'content-disposition': `attachment; filename="${name}.${type}"`,
    'content-type': type === 'xlsx' ? XLSX_TYPE : type === 'csv' ? CSV_TYPE : TEXT_TYPE,
  };
}

/**
 * How a number is written. `count`: as it is (teller, noemer). `value`: a share or a mean; a share is
 * written in percent in the CSV and as a fraction formatted as a percentage in XLSX. `difference`:
 * of two shares in procentpunt, of two means in points.
 */
export type NumberKind = 'count' | 'value' | 'difference';

/** A cell holds text or a number, or is empty: a number column never holds text (a reason goes in a column of its own). */
export type FileColumn<R> = { header: string; width?: number } & (
  { cell: (r: R) => string | null; number?: undefined } | { cell: (r: R) => number | null; number: NumberKind }
);

/** A file's columns, and whether a row's figures are shares (per file, or per row when a file mixes indicators). */
export type FileLayout<R> = { columns: FileColumn<R>[]; percentage: boolean | ((r: R) => boolean) };

const isPercentage = <R>(layout: FileLayout<R>, r: R) => (typeof layout.percentage === 'boolean' ? layout.percentage : layout.percentage(r));

/**
 * One decimal with a comma and no grouping. A difference that rounds to zero has no sign ("0,0",
 * never "-0,0"), as on screen.
 */
const decimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
export const csvDecimal = (v: number): string => {
  const s = decimal.format(v);
  return s === '-0,0' ? '0,0' : s;
};

const BOM = '\uFEFF';

/**
 * csv-stringify quotes where needed and escapes formula injection (OWASP): a text cell starting with
 * = + - @ (or tab/CR before one, or their full-width forms) gets a leading ', since names come from
 * imported files. Numbers are cast apart, so a difference like -1,5 stays a number.
 */
function csvOptions<R>(layout: FileLayout<R>): Options {
  const kinds = layout.columns.map((c) => c.number);
  return {
    delimiter: ';',
    record_delimiter: '\r\n',
    escape_formulas: true,
    cast: { number: (v, { index }) => (kinds[index] === 'count' ? String(v) : csvDecimal(v)) },
  };
}

function csvRecord<R>(layout: FileLayout<R>, r: R): (string | number | null)[] {
  const pct = isPercentage(layout, r);
  return layout.columns.map((c) => {
    const v = c.cell(r);
    return typeof v === 'number' && pct && c.number !== 'count' ? v * 100 : v;
  });
}

/** The whole CSV: BOM, header line, one line per row, each ended by CRLF. */
export function csvText<R>(layout: FileLayout<R>, rows: readonly R[]): string {
  return BOM + stringify([layout.columns.map((c) => c.header), ...rows.map((r) => csvRecord(layout, r))], csvOptions(layout));
}

/**
 * The CSV as chunks for a stream: BOM and header first, then one chunk per batch, so what is held
 * stays one batch however large the file.
 */
export async function* csvChunks<R>(layout: FileLayout<R>, batches: AsyncIterable<readonly R[]>): AsyncGenerator<string> {
  const options = csvOptions(layout);
  yield BOM + stringify([layout.columns.map((c) => c.header)], options);
  for await (const batch of batches) {
    if (batch.length)
      yield stringify(
        batch.map((r) => csvRecord(layout, r)),
        options,
      );
  }
}

/** Excel number formats: a share as a percentage (a mean with one decimal), a difference of shares in procentpunt. */
function numberFormat(kind: NumberKind | undefined, pct: boolean): string | null {
  if (kind === undefined || kind === 'count') return null;
  if (kind === 'value') return pct ? '0.0%' : '0.0';
  return pct ? '+0.0" pp";-0.0" pp";0.0" pp"' : '+0.0;-0.0;0.0';
}

/**
 * A sheet with the header on row 1 and real number cells: shares stay fractions shown as
 * percentages, differences of shares are written in procentpunt. A file that mixes units gets its
 * formats per row (two arrays, shared by every row).
 */
export function xlsxSheet<R>(layout: FileLayout<R>, rows: readonly R[], name: string): XlsxSheet {
  const { columns } = layout;
  const cell = (c: FileColumn<R>, r: R, pct: boolean): XlsxCell => {
    const v = c.cell(r);
    return c.number === 'difference' && pct && typeof v === 'number' ? v * 100 : v;
  };
  const formats = (pct: boolean) => columns.map((c) => numberFormat(c.number, pct));
  const byUnit = { pct: formats(true), mean: formats(false) };
  const fixed = typeof layout.percentage === 'boolean';
  return {
    name,
    header: true,
    rows: [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => cell(c, r, isPercentage(layout, r))))],
    widths: columns.map((c) => c.width ?? 16),
    ...(fixed
      ? { columnFormats: formats(layout.percentage as boolean) }
      : { rowFormats: [null, ...rows.map((r) => (isPercentage(layout, r) ? byUnit.pct : byUnit.mean))] }),
  };
}

/** Key-value lines (a file's sources and rules) as the 'Bronnen' sheet, keys bold. */
export function sourcesSheet(lines: [string, string][], keyWidth = 20): XlsxSheet {
  return { name: 'Bronnen', rows: lines, keys: true, widths: [keyWidth, 120] };
}

/** The same lines as plain text, one 'Key: value' line each. */
export function sourcesText(lines: [string, string][]): string {
  return `${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n`;
}

/** A workbook of these sheets, for the worker pool to write. */
export const xlsxBook = (sheets: XlsxSheet[], created = new Date()): XlsxBook => ({ created, sheets });
