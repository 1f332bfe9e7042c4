import {
  isToetsIndicator,
  verdictOf,
  verdictText,
  type Area,
  type ComparedValue,
  type SchoolsColumn,
  type SchoolsResponse,
  type SimilarSchools,
  type Verdict,
} from '@gka/shared';
import { formatDifference } from '../../lib/format.ts';
import { comparisonWith } from '../../lib/significance.ts';
import { similarVerdict } from '../school/similar.ts';

export type Against = { text: string; verdict: Verdict | null };
export type Cell = {
  value: (ComparedValue & { similar?: SimilarSchools }) | undefined;
  vsGemeente: Against;
  vsNederland: Against;
  /** A referentieniveau: against schools of a similar achterstandsscore (absent for other indicators). */
  vsSimilar?: Against;
};
export type Column = SchoolsColumn;
/** The toets a school took, in the latest school year it has a score. */
export type ToetsCell = Cell & { column: Column };
export type SchoolRow = { school: Area; cells: Cell[]; toets: ToetsCell | undefined };
export type School = SchoolsResponse['schools'][number];

/** Against a benchmark: the verdict (by the indicator's direction and significance); a mean has no interval, so its difference, untested. */
export function against(v: Cell['value'], kind: 'gemeente' | 'nederland', indicator: Column['indicator']): Against {
  const c = comparisonWith(v, kind);
  if (!v || v.suppressed || v.value === null || !c || c.difference === null) return { text: '–', verdict: null };
  const verdict = verdictOf(c.significance, indicator.higherIsBetter);
  // A mean has no test: the column header says so once, the cell gives the difference.
  if (c.significance === 'onbekend') return { text: formatDifference(c.difference, indicator.unit, true), verdict: null };
  return { text: verdictText(verdict, c.significance), verdict };
}

export function cellOf({ values }: School, { indicator }: Column): Cell {
  const value = values.find((v) => v.indicator === indicator.code);
  const cell: Cell = { value, vsGemeente: against(value, 'gemeente', indicator), vsNederland: against(value, 'nederland', indicator) };
  if (value?.similar) cell.vsSimilar = similarVerdict(value.similar, indicator.higherIsBetter);
  return cell;
}

/**
 * The referentieniveau the table sets against schools of a similar achterstandsscore: the indicator
 * chosen on the page if it is one, else lezen 2F (the streefniveau the Inspectie looks at first), else the first.
 */
export function similarColumn(columns: Column[], chosen?: string): Column | undefined {
  const refs = columns.filter((c) => c.similar);
  return refs.find((c) => c.indicator.code === chosen) ?? refs.find((c) => c.indicator.code === 'ref_lezen_2f') ?? refs[0];
}

/** The indicators with values for these schools; the toetsen in one column, as a school takes one. */
export function sectorColumns(schools: School[], columns: Column[]): { own: Column[]; toetsen: Column[] } {
  const present = columns.filter((c) => schools.some((s) => s.values.some((v) => v.indicator === c.indicator.code)));
  return { own: present.filter((c) => !isToetsIndicator(c.indicator.code)), toetsen: present.filter((c) => isToetsIndicator(c.indicator.code)) };
}

/** A row per school: a cell per own column, and the toets of its latest school year with a score. */
export function schoolRows(schools: School[], own: Column[], toetsen: Column[]): SchoolRow[] {
  const out: SchoolRow[] = [];
  for (const school of schools) {
    const cells = own.map((c) => cellOf(school, c));
    const toets = toetsen
      .map((column) => ({ ...cellOf(school, column), column }))
      .filter((c) => c.value)
      .sort((a, b) => b.column.cohort.code.localeCompare(a.column.cohort.code))[0];
    // Closed schools only where they still have figures in the years shown.
    if (school.school.school?.gesloten && cells.every((c) => !c.value) && !toets) continue;
    out.push({ school: school.school, cells, toets });
  }
  return out;
}
