import { verdictShortText, verdictText, type OverviewCell, type OverviewIndicator } from '@gka/shared';
import { formatDifference, formatValue } from '../../lib/format.ts';
import { hasFigure } from './cells.ts';

/**
 * A figure at a glance: the value, and a colour with a word for the verdict (a mean without a test:
 * its difference instead). The full verdict is in the cell's text for screen readers.
 */
export function CellFace({ cell, indicator }: { cell: OverviewCell | undefined; indicator: OverviewIndicator }) {
  if (!hasFigure(cell)) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">geen gegevens</span>
      </>
    );
  }
  const full = verdictText(cell.verdict, cell.significance, cell.difference);
  const short = verdictShortText(cell.verdict, cell.significance);
  const second = short || (cell.difference !== null && !cell.suppressed ? formatDifference(cell.difference, indicator.unit, true) : '');
  return (
    <>
      <span className="heat-cell__value">{formatValue(cell, indicator.unit)}</span>
      {second && (
        <span className="heat-cell__word" aria-hidden={second !== full}>
          {second}
        </span>
      )}
      {second !== full && <span className="visually-hidden">{full}</span>}
    </>
  );
}
