import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { createColumnHelper, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { cohortPhrase, type OverviewRow } from '@gka/shared';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { CellFace } from './CellFace.tsx';
import { hasFigure, type Column } from './cells.ts';
import { softHyphens } from '../../lib/hyphens.ts';

/** One cell of the table, as the tooltip and the detail panel need it. */
export type CellRef = { row: OverviewRow; column: Column };
export const TOOLTIP_ID = 'regio-tooltip';
export const PANEL_ID = 'regio-detail';
export const sameCell = (a: CellRef | null, b: CellRef) => !!a && a.row.area === b.row.area && a.column.i === b.column.i;

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const col = createColumnHelper<OverviewRow>();

/** Whether the table is wider than its box: then the box scrolls both ways, with the names and the header held in it. */
function useTooWide() {
  const box = useRef<HTMLDivElement>(null);
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const el = box.current!;
    const check = () => setWide(el.scrollWidth > el.clientWidth + 1);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, []);
  return { box, wide };
}

const KEYS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/**
 * Gemeenten × indicators as a heatmap: a compact cell per gemeente × indicator, the gemeente
 * column and the header held in view while scrolling, sortable by column. The cells are one tab
 * stop (arrow keys move between them); hover or focus shows a cell's details, a click or Enter
 * opens them in the detail panel.
 */
export function HeatTable({
  columns,
  rows,
  pooled,
  caption,
  label,
  testId,
  nameWidth,
  columnWidth,
  maxColumnWidth,
  selected,
  previewed,
  onPreview,
  onSelect,
}: {
  columns: Column[];
  rows: OverviewRow[];
  pooled: OverviewRow;
  caption: ReactNode;
  /** The caption in plain words, for the scroll box's name. */
  label: string;
  testId: string;
  /** Widths in rem: the names', and a column's least (the table never squeezes below it). */
  nameWidth: number;
  columnWidth: number;
  /** A column's most, so that a few columns do not stretch over the page. */
  maxColumnWidth?: number;
  selected: CellRef | null;
  /** The cell whose tooltip shows: it is that cell's description. */
  previewed: CellRef | null;
  onPreview: (cell: CellRef | null, anchor?: HTMLElement) => void;
  onSelect: (cell: CellRef) => void;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const { box, wide } = useTooWide();
  const table = useReactTable({
    data: rows,
    columns: [
      col.accessor('name', { id: 'name' }),
      ...columns.map((c) => col.accessor((r) => r.cells[c.i]?.value ?? undefined, { id: c.indicator.code, sortUndefined: 'last' })),
    ],
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  // The members sorted, the regio together always last.
  const shown = [...table.getRowModel().rows.map((r) => r.original), pooled];
  const [ar, ac] = [Math.min(active[0], shown.length - 1), Math.min(active[1], columns.length - 1)];

  const move = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const step = KEYS[e.key];
    let to: [number, number] | undefined;
    if (step) to = [ar + step[0], ac + step[1]];
    else if (e.key === 'Home') to = [e.ctrlKey ? 0 : ar, 0];
    else if (e.key === 'End') to = [e.ctrlKey ? shown.length - 1 : ar, columns.length - 1];
    if (!to) return;
    e.preventDefault();
    const [r, c] = [Math.max(0, Math.min(shown.length - 1, to[0])), Math.max(0, Math.min(columns.length - 1, to[1]))];
    setActive([r, c]);
    box.current?.querySelector<HTMLButtonElement>(`button[data-cell="${r}-${c}"]`)?.focus();
  };

  const header = (id: string, content: ReactNode) => {
    const column = table.getColumn(id)!;
    const sorted = column.getIsSorted();
    return (
      <button type="button" className="sort-button" onClick={column.getToggleSortingHandler()}>
        {content}
        <span aria-hidden="true" className="sort-icon">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    );
  };
  const ariaSort = (id: string) => {
    const sorted = table.getColumn(id)!.getIsSorted();
    return sorted ? ARIA_SORT[sorted] : 'none';
  };

  return (
    <>
      {wide && (
        <p className="table-hint" data-testid="table-hint">
          Deze tabel is breder dan het scherm: scroll opzij voor alle kolommen.
        </p>
      )}
      <div
        ref={box}
        className={`heat-box${wide ? ' heat-box--scroll' : ''}`}
        {...(wide ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (scrollbaar)` } : {})}
      >
        <table
          className="regio-heat"
          data-testid={testId}
          style={{
            minWidth: `${nameWidth + columnWidth * columns.length}rem`,
            width: maxColumnWidth ? `min(100%, ${nameWidth + maxColumnWidth * columns.length}rem)` : undefined,
            ['--name-width' as string]: `${nameWidth}rem`,
          }}
        >
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('name')}>
                {header('name', 'Gemeente')}
              </th>
              {columns.map(({ indicator }) => (
                <th scope="col" key={indicator.code} aria-sort={ariaSort(indicator.code)}>
                  {header(indicator.code, softHyphens(indicator.name))}
                  <small>{cohortPhrase(indicator.cohort)}</small>
                  <ProvenanceMark indicator={indicator} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody onKeyDown={move}>
            {shown.map((row, r) => (
              <tr key={row.area} className={row === pooled ? 'regio-heat__pooled' : undefined}>
                <th scope="row">{row.area.startsWith('GM') ? <Link to={`/gemeente/${row.area}`}>{row.name}</Link> : row.name}</th>
                {columns.map((column, c) => {
                  const cell = row.cells[column.i];
                  const ref = { row, column };
                  const isSelected = sameCell(selected, ref);
                  return (
                    <td key={column.indicator.code} className={`heat heat--${hasFigure(cell) ? cell.verdict : 'onbekend'}`} data-verdict={cell?.verdict}>
                      <button
                        type="button"
                        className="heat-cell"
                        data-cell={`${r}-${c}`}
                        tabIndex={r === ar && c === ac ? 0 : -1}
                        aria-expanded={isSelected}
                        aria-controls={isSelected ? PANEL_ID : undefined}
                        aria-describedby={sameCell(previewed, ref) ? TOOLTIP_ID : undefined}
                        onFocus={(e) => {
                          setActive([r, c]);
                          onPreview(ref, e.currentTarget);
                        }}
                        onBlur={() => onPreview(null)}
                        onMouseEnter={(e) => onPreview(ref, e.currentTarget)}
                        onMouseLeave={() => onPreview(null)}
                        onClick={() => onSelect(ref)}
                      >
                        <CellFace cell={cell} indicator={column.indicator} />
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
