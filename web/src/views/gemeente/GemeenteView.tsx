import { Link, useParams } from 'react-router';
import {
  COMPARISON_RULE,
  LEVEL_PLURALS,
  STEDELIJKHEID,
  cohortPhrase,
  similarGroupCode,
  stedelijkheidLabel,
  formatInteger,
  disclosureSentence,
} from '@gka/shared';
import { useGroups, useProfile } from '../../api/hooks.ts';
import { usePageTitle } from '../../lib/page.ts';
import { usePageFigures } from '../../lib/banner.ts';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { FunnelChart } from '../../components/funnel/LazyFunnelChart.tsx';
import { Select } from '../../components/controls/Select.tsx';
import { QueryState } from '../../components/status/Status.tsx';
import { useSearchState } from '../../lib/searchState.ts';
import { Breakdown } from './Breakdown.tsx';
import { Explanation } from './Explanation.tsx';
import { AandachtspuntenList } from './AandachtspuntenList.tsx';
import { KpiCards } from './KpiCards.tsx';
import { SummaryGrid } from './SummaryGrid.tsx';
import { ProfileCohortForm } from './ProfileCohortForm.tsx';
import { TrendChart } from './TrendChart.tsx';
import { SchoolSection } from './SchoolSection.tsx';
import { WijkSection } from './WijkSection.tsx';
import { mayOpenDossier, useDossier, useMe } from '../../api/werkruimte.ts';
import { DossierSection } from './dossier/DossierSection.tsx';
import { IndicatorDossier } from './dossier/IndicatorDossier.tsx';
import { duidingenByIndicator, interventiesOf } from './dossier/dossierRows.ts';

/** The gemeente page (for the regiocoördinator): KPIs, trend, kansenkloof and wijken. */
export function GemeenteView() {
  const { code = '' } = useParams();
  const { get, set } = useSearchState();
  const groups = useGroups();
  // Groups this gemeente belongs to (its provincie, COROP-gebied, the GKA, imported groupings), as an extra benchmark.
  // And its ten vergelijkbare gemeenten (not a listed group: one per gemeente).
  const ownGroups = [
    ...(groups.data?.data ?? []).filter((g) => g.members.includes(code)).map((g) => ({ code: g.code, name: g.name })),
    { code: similarGroupCode(code), name: 'Vergelijkbare gemeenten' },
  ];
  const group = ownGroups.find((g) => g.code === get('groep'));
  const profile = useProfile(code, get('cohort'), group?.code);
  const me = useMe();
  const dossier = useDossier(code, mayOpenDossier(me.data, code));
  usePageTitle(profile.data && `Gemeente ${profile.data.area.name}`);
  usePageFigures(profile.data?.indicators.map((i) => i.indicator.synthetic));
  return (
    <>
      {profile.error && (
        <>
          <h1>Gemeenteprofiel</h1>
          <p>
            <Link to="/gemeente">Kies een andere gemeente</Link>
          </p>
        </>
      )}
      <QueryState query={profile} what="het gemeenteprofiel">
        {(p) => {
          const selected = p.indicators.find((i) => i.indicator.code === get('indicator')) ?? p.indicators[0];
          const sted = STEDELIJKHEID.find((s) => s.klasse === p.area.stedelijkheid);
          // The funnel of the gemeente's wijken where the indicator has them, else of its schools.
          const funnelLevel = selected?.indicator.hasWijken ? 'wijk' : selected?.indicator.hasSchools ? 'school' : undefined;
          return (
            <>
              <h1>Gemeente {p.area.name}</h1>
              <dl className="facts">
                <div>
                  <dt>Stedelijkheid</dt>
                  <dd>{sted ? `${stedelijkheidLabel(sted.klasse)} (${sted.bounds})` : 'onbekend'}</dd>
                </div>
                <div>
                  <dt>Inwoners</dt>
                  <dd>{formatInteger(p.area.inwoners)}</dd>
                </div>
                {p.area.provincie && (
                  <div>
                    <dt>Provincie</dt>
                    <dd>{p.area.provincie}</dd>
                  </div>
                )}
                <div>
                  <dt>GKA-gemeente</dt>
                  <dd>
                    {p.area.gka
                      ? `ja${p.area.gkaSinds ? `, sinds ${new Date(p.area.gkaSinds).toLocaleDateString('nl-NL', { year: 'numeric', month: 'long' })}` : ''}`
                      : 'nee'}
                  </dd>
                </div>
              </dl>
              <p>
                <Link
                  className="button"
                  to={`/gemeente/${p.area.code}/notitie${notitieQuery(selected?.indicator.code, get('cohort'))}`}
                  data-testid="notitie-link"
                >
                  Gespreksnotitie (afdrukken of PDF)
                </Link>
              </p>
              <ProfileCohortForm cohorts={p.cohorts} label="Profielinstellingen" shown={p.indicators} />
              {groups.data && (
                <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Vergelijking met een groep">
                  <Select
                    label="Vergelijk ook met een groep"
                    value={group?.code ?? ''}
                    placeholder="Geen groep"
                    options={ownGroups.map((g) => ({ value: g.code, label: g.name }))}
                    onChange={(v) => set({ groep: v || undefined })}
                    name="groep"
                  />
                </form>
              )}
              {p.indicators.length > 0 && <AandachtspuntenList points={p.aandachtspunten} />}
              <section aria-labelledby="kpi-kop">
                <h2 id="kpi-kop">Kerncijfers in één oogopslag</h2>
                <p className="hint">
                  Vergeleken met Nederland, de gemeenten met dezelfde stedelijkheid en de GKA-gemeenten{group ? ` en ${group.name}` : ''} (hun leerlingen
                  samen): {COMPARISON_RULE}. Gunstig of ongunstig volgt uit de richting van de indicator. {disclosureSentence(p.minCell)}
                </p>
                {p.indicators.length === 0 ? (
                  <p className="status status--empty">Voor deze gemeente zijn nog geen cijfers geladen.</p>
                ) : (
                  <>
                    <SummaryGrid indicators={p.indicators} groupName={group?.name} />
                    <details className="kpi-details">
                      <summary>Toelichting per indicator in zinnen</summary>
                      <KpiCards indicators={p.indicators} duidingen={dossier.data && duidingenByIndicator(dossier.data)} />
                    </details>
                  </>
                )}
              </section>
              {selected && (
                <>
                  <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Indicator voor de details">
                    <Select
                      label="Indicator voor trend, kansenkloof en wijken"
                      value={selected.indicator.code}
                      options={p.indicators.map((i) => ({ value: i.indicator.code, label: i.indicator.name }))}
                      onChange={(v) => set({ indicator: v })}
                      name="indicator"
                    />
                  </form>
                  <p className="definition">
                    <strong>{selected.indicator.name}:</strong> {selected.indicator.definition} Bron: {selected.indicator.source}.{' '}
                    <ProvenanceMark indicator={selected.indicator} />
                  </p>
                  {dossier.data && <IndicatorDossier gemeente={p.area.code} indicator={selected.indicator} dossier={dossier.data} />}
                  <section aria-labelledby="trend-kop">
                    <h2 id="trend-kop">Trend over de cohorten</h2>
                    <TrendChart
                      profile={selected}
                      gemeente={p.area.name}
                      interventies={dossier.data && interventiesOf(dossier.data, selected.indicator.code)}
                    />
                  </section>
                  <section aria-labelledby="verklaring-kop">
                    <h2 id="verklaring-kop">Verwacht gegeven de leerlingen, en wie het beter doet ({cohortPhrase(selected.cohort)})</h2>
                    <Explanation profile={selected} />
                  </section>
                  <section aria-labelledby="kloof-kop">
                    <h2 id="kloof-kop">Naar achtergrond van de ouders ({cohortPhrase(selected.cohort)})</h2>
                    <Breakdown profile={selected} />
                  </section>
                  <section aria-labelledby="wijk-kop">
                    <h2 id="wijk-kop">Wijken ({cohortPhrase(selected.cohort)})</h2>
                    <WijkSection gemeente={p.area} indicator={selected.indicator} cohort={selected.cohort.code} covidCohort={selected.covidChange?.cohort} />
                  </section>
                  {funnelLevel && (
                    <section aria-labelledby="trechter-kop">
                      <h2 id="trechter-kop">
                        Trechterdiagram van de {LEVEL_PLURALS[funnelLevel]} ({cohortPhrase(selected.cohort)})
                      </h2>
                      <FunnelChart
                        indicator={selected.indicator}
                        cohort={selected.cohort.code}
                        level={funnelLevel}
                        parent={p.area}
                        highlight={get('markeer')}
                        onHighlight={(v) => set({ markeer: v })}
                      />
                    </section>
                  )}
                </>
              )}
              {dossier.data && me.data && (
                <DossierSection
                  gemeente={p.area}
                  dossier={dossier.data}
                  me={me.data}
                  indicators={p.indicators.map((i) => i.indicator)}
                  selected={selected?.indicator.code}
                />
              )}
              {dossier.error && <p className="status status--error">Het dossier kon niet worden geladen: {dossier.error.message}</p>}
              <section aria-labelledby="scholen-kop">
                <h2 id="scholen-kop">Scholen</h2>
                <p className="hint">
                  Echte cijfers per schoolvestiging (DUO, CBS): naar de plaats van de school, niet naar de woonplaats van de leerlingen. Elk cijfer in zijn
                  laatste schooljaar; de gemeente is de som van haar scholen.
                </p>
                <SchoolSection gemeente={p.area} indicator={selected?.indicator.code} />
              </section>
            </>
          );
        }}
      </QueryState>
    </>
  );
}

/** The notitie keeps the page's choices: its indicator and cohort. */
function notitieQuery(indicator: string | undefined, cohort: string | undefined): string {
  const q = new URLSearchParams();
  if (indicator) q.set('indicator', indicator);
  if (cohort) q.set('cohort', cohort);
  const s = q.toString();
  return s ? `?${s}` : '';
}
