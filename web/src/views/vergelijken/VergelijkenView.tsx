import { useMemo } from 'react';
import { BENCHMARK_IN_SENTENCE } from '@gka/shared';
import { useAreas } from '../../api/hooks.ts';
import { usePageFigures } from '../../lib/banner.ts';
import { Select } from '../../components/controls/Select.tsx';
import { GemeenteSelect } from '../../components/controls/GemeenteSelect.tsx';
import { CheckboxList } from '../../components/controls/CheckboxList.tsx';
import { useIndicatorChoice } from '../../components/controls/useIndicatorChoice.ts';
import { ErrorMessage, Loading } from '../../components/status/Status.tsx';
import { useSearchState } from '../../lib/searchState.ts';
import { IndicatorComparison } from './IndicatorComparison.tsx';
import { SchoolList } from './SchoolList.tsx';
import { benchmarkExplanation, WijkHeatmap, type HeatmapBenchmark } from './WijkHeatmap.tsx';
import { WijkProfile } from './WijkProfile.tsx';
import { usePageTitle } from '../../lib/page.ts';

/** Wijken vergelijken (for the gemeente): wijken against each other, the own gemeente and the average gemeente. */
const NONE = 'geen';

export function VergelijkenView() {
  const { get, getList, set } = useSearchState();
  const gemeente = get('gemeente');
  const gemeenten = useAreas('gemeente');
  const wijken = useAreas('wijk', gemeente);
  const choice = useIndicatorChoice(undefined, undefined, false);
  const chosenWijken = getList('wijken');
  const indicatorParam = get('indicatoren') ?? '';
  const cohortParam = get('cohort');
  const wijkList = wijken.data?.data ?? [];
  // No wijken parameter means all wijken of the gemeente; 'geen' means none.
  const activeWijken = chosenWijken.length ? wijkList.filter((w) => chosenWijken.includes(w.code)) : wijkList;
  // Only indicators with values per wijk can be compared here; the others are listed, disabled, with the reason.
  const indicators = useMemo(() => {
    const chosen = indicatorParam.split(',');
    const withWijken = choice.indicators.filter((i) => i.hasWijken);
    const picked = withWijken.filter((i) => chosen.includes(i.code));
    return picked.length ? picked : withWijken.slice(0, 1);
  }, [choice.indicators, indicatorParam]);
  // The wijk the page is about (a wijk link leads here): its own figures first, singled out among the others.
  const focus = wijkList.find((w) => w.code === get('wijk'));
  const withWijken = useMemo(() => choice.indicators.filter((i) => i.hasWijken), [choice.indicators]);
  const against: HeatmapBenchmark = get('vergelijk') === 'gemeenten' ? 'gemeenten' : 'gemeente';
  const cohortOf = (i: (typeof indicators)[number]) =>
    i.cohorts.find((c) => c.code === cohortParam) ?? i.pools.find((c) => c.code === cohortParam) ?? i.cohorts.at(-1);
  // The cohorts of the chosen indicators, each once and in order: an indicator without the chosen one shows its latest.
  const cohorts = useMemo(() => {
    const seen = new Map(indicators.flatMap((i) => [...i.cohorts, ...i.pools]).map((c) => [c.code, c]));
    return [...seen.values()];
  }, [indicators]);
  usePageFigures(choice.isLoading ? undefined : indicators.map((i) => i.synthetic));
  const gemeenteArea = gemeenten.data?.data.find((g) => g.code === gemeente);
  usePageTitle(gemeenteArea && (focus ? `Wijk ${focus.name} (${gemeenteArea.name})` : `Wijken vergelijken: ${gemeenteArea.name}`));
  const error = gemeenten.error ?? wijken.error ?? choice.error;

  return (
    <>
      <h1>Wijken vergelijken</h1>
      <p className="lead">
        Vergelijk de wijken van een gemeente met elkaar, met de eigen gemeente en met het gemiddelde van de Nederlandse gemeenten, op meerdere indicatoren
        tegelijk.
      </p>
      {error && <ErrorMessage error={error} retry={choice.refetch} />}
      {focus && gemeente && (
        <section aria-labelledby="wijk-title">
          <h2 id="wijk-title">Wijk {focus.name}</h2>
          <p className="hint">
            {focus.name} op alle indicatoren met wijkcijfers, naast {gemeenteArea?.name ?? gemeente} en Nederland. Onder de keuzes staat de wijk tussen de
            andere wijken: vetgedrukt in het overzicht, met een donkere rand en een pijl in de grafieken.
          </p>
          <WijkProfile wijk={focus} indicators={withWijken} cohortOf={cohortOf} gemeenteName={gemeenteArea?.name ?? gemeente} />
        </section>
      )}
      <form className="filters filters--stacked" onSubmit={(e) => e.preventDefault()} aria-label="Keuze van gemeente, wijken en indicatoren">
        {gemeenten.data ? (
          <GemeenteSelect gemeenten={gemeenten.data.data} value={gemeente} onChange={(v) => set({ gemeente: v, wijken: undefined, wijk: undefined })} />
        ) : (
          gemeenten.isLoading && <Loading what="de gemeenten" />
        )}
        {gemeente && wijkList.length > 0 && (
          <Select
            label="Eén wijk uitlichten"
            value={focus?.code}
            placeholder="Geen"
            options={wijkList.map((w) => ({ value: w.code, label: w.name }))}
            onChange={(v) => set({ wijk: v || undefined })}
            name="wijk"
          />
        )}
        {gemeente && wijken.data && (
          <CheckboxList
            legend={`Wijken (${activeWijken.length} van ${wijkList.length} gekozen)`}
            options={wijkList.map((w) => ({ value: w.code, label: w.name }))}
            selected={activeWijken.map((w) => w.code)}
            onChange={(codes) => set({ wijken: codes.length === wijkList.length ? undefined : codes.length ? codes : NONE })}
            name="wijken"
          />
        )}
        {cohorts.length > 0 && (
          <Select
            label="Cohort"
            value={cohortParam}
            placeholder="Laatste cohort per indicator"
            options={cohorts.map((c) => ({ value: c.code, label: c.label }))}
            onChange={(v) => set({ cohort: v })}
            name="cohort"
          />
        )}
        {choice.indicators.length > 0 && (
          <CheckboxList
            legend="Indicatoren"
            options={choice.indicators.map((i) => ({ value: i.code, label: i.name, disabled: i.hasWijken ? undefined : 'geen cijfers per wijk' }))}
            selected={indicators.map((i) => i.code)}
            onChange={(codes) => set({ indicatoren: codes })}
            name="indicatoren"
          />
        )}
      </form>
      {!gemeente ? (
        <p className="status status--empty">Kies eerst een gemeente.</p>
      ) : wijken.isLoading ? (
        <Loading what="de wijken" />
      ) : activeWijken.length === 0 ? (
        <p className="status status--empty">Deze gemeente heeft geen wijken met gegevens, of er is geen wijk gekozen.</p>
      ) : (
        <>
          <section aria-labelledby="heatmap-title">
            <h2 id="heatmap-title">Alle gekozen indicatoren in één overzicht</h2>
            <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Vergelijking van het overzicht">
              <Select
                label="Vergelijk elke wijk met"
                value={against}
                options={[
                  { value: 'gemeente', label: gemeenteArea?.name ?? BENCHMARK_IN_SENTENCE.gemeente },
                  { value: 'gemeenten', label: BENCHMARK_IN_SENTENCE.gemeenten },
                ]}
                onChange={(v) => set({ vergelijk: v === 'gemeenten' ? v : undefined })}
                name="vergelijk"
              />
            </form>
            <p className="hint">{benchmarkExplanation(against, gemeenteArea?.name ?? gemeente)}</p>
            <WijkHeatmap
              indicators={indicators}
              cohortOf={cohortOf}
              wijken={activeWijken}
              gemeenteName={gemeenteArea?.name ?? gemeente}
              against={against}
              focus={focus?.code}
            />
          </section>
          <h2>Per indicator</h2>
          {indicators.map((i) => (
            <IndicatorComparison
              key={i.code}
              indicator={i}
              cohort={cohortOf(i)}
              wijken={activeWijken.map((w) => w.code)}
              gemeenteName={gemeenteArea?.name ?? gemeente}
              highlight={focus?.code}
            />
          ))}
        </>
      )}
      {gemeente && (
        <section aria-labelledby="scholen-title">
          <h2 id="scholen-title">Scholen in {gemeenteArea?.name ?? gemeente}</h2>
          <p className="hint">Wijken tellen leerlingen waar ze wonen, scholen waar ze les krijgen: de twee vergelijk je niet één op één.</p>
          <SchoolList gemeente={gemeente} name={gemeenteArea?.name ?? gemeente} />
        </section>
      )}
    </>
  );
}
