import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { cohortPhrase, type Overview } from '@gka/shared';
import { CellDetails } from './CellDetails.tsx';
import { PANEL_ID, sameCell, TOOLTIP_ID, type CellRef } from './HeatTable.tsx';

type Preview = { cell: CellRef; anchor: HTMLElement };

/**
 * The cell whose details show on hover or focus, and the cell chosen for the detail panel. A
 * tooltip lingers a moment after the pointer leaves its cell, so the pointer can move onto it;
 * Escape closes the tooltip, then the panel.
 */
export function useCellDetails() {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [selected, setSelected] = useState<CellRef | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const onPreview = useCallback((cell: CellRef | null, anchor?: HTMLElement) => {
    window.clearTimeout(timer.current);
    if (cell && anchor) setPreview({ cell, anchor });
    else timer.current = window.setTimeout(() => setPreview(null), 200);
  }, []);
  const keep = useCallback(() => window.clearTimeout(timer.current), []);
  // The chosen cell's details stand in the panel: no tooltip repeats them.
  const tooltip = preview && !sameCell(selected, preview.cell) ? preview : null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      if (tooltip) setPreview(null);
      else setSelected(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [tooltip]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return { tooltip, previewed: tooltip?.cell ?? null, onPreview, keep, selected, onSelect: setSelected, close: () => setSelected(null) };
}

const title = ({ row, column }: CellRef) => `${row.name}: ${column.indicator.name} (${cohortPhrase(column.indicator.cohort)})`;

/** The details of the cell under the pointer or the focus, beside it; never over it. */
export function CellTooltip({ preview, overview, keep, leave }: { preview: Preview; overview: Overview; keep: () => void; leave: () => void }) {
  const tip = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  // Below its cell, or above it where the screen ends; it follows the cell when the page or the box scrolls.
  useLayoutEffect(() => {
    const put = () => {
      const a = preview.anchor.getBoundingClientRect();
      const t = tip.current!.getBoundingClientRect();
      const gap = 6;
      if (a.bottom < 0 || a.top > window.innerHeight) return setPlace(null);
      const below = a.bottom + gap + t.height <= window.innerHeight;
      const top = below ? a.bottom + gap : Math.max(gap, a.top - gap - t.height);
      const left = Math.max(gap, Math.min(a.left, document.documentElement.clientWidth - t.width - gap));
      setPlace({ left, top });
    };
    put();
    window.addEventListener('scroll', put, { capture: true, passive: true });
    window.addEventListener('resize', put);
    return () => {
      window.removeEventListener('scroll', put, { capture: true });
      window.removeEventListener('resize', put);
    };
  }, [preview]);
  const { row, column } = preview.cell;
  return (
    <div
      ref={tip}
      id={TOOLTIP_ID}
      role="tooltip"
      className="cell-tooltip"
      data-testid="overview-tooltip"
      style={place ? { left: place.left, top: place.top } : { left: 0, top: 0, visibility: 'hidden' }}
      onMouseEnter={keep}
      onMouseLeave={leave}
    >
      <p className="cell-tooltip__title">{title(preview.cell)}</p>
      <CellDetails cell={row.cells[column.i]!} indicator={column.indicator} overview={overview} />
    </div>
  );
}

/** The chosen cell's details, held in view until closed, with the way to the gemeente's own page. */
export function DetailPanel({ cell, overview, close }: { cell: CellRef; overview: Overview; close: () => void }) {
  const { row, column } = cell;
  return (
    <section id={PANEL_ID} className="regio-detail" aria-labelledby={`${PANEL_ID}-title`} aria-live="polite" data-testid="overview-detail">
      <div className="regio-detail__head">
        <h2 id={`${PANEL_ID}-title`}>{title(cell)}</h2>
        <button type="button" onClick={close}>
          Sluiten
        </button>
      </div>
      {column.indicator.definition && <p className="hint">{column.indicator.definition}</p>}
      <CellDetails cell={row.cells[column.i]!} indicator={column.indicator} overview={overview} />
      {row.area.startsWith('GM') && (
        <p>
          <Link to={`/gemeente/${row.area}?indicator=${column.indicator.code}`}>
            {row.name}: {column.indicator.name} met trend en wijken
          </Link>
        </p>
      )}
    </section>
  );
}
