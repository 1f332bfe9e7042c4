import { useState } from 'react';
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { TableScroll } from './TableScroll.tsx';

type Props<T> = {
  data: T[];
  columns: ColumnDef<T, any>[];
  caption: string;
  initialSort?: SortingState;
  /** Numeric columns are right-aligned: give their ids. */
  numeric?: string[];
  testId?: string;
};

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** Sortable, accessible table: header buttons, aria-sort, a caption, keyboard only. */
export function DataTable<T>({ data, columns, caption, initialSort = [], numeric = [], testId }: Props<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return (
    <TableScroll label={caption}>
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const title = flexRender(h.column.columnDef.header, h.getContext());
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={sorted ? ARIA_SORT[sorted] : h.column.getCanSort() ? 'none' : undefined}
                    className={numeric.includes(h.column.id) ? 'num' : undefined}
                  >
                    {h.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={h.column.getToggleSortingHandler()}>
                        {/* One flex item: a header of several lines (name, year, mark) keeps its line breaks. */}
                        <span>{title}</span>
                        <span aria-hidden="true" className="sort-icon">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      title
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={numeric.includes(cell.column.id) ? 'num' : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
