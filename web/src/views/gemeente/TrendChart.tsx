import { useMemo } from 'react';
import { BENCHMARK_LABELS, type ProfileIndicator, formatterFor } from '@gka/shared';
import { Chart } from '../../components/chart/Chart.tsx';
import { CovidNote } from '../../components/CovidNote.tsx';
import { cohortLabel } from '../../components/controls/options.ts';
import { TableScroll } from '../../components/table/TableScroll.tsx';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { formatInterval, formatValue } from '../../lib/format.ts';
import { covidBand, scaleNote, trendBenchmarks, trendOption } from './trendOption.ts';

/**
 * The trend of one indicator over its own cohorts: the gemeente with its 95% interval, the
 * benchmarks, and the cohorts COVID touched for this indicator, shaded and explained.
 */
export function TrendChart({
  profile,
  gemeente,
  height = 300,
  showTable = true,
}: {
  profile: Pick<ProfileIndicator, 'trend' | 'indicator'>;
  gemeente: string;
  height?: number;
  showTable?: boolean;
}) {
  const { trend, indicator } = profile;
  const unit = indicator.unit;
  const option = useMemo(() => trendOption({ trend, unit, area: gemeente }), [trend, unit, gemeente]);
  const lines = trendBenchmarks(trend);
  const f = formatterFor(unit);

  if (trend.length === 0) return <p className="status status--empty">Nog geen trend: er zijn geen cohorten met waarden.</p>;
  const perSchoolYear = trend[0]!.cohort.label.startsWith('Schooljaar');
  return (
    <div
      className="trend"
      data-testid="trend-chart"
      data-covid-band={covidBand(trend)
        .map(([a, b]) => (a === b ? a : `${a} t/m ${b}`))
        .join(', ')}
    >
      <Chart
        option={option}
        height={height}
        label={`Lijndiagram: ${indicator.name} per cohort voor ${gemeente} met 95%-interval, ${lines.map((b) => BENCHMARK_LABELS[b.kind]).join(', ')}`}
      />
      <p className="hint" data-testid="trend-scale">
        <ProvenanceMark indicator={indicator} /> {scaleNote(trend, unit)}{' '}
        {trend.some((p) => p.cohort.covid) && 'Het gearceerde deel markeert de cohorten waarin COVID een rol speelde.'}
      </p>
      <CovidNote cohorts={trend.map((p) => p.cohort)} />
      {showTable && (
        <details className="chart-table">
          <summary>Tabel bij de grafiek</summary>
          <TableScroll label={`${indicator.name}: tabel bij de grafiek`}>
            <table className="data-table" data-testid="trend-table">
              <caption>
                {indicator.name} per {perSchoolYear ? 'schooljaar' : 'cohort'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{perSchoolYear ? 'Schooljaar' : 'Cohort'}</th>
                  <th scope="col" className="num">
                    {gemeente}
                  </th>
                  <th scope="col">95%-interval</th>
                  {lines.map((b) => (
                    <th key={b.kind} scope="col" className="num">
                      {BENCHMARK_LABELS[b.kind]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {trend.map((p) => (
                  <tr key={p.cohort.code}>
                    <th scope="row">{cohortLabel(p.cohort)}</th>
                    <td className="num">{formatValue(p, unit)}</td>
                    <td>{formatInterval(p, unit)}</td>
                    {lines.map((b) => (
                      <td key={b.kind} className="num">
                        {f(p.benchmarks.find((x) => x.kind === b.kind)?.value ?? null)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      )}
    </div>
  );
}
