import { useMemo } from 'react';
import { usePhone } from '../../lib/phone.ts';
import { benchmarkInfo, NO_TEST_TEXT, VERDICTS, type Overview } from '@gka/shared';
import { anyFigure, splitColumns, type Column } from './cells.ts';
import { CellTooltip, DetailPanel, useCellDetails } from './DetailPopups.tsx';
import { HeatTable, type CellRef } from './HeatTable.tsx';
import { OverviewCards } from './OverviewCards.tsx';

/** What the overview compares with, inside a sentence: 'Nederland', 'de regio zelf'. */
export const against = (d: Pick<Overview, 'benchmark'>): string => (d.benchmark === 'groep' ? 'de regio zelf' : benchmarkInfo(d.benchmark).inSentence);

/** What a cell's colour and word say; the words of a cell's verdict in full are in its details. */
export function Legend() {
  return (
    <ul className="verdict-legend regio-legend" aria-label="Legenda">
      <li>
        <span className="heat heat--gunstig">{VERDICTS.gunstig.short}</span>
      </li>
      <li>
        <span className="heat heat--ongunstig">{VERDICTS.ongunstig.short}</span>
      </li>
      <li>
        <span className="heat heat--geen_verschil">{VERDICTS.geen_verschil.short}</span> {VERDICTS.geen_verschil.label}
      </li>
      <li>
        <span className="heat heat--neutraal">hoger, lager</span> neutrale indicator: alleen hoger of lager
      </li>
      <li>
        <span className="heat heat--onbekend">+1,2 punt</span> gemiddelde: het verschil, {NO_TEST_TEXT}
      </li>
    </ul>
  );
}

/** The chosen cell in the overview as it is now (after a refetch or another benchmark), if it is still there. */
function current(d: Overview, columns: Column[], cell: CellRef | null): CellRef | null {
  if (!cell) return null;
  const row = [...d.rows, d.pooled].find((r) => r.area === cell.row.area);
  const column = columns.find((c) => c.indicator.code === cell.column.indicator.code);
  return row && column ? { row, column } : null;
}

/**
 * The overview at a glance: the gemeenten × the indicators as a heatmap, the toetsen in a table of
 * their own below it; on a phone a card per gemeente instead. Details on hover, focus and click.
 */
export function OverviewHeatmaps({ overview: d, groupName }: { overview: Overview; groupName: string }) {
  const { main, toetsen, all } = useMemo(() => {
    const split = splitColumns(d.indicators);
    // A toets no school in the regio took would be a column of dashes.
    const toetsen = split.toetsen.filter((c) => anyFigure(d, c));
    return { main: split.main, toetsen, all: [...split.main, ...toetsen] };
  }, [d]);
  const details = useCellDetails();
  const phone = usePhone();
  const selected = current(d, all, details.selected);
  const common = {
    rows: d.rows,
    pooled: d.pooled,
    selected,
    previewed: details.previewed,
    onPreview: details.onPreview,
    onSelect: details.onSelect,
    nameWidth: 8.5,
  };
  const caption = `${groupName}: ${d.rows.length} gemeenten × ${main.length} indicatoren, vergeleken met ${against(d)}; de laatste rij telt de gemeenten samen`;
  return (
    <>
      <div className="regio-tables">
        <HeatTable columns={main} caption={caption} label={caption} testId="overview-table" columnWidth={5} {...common} />
        {toetsen.length > 0 && (
          <>
            <h2>Eind- en doorstroomtoetsen</h2>
            <p className="hint">
              Gemiddelde scores, elke toets op haar eigen schaal: naast elkaar, nooit samengevoegd. Een gemeente heeft alleen cijfers van de toetsen die haar
              scholen afnamen. Een gemiddelde heeft geen interval: de cel geeft het verschil met de vergelijking, {NO_TEST_TEXT}.
            </p>
            <HeatTable
              columns={toetsen}
              caption={`${groupName}: ${toetsen.length} toetsen, elk op haar eigen schaal`}
              label={`${groupName}: toetsen`}
              testId="overview-toetsen"
              columnWidth={6}
              maxColumnWidth={10}
              {...common}
            />
          </>
        )}
      </div>
      {phone && <OverviewCards overview={d} columns={all} />}
      {details.tooltip && <CellTooltip preview={details.tooltip} overview={d} keep={details.keep} leave={() => details.onPreview(null)} />}
      {selected && <DetailPanel cell={selected} overview={d} close={details.close} />}
    </>
  );
}
