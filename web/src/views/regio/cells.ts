import { isToetsIndicator, provenanceLabel, type Overview, type OverviewCell, type OverviewIndicator, type OverviewRow, type Verdict } from '@gka/shared';

/** One indicator of the overview with its position in every row's cells. */
export type Column = { indicator: OverviewIndicator; i: number };

/**
 * The overview's indicators in two tables: the toetsen (each on its own scale, and a gemeente has
 * only those its schools took) apart from the rest, so that they neither merge nor stretch its rows.
 */
export function splitColumns(indicators: readonly OverviewIndicator[]): { main: Column[]; toetsen: Column[] } {
  const all = indicators.map((indicator, i) => ({ indicator, i }));
  return { main: all.filter((c) => !isToetsIndicator(c.indicator.code)), toetsen: all.filter((c) => isToetsIndicator(c.indicator.code)) };
}

/** Whether a cell holds a figure or a hidden one: a toets no school of the gemeente took has neither. */
export const hasFigure = (cell: OverviewCell | undefined): cell is OverviewCell => !!cell && (cell.value !== null || cell.suppressed);

/** Whether any row of the overview has a figure for the column: a toets nobody in the regio took is left out. */
export const anyFigure = (d: Pick<Overview, 'rows' | 'pooled'>, c: Column): boolean => [...d.rows, d.pooled].some((r) => hasFigure(r.cells[c.i]));

export type CardLine = Column & { cell: OverviewCell };
/** A gemeente on a phone: its unfavourable figures, its favourable ones, then the rest. */
export type CardSections = { ongunstig: CardLine[]; gunstig: CardLine[]; overige: CardLine[] };

const FIRST: Verdict[] = ['ongunstig', 'gunstig'];

/** A row's figures for its card, in indicator order within each section; cells without a figure are left out. */
export function cardSections(row: OverviewRow, columns: readonly Column[]): CardSections {
  const lines = columns.flatMap((c) => {
    const cell = row.cells[c.i];
    return hasFigure(cell) ? [{ ...c, cell }] : [];
  });
  return {
    ongunstig: lines.filter((l) => l.cell.verdict === 'ongunstig'),
    gunstig: lines.filter((l) => l.cell.verdict === 'gunstig'),
    overige: lines.filter((l) => !FIRST.includes(l.cell.verdict)),
  };
}

/** Lines grouped by their mark, real or synthetic ('synthetisch', 'echte cijfers (DUO)'), in order of first appearance. */
export function byProvenance(lines: readonly CardLine[]): { label: string; lines: CardLine[] }[] {
  const groups = new Map<string, CardLine[]>();
  for (const l of lines) {
    const label = provenanceLabel(l.indicator);
    groups.set(label, [...(groups.get(label) ?? []), l]);
  }
  return [...groups].map(([label, lines]) => ({ label, lines }));
}
