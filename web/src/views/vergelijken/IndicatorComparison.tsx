import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { formatDecimal, formatPercent, type CompareRow, type IndicatorCohort, type Indicator, disclosureSentence } from '@gka/shared';
import { useCompare } from '../../api/hooks.ts';
import { Chart } from '../../components/chart/Chart.tsx';
import type { ChartOption } from '../../components/chart/echarts.ts';
import { CovidNote } from '../../components/CovidNote.tsx';
import { cohortLabel } from '../../components/controls/options.ts';
import { DataTable } from '../../components/table/DataTable.tsx';
import { QueryState } from '../../components/status/Status.tsx';
import { SUPPRESSED_TEXT, formatInterval, formatValue } from '../../lib/format.ts';
import { comparisonText } from '../../lib/significance.ts';

const col = createColumnHelper<CompareRow>();

function comparisonCell(row: CompareRow, kind: 'gemeenten' | 'gemeente', unit: Indicator['unit']): string {
  const c = row.comparisons.find((x) => x.kind === kind);
  return row.suppressed ? '–' : c ? comparisonText(c, unit) : '–';
}

/** One indicator: wijken as ranked bars with the benchmarks as lines, and the same in a table. */
export function IndicatorComparison({
  indicator,
  cohort,
  wijken,
  gemeenteName,
}: {
  indicator: Indicator;
  cohort: IndicatorCohort | undefined;
  wijken: string[];
  gemeenteName: string;
}) {
  const query = useCompare({ indicator: indicator.code, cohort: cohort?.code ?? '', areas: wijken });
  const f = indicator.unit === 'percentage' ? formatPercent : formatDecimal;

  const columns = useMemo(
    () => [
      col.accessor('name', { header: 'Wijk' }),
      col.accessor((r) => r.value ?? undefined, {
        id: 'waarde',
        header: indicator.name,
        cell: (c) => formatValue(c.row.original, indicator.unit),
        sortUndefined: 'last',
      }),
      col.accessor((r) => formatInterval(r, indicator.unit), { id: 'interval', header: '95%-interval', enableSorting: false }),
      col.accessor((r) => comparisonCell(r, 'gemeenten', indicator.unit), { id: 'gemeenten', header: 'Vergeleken met het gemiddelde van de gemeenten' }),
      col.accessor((r) => comparisonCell(r, 'gemeente', indicator.unit), { id: 'gemeente', header: `Vergeleken met ${gemeenteName}` }),
    ],
    [indicator, gemeenteName],
  );

  return (
    <section className="comparison" aria-labelledby={`cmp-${indicator.code}`} data-testid="comparison">
      <h2 id={`cmp-${indicator.code}`}>
        {indicator.name} <span className="subtle">({cohort ? cohortLabel(cohort) : '–'})</span>
      </h2>
      {cohort && <CovidNote cohorts={[cohort]} />}
      {!cohort ? (
        <p className="status status--empty">Voor deze indicator zijn nog geen cijfers geladen.</p>
      ) : (
        <QueryState query={query} what={indicator.name} isEmpty={(d) => d.data.length === 0} empty="Geen cijfers voor deze wijken.">
          {(d) => {
            const ranked = [...d.data].sort((a, b) => (a.value ?? -Infinity) - (b.value ?? -Infinity));
            const bench = (kind: string) => d.benchmarks.find((b) => b.kind === kind && b.group === 'totaal') ?? d.benchmarks.find((b) => b.kind === kind);
            const gemiddelde = bench('gemeenten');
            const eigen = bench('gemeente');
            // Two vertical benchmark lines; their labels sit at different heights so they never overlap.
            const lines = [
              gemiddelde?.value != null && { name: 'Gemiddelde gemeenten', xAxis: gemiddelde.value, colour: '#525252', distance: 4 },
              eigen?.value != null && { name: gemeenteName, xAxis: eigen.value, colour: '#a04a00', distance: 20 },
            ].filter((x): x is { name: string; xAxis: number; colour: string; distance: number } => !!x);
            const option: ChartOption = {
              grid: { left: 8, right: 56, top: 48, bottom: 24, containLabel: true },
              tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v == null ? SUPPRESSED_TEXT : f(v as number)) },
              // Averages (eindtoets 501–550) would be flat bars from zero: let the axis fit the data.
              xAxis: { type: 'value', scale: indicator.unit !== 'percentage', axisLabel: { formatter: (v: number) => f(v) } },
              yAxis: { type: 'category', data: ranked.map((r) => r.name), axisLabel: { width: 160, overflow: 'truncate' } },
              series: [
                {
                  type: 'bar',
                  name: indicator.name,
                  data: ranked.map((r) => r.value),
                  color: '#3182bd',
                  label: { show: true, position: 'right', formatter: (p) => (p.value == null ? SUPPRESSED_TEXT : f(p.value as number)) },
                  markLine: {
                    silent: true,
                    symbol: 'none',
                    data: lines.map((l) => ({
                      name: l.name,
                      xAxis: l.xAxis,
                      lineStyle: { color: l.colour, type: 'dashed', width: 2 },
                      label: { formatter: `${l.name}: ${f(l.xAxis)}`, color: l.colour, position: 'end', distance: l.distance },
                    })),
                  },
                },
              ],
            };
            return (
              <>
                <p className="hint">
                  Gemiddelde van de gemeenten: {f(gemiddelde?.value)} · {gemeenteName}: {f(eigen?.value)}. Gestippelde lijnen in de grafiek.{' '}
                  {disclosureSentence(d.meta.minCell)}
                </p>
                <Chart
                  option={option}
                  height={Math.max(180, 60 + ranked.length * 26)}
                  label={`Staafdiagram: wijken gerangschikt op ${indicator.name}; de tabel eronder bevat dezelfde cijfers`}
                />
                <DataTable
                  data={d.data}
                  columns={columns}
                  caption={`${indicator.name} per wijk`}
                  initialSort={[{ id: 'waarde', desc: true }]}
                  numeric={['waarde', 'interval']}
                  testId="compare-table"
                />
              </>
            );
          }}
        </QueryState>
      )}
    </section>
  );
}
