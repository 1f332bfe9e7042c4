import {
  benchmarkInfo,
  changeVerdict,
  changeVerdictText,
  cohortPhrase,
  covidHeading,
  verdictText,
  type Overview,
  type OverviewCell,
  type OverviewIndicator,
} from '@gka/shared';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { formatDifference, formatInterval, formatValue } from '../../lib/format.ts';
import { comparisonText, covidText } from '../../lib/significance.ts';

/** What a cell was compared with, as the page's choice names it: the regio itself is its pooled row. */
export function benchmarkLabel(d: Pick<Overview, 'benchmark' | 'pooled'>): string {
  return d.benchmark === 'groep' ? d.pooled.name : benchmarkInfo(d.benchmark).label;
}

/**
 * Everything behind one gemeente × indicator cell, as the API decided it: the value and its
 * interval, the benchmark, the difference with its interval and verdict, the change since before
 * COVID, and the source. The same words in the tooltip, the detail panel and a phone's card.
 */
export function CellDetails({
  cell,
  indicator,
  overview,
  withCohort = false,
}: {
  cell: OverviewCell;
  indicator: OverviewIndicator;
  overview: Pick<Overview, 'benchmark' | 'pooled'>;
  /** Where no title names the cohort (a phone's card). */
  withCohort?: boolean;
}) {
  const unit = indicator.unit;
  const shown = !cell.suppressed && cell.value !== null;
  const covid = indicator.covidCohort;
  const change = cell.covidChange;
  return (
    <dl className="cell-details">
      {withCohort && (
        <>
          <dt>Periode</dt>
          <dd>{indicator.cohort.label}</dd>
        </>
      )}
      <dt>Waarde</dt>
      <dd>
        {formatValue(cell, unit)}
        {shown && cell.ciLow !== null && ` (95%-interval ${formatInterval(cell, unit)})`}
      </dd>
      {shown && (
        <>
          <dt>{benchmarkLabel(overview)}</dt>
          <dd>{cell.benchmark === null ? 'geen vergelijkingswaarde' : formatValue({ value: cell.benchmark }, unit)}</dd>
          {cell.benchmark !== null && (
            <>
              <dt>Verschil</dt>
              <dd>
                {comparisonText({ kind: overview.benchmark, difference: cell.difference, significance: cell.significance }, unit)}
                {cell.differenceCiLow !== null &&
                  cell.differenceCiHigh !== null &&
                  ` (95%-interval ${formatDifference(cell.differenceCiLow, unit, true)} tot ${formatDifference(cell.differenceCiHigh, unit, true)})`}
              </dd>
            </>
          )}
          <dt>Oordeel</dt>
          <dd>
            <span className={`verdict verdict--${cell.verdict}`}>{verdictText(cell.verdict, cell.significance, cell.difference)}</span>
          </dd>
        </>
      )}
      {covid && change && (
        <>
          <dt>{covidHeading(covid)}</dt>
          <dd>
            {covidText(change, unit, true, covid)}
            {indicator.reference && ` t.o.v. ${cohortPhrase(indicator.reference)}`}
            {!change.suppressed && change.difference !== null && !covid.rulesChanged && (
              <>
                {' '}
                <span className={`verdict verdict--${changeVerdict(change.significance, indicator.higherIsBetter, covid)}`}>
                  {changeVerdictText(change.significance, indicator.higherIsBetter, covid, change.difference)}
                </span>
              </>
            )}
          </dd>
        </>
      )}
      <dt>Bron</dt>
      <dd>
        {indicator.source} <ProvenanceMark indicator={indicator} />
      </dd>
    </dl>
  );
}
