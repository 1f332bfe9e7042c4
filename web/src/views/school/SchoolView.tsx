import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { cohortPhrase, type Indicator, type ProfileIndicator, type TrendResponse } from '@gka/shared';
import { useArea, useIndicators, useSchool, useTrend } from '../../api/hooks.ts';
import { Chart } from '../../components/chart/Chart.tsx';
import { ChartLegend } from '../../components/chart/ChartLegend.tsx';
import { usePhone } from '../../lib/phone.ts';
import { QueryState } from '../../components/status/Status.tsx';
import { usePageTitle } from '../../lib/page.ts';
import { usePageFigures } from '../../lib/banner.ts';
import { ValueNote } from '../../components/ValueNote.tsx';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { TrendChart } from '../gemeente/TrendChart.tsx';
import { similarRows } from './similar.ts';
import { SIMILAR_LEGEND, similarOption } from './similarOption.ts';

/** The trend of /trend for one area as the trend chart draws it: the area's totaal and each benchmark's. */
export function areaTrend(t: TrendResponse): ProfileIndicator['trend'] {
  return t.data.map((p) => {
    const own = p.values.find((v) => v.area === t.area.code && v.group === 'totaal');
    return {
      cohort: p.cohort,
      value: own?.value ?? null,
      ciLow: own?.ciLow ?? null,
      ciHigh: own?.ciHigh ?? null,
      suppressed: own?.suppressed ?? false,
      benchmarks: p.benchmarks.filter((b) => b.group === 'totaal').map((b) => ({ kind: b.kind, value: b.value })),
    };
  });
}

function SchoolTrend({ indicator, code, name, gemeente }: { indicator: Indicator; code: string; name: string; gemeente?: string }) {
  const trend = useTrend(indicator.code, code);
  const points = useMemo(() => (trend.data ? areaTrend(trend.data) : []), [trend.data]);
  // What the source says about the school's own figures (CBS: too few pupils), per cohort, with the chart.
  const notes = useMemo(
    () =>
      (trend.data?.data ?? []).flatMap((p) => p.values.filter((v) => v.area === code && v.group === 'totaal' && v.note).map((v) => ({ cohort: p.cohort, v }))),
    [trend.data, code],
  );
  if (trend.data && !points.some((p) => p.value !== null || p.suppressed)) return null;
  return (
    <section aria-label={indicator.name}>
      <h2>{indicator.name}</h2>
      <p className="definition">
        {indicator.definition} Bron: {indicator.source}. <ProvenanceMark indicator={indicator} />
      </p>
      {notes.map(({ cohort, v }) => (
        <p key={cohort.code}>
          <ValueNote value={v} prefix={`${cohort.label}: `} />
        </p>
      ))}
      <QueryState query={trend} what={`de trend van ${indicator.name}`}>
        {(t) => <TrendChart profile={{ trend: points, indicator: { ...t.indicator, synthetic: t.synthetic } }} gemeente={name} ownGemeente={gemeente} />}
      </QueryState>
    </section>
  );
}

/**
 * The referentieniveaus of the school against schools of Nederland with a similar achterstandsscore
 * (GET /schools/{school}: the verdicts of its gemeente's table), as a band chart and in sentences.
 */
function SimilarSchoolsSection({ code }: { code: string }) {
  const phone = usePhone();
  const school = useSchool(code);
  const rows = useMemo(() => (school.data ? similarRows(school.data) : []), [school.data]);
  if (!rows.length) return null;
  const column = school.data!.columns.find((c) => c.similar);
  const years = [...new Set(rows.map((r) => cohortPhrase(r.cohort)))].join(', ');
  return (
    <section aria-labelledby="similar-schools" data-testid="similar-schools">
      <h2 id="similar-schools">Referentieniveaus tegenover vergelijkbare scholen</h2>
      <p className="definition">
        Aandeel leerlingen in groep 8 dat het referentieniveau haalde ({years}), tegenover de scholen in Nederland met een vergelijkbare achterstandsscore: een
        vijfde van de scholen (CBS-achterstandsscore{column?.similar ? ` van ${cohortPhrase(column.similar.scoreCohort)}` : ''}). De kleur van de stip is het
        oordeel: groen gunstig, roze ongunstig, grijs geen significant verschil, blauw zonder oordeel. Bron: DUO, CBS.
      </p>
      <Chart
        option={similarOption({ rows, narrow: phone })}
        height={50 + rows.length * 40}
        label="Banddiagram: per referentieniveau het aandeel van de school tegenover scholen met een vergelijkbare achterstandsscore; de zinnen eronder bevatten dezelfde cijfers"
      />
      <ChartLegend items={SIMILAR_LEGEND} label="Legenda: referentieniveaus tegenover vergelijkbare scholen" />
      <ul className="similar-sentences">
        {rows.map((r) => (
          <li key={r.code} data-verdict={r.verdict}>
            <strong>{r.label}:</strong> {r.sentence}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A school location: where it is, what kind of school, and its real figures over the school years. */
export function SchoolView() {
  const { code = '' } = useParams();
  const area = useArea(code);
  const parent = useArea(area.data?.data.parent ?? undefined);
  const indicators = useIndicators();
  usePageTitle(area.data && `School ${area.data.data.name}`);
  usePageFigures(indicators.data?.data.filter((i) => i.hasSchools).map((i) => i.synthetic));
  return (
    <QueryState query={area} what="de school">
      {({ data: school }) => {
        const info = school.school;
        const withSchools = (indicators.data?.data ?? []).filter((i) => i.hasSchools);
        return (
          <>
            <h1>{school.name}</h1>
            {info?.gesloten && (
              <p className="status status--empty">Deze vestiging staat niet meer in de adreslijst van DUO (gesloten); oudere cijfers blijven zichtbaar.</p>
            )}
            <dl className="facts">
              <div>
                <dt>Gemeente</dt>
                <dd>{school.parent ? <Link to={`/gemeente/${school.parent}`}>{parent.data?.data.name ?? school.parent}</Link> : 'onbekend'}</dd>
              </div>
              {info && (
                <>
                  <div>
                    <dt>Adres</dt>
                    <dd>{[info.adres, info.postcode, info.plaats].filter(Boolean).join(', ') || 'onbekend'}</dd>
                  </div>
                  <div>
                    <dt>Soort</dt>
                    <dd>
                      {info.sector === 'po' ? 'Primair onderwijs' : 'Voortgezet onderwijs'}
                      {info.soort ? ` (${info.soort})` : ''}
                    </dd>
                  </div>
                  {info.denominatie && (
                    <div>
                      <dt>Denominatie</dt>
                      <dd>{info.denominatie}</dd>
                    </div>
                  )}
                  <div>
                    <dt>BRIN-vestiging</dt>
                    <dd>{info.vestiging}</dd>
                  </div>
                </>
              )}
            </dl>
            <p className="hint">
              Cijfers naar vestiging van de school (DUO, CBS), niet naar woonplaats van de leerlingen; vergeleken met de eigen gemeente en Nederland.
            </p>
            <SimilarSchoolsSection code={school.code} />
            {withSchools.map((i) => (
              <SchoolTrend key={i.code} indicator={i} code={school.code} name={school.name} gemeente={parent.data?.data.name} />
            ))}
          </>
        );
      }}
    </QueryState>
  );
}
