import { useMemo } from 'react';
import {
  BENCHMARK_IN_SENTENCE,
  LEVEL_PLURALS,
  SIGNIFICANCE_WORDS,
  formatDecimal,
  formatInteger,
  formatPercent,
  type DataLevel,
  type FunnelResponse,
  type Indicator,
} from '@gka/shared';
import { useFunnel } from '../../api/hooks.ts';
import { Chart } from '../chart/Chart.tsx';
import { ChartLegend } from '../chart/ChartLegend.tsx';
import { Select } from '../controls/Select.tsx';
import { ProvenanceMark } from '../ProvenanceMark.tsx';
import { QueryState } from '../status/Status.tsx';
import { TableScroll } from '../table/TableScroll.tsx';
import { formatInterval } from '../../lib/format.ts';
import { funnelLegend, funnelOption } from './funnelOption.ts';

const SINGULAR: Record<DataLevel, string> = { gemeente: 'gemeente', wijk: 'wijk', school: 'school' };
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Props = {
  indicator: Pick<Indicator, 'code' | 'name' | 'unit' | 'higherIsBetter'>;
  cohort: string | undefined;
  level: DataLevel;
  /** The gemeente whose wijken or schools are the points (then also the target); none for gemeenten. */
  parent?: { code: string; name: string };
  /** The area drawn last, larger and labelled; chosen in the chart's own select. */
  highlight?: string;
  onHighlight: (area: string | undefined) => void;
  height?: number;
};

/**
 * A funnel plot of one indicator at a level (docs/methodology.md, "Trechterdiagram"): each area's
 * share against its number of pupils, the target, and the limits within which a difference is
 * ordinary; with the same points as a table for those who cannot see the chart.
 */
export function FunnelChart({ indicator, cohort, level, parent, highlight, onHighlight, height = 380 }: Props) {
  const isShare = indicator.unit === 'percentage';
  const funnel = useFunnel({ indicator: indicator.code, cohort, level, parent: parent?.code }, isShare);
  if (!isShare) {
    return (
      <p className="status status--empty" data-testid="funnel-none">
        Geen trechterdiagram voor {indicator.name}: dat is een gemiddelde, en een gemiddelde heeft geen interval om grenzen uit af te leiden.
      </p>
    );
  }
  return (
    <QueryState
      query={funnel}
      what="het trechterdiagram"
      isEmpty={(d) => d.points.length === 0}
      empty={`Geen gepubliceerde waarden van ${LEVEL_PLURALS[level]} voor dit trechterdiagram.`}
    >
      {(d) => <Funnel funnel={d} indicator={indicator} level={level} parent={parent} highlight={highlight} onHighlight={onHighlight} height={height} />}
    </QueryState>
  );
}

function Funnel({ funnel, indicator, level, parent, highlight, onHighlight, height }: Omit<Props, 'cohort'> & { funnel: FunnelResponse; height: number }) {
  const areasLabel = capital(LEVEL_PLURALS[level]);
  const marked = funnel.points.find((p) => p.area === highlight);
  const option = useMemo(
    () => funnelOption({ funnel, indicatorName: indicator.name, higherIsBetter: indicator.higherIsBetter, areasLabel, highlight: marked?.area }),
    [funnel, indicator, areasLabel, marked],
  );
  const legend = useMemo(
    () => funnelLegend({ funnel, areasLabel, higherIsBetter: indicator.higherIsBetter, highlight: marked?.area }),
    [funnel, areasLabel, indicator.higherIsBetter, marked],
  );
  const targetName = funnel.target.kind === 'gemeente' && parent ? parent.name : BENCHMARK_IN_SENTENCE[funnel.target.kind];
  const byName = useMemo(() => [...funnel.points].sort((a, b) => a.name.localeCompare(b.name, 'nl')), [funnel.points]);
  const { phi, tau2 } = funnel.dispersion;
  return (
    <div className="funnel" data-testid="funnel-chart">
      <p className="hint">
        Elk punt is een {SINGULAR[level]} naar aantal leerlingen; de doorgetrokken lijnen zijn de 95%-grenzen en de gestreepte lijnen de 99,8%-grenzen rond{' '}
        {targetName}, inclusief de gewone spreiding tussen gebieden, zodat een punt buiten de doorgetrokken lijnen significant verschilt.{' '}
        <ProvenanceMark indicator={{ synthetic: funnel.meta.synthetic, source: funnel.meta.indicator.source }} />
      </p>
      {phi !== null && tau2 !== null && tau2 > 0 && (
        <p className="hint" data-testid="funnel-dispersion">
          De {LEVEL_PLURALS[level]} verschillen onderling {formatDecimal(phi)} keer zo veel als toeval alleen zou geven; daarom liggen de grenzen verder uit
          elkaar dan bij toeval alleen.
        </p>
      )}
      {funnel.target.value === null && (
        <p className="status status--empty">De waarde van {targetName} is afgeschermd: zonder die waarde zijn er geen grenzen.</p>
      )}
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Trechterdiagram">
        <Select
          label={`Markeer een ${SINGULAR[level]}`}
          value={marked?.area}
          placeholder="Geen"
          options={byName.map((p) => ({ value: p.area, label: p.name }))}
          onChange={(v) => onHighlight(v || undefined)}
          name="markeer"
        />
      </form>
      <ChartLegend items={legend} label={`Legenda: trechterdiagram ${indicator.name}`} />
      <Chart
        option={option}
        height={height}
        label={`Trechterdiagram: ${indicator.name} per ${SINGULAR[level]} tegen het aantal leerlingen, met de 95%- en 99,8%-grenzen rond ${targetName}${marked ? `; ${marked.name} gemarkeerd` : ''}. Dezelfde gegevens staan in de tabel bij de grafiek.`}
      />
      <details className="chart-table">
        <summary>Tabel bij de grafiek</summary>
        <TableScroll label={`Trechterdiagram ${indicator.name}: tabel bij de grafiek`}>
          <table className="data-table" data-testid="funnel-table">
            <caption>
              {indicator.name} per {SINGULAR[level]}, vergeleken met {targetName}
              {funnel.target.value !== null ? ` (${formatPercent(funnel.target.value)})` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{capital(SINGULAR[level])}</th>
                <th scope="col" className="num">
                  Leerlingen
                </th>
                <th scope="col" className="num">
                  {indicator.name}
                </th>
                <th scope="col" className="num">
                  95%-interval
                </th>
                <th scope="col">Vergeleken met {targetName}</th>
              </tr>
            </thead>
            <tbody>
              {funnel.points.map((p) => (
                // The exact numbers beside the rounded ones, so a test can hold the table to /values.
                <tr key={p.area} data-area={p.area} data-n={p.n} data-value={p.value} aria-current={p.area === marked?.area ? 'true' : undefined}>
                  <th scope="row">{p.area === marked?.area ? <strong>{p.name}</strong> : p.name}</th>
                  <td className="num">{formatInteger(p.n)}</td>
                  <td className="num">{formatPercent(p.value)}</td>
                  <td className="num">{formatInterval(p)}</td>
                  <td>{SIGNIFICANCE_WORDS[p.significance]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </div>
  );
}
