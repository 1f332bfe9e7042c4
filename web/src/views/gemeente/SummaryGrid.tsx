import {
  BENCHMARK_INFO,
  VERDICTS,
  changeVerdict,
  isToetsIndicator,
  shortCohortLabel,
  verdictOf,
  verdictText,
  type BenchmarkKind,
  type ProfileIndicator,
} from '@gka/shared';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { TableScroll } from '../../components/table/TableScroll.tsx';
import { formatDifference, formatValue } from '../../lib/format.ts';
import { covidText } from '../../lib/significance.ts';

/** The benchmarks of the grid, in the order of the page's cards; a group only when one is chosen. */
export const SUMMARY_BENCHMARKS: { kind: BenchmarkKind; label: string }[] = (['nederland', 'stedelijkheid', 'gka', 'groep'] as const).map((kind) => ({
  kind,
  label: BENCHMARK_INFO[kind].short,
}));

/**
 * The gemeente at a glance: an indicator per row, a benchmark per column, each cell coloured and
 * worded (gunstig, ongunstig, geen significant verschil; neutral indicators only higher or lower),
 * and the change since before COVID. The cards below explain each cell in sentences.
 */
export function SummaryGrid({ indicators, groupName }: { indicators: ProfileIndicator[]; groupName?: string }) {
  const kinds = SUMMARY_BENCHMARKS.filter((b) => b.kind !== 'groep' || groupName);
  // The toetsen together under a heading of their own: each its own scale, never one figure.
  const others = indicators.filter((p) => !isToetsIndicator(p.indicator.code));
  const toetsen = indicators.filter((p) => isToetsIndicator(p.indicator.code));
  const row = (p: ProfileIndicator) => (
    <tr key={p.indicator.code}>
      <th scope="row">
        {p.indicator.name}
        <small>{p.cohort.label}</small>
        {/* Real and synthetic figures side by side (DUO next to demodata): each row says which it shows. */}
        <ProvenanceMark indicator={p.indicator} />
      </th>
      <td className="summary-grid__value">{p.value ? formatValue(p.value, p.indicator.unit) : '–'}</td>
      {kinds.map((b) => {
        const c = p.comparisons.find((x) => x.kind === b.kind);
        if (!c || !p.value || p.value.suppressed) return <td key={b.kind}>–</td>;
        const verdict = verdictOf(c.significance, p.indicator.higherIsBetter);
        return (
          <td key={b.kind}>
            <span className={`verdict verdict--${verdict}`}>
              {verdictText(verdict, c.significance, c.difference)}
              {c.difference !== null && <small> ({formatDifference(c.difference, p.indicator.unit, true)})</small>}
            </span>
          </td>
        );
      })}
      <td>
        {p.covidChange ? (
          <span
            className={`verdict verdict--${p.covidChange.suppressed ? 'onbekend' : changeVerdict(p.covidChange.significance, p.indicator.higherIsBetter, p.covidChange.cohort)}`}
          >
            {covidText(p.covidChange, p.indicator.unit, true, p.covidChange.cohort)}
            <small> ({shortCohortLabel(p.covidChange.cohort)})</small>
          </span>
        ) : (
          '–'
        )}
      </td>
    </tr>
  );
  return (
    <TableScroll label="Overzicht van de kerncijfers">
      <table className="summary-grid" data-testid="summary-grid">
        <caption>
          Elke indicator tegenover elke vergelijking, met kleur én woord: <span className="verdict verdict--gunstig">{VERDICTS.gunstig.label}</span>,{' '}
          <span className="verdict verdict--ongunstig">{VERDICTS.ongunstig.label}</span> of{' '}
          <span className="verdict verdict--geen_verschil">{VERDICTS.geen_verschil.label}</span> (95%).
        </caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Waarde</th>
            {kinds.map((b) => (
              <th scope="col" key={b.kind}>
                {b.kind === 'groep' ? groupName : b.label}
              </th>
            ))}
            <th scope="col">COVID-cohort t.o.v. vóór COVID</th>
          </tr>
        </thead>
        <tbody>{others.map(row)}</tbody>
        {toetsen.length > 0 && (
          <tbody>
            <tr className="summary-grid__group">
              <th scope="rowgroup" colSpan={kinds.length + 3}>
                <span>Eind- en doorstroomtoetsen: elk op een eigen schaal en door scholen zelf gekozen, dus niet onderling te vergelijken</span>
              </th>
            </tr>
            {toetsen.map(row)}
          </tbody>
        )}
      </table>
    </TableScroll>
  );
}
