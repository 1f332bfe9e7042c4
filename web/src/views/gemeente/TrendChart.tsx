import { useMemo } from 'react';
import { formatDecimal, formatPercent, type Cohort, type ProfileIndicator } from '@gka/shared';
import { Chart } from '../../components/chart/Chart.tsx';
import type { ChartOption } from '../../components/chart/echarts.ts';
import { CovidNote } from '../../components/CovidNote.tsx';
import { cohortLabel, shortCohortLabel } from '../../components/controls/options.ts';

const GEMEENTE_COLOUR = '#08519c';
const NEDERLAND_COLOUR = '#636363';

/** The trend over cohorts for the gemeente and Nederland, COVID cohorts marked and explained. */
export function TrendChart({
  profile,
  gemeente,
  cohorts,
  height = 300,
  showTable = true,
}: {
  profile: ProfileIndicator;
  gemeente: string;
  cohorts: Cohort[];
  height?: number;
  showTable?: boolean;
}) {
  const byCode = new Map(cohorts.map((c) => [c.code, c]));
  // Every cohort in the trend's span, so a cohort without values (the COVID year of an indicator
  // that could not be measured) shows as a gap, marked and explained, not as a missing tick.
  const codes = cohorts.map((c) => c.code);
  const present = profile.trend.map((t) => codes.indexOf(t.cohort)).filter((i) => i >= 0);
  const byTrend = new Map(profile.trend.map((t) => [t.cohort, t]));
  const points = present.length
    ? codes.slice(Math.min(...present), Math.max(...present) + 1).map((c) => byTrend.get(c) ?? { cohort: c, value: null, nederland: null })
    : profile.trend;
  const shown = points.map((p) => byCode.get(p.cohort)).filter((c): c is Cohort => !!c);
  const f = profile.indicator.unit === 'percentage' ? formatPercent : formatDecimal;
  const label = (code: string) => {
    const c = byCode.get(code);
    return c ? shortCohortLabel(c) : code;
  };

  const option = useMemo<ChartOption>(() => {
    const covid = points.filter((p) => byCode.get(p.cohort)?.covid).map((p) => label(p.cohort));
    return {
      grid: { left: 56, right: 24, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => f(v as number) },
      xAxis: { type: 'category', data: points.map((p) => label(p.cohort)), boundaryGap: true },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => f(v) }, scale: profile.indicator.unit !== 'percentage' },
      series: [
        {
          name: gemeente,
          type: 'line',
          data: points.map((p) => p.value),
          color: GEMEENTE_COLOUR,
          lineStyle: { width: 3 },
          symbolSize: 8,
          markLine: covid.length
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { color: '#b35806', type: 'dashed', width: 2 },
                label: { formatter: 'COVID-cohort', color: '#7f3b08', position: 'end' },
                data: covid.map((c) => ({ xAxis: c })),
              }
            : undefined,
        },
        { name: 'Nederland', type: 'line', data: points.map((p) => p.nederland), color: NEDERLAND_COLOUR, lineStyle: { type: 'dashed', width: 2 }, symbol: 'diamond', symbolSize: 8 },
      ],
    };
  }, [profile, gemeente, cohorts]);

  if (points.length === 0) return <p className="status status--empty">Nog geen trend: er zijn geen cohorten met waarden.</p>;
  return (
    <div className="trend" data-testid="trend-chart">
      <Chart option={option} height={height} label={`Lijndiagram: ${profile.indicator.name} per cohort voor ${gemeente} en Nederland`} />
      <CovidNote cohorts={shown} />
      {showTable && (
        <details className="chart-table">
          <summary>Tabel bij de grafiek</summary>
          <table className="data-table">
            <caption>
              {profile.indicator.name} per cohort
            </caption>
            <thead>
              <tr>
                <th scope="col">Cohort</th>
                <th scope="col" className="num">{gemeente}</th>
                <th scope="col" className="num">Nederland</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => {
                const c = byCode.get(p.cohort);
                return (
                  <tr key={p.cohort}>
                    <th scope="row">{c ? cohortLabel(c) : p.cohort}</th>
                    <td className="num">{p.value === null ? 'niet beschikbaar' : f(p.value)}</td>
                    <td className="num">{p.nederland === null ? 'niet beschikbaar' : f(p.nederland)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
