import { BENCHMARK_IN_SENTENCE, VERDICTS, shortCohortLabel, verdictShortText, type CompareRow, type Indicator, type IndicatorCohort } from '@gka/shared';
import { useCompares } from '../../api/hooks.ts';
import { ErrorMessage, Loading } from '../../components/status/Status.tsx';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { TableScroll } from '../../components/table/TableScroll.tsx';
import { formatValue } from '../../lib/format.ts';
import { compareVerdict } from './comparisonOption.ts';

export type HeatmapBenchmark = 'gemeente' | 'gemeenten';

/** What each benchmark is, in the words the page uses to explain it. */
export function benchmarkExplanation(kind: HeatmapBenchmark, gemeenteName: string): string {
  return kind === 'gemeente'
    ? `Elke wijk tegenover ${gemeenteName} als geheel: is de wijk significant gunstiger of ongunstiger dan haar gemeente? De wijk telt in de gemeente zelf mee, dus toetst het dashboard haar tegen de rest van de gemeente.`
    : `Elke wijk tegenover ${BENCHMARK_IN_SENTENCE.gemeenten}: het ongewogen gemiddelde van alle gemeentewaarden van Nederland, waarin een kleine gemeente even zwaar telt als Amsterdam. Het heeft geen interval, dus alleen het interval van de wijk telt.`;
}

/** One cell: the value and, against the benchmark, a colour and a word (never colour alone). */
function HeatCell({ row, indicator, against }: { row: CompareRow | undefined; indicator: Indicator; against: HeatmapBenchmark }) {
  if (!row) return <td className="heat heat--onbekend">–</td>;
  const verdict = compareVerdict(row, against, indicator.higherIsBetter);
  const word = verdictShortText(verdict, row.comparisons.find((x) => x.kind === against)?.significance ?? 'onbekend');
  return (
    <td className={`heat heat--${verdict}`}>
      {formatValue(row, indicator.unit)}
      {word && <small>{verdict === 'geen_verschil' ? <abbr title={VERDICTS.geen_verschil.label}>{word}</abbr> : word}</small>}
    </td>
  );
}

/**
 * All chosen indicators for all chosen wijken in one table: a wijk per row, an indicator per
 * column, each cell coloured and worded by its significance against the benchmark, the direction
 * taken from the indicator (neutral ones only say higher or lower, uncoloured).
 */
export function WijkHeatmap({
  indicators,
  cohortOf,
  wijken,
  gemeenteName,
  against,
  focus,
}: {
  indicators: Indicator[];
  cohortOf: (i: Indicator) => IndicatorCohort | undefined;
  wijken: { code: string; name: string }[];
  gemeenteName: string;
  against: HeatmapBenchmark;
  /** The wijk the page is about: its row marked. */
  focus?: string;
}) {
  const compares = useCompares(indicators.map((i) => ({ indicator: i.code, cohort: cohortOf(i)?.code ?? '', areas: wijken.map((w) => w.code) })));
  if (compares.error) return <ErrorMessage error={compares.error} retry={compares.retry} />;
  if (compares.isLoading) return <Loading what="het overzicht van de wijken" />;
  const rows = compares.data.map((d) => new Map((d?.data ?? []).map((r) => [r.area, r])));
  const against_ = against === 'gemeente' ? gemeenteName : BENCHMARK_IN_SENTENCE.gemeenten;
  return (
    <TableScroll label={`Overzicht: ${wijken.length} wijken × ${indicators.length} indicatoren`}>
      {/* Columns of at most 7.5rem beside the names, so a few indicators do not stretch over the page, and at least
          5.5rem, so on a phone the table scrolls in its box rather than squeezing words letter by letter. */}
      <table
        className="heatmap"
        data-testid="heatmap"
        style={{ width: `min(100%, ${13 + 7.5 * indicators.length}rem)`, minWidth: `${9 + 5.5 * indicators.length}rem` }}
      >
        <caption>
          Wijken × indicatoren, vergeleken met {against_}: <span className="heat heat--gunstig">{VERDICTS.gunstig.short}</span>,{' '}
          <span className="heat heat--ongunstig">{VERDICTS.ongunstig.short}</span> of{' '}
          <span className="heat heat--geen_verschil">{VERDICTS.geen_verschil.short}</span> ({VERDICTS.geen_verschil.label}, 95%).
        </caption>
        <thead>
          <tr>
            <th scope="col">Wijk</th>
            {indicators.map((i) => {
              const cohort = cohortOf(i);
              return (
                <th scope="col" key={i.code}>
                  {i.name}
                  {cohort && <small>{shortCohortLabel(cohort)}</small>}
                  <ProvenanceMark indicator={i} />
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {wijken.map((w) => (
            <tr key={w.code} className={w.code === focus ? 'heatmap__focus' : undefined} aria-current={w.code === focus ? 'true' : undefined}>
              <th scope="row">{w.name}</th>
              {indicators.map((i, n) => (
                <HeatCell key={i.code} row={rows[n]?.get(w.code)} indicator={i} against={against} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
