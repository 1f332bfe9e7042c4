import { useMemo } from 'react';
import { COHORT_KINDS, cohortKind, cohortPhrase, type ProfileIndicator, formatterFor } from '@gka/shared';
import { Chart } from '../../components/chart/Chart.tsx';
import { ChartLegend } from '../../components/chart/ChartLegend.tsx';
import { CovidNote } from '../../components/CovidNote.tsx';
import { cohortLabel } from '../../components/controls/options.ts';
import { TableScroll } from '../../components/table/TableScroll.tsx';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { formatInterval, formatValue } from '../../lib/format.ts';
import { benchmarkName, covidBand, figureCohorts, hasTrend, interventionMarks, scaleNote, trendBenchmarks, trendLegend, trendOption } from './trendOption.ts';

type Props = {
  profile: Pick<ProfileIndicator, 'trend' | 'indicator'>;
  /** The area the trend is of: a gemeente, or a school. */
  gemeente: string;
  /** A school's own gemeente, named beside its benchmark line. */
  ownGemeente?: string;
  height?: number;
  showTable?: boolean;
  /** Interventies from the dossier aimed at this indicator, drawn where they start (signed in only). */
  interventies?: readonly { naam: string; start: string }[];
};

/**
 * The trend of one indicator over its own cohorts: the gemeente with its 95% interval, the
 * benchmarks, and the cohorts COVID touched for this indicator, shaded and explained. With a value
 * in fewer than two cohorts there is no trend to draw: then the figures with their benchmarks.
 */
export function TrendChart(props: Props) {
  const { trend } = props.profile;
  if (trend.length === 0) return <p className="status status--empty">Nog geen trend: er zijn geen cohorten met waarden.</p>;
  return hasTrend(trend) ? <TrendLines {...props} /> : <Figures {...props} />;
}

function TrendLines({ profile, gemeente, ownGemeente, height = 300, showTable = true, interventies }: Props) {
  const { trend, indicator } = profile;
  const unit = indicator.unit;
  const marks = useMemo(() => interventionMarks(trend, interventies ?? []), [trend, interventies]);
  const option = useMemo(() => trendOption({ trend, unit, area: gemeente, ownGemeente, marks }), [trend, unit, gemeente, ownGemeente, marks]);
  const legend = useMemo(() => trendLegend({ trend, area: gemeente, ownGemeente }), [trend, gemeente, ownGemeente]);
  const lines = trendBenchmarks(trend);
  const f = formatterFor(unit);
  // A trend is of one kind of cohort: its first says which (and hasTrend saw at least two).
  const kind = COHORT_KINDS[trend[0] ? cohortKind(trend[0].cohort) : 'cohort'];
  return (
    <div
      className="trend"
      data-testid="trend-chart"
      data-covid-band={covidBand(trend)
        .map(([a, b]) => (a === b ? a : `${a} t/m ${b}`))
        .join(', ')}
    >
      <ChartLegend items={legend} label={`Legenda: ${indicator.name}`} />
      <Chart
        option={option}
        height={height}
        label={`Lijndiagram: ${indicator.name} per cohort voor ${gemeente} met 95%-interval, ${lines.map((b) => benchmarkName(b.kind, ownGemeente)).join(', ')}${marks.length ? `; interventies vanaf: ${marks.map((m) => `${m.naam} (${trend[m.index]?.cohort.label ?? ''})`).join(', ')}` : ''}`}
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
                {indicator.name} per {kind.label.toLowerCase()}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{kind.label}</th>
                  <th scope="col" className="num">
                    {gemeente}
                  </th>
                  <th scope="col">95%-interval</th>
                  {lines.map((b) => (
                    <th key={b.kind} scope="col" className="num">
                      {benchmarkName(b.kind, ownGemeente)}
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

/**
 * Figures of fewer than two cohorts: no line through one point on an axis of its own, but the value
 * (with its interval) above each benchmark's value, cohort by cohort.
 */
function Figures({ profile, gemeente, ownGemeente }: Props) {
  const { trend, indicator } = profile;
  const unit = indicator.unit;
  const f = formatterFor(unit);
  const shown = figureCohorts(trend);
  // A school's own gemeente first: beside one figure it is the comparison read first.
  const lines = trendBenchmarks(shown).sort((a, b) => Number(b.kind === 'gemeente') - Number(a.kind === 'gemeente'));
  const years = shown.map((p) => cohortPhrase(p.cohort)).join(' en ');
  return (
    <div className="trend" data-testid="trend-figures">
      <p className="hint">
        <ProvenanceMark indicator={indicator} /> Alleen {years || 'geen enkel cohort'} {shown.length === 1 ? 'heeft' : 'hebben'} cijfers
        {shown.length > 0 && ` van ${gemeente}`}: te weinig voor een trend, dus hier de cijfers naast de vergelijkingen.
      </p>
      <CovidNote cohorts={shown.map((p) => p.cohort)} />
      {shown.length > 0 && (
        <TableScroll label={`${indicator.name}: cijfers`}>
          <table className="data-table figures-table" data-testid="figures-table">
            <caption>
              {indicator.name}, {years}
            </caption>
            <thead>
              <tr>
                <th scope="col">Gebied</th>
                {shown.map((p) => (
                  <th key={p.cohort.code} scope="col" className="num">
                    {cohortLabel(p.cohort)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="figures-table__own">
                <th scope="row">{gemeente}</th>
                {shown.map((p) => (
                  <td key={p.cohort.code} className="num">
                    {formatValue(p, unit)}
                    {p.ciLow !== null && <small> ({formatInterval(p, unit)})</small>}
                  </td>
                ))}
              </tr>
              {lines.map((b) => (
                <tr key={b.kind}>
                  <th scope="row">{benchmarkName(b.kind, ownGemeente)}</th>
                  {shown.map((p) => (
                    <td key={p.cohort.code} className="num">
                      {f(p.benchmarks.find((x) => x.kind === b.kind)?.value ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
