import {
  BENCHMARK_INFO,
  BENCHMARK_IN_SENTENCE,
  formatterFor,
  shortCohortLabel,
  verdictText,
  type CompareRow,
  type Indicator,
  type IndicatorCohort,
} from '@gka/shared';
import { useCompares } from '../../api/hooks.ts';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { ErrorMessage, Loading } from '../../components/status/Status.tsx';
import { TableScroll } from '../../components/table/TableScroll.tsx';
import { formatDifference, formatInterval, formatValue } from '../../lib/format.ts';
import { compareVerdict } from './comparisonOption.ts';

/** The wijk against one benchmark: the benchmark's value, and the verdict in colour and word with the difference. */
function Against({ row, kind, indicator }: { row: CompareRow; kind: 'gemeente' | 'nederland'; indicator: Indicator }) {
  const c = row.comparisons.find((x) => x.kind === kind);
  if (!c) return <td>–</td>;
  const verdict = compareVerdict(row, kind, indicator.higherIsBetter);
  return (
    <td>
      {formatterFor(indicator.unit)(c.benchmark)}{' '}
      {!row.suppressed && (
        <span className={`verdict verdict--${verdict}`}>
          {verdictText(verdict, c.significance, c.difference)}
          {c.difference !== null && <small> ({formatDifference(c.difference, indicator.unit, true)})</small>}
        </span>
      )}
    </td>
  );
}

/**
 * One wijk on every indicator with wijk figures: its value with its interval, beside its own
 * gemeente and Nederland, each difference in colour and word. Where a link from a wijk leads.
 */
export function WijkProfile({
  wijk,
  indicators,
  cohortOf,
  gemeenteName,
}: {
  wijk: { code: string; name: string };
  indicators: Indicator[];
  cohortOf: (i: Indicator) => IndicatorCohort | undefined;
  gemeenteName: string;
}) {
  const compares = useCompares(indicators.map((i) => ({ indicator: i.code, cohort: cohortOf(i)?.code ?? '', areas: [wijk.code] })));
  if (compares.error) return <ErrorMessage error={compares.error} retry={compares.retry} />;
  if (compares.isLoading) return <Loading what={`de cijfers van ${wijk.name}`} />;
  return (
    <TableScroll label={`${wijk.name}: alle indicatoren`}>
      <table className="data-table wijk-profile" data-testid="wijk-profile">
        <caption>
          {wijk.name} op elke indicator met wijkcijfers, vergeleken met {gemeenteName} en {BENCHMARK_IN_SENTENCE.nederland} (significant: buiten het
          95%-interval)
        </caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col" className="num">
              {wijk.name}
            </th>
            <th scope="col">{gemeenteName}</th>
            <th scope="col">{BENCHMARK_INFO.nederland.short}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator, n) => {
            const row = compares.data[n]?.data.find((r) => r.area === wijk.code);
            const cohort = cohortOf(indicator);
            return (
              <tr key={indicator.code}>
                <th scope="row">
                  {indicator.name}
                  {cohort && <small> ({shortCohortLabel(cohort)})</small>} <ProvenanceMark indicator={indicator} />
                </th>
                {row ? (
                  <>
                    <td className="num">
                      {formatValue(row, indicator.unit)}
                      {row.ciLow !== null && <small> ({formatInterval(row, indicator.unit)})</small>}
                    </td>
                    <Against row={row} kind="gemeente" indicator={indicator} />
                    <Against row={row} kind="nederland" indicator={indicator} />
                  </>
                ) : (
                  <td colSpan={3}>geen gegevens</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
