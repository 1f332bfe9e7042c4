import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import {
  expectedShortText,
  MIX_PHRASES,
  PRE_COVID,
  shortCohortLabel,
  type ChangeRow,
  type ExpectedRow,
  type Indicator,
  type IndicatorCohort,
  type Value,
} from '@gka/shared';
import { ApiRequestError } from '../../api/client.ts';
import { useChange, useExpected, useGeo, useValues } from '../../api/hooks.ts';
import { AreaMap, preloadMap } from '../../components/map/AreaMap.tsx';
import { Legend } from '../../components/legend/Legend.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { QueryState } from '../../components/status/Status.tsx';
import { formatInterval, formatValue } from '../../lib/format.ts';
import { NO_DATA_COLOUR, valueScale } from '../../lib/scale.ts';
import { comparisonWith, covidText, significanceText, significanceWith } from '../../lib/significance.ts';

type Row = Value & { vsGemeente: string; vsNederland: string; covid: ChangeRow | undefined; expected: ExpectedRow | undefined };
const col = createColumnHelper<Row>();

/** Why there is no wijk table: the indicator has no wijk figures at all, or this gemeente has none. */
function noWijken(indicator: Pick<Indicator, 'name' | 'hasWijken' | 'hasSchools'>): string {
  if (indicator.hasWijken) return 'Voor deze gemeente zijn geen wijkcijfers beschikbaar.';
  return indicator.hasSchools
    ? `${indicator.name} bestaat niet per wijk: de bron telt per school. De scholen van deze gemeente staan hieronder.`
    : `${indicator.name} bestaat niet per wijk, alleen per gemeente.`;
}

/** Why the wijk table has no column t.o.v. verwacht: the API's reason (no breakdown), or what went wrong. */
function noExpected(error: Error): string {
  return error instanceof ApiRequestError && error.status === 400 && error.reason
    ? `Geen kolom t.o.v. verwacht: ${error.reason.replace(/\.$/, '')}.`
    : `De kolom t.o.v. verwacht ontbreekt. ${error.message}`;
}

/** The gemeente's wijken on a map and in a sortable table, with significance in words. */
export function WijkSection({
  gemeente,
  indicator,
  cohort,
  covidCohort,
}: {
  gemeente: { code: string; name: string };
  indicator: Omit<Indicator, 'cohorts'>;
  cohort: string;
  /** The indicator's first COVID cohort: each wijk's change from the cohorts before COVID gets a column. */
  covidCohort?: IndicatorCohort;
}) {
  useEffect(() => void preloadMap(), []);
  const geo = useGeo('wijk', gemeente.code);
  const values = useValues({ indicator: indicator.code, cohort, level: 'wijk', parent: gemeente.code });
  const change = useChange({ indicator: indicator.code, cohort: covidCohort?.code, reference: PRE_COVID, level: 'wijk', parent: gemeente.code }, !!covidCohort);
  // Observed − expected per wijk, where the catalogue says the indicator can have it.
  const expected = useExpected(
    { indicator: indicator.code, cohort, level: 'wijk', parent: gemeente.code },
    indicator.mixDimensions.includes('opleiding_ouders'),
  );
  const expectedShown = expected.data?.meta.indicator.code === indicator.code ? expected.data : undefined;
  const unit = indicator.unit;

  const rows = useMemo<Row[]>(() => {
    const d = values.data;
    // Not the previous indicator's figures while the chosen one's load: they would be shown in the new unit.
    if (!d || d.meta.indicator.code !== indicator.code) return [];
    const covid = new Map((change.data?.data ?? []).filter((c) => c.group === 'totaal').map((c) => [c.area, c]));
    const byArea = new Map((expectedShown?.data ?? []).map((e) => [e.area, e]));
    return d.data
      .filter((v) => v.group === 'totaal')
      .map((v) => ({
        ...v,
        vsGemeente: v.suppressed ? '–' : significanceText(significanceWith(v, 'gemeente'), 'gemeente', comparisonWith(v, 'gemeente')?.difference),
        vsNederland: v.suppressed ? '–' : significanceText(significanceWith(v, 'nederland'), 'nederland', comparisonWith(v, 'nederland')?.difference),
        covid: covid.get(v.area),
        expected: byArea.get(v.area),
      }));
  }, [values.data, change.data, expectedShown, indicator.code]);
  const numbers = useMemo(() => rows.flatMap((r) => (r.value === null ? [] : [r.value])), [rows]);
  const scale = useMemo(() => valueScale(numbers, unit), [numbers, unit]);
  const steps = useMemo(() => new Map(rows.flatMap((r) => (r.value === null ? [] : [[r.area, scale.step(r.value)] as const]))), [rows, scale]);
  const byCode = useMemo(() => new Map(rows.map((r) => [r.area, r])), [rows]);

  const columns = useMemo(
    () => [
      col.accessor('name', {
        header: 'Wijk',
        // To the wijk on every indicator beside its gemeente and Nederland, and singled out among the other wijken.
        cell: (c) => <Link to={`/vergelijken?gemeente=${gemeente.code}&wijk=${c.row.original.area}&indicatoren=${indicator.code}`}>{c.getValue()}</Link>,
      }),
      col.accessor((r) => r.value ?? undefined, {
        id: 'waarde',
        header: () => (
          <>
            {indicator.name} <ProvenanceMark indicator={indicator} />
          </>
        ),
        cell: (c) => formatValue(c.row.original, unit),
        sortUndefined: 'last',
      }),
      col.accessor((r) => r.denominator ?? undefined, {
        id: 'leerlingen',
        header: 'Leerlingen',
        cell: (c) => (c.row.original.suppressed ? '–' : (c.getValue()?.toLocaleString('nl-NL') ?? '–')),
        sortUndefined: 'last',
      }),
      col.accessor((r) => formatInterval(r, unit), { id: 'interval', header: '95%-interval', enableSorting: false }),
      col.accessor('vsGemeente', { header: `Vergeleken met ${gemeente.name}` }),
      col.accessor('vsNederland', { header: 'Vergeleken met Nederland' }),
      ...(expectedShown
        ? [
            col.accessor((r) => r.expected?.difference ?? undefined, {
              id: 'verwacht',
              header: 't.o.v. verwacht',
              // A wijk without a figure of its own has no expected value either: '–'.
              cell: (c) => {
                const e = c.row.original.expected;
                return e && !c.row.original.suppressed ? expectedShortText({ ...e, dimension: 'opleiding_ouders' }, true) : '–';
              },
              sortUndefined: 'last',
            }),
          ]
        : []),
      ...(covidCohort
        ? [
            col.accessor((r) => r.covid?.difference ?? undefined, {
              id: 'covid',
              header: `Verschil ${shortCohortLabel(covidCohort)} met vóór COVID`,
              cell: (c) => (c.row.original.covid ? covidText(c.row.original.covid, unit, true) : '–'),
              sortUndefined: 'last',
            }),
          ]
        : []),
    ],
    [gemeente, indicator, unit, covidCohort, expectedShown],
  );

  return (
    <QueryState query={values} what="de wijken" isEmpty={(d) => d.data.length === 0} empty={noWijken(indicator)}>
      {() => (
        <>
          {geo.data && geo.data.features.length > 0 && (
            <div className="map-layout">
              <AreaMap
                geojson={geo.data}
                steps={steps}
                height={420}
                tooltip={(code) => [byCode.get(code)?.name ?? code, `${indicator.name}: ${formatValue(byCode.get(code), unit)}`]}
                label={`Kaart van de wijken van ${gemeente.name}: ${indicator.name}. Dezelfde gegevens staan in de wijktabel.`}
              />
              <Legend title={`${indicator.name} per wijk`} items={scale.legend} extra={[{ colour: NO_DATA_COLOUR, label: 'Afgeschermd of geen gegevens' }]} />
            </div>
          )}
          <DataTable
            data={rows}
            columns={columns}
            caption={`Wijken van ${gemeente.name}: ${indicator.name}`}
            initialSort={[{ id: 'waarde', desc: true }]}
            numeric={['waarde', 'leerlingen', 'interval']}
            testId="wijk-table"
          />
          {expectedShown ? (
            <p className="hint" data-testid="wijk-expected-hint">
              De kolom t.o.v. verwacht is de waarde van de wijk min wat haar leerlingen zouden halen tegen de landelijke cijfers van hun groep naar{' '}
              {MIX_PHRASES.opleiding_ouders}, in procentpunten, getoetst met het 95%-interval. Afgeschermd: een groep van de wijk is te klein om te publiceren,
              en de verwachte waarde zou haar grootte verraden.
            </p>
          ) : (
            expected.error && (
              <p className="hint" data-testid="wijk-expected-hint">
                {noExpected(expected.error)}
              </p>
            )
          )}
        </>
      )}
    </QueryState>
  );
}
