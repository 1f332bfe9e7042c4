import { Link, useParams } from 'react-router';
import {
  CHANGE_RULE,
  COMPARISON_RULE,
  stedelijkheidLabel,
  cohortPhrase,
  formatInteger,
  disclosureSentence,
  type ProfileIndicator,
  formatterFor,
} from '@gka/shared';
import { useProfile } from '../../api/hooks.ts';
import { usePageTitle } from '../../lib/page.ts';
import { usePageFigures } from '../../lib/banner.ts';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { TableScroll } from '../../components/table/TableScroll.tsx';
import { cohortLabel } from '../../components/controls/options.ts';
import { QueryState } from '../../components/status/Status.tsx';
import { formatDifference, formatValue } from '../../lib/format.ts';
import { comparisonText, covidText, significanceWord } from '../../lib/significance.ts';
import { ProfileCohortForm } from './ProfileCohortForm.tsx';
import { useSearchState } from '../../lib/searchState.ts';
import { TrendChart } from './TrendChart.tsx';

/** The gespreksnotitie: one or two A4 pages for a verdiepend gesprek (print → PDF). */
export function NotitieView() {
  const { code = '' } = useParams();
  const { get } = useSearchState();
  const profile = useProfile(code, get('cohort'));
  usePageTitle(profile.data && `Gespreksnotitie ${profile.data.area.name}`);
  usePageFigures(profile.data?.indicators.map((i) => i.indicator.synthetic));
  return (
    <>
      {profile.error && (
        <>
          <h1>Gespreksnotitie</h1>
          <p>
            <Link to="/gemeente">Kies een andere gemeente</Link>
          </p>
        </>
      )}
      <QueryState query={profile} what="de gespreksnotitie">
        {(p) => {
          const selected = p.indicators.find((i) => i.indicator.code === get('indicator')) ?? p.indicators[0];
          return (
            <article className="notitie" data-testid="notitie">
              <p className="no-print notitie__actions">
                <Link to={`/gemeente/${p.area.code}`}>Terug naar het gemeenteprofiel</Link>{' '}
                <button type="button" onClick={() => window.print()}>
                  Afdrukken of opslaan als PDF
                </button>
              </p>
              <ProfileCohortForm cohorts={p.cohorts} label="Cohort van de notitie" className="filters no-print" />
              <h1>Gespreksnotitie gemeente {p.area.name}</h1>
              <p className="notitie__meta">
                {`Stedelijkheid ${stedelijkheidLabel(p.area.stedelijkheid)}`} · {formatInteger(p.area.inwoners)} inwoners ·{' '}
                {p.area.gka ? 'GKA-gemeente' : 'geen GKA-gemeente'} · opgesteld {new Date().toLocaleDateString('nl-NL', { dateStyle: 'long' })}
                {p.synthetic ? (
                  <strong> · DEMODATA: alle cijfers synthetisch</strong>
                ) : (
                  p.indicators.some((i) => i.indicator.synthetic) && <strong> · echte en synthetische cijfers naast elkaar: per indicator aangegeven</strong>
                )}
              </p>
              <h2>Kerncijfers</h2>
              <TableScroll label="Kerncijfers">
                <table className="data-table notitie__kpi">
                  <thead>
                    <tr>
                      <th scope="col">Indicator (cohort)</th>
                      <th scope="col" className="num">
                        {p.area.name}
                      </th>
                      <th scope="col">Nederland</th>
                      <th scope="col">Zelfde stedelijkheid</th>
                      <th scope="col">GKA-gemeenten</th>
                      <th scope="col" className="num">
                        Kansenkloof
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.indicators.map((i) => {
                      const f = formatterFor(i.indicator.unit);
                      const cell = (kind: 'nederland' | 'stedelijkheid' | 'gka') => {
                        const c = i.comparisons.find((x) => x.kind === kind);
                        return c ? (
                          <td>
                            {f(c.benchmark)}
                            <br />
                            <small>
                              {formatDifference(c.difference, i.indicator.unit, true)}, {significanceWord(c.significance, c.difference)}
                            </small>
                          </td>
                        ) : (
                          <td>–</td>
                        );
                      };
                      return (
                        <tr key={i.indicator.code}>
                          <th scope="row">
                            {i.indicator.name} <small>({cohortLabel(i.cohort)})</small> <ProvenanceMark indicator={i.indicator} />
                          </th>
                          <td className="num">{formatValue(i.value, i.indicator.unit)}</td>
                          {cell('nederland')}
                          {cell('stedelijkheid')}
                          {cell('gka')}
                          <td className="num">
                            {i.kansenkloof === undefined ? 'n.v.t.' : i.kansenkloof === null ? '–' : formatDifference(i.kansenkloof, i.indicator.unit, true)}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
              <p className="hint">
                Vergelijkingen: {COMPARISON_RULE}. Kansenkloof: kinderen van hoog- minus laagopgeleide ouders, in procentpunten (pp); n.v.t. bij een indicator
                die zelf naar opleiding van de ouders is gedefinieerd. {disclosureSentence(p.minCell)}
              </p>
              <CovidParagraph indicators={p.indicators} />
              {selected && (
                <div className="notitie__detail">
                  <h2>Trend: {selected.indicator.name}</h2>
                  <TrendChart profile={selected} gemeente={p.area.name} height={220} showTable={false} />
                  <h2>
                    Opvallende wijken: {selected.indicator.name} ({cohortLabel(selected.cohort)}) <ProvenanceMark indicator={selected.indicator} />
                  </h2>
                  {selected.deviatingWijken.length === 0 ? (
                    <p>Geen wijkcijfers beschikbaar.</p>
                  ) : (
                    <ul className="notitie__wijken">
                      {selected.deviatingWijken.map((w) => (
                        <li key={w.area}>
                          <strong>{w.name}</strong>: {formatValue(w, selected.indicator.unit)}
                          {w.denominator !== null && ` (${formatInteger(w.denominator)} leerlingen)`}{' '}
                          {w.difference !== null &&
                            `(${comparisonText({ kind: 'gemeente', difference: w.difference, significance: w.significance }, selected.indicator.unit)})`}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </article>
          );
        }}
      </QueryState>
    </>
  );
}

/**
 * What COVID changed: per indicator its COVID cohort against its cohorts before COVID, as on the
 * gemeente page and the regio overview. Significant changes as a list; changes into a year whose
 * rules changed apart, without a verdict and with their note; the rest in one clause.
 */
function CovidParagraph({ indicators }: { indicators: ProfileIndicator[] }) {
  const withChange = indicators.filter((i) => i.covidChange);
  if (withChange.length === 0) return null;
  const changed = withChange.filter((i) => i.covidChange!.cohort.rulesChanged);
  const significant = withChange.filter((i) => !changed.includes(i) && (i.covidChange!.significance === 'hoger' || i.covidChange!.significance === 'lager'));
  const others = withChange.length - changed.length - significant.length;
  const line = (i: ProfileIndicator) =>
    `${i.indicator.name}, ${cohortPhrase(i.covidChange!.cohort)}: ${covidText(i.covidChange!, i.indicator.unit, false, i.covidChange!.cohort)}`;
  return (
    <section className="notitie__covid" data-testid="notitie-covid">
      <h2>COVID: het eerste COVID-cohort vergeleken met de cohorten ervoor samen</h2>
      {significant.length === 0 ? (
        <p>Bij geen van de indicatoren verschilt het eerste cohort dat COVID raakte significant van de cohorten ervoor.</p>
      ) : (
        <ul>
          {significant.map((i) => (
            <li key={i.indicator.code}>{line(i)}</li>
          ))}
        </ul>
      )}
      {changed.length > 0 && (
        <ul>
          {changed.map((i) => (
            <li key={i.indicator.code}>
              {line(i)}. {i.covidChange!.cohort.note}
            </li>
          ))}
        </ul>
      )}
      <p>
        {significant.length > 0 &&
          others > 0 &&
          `Bij de andere ${others === 1 ? 'indicator' : `${others} indicatoren`} is het verschil niet significant of niet te bepalen. `}
        Veranderingen: {CHANGE_RULE}.
      </p>
    </section>
  );
}
