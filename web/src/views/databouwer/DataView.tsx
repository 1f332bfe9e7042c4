import { useEffect, useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import {
  BENCHMARK_LABELS,
  BENCHMARKS,
  GROUP_LABELS,
  significanceWord,
  cohortPhrase,
  disclosureSentence,
  formatInteger,
  isLocalLevel,
  LEVEL_PLURALS,
  MAX_PARENTS,
  type DataLevel,
  type Dimension,
} from '@gka/shared';
import { bulkUrl, exportUrl, useAreas, useBulkInfo, useChange, useGroups, useValues, type ValuesParams } from '../../api/hooks.ts';
import { usePageFigures } from '../../lib/banner.ts';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { Select } from '../../components/controls/Select.tsx';
import { CheckboxList } from '../../components/controls/CheckboxList.tsx';
import { GemeenteSelect } from '../../components/controls/GemeenteSelect.tsx';
import { DIMENSION_OPTIONS, cohortOptions, referenceOptions } from '../../components/controls/options.ts';
import { useIndicatorChoice } from '../../components/controls/useIndicatorChoice.ts';
import { CovidNote } from '../../components/CovidNote.tsx';
import { FunnelChart } from '../../components/funnel/LazyFunnelChart.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { TableScroll } from '../../components/table/TableScroll.tsx';
import { ErrorMessage, QueryState } from '../../components/status/Status.tsx';
import { SUPPRESSED_TEXT, formatInterval, formatValue } from '../../lib/format.ts';
import { useSearchState } from '../../lib/searchState.ts';
import { covidText } from '../../lib/significance.ts';
import { bulkSize, chosenGemeenten, coverageWords, parentParam, tableParent } from './parent.ts';
import { valueRows, type Row } from './rows.ts';

const col = createColumnHelper<Row>();

/** What the table can compare with: every benchmark; a group as 'groep:<code>'. */
const BENCHMARK_CHOICES = BENCHMARKS.filter((k) => k !== 'groep');
const GROUP_PREFIX = 'groep:';

/** Table builder for analysts: exactly what /api/v1/values returns, with CSV and XLSX downloads. */
export function DataView() {
  const { get, getList, set } = useSearchState();
  const choice = useIndicatorChoice(get('indicator'), get('cohort'));
  // The chosen indicator decides, whether or not a table is shown yet (wijken before a gemeente is chosen).
  usePageFigures(choice.indicator ? [choice.indicator.synthetic] : undefined);
  const niveau = get('niveau');
  const level: DataLevel = niveau === 'wijk' || niveau === 'school' ? niveau : 'gemeente';
  // Wijken or schools of a group, or of gemeenten chosen one by one (gemeente=GM0363,GM0344).
  const chosen = chosenGemeenten(getList('gemeente'));
  // A gemeente unticked stays in the list (unticked), so it can be ticked again.
  const [offered, setOffered] = useState<string[]>([]);
  const listed = [...new Set([...offered, ...chosen])];
  const parentGroup = get('groep');
  const local = isLocalLevel(level) ? tableParent(parentGroup, chosen) : undefined;
  const parent = parentParam(local);
  const dimension = (DIMENSION_OPTIONS.some((o) => o.value === get('dimensie')) ? get('dimensie') : 'totaal') as Dimension;
  const gemeenten = useAreas('gemeente');
  const groups = useGroups();
  // Gemeenten and groups by code; a group with its size, since a provincie shares its name with a gemeente (Utrecht).
  const names = useMemo(
    () =>
      new Map([
        ...(gemeenten.data?.data ?? []).map((g) => [g.code, g.name] as const),
        ...(groups.data?.data ?? []).map((g) => [g.code, `${g.name} (${g.members.length} gemeenten)`] as const),
      ]),
    [gemeenten.data, groups.data],
  );
  // The funnel's target is one gemeente: it is drawn for one gemeente's wijken or schools, or for the gemeenten.
  const funnelParent = local && 'gemeenten' in local && local.gemeenten.length === 1 ? local.gemeenten[0] : undefined;
  const bulk = useBulkInfo(level, parent);
  const coverage = coverageWords(level, local, names);
  const vergelijk = get('vergelijk');
  const groupCode = vergelijk?.startsWith(GROUP_PREFIX) ? vergelijk.slice(GROUP_PREFIX.length) : undefined;
  const group = groups.data?.data.find((g) => g.code === groupCode);
  const params: ValuesParams = { indicator: choice.indicator?.code, cohort: choice.cohort?.code, level, parent, dimension, group: group?.code };
  const values = useValues(params);
  const unit = choice.indicator?.unit ?? 'percentage';
  const benchmark = group ? 'groep' : (BENCHMARK_CHOICES.find((k) => k === get('vergelijk')) ?? 'nederland');
  const shownBenchmark = benchmark === 'gemeente' && !isLocalLevel(level) ? 'nederland' : benchmark;
  const references = referenceOptions(choice.indicator, choice.cohort?.code);
  const reference = references.some((r) => r.value === get('tov')) ? get('tov') : undefined;
  const referenceLabel = references.find((r) => r.value === reference)?.label;
  const change = useChange({ ...params, reference: reference ?? '' }, !!reference);

  // The URL says what the controls show: a cohort, comparison or reference the indicator lacks is dropped.
  useEffect(() => {
    if (!choice.indicator) return;
    const patch: Record<string, undefined> = {};
    if (get('cohort') && get('cohort') !== choice.cohort?.code) patch.cohort = undefined;
    if (get('tov') && !reference) patch.tov = undefined;
    if (Object.keys(patch).length) set(patch);
  }, [choice.indicator, choice.cohort, reference, get, set]);

  const rows = useMemo(() => valueRows(values.data, change.data, shownBenchmark, reference), [values.data, change.data, shownBenchmark, reference]);

  const columns = useMemo(
    () => [
      // The name first: it stays in view while the table scrolls sideways on a phone.
      col.accessor('name', { header: 'Naam' }),
      col.accessor('area', { header: 'Code' }),
      col.accessor('group', { header: 'Groep', cell: (c) => GROUP_LABELS[c.getValue()] ?? c.getValue() }),
      col.accessor((r) => r.numerator ?? undefined, {
        id: 'teller',
        header: 'Teller',
        cell: (c) => (c.row.original.suppressed ? SUPPRESSED_TEXT : formatInteger(c.getValue())),
        sortUndefined: 'last',
      }),
      col.accessor((r) => r.denominator ?? undefined, {
        id: 'noemer',
        header: 'Noemer',
        cell: (c) => (c.row.original.suppressed ? SUPPRESSED_TEXT : formatInteger(c.getValue())),
        sortUndefined: 'last',
      }),
      col.accessor((r) => r.value ?? undefined, {
        id: 'waarde',
        header: unit === 'percentage' ? 'Percentage' : 'Gemiddelde',
        cell: (c) => formatValue(c.row.original, unit),
        sortUndefined: 'last',
      }),
      col.accessor((r) => formatInterval(r, unit), { id: 'interval', header: '95%-interval', enableSorting: false }),
      col.accessor((r) => r.benchmark ?? undefined, {
        id: 'benchmark',
        header: shownBenchmark === 'groep' && group ? `Groep: ${group.name}` : BENCHMARK_LABELS[shownBenchmark],
        cell: (c) => formatValue({ value: c.getValue() ?? null }, unit),
        sortUndefined: 'last',
      }),
      col.accessor((r) => (r.suppressed ? '–' : significanceWord(r.significance, r.difference)), { id: 'significantie', header: 'Significantie' }),
      ...(reference
        ? [
            col.accessor((r) => (r.change && !r.change.suppressed ? (r.change.difference ?? undefined) : undefined), {
              id: 'verandering',
              header: `Verandering t.o.v. ${referenceLabel ?? reference}`,
              cell: (c) => (c.row.original.change ? covidText(c.row.original.change, unit, true) : '–'),
              sortUndefined: 'last',
            }),
          ]
        : []),
    ],
    [unit, shownBenchmark, reference, referenceLabel, group],
  );

  const needsParent = isLocalLevel(level) && !parent;
  const plural = LEVEL_PLURALS[level];
  return (
    <>
      <h1>Data: tabellen en downloads</h1>
      <p className="lead">
        Stel een tabel samen en download precies die tabel als CSV (puntkomma, UTF-8, voor Nederlandse Excel) of als Excel-bestand, of{' '}
        <a href="#alles">alles in één bestand</a>. Dezelfde gegevens zijn beschikbaar via de <a href="/api/docs">REST API</a>.
      </p>
      {choice.error && <ErrorMessage error={choice.error} retry={choice.refetch} />}
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Tabelbouwer">
        <Select
          label="Indicator"
          value={choice.indicator?.code}
          options={choice.indicators.map((i) => ({ value: i.code, label: i.name }))}
          // A cohort the next indicator lacks is dropped, so the URL never names a cohort the dropdown does not show.
          onChange={(v) =>
            set({
              indicator: v,
              cohort: cohortOptions(choice.indicators.find((i) => i.code === v)).some((c) => c.value === get('cohort')) ? get('cohort') : undefined,
              tov: undefined,
            })
          }
          name="indicator"
        />
        <Select label="Cohort" value={choice.cohort?.code} options={cohortOptions(choice.indicator)} onChange={(v) => set({ cohort: v })} name="cohort" />
        <Select
          label="Niveau"
          value={level}
          options={[
            { value: 'gemeente', label: 'Gemeenten' },
            { value: 'wijk', label: 'Wijken' },
            { value: 'school', label: 'Scholen' },
          ]}
          onChange={(v) => set({ niveau: v === 'gemeente' ? undefined : v })}
          name="niveau"
        />
        {isLocalLevel(level) && (
          <Select
            label={`${plural.charAt(0).toUpperCase()}${plural.slice(1)} van`}
            value={parentGroup ?? ''}
            options={[
              { value: '', label: 'Gekozen gemeenten' },
              ...(groups.data?.data ?? []).map((g) => ({ value: g.code, label: names.get(g.code) ?? g.name })),
            ]}
            onChange={(v) => set({ groep: v || undefined })}
            name="groep"
          />
        )}
        {isLocalLevel(level) && !parentGroup && chosen.length < MAX_PARENTS && (
          <GemeenteSelect
            gemeenten={(gemeenten.data?.data ?? []).filter((g) => !listed.includes(g.code))}
            value=""
            label={chosen.length ? 'Gemeente toevoegen' : 'Gemeente'}
            onChange={(v) => {
              if (v) set({ gemeente: [...chosen, v] });
            }}
          />
        )}
        <Select
          label="Uitsplitsing"
          value={dimension}
          options={DIMENSION_OPTIONS}
          onChange={(v) => set({ dimensie: v === 'totaal' ? undefined : v })}
          name="dimensie"
        />
        <Select
          label="Vergelijk met"
          value={group ? `${GROUP_PREFIX}${group.code}` : shownBenchmark}
          options={[
            ...BENCHMARK_CHOICES.filter((k) => k !== 'gemeente' || isLocalLevel(level)).map((k) => ({ value: k, label: BENCHMARK_LABELS[k] })),
            ...(groups.data?.data ?? []).map((g) => ({ value: `${GROUP_PREFIX}${g.code}`, label: `Groep: ${g.name}` })),
          ]}
          onChange={(v) => set({ vergelijk: v === 'nederland' ? undefined : v })}
          name="vergelijk"
        />
        {references.length > 0 && (
          <Select label="Verandering t.o.v." value={reference} placeholder="Geen" options={references} onChange={(v) => set({ tov: v })} name="tov" />
        )}
      </form>
      {isLocalLevel(level) && !parentGroup && listed.length > 0 && (
        <form className="filters filters--stacked" onSubmit={(e) => e.preventDefault()} aria-label="Gekozen gemeenten">
          <CheckboxList
            legend={`Gekozen gemeenten (${chosen.length} van hoogstens ${MAX_PARENTS}; voor meer: kies een groep)`}
            options={listed.map((c) => ({ value: c, label: names.get(c) ?? c }))}
            selected={chosen}
            onChange={(codes) => {
              setOffered(listed);
              set({ gemeente: codes.slice(0, MAX_PARENTS) });
            }}
            name="gekozen"
          />
        </form>
      )}
      {choice.indicator && (
        <dl className="definition">
          <dt>{choice.indicator.name}</dt>
          <dd>{choice.indicator.definition}</dd>
          <dt>Teller</dt>
          <dd>{choice.indicator.numeratorDefinition}</dd>
          <dt>Noemer</dt>
          <dd>{choice.indicator.denominatorDefinition}</dd>
          <dt>Bron</dt>
          <dd>
            {choice.indicator.source} <ProvenanceMark indicator={choice.indicator} />
          </dd>
        </dl>
      )}
      {choice.cohort && <CovidNote cohorts={[choice.cohort]} />}
      {needsParent ? (
        <p className="status status--empty">Kies een of meer gemeenten, of een groep, om hun {plural} te tonen.</p>
      ) : (
        <>
          <p className="downloads">
            <a className="button" href={exportUrl('csv', params, reference)} download data-testid="download-csv">
              Download CSV
            </a>{' '}
            <a className="button" href={exportUrl('xlsx', params, reference)} download data-testid="download-xlsx">
              Download Excel (XLSX)
            </a>{' '}
            <a href={exportUrl('csv', params, reference, true)} download data-testid="download-metadata">
              Definities en bronnen (tekst)
            </a>
          </p>
          <p className="hint">
            Elk bestand heeft alle vergelijkingswaarden als kolommen, met provincie, stedelijkheid, GKA en de gemeente bij wijken
            {reference ? ', en de verandering t.o.v. de gekozen referentie' : ''}. De CSV begint met de kopregel; definities en bronnen staan in het
            tekstbestand en in het Excel-blad Bronnen.
          </p>
          <QueryState query={values} what="de tabel" isEmpty={(d) => d.data.length === 0} empty="Geen waarden voor deze keuze.">
            {(d) => (
              <>
                <DataTable
                  data={rows}
                  columns={columns}
                  caption={`${d.meta.indicator.name}, ${cohortPhrase(d.meta.cohort)}: ${d.data.length} rijen. ${disclosureSentence(d.meta.minCell)}`}
                  numeric={['teller', 'noemer', 'waarde', 'interval', 'benchmark', 'verandering']}
                  testId="values-table"
                />
                <h2>Vergelijkingswaarden</h2>
                <TableScroll label="Benchmarks bij deze tabel">
                  <table className="data-table">
                    <caption>Benchmarks bij deze tabel</caption>
                    <thead>
                      <tr>
                        <th scope="col">Benchmark</th>
                        <th scope="col">Groep</th>
                        <th scope="col" className="num">
                          Waarde
                        </th>
                        <th scope="col" className="num">
                          95%-interval
                        </th>
                        <th scope="col" className="num">
                          Aantal gebieden
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.benchmarks.map((b) => (
                        <tr key={`${b.kind}-${b.group}`}>
                          <th scope="row">{b.label}</th>
                          <td>{GROUP_LABELS[b.group] ?? b.group}</td>
                          <td className="num">{formatValue({ value: b.value }, unit)}</td>
                          <td className="num">{formatInterval(b, unit)}</td>
                          <td className="num">{formatInteger(b.n)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </>
            )}
          </QueryState>
          {choice.indicator && (
            <section aria-labelledby="trechter-kop">
              <h2 id="trechter-kop">Trechterdiagram van de {plural}</h2>
              {dimension !== 'totaal' ? (
                <p className="status status--empty">Het trechterdiagram toont het totaal: kies bij Uitsplitsing &lsquo;Totaal&rsquo;.</p>
              ) : isLocalLevel(level) && !funnelParent ? (
                <p className="status status--empty">Het trechterdiagram vergelijkt de {plural} van één gemeente met die gemeente: kies één gemeente.</p>
              ) : (
                <FunnelChart
                  indicator={choice.indicator}
                  cohort={choice.cohort?.code}
                  level={level}
                  parent={funnelParent ? { code: funnelParent, name: names.get(funnelParent) ?? funnelParent } : undefined}
                  highlight={get('markeer')}
                  onHighlight={(v) => set({ markeer: v })}
                />
              )}
            </section>
          )}
        </>
      )}
      <section aria-labelledby="alles-kop" id="alles">
        <h2 id="alles-kop">Alles in één bestand</h2>
        <p className="hint">
          Elke indicator, elk cohort en elke uitsplitsing van {coverage} in lang formaat: één waarde per regel, afgeschermd als in elke tabel van het dashboard.
          Getalkolommen bevatten alleen getallen; waarom een cel leeg is, staat in een eigen kolom.
        </p>
        <p className="downloads">
          <a className="button" href={bulkUrl(level, parent)} download data-testid="download-bulk">
            Download CSV: {coverage}
          </a>
        </p>
        <p className="hint" data-testid="bulk-size">
          {bulk.data ? bulkSize(bulk.data.data.rows) : bulk.isError ? 'De grootte kon niet worden geteld.' : 'De grootte wordt geteld…'}
        </p>
      </section>
    </>
  );
}
