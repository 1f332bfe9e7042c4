import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { GROUP_LABELS, formatInteger, type Dimension, type Value, disclosureSentence, cohortPhrase } from '@gka/shared';
import { exportUrl, useAreas, useValues, type ValuesParams } from '../../api/hooks.ts';
import { Select } from '../../components/controls/Select.tsx';
import { DIMENSION_OPTIONS, cohortOptions } from '../../components/controls/options.ts';
import { useIndicatorChoice } from '../../components/controls/useIndicatorChoice.ts';
import { CovidNote } from '../../components/CovidNote.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { ErrorMessage, QueryState } from '../../components/status/Status.tsx';
import { SUPPRESSED_TEXT, formatInterval, formatValue } from '../../lib/format.ts';
import { useSearchState } from '../../lib/searchState.ts';

const col = createColumnHelper<Value>();

/** Table builder for analysts: exactly what /api/v1/values returns, with CSV and XLSX downloads. */
export function DataView() {
  const { get, set } = useSearchState();
  const choice = useIndicatorChoice(get('indicator'), get('cohort'));
  const level = get('niveau') === 'wijk' ? 'wijk' : 'gemeente';
  const parent = level === 'wijk' ? get('gemeente') : undefined;
  const dimension = (DIMENSION_OPTIONS.some((o) => o.value === get('dimensie')) ? get('dimensie') : 'totaal') as Dimension;
  const gemeenten = useAreas('gemeente');
  const params: ValuesParams = { indicator: choice.indicator?.code, cohort: choice.cohort?.code, level, parent, dimension };
  const values = useValues(params);
  const unit = choice.indicator?.unit ?? 'percentage';

  const columns = useMemo(
    () => [
      col.accessor('area', { header: 'Code' }),
      col.accessor('name', { header: 'Naam' }),
      col.accessor('group', { header: 'Groep', cell: (c) => GROUP_LABELS[c.getValue()] ?? c.getValue() }),
      col.accessor((r) => r.numerator ?? undefined, { id: 'teller', header: 'Teller', cell: (c) => (c.row.original.suppressed ? SUPPRESSED_TEXT : formatInteger(c.getValue())), sortUndefined: 'last' }),
      col.accessor((r) => r.denominator ?? undefined, { id: 'noemer', header: 'Noemer', cell: (c) => (c.row.original.suppressed ? SUPPRESSED_TEXT : formatInteger(c.getValue())), sortUndefined: 'last' }),
      col.accessor((r) => r.value ?? undefined, { id: 'waarde', header: unit === 'percentage' ? 'Percentage' : 'Gemiddelde', cell: (c) => formatValue(c.row.original, unit), sortUndefined: 'last' }),
      col.accessor((r) => formatInterval(r, unit), { id: 'interval', header: '95%-interval', enableSorting: false }),
    ],
    [unit],
  );

  const needsParent = level === 'wijk' && !parent;
  return (
    <>
      <h1>Data: tabellen en downloads</h1>
      <p className="lead">
        Stel een tabel samen en download precies die tabel als CSV (puntkomma, UTF-8, voor Nederlandse Excel) of als Excel-bestand.
        Dezelfde gegevens zijn beschikbaar via de <a href="/api/docs">REST API</a>.
      </p>
      {choice.error && <ErrorMessage error={choice.error} retry={choice.refetch} />}
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Tabelbouwer">
        <Select label="Indicator" value={choice.indicator?.code} options={choice.indicators.map((i) => ({ value: i.code, label: i.name }))} onChange={(v) => set({ indicator: v })} name="indicator" />
        <Select label="Cohort" value={choice.cohort?.code} options={cohortOptions(choice.indicator)} onChange={(v) => set({ cohort: v })} name="cohort" />
        <Select
          label="Niveau"
          value={level}
          options={[
            { value: 'gemeente', label: 'Gemeenten' },
            { value: 'wijk', label: 'Wijken' },
          ]}
          onChange={(v) => set({ niveau: v === 'gemeente' ? undefined : v })}
          name="niveau"
        />
        {level === 'wijk' && (
          <Select
          label="Gemeente"
          value={parent}
          placeholder="Kies een gemeente"
          options={[...(gemeenten.data?.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl')).map((g) => ({ value: g.code, label: g.name }))}
          onChange={(v) => set({ gemeente: v })}
          name="gemeente"
        />
        )}
        <Select label="Uitsplitsing" value={dimension} options={DIMENSION_OPTIONS} onChange={(v) => set({ dimensie: v === 'totaal' ? undefined : v })} name="dimensie" />
      </form>
      {choice.indicator && (
        <dl className="definition">
          <dt>{choice.indicator.name}</dt>
          <dd>{choice.indicator.definition}</dd>
          <dt>Teller</dt>
          <dd>{choice.indicator.numeratorDefinition}</dd>
          <dt>Noemer</dt>
          <dd>{choice.indicator.denominatorDefinition}</dd>
          <dt>Bron</dt>
          <dd>{choice.indicator.source}</dd>
        </dl>
      )}
      {choice.cohort && <CovidNote cohorts={[choice.cohort]} />}
      {needsParent ? (
        <p className="status status--empty">Kies een gemeente om haar wijken te tonen.</p>
      ) : (
        <>
          <p className="downloads">
            <a className="button" href={exportUrl('csv', params)} download data-testid="download-csv">
              Download CSV
            </a>{' '}
            <a className="button" href={exportUrl('xlsx', params)} download data-testid="download-xlsx">
              Download Excel (XLSX)
            </a>
          </p>
          <QueryState query={values} what="de tabel" isEmpty={(d) => d.data.length === 0} empty="Geen waarden voor deze keuze.">
            {(d) => (
              <>
                <DataTable
                  data={d.data}
                  columns={columns}
                  caption={`${d.meta.indicator.name}, ${cohortPhrase(d.meta.cohort)}: ${d.data.length} rijen. ${disclosureSentence(d.meta.minCell)}`}
                  numeric={['teller', 'noemer', 'waarde', 'interval']}
                  testId="values-table"
                />
                <h2>Vergelijkingswaarden</h2>
                <table className="data-table">
                  <caption>Benchmarks bij deze tabel</caption>
                  <thead>
                    <tr>
                      <th scope="col">Benchmark</th>
                      <th scope="col">Groep</th>
                      <th scope="col" className="num">Waarde</th>
                      <th scope="col" className="num">95%-interval</th>
                      <th scope="col" className="num">Aantal gebieden</th>
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
              </>
            )}
          </QueryState>
        </>
      )}
    </>
  );
}
