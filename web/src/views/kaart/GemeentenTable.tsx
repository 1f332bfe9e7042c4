import { useMemo } from 'react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import {
  BENCHMARK_IN_SENTENCE,
  expectedShortText,
  stedelijkheidLabel,
  type Area,
  type ChangeRow,
  type ComparedValue,
  type ExpectedRow,
  type Indicator,
} from '@gka/shared';
import { DataTable } from '../../components/table/DataTable.tsx';
import { formatInterval, formatValue } from '../../lib/format.ts';
import { comparisonWith, covidText, significanceText, significanceWith } from '../../lib/significance.ts';

type Row = Area & { v: ComparedValue | undefined };
const col = createColumnHelper<Row>();

/** The map's table alternative: every gemeente with its class or value, keyboard-reachable links. */
export function GemeentenTable({
  areas,
  values,
  indicator,
  changes,
  expected,
}: {
  areas: Area[];
  values: Map<string, ComparedValue> | null;
  indicator: Indicator | undefined;
  /** When the map shows a change: each gemeente's change and what it is measured against. */
  changes?: { byCode: Map<string, ChangeRow>; label: string };
  /** When the map shows observed − expected: each gemeente's row of /expected. */
  expected?: Map<string, ExpectedRow>;
}) {
  const data = useMemo(() => areas.map((a) => ({ ...a, v: values?.get(a.code) })), [areas, values]);
  const columns = useMemo(
    () => [
      col.accessor('name', { header: 'Gemeente', cell: (c) => <Link to={`/gemeente/${c.row.original.code}`}>{c.getValue()}</Link> }),
      ...(values && indicator
        ? [
            col.accessor((r) => r.v?.value ?? undefined, {
              id: 'waarde',
              header: indicator.name,
              cell: (c) => formatValue(c.row.original.v, indicator.unit),
              sortUndefined: 'last',
            }),
            col.accessor((r) => (r.v ? formatInterval(r.v, indicator.unit) : '–'), { id: 'interval', header: '95%-interval', enableSorting: false }),
            col.accessor(
              (r) =>
                r.v && !r.v.suppressed ? significanceText(significanceWith(r.v, 'nederland'), 'nederland', comparisonWith(r.v, 'nederland')?.difference) : '–',
              {
                id: 'significantie',
                header: `Vergeleken met ${BENCHMARK_IN_SENTENCE.nederland}`,
              },
            ),
            ...(changes
              ? [
                  col.accessor((r) => changes.byCode.get(r.code)?.difference ?? undefined, {
                    id: 'verandering',
                    header: `Verandering t.o.v. ${changes.label}`,
                    cell: (c) => {
                      const ch = changes.byCode.get(c.row.original.code);
                      return ch ? covidText(ch, indicator.unit) : '–';
                    },
                    sortUndefined: 'last',
                  }),
                ]
              : []),
            ...(expected
              ? [
                  col.accessor((r) => expected.get(r.code)?.difference ?? undefined, {
                    id: 'verwacht',
                    header: 't.o.v. verwacht',
                    cell: (c) => {
                      const e = expected.get(c.row.original.code);
                      // Short: beside the value, the interval and the words against Nederland the table still fits 1400 px.
                      return e ? expectedShortText({ ...e, dimension: 'opleiding_ouders' }, true) : '–';
                    },
                    sortUndefined: 'last',
                  }),
                ]
              : []),
          ]
        : []),
      // After the figures: a phone shows the value beside the name first.
      col.accessor('stedelijkheid', {
        header: 'Stedelijkheid',
        cell: (c) => stedelijkheidLabel(c.getValue()),
        sortUndefined: 'last',
      }),
      col.accessor('gka', { header: 'GKA-gemeente', cell: (c) => (c.getValue() ? 'ja' : 'nee') }),
    ],
    [values, indicator, changes, expected],
  );
  return (
    <DataTable
      data={data}
      columns={columns}
      caption={indicator ? `Gemeenten: ${indicator.name} (tabel bij de kaart)` : 'Gemeenten: stedelijkheid en GKA-lidmaatschap (tabel bij de kaart)'}
      initialSort={[{ id: 'name', desc: false }]}
      numeric={['waarde', 'interval', 'verandering', 'verwacht']}
      testId="gemeenten-table"
    />
  );
}
