import { Link, useParams } from 'react-router';
import {
  BENCHMARK_INFO,
  CHANGE_RULE,
  COMPARISON_RULE,
  stedelijkheidLabel,
  cohortPhrase,
  formatInteger,
  disclosureSentence,
  type ProfileIndicator,
  formatterFor,
  sharedProvenance,
  type Area,
} from '@gka/shared';
import { useProfile, useSchools } from '../../api/hooks.ts';
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
import { NotitieExplanation } from './NotitieExplanation.tsx';
import { AandachtspuntenList } from './AandachtspuntenList.tsx';
import { mayOpenDossier, useDossier, useMe } from '../../api/werkruimte.ts';
import { NotitieDossier } from './dossier/NotitieDossier.tsx';

/** The gespreksnotitie: two or three A4 pages for a verdiepend gesprek (print → PDF). */
export function NotitieView() {
  const { code = '' } = useParams();
  const { get } = useSearchState();
  const profile = useProfile(code, get('cohort'));
  // The private variant: only asked for, and only for whoever may open the dossier.
  const me = useMe();
  const dossier = useDossier(code, get('dossier') === '1' && mayOpenDossier(me.data, code));
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
              <h1>
                Gespreksnotitie gemeente {p.area.name}
                {dossier.data && ' (vertrouwelijk)'}
              </h1>
              <p className="notitie__meta">
                {`Stedelijkheid ${stedelijkheidLabel(p.area.stedelijkheid)}`} · {formatInteger(p.area.inwoners)} inwoners ·{' '}
                {p.area.gka ? 'GKA-gemeente' : 'geen GKA-gemeente'} · opgesteld {new Date().toLocaleDateString('nl-NL', { dateStyle: 'long' })}
                {p.synthetic ? (
                  <strong> · DEMODATA: alle cijfers synthetisch</strong>
                ) : (
                  p.indicators.some((i) => i.indicator.synthetic) && <strong> · echte en synthetische cijfers naast elkaar: per indicator aangegeven</strong>
                )}
              </p>
              {p.indicators.length > 0 && <AandachtspuntenList points={p.aandachtspunten} />}
              {dossier.data && <NotitieDossier dossier={dossier.data} indicators={p.indicators} />}
              <h2>Kerncijfers</h2>
              <TableScroll label="Kerncijfers">
                <table className="data-table notitie__kpi">
                  <thead>
                    <tr>
                      <th scope="col">Indicator (cohort)</th>
                      <th scope="col" className="num">
                        {p.area.name}
                      </th>
                      <th scope="col">{BENCHMARK_INFO.nederland.short}</th>
                      <th scope="col">{BENCHMARK_INFO.stedelijkheid.short}</th>
                      <th scope="col">{BENCHMARK_INFO.gka.short}</th>
                      <th scope="col">Verwacht</th>
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
                          <td>
                            {!i.expected ? (
                              '–'
                            ) : i.expected.suppressed ? (
                              'afgeschermd'
                            ) : (
                              <>
                                {f(i.expected.expected)}
                                <br />
                                <small>
                                  {formatDifference(i.expected.difference, i.indicator.unit, true)},{' '}
                                  {significanceWord(i.expected.significance, i.expected.difference)}
                                </small>
                              </>
                            )}
                          </td>
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
                Vergelijkingen: {COMPARISON_RULE}. Verwacht: wat de leerlingen zouden halen tegen de landelijke cijfers van hun groep naar opleiding van de
                ouders, met het verschil daarmee. Kansenkloof: kinderen van hoog- minus laagopgeleide ouders, in procentpunten (pp); n.v.t. bij een indicator
                die zelf naar opleiding van de ouders is gedefinieerd. {disclosureSentence(p.minCell)}
              </p>
              <CovidParagraph indicators={p.indicators} />
              <NotitieExplanation indicators={p.indicators} />
              <SchoolsParagraph gemeente={p.area} />
              {selected && (
                <div className="notitie__detail">
                  <h2>Trend: {selected.indicator.name}</h2>
                  <TrendChart profile={selected} gemeente={p.area.name} height={180} showTable={false} />
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
 * What COVID changed, one line per indicator: its first COVID cohort against its cohorts before
 * COVID pooled, as on the gemeente page and the regio overview. Indicators that share both periods
 * share one heading, so each period is named once; a year whose rules changed gets its note below.
 */
function CovidParagraph({ indicators }: { indicators: ProfileIndicator[] }) {
  const periods = new Map<
    string,
    { heading: string; lines: { indicator: ProfileIndicator['indicator']; change: NonNullable<ProfileIndicator['covidChange']> }[] }
  >();
  for (const { indicator, covidChange: change } of indicators) {
    if (!change) continue;
    const heading = `${change.cohort.label} vergeleken met ${change.reference.label}`;
    const period = periods.get(heading) ?? { heading, lines: [] };
    period.lines.push({ indicator, change });
    periods.set(heading, period);
  }
  if (periods.size === 0) return null;
  const notes = [...periods.values()].flatMap((p) => p.lines.filter((l) => l.change.cohort.rulesChanged && l.change.cohort.note));
  return (
    <section className="notitie__covid" data-testid="notitie-covid">
      <h2>COVID: het eerste COVID-cohort vergeleken met de cohorten ervoor</h2>
      {[...periods.values()].map((p) => (
        <div key={p.heading}>
          <h3>{p.heading}</h3>
          <ul className={p.lines.length > 3 ? 'notitie__columns' : undefined}>
            {p.lines.map(({ indicator, change }) => (
              <li key={indicator.code}>
                {indicator.name}: {covidText(change, indicator.unit, true, change.cohort)}
                {change.cohort.rulesChanged && change.cohort.note && <sup>*</sup>}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {notes.map(({ indicator, change }) => (
        <p key={indicator.code} className="hint">
          * {indicator.name}, {cohortPhrase(change.cohort)}: {change.cohort.note}
        </p>
      ))}
      <p className="hint">Veranderingen: {CHANGE_RULE}.</p>
    </section>
  );
}

/**
 * The gemeente's schools: how many have figures, and the school shares furthest from the gemeente,
 * in the order and with the verdicts the API gives them (significant first).
 */
function SchoolsParagraph({ gemeente }: { gemeente: Pick<Area, 'code' | 'name'> }) {
  const schools = useSchools(gemeente.code);
  return (
    <section className="notitie__scholen" data-testid="notitie-scholen">
      <h2>Scholen</h2>
      <QueryState query={schools} what="de scholen">
        {({ counts, columns, far }) => {
          if (counts.po + counts.vo === 0) return <p>Voor {gemeente.name} zijn geen cijfers per school beschikbaar.</p>;
          const columnOf = new Map(columns.map((c) => [c.indicator.code, c]));
          const mark = sharedProvenance(columns.map((c) => c.indicator));
          return (
            <>
              <p>
                {formatInteger(counts.po)} {counts.po === 1 ? 'basisschool' : 'basisscholen'} en {formatInteger(counts.vo)}{' '}
                {counts.vo === 1 ? 'school' : 'scholen'} voor voortgezet onderwijs in {gemeente.name} hebben cijfers, naar vestiging van de school (niet naar
                woonplaats van de leerlingen). {mark && <ProvenanceMark indicator={mark} />}
              </p>
              {far.length > 0 && (
                <>
                  <p>
                    Het verst van {gemeente.name}, significante verschillen eerst (alleen percentages met een gunstige richting, zoals het slagingspercentage):
                  </p>
                  <ul className="notitie__wijken">
                    {far.map((f) => {
                      const column = columnOf.get(f.indicator);
                      return (
                        <li key={`${f.area} ${f.indicator}`}>
                          <strong>{f.name}</strong>, {column ? `${column.indicator.name} (${cohortPhrase(column.cohort)})` : f.indicator}:{' '}
                          {formatValue(f, 'percentage')}
                          {f.denominator !== null && ` (${formatInteger(f.denominator)} leerlingen)`} (
                          {comparisonText({ kind: 'gemeente', difference: f.difference, significance: f.significance })})
                        </li>
                      );
                    })}
                  </ul>
                </>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
