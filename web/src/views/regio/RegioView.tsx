import { useMemo } from 'react';
import { Link } from 'react-router';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import {
  BENCHMARK_IN_SENTENCE,
  BENCHMARK_LABELS,
  CHANGE_RULE,
  covidHeading,
  COMPARISON_RULE,
  OVERVIEW_BENCHMARKS,
  isToetsIndicator,
  sharedProvenance,
  toetsName,
  similarGroupCode,
  similarGroupOf,
  cohortPhrase,
  disclosureSentence,
  verdictText,
  type OverviewCell,
  type Overview,
  type OverviewRow,
} from '@gka/shared';
import { overviewExportUrl, useAreas, useGroup, useGroups, useOverview } from '../../api/hooks.ts';
import { CheckboxList } from '../../components/controls/CheckboxList.tsx';
import { GemeenteSelect } from '../../components/controls/GemeenteSelect.tsx';
import { Select } from '../../components/controls/Select.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { QueryState } from '../../components/status/Status.tsx';
import { usePageFigures } from '../../lib/banner.ts';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { formatDifference, formatValue } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useSearchState } from '../../lib/searchState.ts';
import { covidText } from '../../lib/significance.ts';

const KIND_LABELS: Record<string, string> = { gka: 'GKA', provincie: 'Provincie', corop: 'COROP' };
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

const col = createColumnHelper<OverviewRow>();

/** One cell: the value, and against the benchmark a colour and a word (never colour alone), then the change since before COVID. */
function Cell({ cell, indicator }: { cell: OverviewCell; indicator: Overview['indicators'][number] }) {
  const unit = indicator.unit;
  return (
    <span className={`verdict verdict--${cell.verdict}`}>
      <strong>{formatValue(cell, unit)}</strong>
      {!cell.suppressed && cell.value !== null && (
        <>
          <br />
          <small>
            {verdictText(cell.verdict, cell.significance, cell.difference)}
            {cell.difference !== null && ` (${formatDifference(cell.difference, unit, true)})`}
          </small>
        </>
      )}
      {cell.covidChange && indicator.covidCohort && (
        <>
          <br />
          <small className="verdict__covid">
            {covidHeading(indicator.covidCohort)}: {covidText(cell.covidChange, unit, true, indicator.covidCohort)}
          </small>
        </>
      )}
    </span>
  );
}

/** The toetsen a gemeente's schools took, each with its own value and verdict: on different scales, so in one column but never merged. */
function ToetsCells({ row, toetsen, marked }: { row: OverviewRow; toetsen: { indicator: Overview['indicators'][number]; i: number }[]; marked: boolean }) {
  const taken = toetsen.filter(({ i }) => row.cells[i] && (row.cells[i]!.value !== null || row.cells[i]!.suppressed));
  if (!taken.length) return <span>–</span>;
  return (
    <ul className="toets-list">
      {taken.map(({ indicator, i }) => (
        <li key={indicator.code}>
          <small>
            {toetsName(indicator.name)} ({cohortPhrase(indicator.cohort)})
          </small>
          {marked && (
            <>
              {' '}
              <ProvenanceMark indicator={indicator} />
            </>
          )}
          <br />
          <Cell cell={row.cells[i]!} indicator={indicator} />
        </li>
      ))}
    </ul>
  );
}

export function columnsFor(data: Overview) {
  const indexed = data.indicators.map((indicator, i) => ({ indicator, i }));
  const toetsen = indexed.filter(({ indicator }) => isToetsIndicator(indicator.code));
  // The toetsen share a column: one mark in its header when they agree, else one per toets in the cells.
  const toetsMark = sharedProvenance(toetsen.map((t) => t.indicator));
  return [
    col.accessor('name', {
      header: 'Gemeente',
      cell: (c) =>
        c.row.original.area.startsWith('GM') ? <Link to={`/gemeente/${c.row.original.area}`}>{c.getValue()}</Link> : <strong>{c.getValue()}</strong>,
    }),
    // In indicator order; the toetsen in one column where the first of them stands.
    ...indexed.flatMap(({ indicator, i }): ColumnDef<OverviewRow, number | undefined>[] => {
      if (isToetsIndicator(indicator.code))
        return indicator.code === toetsen[0]!.indicator.code
          ? [
              col.display({
                id: 'toetsen',
                header: () => (
                  <>
                    Eind- en doorstroomtoetsen (gemiddelde, elk op eigen schaal)
                    {toetsMark && (
                      <>
                        {' '}
                        <ProvenanceMark indicator={toetsMark} />
                      </>
                    )}
                  </>
                ),
                cell: (c) => <ToetsCells row={c.row.original} toetsen={toetsen} marked={!toetsMark} />,
              }),
            ]
          : [];
      return [
        col.accessor((r) => r.cells[i]?.value ?? undefined, {
          id: indicator.code,
          header: () => (
            <>
              {indicator.name} ({cohortPhrase(indicator.cohort)}) <ProvenanceMark indicator={indicator} />
            </>
          ),
          cell: (c) => <Cell cell={c.row.original.cells[i]!} indicator={indicator} />,
          sortUndefined: 'last',
        }),
      ];
    }),
  ];
}

/** Where a regiocoördinator starts: the gemeenten of a regio × the indicators, good and bad news at a glance. */
export function RegioView() {
  const { get, getList, set } = useSearchState();
  const groups = useGroups();
  const groupCode = get('groep');
  // 'vergelijkbaar-GM0855': Tilburg with its vergelijkbare gemeenten, whose members the user can change (leden= in the URL).
  // The choice itself, before a gemeente is picked, is the bare prefix: similarGroupCode('').
  const choosingSimilar = groupCode === similarGroupCode('');
  const similarTo = similarGroupOf(groupCode) || undefined;
  const similar = useGroup(similarTo ? groupCode : undefined);
  const gemeenten = useAreas('gemeente');
  const chosen = getList('leden');
  const members = similarTo ? (chosen.length ? chosen : (similar.data?.data.members ?? [])) : [];
  const areas = similarTo && members.length ? [similarTo, ...members.filter((m) => m !== similarTo)] : undefined;
  const benchmark = OVERVIEW_BENCHMARKS.find((b) => b === get('vergelijk') && !(similarTo && b === 'groep')) ?? 'nederland';
  const overview = useOverview({ group: similarTo ? undefined : groupCode, areas, benchmark });
  const group = similarTo ? similar.data?.data : groups.data?.data.find((g) => g.code === groupCode);
  usePageTitle(group && `Regio ${group.name}`);
  // Before a regio is chosen no figures are shown: then the boundaries decide.
  const showing = !!groupCode && !choosingSimilar;
  usePageFigures(!showing ? [] : overview.data?.indicators.map((i) => i.synthetic));
  const columns = useMemo(() => (overview.data ? columnsFor(overview.data) : []), [overview.data]);
  const options = [
    ...(groups.data?.data ?? []).map((g) => ({ value: g.code, label: `${KIND_LABELS[g.kind] ?? g.kind}: ${g.name} (${g.members.length})` })),
    { value: similarTo ? groupCode! : similarGroupCode(''), label: 'Een gemeente met haar vergelijkbare gemeenten…' },
  ];
  const names = new Map((gemeenten.data?.data ?? []).map((g) => [g.code, g.name]));

  return (
    <div className="print-landscape">
      <h1>Regio-overzicht{group ? `: ${group.name}` : ''}</h1>
      <p className="lead">
        De gemeenten van een regio naast elkaar, op alle indicatoren: per cel de waarde en, tegen de gekozen vergelijking, gunstig, ongunstig of geen
        significant verschil (in kleur én in woorden). Neutrale indicatoren krijgen geen oordeel.
      </p>
      <form className="filters no-print" onSubmit={(e) => e.preventDefault()} aria-label="Keuze van regio en vergelijking">
        <Select
          label="Regio"
          value={groupCode}
          placeholder="Kies een regio"
          options={options}
          onChange={(v) => set({ groep: v, leden: undefined })}
          name="groep"
        />
        {(similarTo || choosingSimilar) && gemeenten.data && (
          <GemeenteSelect gemeenten={gemeenten.data.data} value={similarTo} onChange={(v) => set({ groep: similarGroupCode(v), leden: undefined })} />
        )}
        <Select
          label="Vergelijk met"
          value={benchmark}
          options={OVERVIEW_BENCHMARKS.filter((k) => !(similarTo && k === 'groep')).map((k) => ({
            value: k,
            label: k === 'groep' ? 'De regio zelf (samen)' : BENCHMARK_LABELS[k],
          }))}
          onChange={(v) => set({ vergelijk: v === 'nederland' ? undefined : v })}
          name="vergelijk"
        />
      </form>
      {similarTo && similar.data && (
        <form className="filters filters--stacked" onSubmit={(e) => e.preventDefault()} aria-label="Vergelijkbare gemeenten kiezen">
          <p className="hint">
            De tien gemeenten die het meest op {names.get(similarTo) ?? similarTo} lijken naar inwoners, adressendichtheid, herkomst en het aandeel jonge
            kinderen (CBS). Haal er gemeenten af of voeg er toe; de keuze staat in de link.
          </p>
          <CheckboxList
            legend="Vergelijkbare gemeenten"
            options={[...new Set([...similar.data.data.members, ...members])].map((c) => ({ value: c, label: names.get(c) ?? c }))}
            selected={members}
            onChange={(codes) => set({ leden: sameList(codes, similar.data.data.members) ? undefined : codes.length ? codes : undefined })}
            name="leden"
          />
          {gemeenten.data && (
            <GemeenteSelect
              gemeenten={gemeenten.data.data.filter((g) => g.code !== similarTo && !members.includes(g.code))}
              value=""
              label="Gemeente toevoegen"
              name="toevoegen"
              onChange={(v) => {
                if (v) set({ leden: [...members, v] });
              }}
            />
          )}
        </form>
      )}
      {!groupCode || choosingSimilar ? (
        <p className="status status--empty">Kies een regio: een COROP-gebied, een provincie, de GKA-gemeenten of een eigen indeling.</p>
      ) : (
        <QueryState query={overview} what="het regio-overzicht" isEmpty={(d) => d.rows.length === 0} empty="Deze regio heeft geen gemeenten met cijfers.">
          {(d) => (
            <>
              <ul className="verdict-legend" aria-label="Legenda">
                <li>
                  <span className="verdict verdict--gunstig">gunstig</span>
                </li>
                <li>
                  <span className="verdict verdict--ongunstig">ongunstig</span>
                </li>
                <li>
                  <span className="verdict verdict--geen_verschil">geen significant verschil</span>
                </li>
                <li>
                  <span className="verdict verdict--neutraal">neutrale indicator: alleen hoger of lager</span>
                </li>
              </ul>
              <p className="hint">
                Vergeleken met {d.benchmark === 'groep' ? 'de regio zelf' : BENCHMARK_IN_SENTENCE[d.benchmark]}; {COMPARISON_RULE}. COVID (cohort): het eerste
                cohort dat COVID raakte t.o.v. de cohorten vóór COVID samen; {CHANGE_RULE}. {disclosureSentence(d.minCell)}
              </p>
              <p className="actions no-print">
                <a className="button" href={overviewExportUrl('csv', { group: groupCode, areas, benchmark })} download data-testid="overview-csv">
                  Download CSV
                </a>{' '}
                <a className="button" href={overviewExportUrl('xlsx', { group: groupCode, areas, benchmark })} download data-testid="overview-xlsx">
                  Download Excel (XLSX)
                </a>{' '}
                <button type="button" onClick={() => window.print()}>
                  Afdrukken
                </button>
              </p>
              <DataTable
                data={[...d.rows, d.pooled]}
                columns={columns}
                caption={`${group?.name ?? 'Regio'}: ${d.rows.length} gemeenten × ${d.indicators.length} indicatoren${
                  d.indicators.some((i) => isToetsIndicator(i.code)) ? ' (de toetsen samen in één kolom)' : ''
                }; de laatste rij telt de gemeenten samen`}
                numeric={d.indicators.filter((i) => !isToetsIndicator(i.code)).map((i) => i.code)}
                testId="overview-table"
              />
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}
