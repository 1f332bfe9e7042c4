import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { Indicator, ProfileIndicator, TrendResponse } from '@gka/shared';
import { useArea, useIndicators, useTrend } from '../../api/hooks.ts';
import { QueryState } from '../../components/status/Status.tsx';
import { usePageTitle } from '../../lib/page.ts';
import { usePageFigures } from '../../lib/banner.ts';
import { ValueNote } from '../../components/ValueNote.tsx';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { TrendChart } from '../gemeente/TrendChart.tsx';

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
            {withSchools.map((i) => (
              <SchoolTrend key={i.code} indicator={i} code={school.code} name={school.name} gemeente={parent.data?.data.name} />
            ))}
          </>
        );
      }}
    </QueryState>
  );
}
