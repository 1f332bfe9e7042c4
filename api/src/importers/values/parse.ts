import { DIMENSIONS, isDimension, isGroupOf } from '@gka/shared';

/** The CBS delivery format (docs/data-sources.md): pure parsing and validation, no I/O. */
export const VALUE_COLUMNS = ['gebiedcode', 'cohort', 'indicator', 'dimensie', 'groep', 'teller', 'noemer'] as const;

/** Stop collecting after this many problems: one systematic mistake would otherwise repeat on every line. */
export const MAX_PROBLEMS = 20;

import type { Unit } from '@gka/shared';

export type { Unit };

/** What a file may refer to: loaded from the database before parsing (a few thousand codes at most). */
export type Catalogue = { areas: ReadonlySet<string>; units: ReadonlyMap<string, Unit> };

export type ValueRow = {
  line: number;
  area: string;
  cohort: string;
  indicator: string;
  dimension: string;
  group: string;
  numerator: number;
  denominator: number;
};

/** A file that cannot be imported; `problems` are complete Dutch sentences naming file, line and column. */
export class ValuesFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} fouten gevonden, niets geïmporteerd:\n${problems.join('\n')}`);
    this.name = 'ValuesFileError';
  }
}

const COHORT_CODE = /^\d{4}-\d{4}$/;
const DIGITS = /^\d{1,15}$/;

/** Checks the header (line 1) and returns the separator it uses. */
export function parseHeader(file: string, header: string): ';' | ',' {
  const delimiter = header.includes(';') ? ';' : header.includes(',') ? ',' : null;
  const expected = VALUE_COLUMNS.join(';');
  if (!delimiter) throw new ValuesFileError([`${file} regel 1: de kopregel moet zijn "${expected}" (gescheiden door ; of ,), gevonden "${header}"`]);
  const names = splitCsvLine(header, delimiter).map((n) => n.trim());
  const problems: string[] = [];
  VALUE_COLUMNS.forEach((name, i) => {
    if (names[i] !== name) problems.push(`${file} regel 1, kolom ${i + 1}: verwacht "${name}", gevonden ${names[i] === undefined ? 'niets' : `"${names[i]}"`}`);
  });
  if (names.length > VALUE_COLUMNS.length) problems.push(`${file} regel 1: ${names.length} kolommen, verwacht precies ${VALUE_COLUMNS.length}: "${expected}"`);
  if (problems.length) throw new ValuesFileError(problems);
  return delimiter;
}

/** Splits one line; quotes are only handled when present, so the common unquoted line stays fast. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** String.prototype.trim, without its copy for the usual field that has nothing to trim. */
function trim(s: string): string {
  return s.length && s.charCodeAt(0) > 32 && s.charCodeAt(s.length - 1) > 32 ? s : s.trim();
}

function count(file: string, line: number, column: string, raw: string, problems: string[]): number | null {
  const v = trim(raw);
  if (DIGITS.test(v)) return Number(v);
  if (v === '') problems.push(`${file} regel ${line}, kolom ${column}: de waarde ontbreekt`);
  else if (/^-\d+$/.test(v)) problems.push(`${file} regel ${line}, kolom ${column}: "${v}" is negatief; aantallen zijn 0 of meer`);
  else problems.push(`${file} regel ${line}, kolom ${column}: "${v}" is geen geheel getal`);
  return null;
}

/**
 * Validates one data line. Returns the row, or null after pushing the problems found (every rule
 * on the line is checked, so one pass over a file reports all its kinds of mistakes).
 */
export function parseValueLine(file: string, line: number, text: string, delimiter: string, catalogue: Catalogue, problems: string[]): ValueRow | null {
  const fields = splitCsvLine(text, delimiter);
  if (fields.length !== VALUE_COLUMNS.length) {
    const missing = fields.length < VALUE_COLUMNS.length ? ` (kolom ${VALUE_COLUMNS[fields.length]} ontbreekt)` : '';
    problems.push(`${file} regel ${line}: ${fields.length} kolommen gevonden, ${VALUE_COLUMNS.length} verwacht${missing}`);
    return null;
  }
  // The count was checked above: every column is there.
  const [area = '', cohort = '', indicator = '', dimension = '', group = ''] = fields.slice(0, 5).map(trim);
  const [numeratorText = '', denominatorText = ''] = fields.slice(5);
  const before = problems.length;
  if (!catalogue.areas.has(area)) {
    problems.push(`${file} regel ${line}, kolom gebiedcode: "${area}" is geen bekend gebied; importeer eerst de gebiedsindeling waar het in zit`);
  }
  if (!COHORT_CODE.test(cohort)) problems.push(`${file} regel ${line}, kolom cohort: "${cohort}" is geen cohortcode zoals 2020-2021`);
  const unit = catalogue.units.get(indicator);
  if (!unit) {
    problems.push(`${file} regel ${line}, kolom indicator: "${indicator}" is geen bekende indicator (bekend: ${[...catalogue.units.keys()].join(', ')})`);
  }
  if (!isDimension(dimension)) {
    problems.push(`${file} regel ${line}, kolom dimensie: "${dimension}" is geen bekende dimensie (bekend: ${Object.keys(DIMENSIONS).join(', ')})`);
  } else if (!isGroupOf(dimension, group)) {
    const groups = DIMENSIONS[dimension].join(', ');
    problems.push(`${file} regel ${line}, kolom groep: "${group}" hoort niet bij dimensie ${dimension} (wel: ${groups})`);
  }
  const numerator = count(file, line, 'teller', numeratorText, problems);
  const denominator = count(file, line, 'noemer', denominatorText, problems);
  // A 'gemiddelde' numerator is a sum of scores, so only shares are bounded by their denominator.
  if (numerator !== null && denominator !== null && unit === 'percentage' && numerator > denominator) {
    problems.push(`${file} regel ${line}, kolom teller: ${numerator} is groter dan de noemer ${denominator}; bij een percentage moet 0 ≤ teller ≤ noemer`);
  }
  if (problems.length > before || numerator === null || denominator === null) return null;
  return { line, area, cohort, indicator, dimension, group, numerator, denominator };
}
