import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import {
  BENCHMARK_IN_SENTENCE,
  BENCHMARK_LABELS,
  VERDICTS,
  type CompareRow,
  type IndicatorCohort,
  type Indicator,
  disclosureSentence,
  formatterFor,
} from '@gka/shared';
import { useCompare } from '../../api/hooks.ts';
import { Chart } from '../../components/chart/Chart.tsx';
import { CovidNote } from '../../components/CovidNote.tsx';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { cohortLabel } from '../../components/controls/options.ts';
import { DataTable } from '../../components/table/DataTable.tsx';
import { QueryState } from '../../components/status/Status.tsx';
import { formatInterval, formatValue } from '../../lib/format.ts';
import { usePhone } from '../../lib/phone.ts';
import { comparisonText } from '../../lib/significance.ts';
import { benchmarkOf, comparisonOption } from './comparisonOption.ts';

const col = createColumnHelper<CompareRow>();

/** What the colours of the bars mean: 'groen gunstig, roze ongunstig, grijs geen significant verschil'. */
const BAR_COLOURS = (['gunstig', 'ongunstig', 'geen_verschil'] as const).map((v) => `${VERDICTS[v].colourWord} ${VERDICTS[v].label}`).join(', ');

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
  highlight,
}: {
  indicator: Indicator;
  cohort: IndicatorCohort | undefined;
  wijken: string[];
  gemeenteName: string;
  /** The wijk the page is about: singled out in the chart. */
  highlight?: string;
}) {
  const phone = usePhone();
  const query = useCompare({ indicator: indicator.code, cohort: cohort?.code ?? '', areas: wijken });
  const f = formatterFor(indicator.unit);

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
      col.accessor((r) => comparisonCell(r, 'gemeenten', indicator.unit), { id: 'gemeenten', header: `Vergeleken met ${BENCHMARK_IN_SENTENCE.gemeenten}` }),
      col.accessor((r) => comparisonCell(r, 'gemeente', indicator.unit), { id: 'gemeente', header: `Vergeleken met ${gemeenteName}` }),
    ],
    [indicator, gemeenteName],
  );

  return (
    <section className="comparison" aria-labelledby={`cmp-${indicator.code}`} data-testid="comparison">
      <h3 id={`cmp-${indicator.code}`}>
        {indicator.name} <span className="subtle">({cohort ? cohortLabel(cohort) : '–'})</span> <ProvenanceMark indicator={indicator} />
      </h3>
      {cohort && <CovidNote cohorts={[cohort]} />}
      {!cohort ? (
        <p className="status status--empty">Voor deze indicator zijn nog geen cijfers geladen.</p>
      ) : (
        <QueryState query={query} what={indicator.name} isEmpty={(d) => d.data.length === 0} empty="Geen cijfers voor deze wijken.">
          {(d) => {
            const gemiddelde = benchmarkOf(d.benchmarks, 'gemeenten');
            const eigen = benchmarkOf(d.benchmarks, 'gemeente');
            const option = comparisonOption({
              rows: d.data,
              benchmarks: d.benchmarks,
              unit: indicator.unit,
              indicatorName: indicator.name,
              gemeenteName,
              higherIsBetter: indicator.higherIsBetter,
              highlight,
              labelWidth: phone ? 110 : 190,
            });
            return (
              <>
                <p className="hint">
                  {BENCHMARK_LABELS.gemeenten}: {f(gemiddelde?.value)} · {gemeenteName}: {f(eigen?.value)}. Gestippelde lijnen in de grafiek. Kleur van de
                  staaf: {indicator.higherIsBetter === null ? `${VERDICTS.neutraal.colourWord} (neutrale indicator)` : BAR_COLOURS} tegenover {gemeenteName}; de
                  zwarte streep is het 95%-interval. {disclosureSentence(d.meta.minCell)}
                </p>
                <Chart
                  option={option}
                  height={Math.max(180, 60 + d.data.length * 32)}
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
