import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { stedelijkheidLabel, type Area, type Value, disclosureSentence, cohortPhrase, expectedShortText, MIX_PHRASES } from '@gka/shared';
import { useAreas, useChange, useExpected, useGeo, useValues } from '../../api/hooks.ts';
import { usePageFigures } from '../../lib/banner.ts';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { AreaMap } from '../../components/map/AreaMap.tsx';
import { Legend } from '../../components/legend/Legend.tsx';
import { Select } from '../../components/controls/Select.tsx';
import { GROUP_OPTIONS, cohortOptions, parseGroup, referenceOptions } from '../../components/controls/options.ts';
import { useIndicatorChoice } from '../../components/controls/useIndicatorChoice.ts';
import { ErrorMessage, Loading } from '../../components/status/Status.tsx';
import { CovidNote } from '../../components/CovidNote.tsx';
import { useSearchState } from '../../lib/searchState.ts';
import { CHANGE_CLASSES, CHANGE_PALETTE, DIFFERENCE_PALETTE, differenceScale, NO_DATA_COLOUR, STEDELIJKHEID_LEGEND, valueScale } from '../../lib/scale.ts';
import { covidText } from '../../lib/significance.ts';
import { formatValue } from '../../lib/format.ts';
import { GemeentenTable } from './GemeentenTable.tsx';
import { mapSteps } from './steps.ts';

const STEDELIJKHEID_MODE = 'stedelijkheid';
/** `tov=verwacht`: colour by observed − expected instead of a change since a reference cohort. */
const VERWACHT = 'verwacht';
const gemeenteHref = (code: string) => `/gemeente/${code}`;

export function KaartView() {
  const { get, set } = useSearchState();
  const navigate = useNavigate();
  const mode = get('indicator') ?? STEDELIJKHEID_MODE;
  const choice = useIndicatorChoice(mode, get('cohort'), false);
  const { dimension, group } = parseGroup(get('groep'));
  const geo = useGeo('gemeente');
  const areas = useAreas('gemeente');
  const indicator = choice.indicator;
  // Coloured by stedelijkheid the map shows no indicator's figures: then the boundaries decide the banner.
  usePageFigures(choice.isLoading ? undefined : indicator ? [indicator.synthetic] : []);
  const values = useValues({ indicator: indicator?.code, cohort: choice.cohort?.code, level: 'gemeente', dimension }, !!indicator);
  // Colour by the change since a reference (the cohorts before COVID, or an earlier cohort) instead of the value.
  const references = referenceOptions(indicator, choice.cohort?.code);
  const reference = references.find((r) => r.value === get('tov'));
  const change = useChange(
    { indicator: indicator?.code, cohort: choice.cohort?.code, level: 'gemeente', dimension, reference: reference?.value ?? '' },
    !!indicator && !!reference,
  );
  const changeByCode = useMemo(
    () => (reference ? new Map((change.data?.data ?? []).filter((c) => c.group === group).map((c) => [c.area, c])) : null),
    [reference, change.data, group],
  );
  const referenceLabel = reference?.label;
  const changes = useMemo(() => (changeByCode && referenceLabel ? { byCode: changeByCode, label: referenceLabel } : undefined), [changeByCode, referenceLabel]);
  // Observed − expected: asked where the catalogue says the indicator can have it, so that the choice is offered only where /expected has figures.
  const expectedAsked = !!indicator?.mixDimensions.includes('opleiding_ouders') && group === 'totaal';
  const expected = useExpected({ indicator: indicator?.code, cohort: choice.cohort?.code, level: 'gemeente' }, expectedAsked);
  const expectedRows = useMemo(() => {
    const d = expected.data;
    return indicator && group === 'totaal' && d?.meta.indicator.code === indicator.code && d.meta.cohort.code === choice.cohort?.code ? d.data : null;
  }, [expected.data, indicator, group, choice.cohort?.code]);
  const hasExpected = !!expectedRows?.some((e) => e.difference !== null);
  const expectedShown = get('tov') === VERWACHT && hasExpected;
  const expectedByCode = useMemo(() => (expectedShown && expectedRows ? new Map(expectedRows.map((e) => [e.area, e])) : null), [expectedShown, expectedRows]);
  const differences = useMemo(
    () => differenceScale((expectedRows ?? []).flatMap((e) => (e.suppressed || e.difference === null ? [] : [e.difference]))),
    [expectedRows],
  );
  // While /expected loads for the chosen indicator, `tov=verwacht` stays: the choice may yet be offered.
  const expectedPending = expectedAsked && !expected.error && !expectedRows;
  useEffect(() => {
    const tov = get('tov');
    if (!tov || !indicator || reference) return;
    if (tov !== VERWACHT || (!hasExpected && !expectedPending)) set({ tov: undefined });
  }, [get, set, indicator, reference, hasExpected, expectedPending]);

  const areaByCode = useMemo(() => new Map((areas.data?.data ?? []).map((a) => [a.code, a])), [areas.data]);
  const gka = useMemo(() => new Set((areas.data?.data ?? []).filter((a) => a.gka).map((a) => a.code)), [areas.data]);
  // Not the previous indicator's figures while the chosen one's load: they would be coloured and labelled in the new unit.
  const rows = useMemo(
    () => (indicator && values.data?.meta.indicator.code === indicator.code ? values.data.data.filter((v) => v.group === group) : []),
    [indicator, values.data, group],
  );
  const valueByCode = useMemo(() => new Map(rows.map((v) => [v.area, v])), [rows]);
  const numbers = useMemo(() => rows.flatMap((v) => (v.value === null ? [] : [v.value])), [rows]);
  const scale = useMemo(() => valueScale(numbers, indicator?.unit ?? 'percentage'), [numbers, indicator?.unit]);

  const steps = useMemo(
    () => mapSteps(indicator, areaByCode, rows, scale, changeByCode, expectedByCode && { byCode: expectedByCode, scale: differences }),
    [indicator, areaByCode, rows, scale, changeByCode, expectedByCode, differences],
  );

  // The map's tooltip and each gemeente's accessible name on the map.
  const tooltip = useCallback(
    (code: string): string[] => {
      const a: Area | undefined = areaByCode.get(code);
      const v: Value | undefined = valueByCode.get(code);
      const change = changeByCode?.get(code);
      const e = expectedByCode?.get(code);
      return [
        a?.name ?? v?.name ?? code,
        indicator ? `${indicator.name}: ${formatValue(v, indicator.unit)}` : `Stedelijkheid: ${stedelijkheidLabel(a?.stedelijkheid)}`,
        ...(indicator && changeByCode && referenceLabel
          ? [`Verandering t.o.v. ${referenceLabel}: ${change ? covidText(change, indicator.unit) : 'geen gegevens'}`]
          : []),
        ...(indicator && expectedByCode ? [`t.o.v. verwacht: ${e ? expectedShortText({ ...e, dimension: 'opleiding_ouders' }) : 'geen gegevens'}`] : []),
        ...(a?.gka ? ['GKA-gemeente'] : []),
      ];
    },
    [areaByCode, valueByCode, changeByCode, expectedByCode, indicator, referenceLabel],
  );

  // The map first, then its table of every gemeente below it: rendering both in one go would hold up the map.
  const [mapShown, setMapShown] = useState(false);
  const showTable = useCallback(() => setMapShown(true), []);
  const onSelect = useCallback((code: string) => void navigate(gemeenteHref(code)), [navigate]);

  const options = [{ value: STEDELIJKHEID_MODE, label: 'Stedelijkheid (CBS)' }, ...choice.indicators.map((i) => ({ value: i.code, label: i.name }))];
  const what = indicator
    ? `${indicator.name}, ${choice.cohort ? cohortPhrase(choice.cohort) : ''}${dimension === 'totaal' ? '' : `, ${GROUP_OPTIONS.find((o) => o.value === `${dimension}:${group}`)?.label.toLowerCase()}`}`
    : '';
  const legendTitle = !indicator
    ? 'Stedelijkheid (CBS), naar omgevingsadressendichtheid'
    : expectedShown
      ? `Verschil t.o.v. verwacht: ${what} (verwacht op grond van ${MIX_PHRASES.opleiding_ouders})`
      : reference
        ? `Verandering: ${what} t.o.v. ${reference.label} (95%-interval)`
        : what;
  const error = geo.error ?? areas.error ?? choice.error ?? values.error ?? change.error ?? (expectedShown ? expected.error : null);

  return (
    <>
      <h1>Kaart van de gemeenten</h1>
      <p className="lead">
        Alle gemeenten van Nederland, gekleurd naar stedelijkheid of naar een indicator. GKA-gemeenten hebben een dikke rand. Klik op een gemeente (of kies haar
        in de tabel onder de kaart) voor het gemeenteprofiel.
      </p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Kaartinstellingen">
        <Select
          label="Kleur de kaart op"
          value={indicator ? indicator.code : STEDELIJKHEID_MODE}
          options={options}
          onChange={(v) => set({ indicator: v === STEDELIJKHEID_MODE ? undefined : v })}
          name="indicator"
        />
        {indicator && (
          <>
            <Select label="Cohort" value={choice.cohort?.code} options={cohortOptions(indicator)} onChange={(v) => set({ cohort: v })} name="cohort" />
            <Select
              label="Groep leerlingen"
              value={`${dimension}:${group}`}
              options={GROUP_OPTIONS}
              onChange={(v) => set({ groep: v === 'totaal:totaal' ? undefined : v })}
              name="groep"
            />
            {(references.length > 0 || hasExpected) && (
              <Select
                label="Toon"
                value={expectedShown ? VERWACHT : (reference?.value ?? '')}
                options={[
                  { value: '', label: 'De waarde' },
                  ...(hasExpected ? [{ value: VERWACHT, label: 'Verschil t.o.v. verwacht (gegeven de leerlingen)' }] : []),
                  ...references.map((r) => ({ value: r.value, label: `Verandering t.o.v. ${r.label}` })),
                ]}
                onChange={(v) => set({ tov: v || undefined })}
                name="tov"
              />
            )}
          </>
        )}
      </form>
      {choice.cohort && indicator && <CovidNote cohorts={[choice.cohort]} />}
      {error ? (
        <ErrorMessage error={error} retry={() => void Promise.all([geo.refetch(), areas.refetch(), values.refetch()])} />
      ) : !geo.data || !areas.data ? (
        <Loading what="de kaart" />
      ) : geo.data.features.length === 0 ? (
        <p className="status status--empty">
          Er zijn nog geen gemeentegrenzen geladen. Importeer ze met <code>pnpm gka import-geo</code>.
        </p>
      ) : (
        <>
          <div className="map-layout">
            <AreaMap
              svgFirst
              onShown={showTable}
              geojson={geo.data}
              steps={steps}
              palette={expectedShown ? DIFFERENCE_PALETTE : reference ? CHANGE_PALETTE : undefined}
              emphasised={gka}
              tooltip={tooltip}
              onSelect={onSelect}
              href={gemeenteHref}
              label={`Kaart: ${legendTitle}. Dezelfde gegevens staan in de tabel onder de kaart.`}
            />
            <Legend
              title={legendTitle}
              items={!indicator ? STEDELIJKHEID_LEGEND : expectedShown ? differences.legend : reference ? CHANGE_CLASSES.map((c) => ({ ...c })) : scale.legend}
              extra={[
                ...(indicator ? [{ colour: NO_DATA_COLOUR, label: 'Afgeschermd of geen gegevens' }] : []),
                { colour: '#1a1a1a', label: 'GKA-gemeente (dikke rand)', outline: true },
              ]}
            />
          </div>
          {expectedShown && (
            <p className="hint" data-testid="kaart-expected-hint">
              Verwacht: wat de leerlingen van de gemeente zouden halen tegen de landelijke cijfers van hun groep naar {MIX_PHRASES.opleiding_ouders}. De kleur
              zegt hoeveel procentpunt de gemeente daarboven of -onder zit; of dat significant is, staat in de tabel. Geen gegevens: een groep van de gemeente
              is afgeschermd of ontbreekt.
            </p>
          )}
          {indicator && values.data && (
            <p className="hint">
              <ProvenanceMark indicator={indicator} /> {disclosureSentence(values.data.meta.minCell)}
            </p>
          )}
          {/* Only while other figures are shown: revalidating the shown ones (on focus) needs no notice. */}
          {indicator && values.isFetching && (values.isPending || values.isPlaceholderData) && <Loading what="de waarden" />}
          {mapShown ? (
            <GemeentenTable
              areas={areas.data.data}
              values={indicator ? valueByCode : null}
              indicator={indicator}
              changes={changes}
              expected={expectedByCode ?? undefined}
            />
          ) : (
            <Loading what="de tabel" />
          )}
          <p>
            <Link to="/data">Naar de tabelbouwer en downloads</Link>
          </p>
        </>
      )}
    </>
  );
}
