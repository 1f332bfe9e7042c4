import { covidHeading, type ProfileIndicator, formatterFor } from '@gka/shared';
import { cohortLabel } from '../../components/controls/options.ts';
import { formatValue } from '../../lib/format.ts';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { comparisonText, covidText } from '../../lib/significance.ts';

const KPI_BENCHMARKS = ['nederland', 'stedelijkheid', 'gka'] as const;

/**
 * One card per indicator: the gemeente's value and, in words, how it compares with the benchmarks;
 * for whoever may open the dossier also the duiding of each indicator.
 */
export function KpiCards({ indicators, duidingen }: { indicators: ProfileIndicator[]; duidingen?: Map<string, string[]> }) {
  return (
    <ul className="kpi-grid" data-testid="kpi-cards">
      {indicators.map((p) => {
        const f = formatterFor(p.indicator.unit);
        return (
          <li key={p.indicator.code} className="kpi">
            <h3 className="kpi__title">{p.indicator.name}</h3>
            <p className="kpi__value">{formatValue(p.value, p.indicator.unit)}</p>
            <p className="kpi__cohort">
              {cohortLabel(p.cohort)} <ProvenanceMark indicator={p.indicator} />
            </p>
            <ul className="kpi__comparisons">
              {KPI_BENCHMARKS.map((kind) => {
                const c = p.comparisons.find((x) => x.kind === kind);
                if (!c) return null;
                return (
                  <li key={kind}>
                    <span className="kpi__bench">
                      {p.benchmarks.find((b) => b.kind === kind)?.label ?? kind}: {f(c.benchmark)}
                    </span>
                    <br />
                    <span className={`sig sig--${c.significance}`}>{comparisonText(c, p.indicator.unit)}</span>
                  </li>
                );
              })}
            </ul>
            {p.covidChange && (
              <p className="kpi__covid" data-testid="kpi-covid">
                <span className="kpi__bench">
                  {covidHeading(p.covidChange.cohort)} t.o.v. {p.covidChange.reference.label}:
                </span>
                <br />
                <span className={`sig sig--${p.covidChange.cohort.rulesChanged ? 'neutraal' : p.covidChange.significance}`}>
                  {covidText(p.covidChange, p.indicator.unit, false, p.covidChange.cohort)}
                </span>
                {p.covidChange.cohort.rulesChanged && p.covidChange.cohort.note && <small className="kpi__note"> {p.covidChange.cohort.note}</small>}
              </p>
            )}
            {duidingen?.get(p.indicator.code)?.map((tekst, i) => (
              <p key={i} className="kpi__duiding" data-testid="kpi-duiding">
                <strong>Duiding:</strong> {tekst}
              </p>
            ))}
          </li>
        );
      })}
    </ul>
  );
}
