import { useMemo } from 'react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { cohortPhrase, formatPercent, NO_TEST_TEXT, sharedProvenance, toetsName } from '@gka/shared';
import { useSchools } from '../../api/hooks.ts';
import { DataTable } from '../../components/table/DataTable.tsx';
import { ValueNote } from '../../components/ValueNote.tsx';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { referentieLabel } from '../school/similar.ts';
import { QueryState } from '../../components/status/Status.tsx';
import { formatInterval, formatValue } from '../../lib/format.ts';
import { cellOf, schoolRows, sectorColumns, similarColumn, type Against, type Column, type School, type SchoolRow as Row } from './schoolRows.ts';

const col = createColumnHelper<Row>();
const SECTORS = [
  { sector: 'po', title: 'Basisscholen' },
  { sector: 'vo', title: 'Scholen voor voortgezet onderwijs' },
] as const;

function AgainstLine({ label, a }: { label: string; a: Against }) {
  return (
    <span className={a.verdict ? `verdict verdict--${a.verdict}` : undefined}>
      {label}: {a.text}
    </span>
  );
}

/**
 * The gemeente's schools with their real figures (DUO, CBS) per school location: each indicator in
 * its latest school year, with the 95% interval and the comparison with the gemeente and Nederland;
 * basisscholen and vo-scholen in tables of their own.
 */
export function SchoolSection({ gemeente, indicator }: { gemeente: { code: string; name: string }; indicator?: string }) {
  const schools = useSchools(gemeente.code);
  return (
    <QueryState query={schools} what="de scholen" isEmpty={(d) => d.schools.length === 0} empty="Voor deze gemeente zijn geen scholen bekend.">
      {(d) => (
        <>
          {SECTORS.map(({ sector, title }) => (
            <SectorTable
              key={sector}
              title={title}
              gemeente={gemeente}
              schools={d.schools.filter((s) => s.school.school?.sector === sector)}
              columns={d.columns}
              chosen={indicator}
            />
          ))}
        </>
      )}
    </QueryState>
  );
}

function SectorTable({
  title,
  gemeente,
  schools,
  columns,
  chosen,
}: {
  title: string;
  gemeente: { code: string; name: string };
  schools: School[];
  columns: Column[];
  /** The indicator chosen on the page: the referentieniveau set against similar schools, if it is one. */
  chosen?: string;
}) {
  // The indicators with values for schools of this sector; the toetsen in one column, as a school takes one.
  const { own, toetsen } = useMemo(() => sectorColumns(schools, columns), [schools, columns]);
  const similar = useMemo(() => similarColumn(own, chosen), [own, chosen]);
  const similarCells = useMemo(() => new Map(similar ? schools.map((s) => [s.school.code, cellOf(s, similar)]) : []), [schools, similar]);
  // The toetsen share a column: its header carries their mark when they agree (DUO's files: always), else each cell.
  const toetsMark = sharedProvenance(toetsen.map((t) => t.indicator));
  const rows = useMemo(() => schoolRows(schools, own, toetsen), [schools, own, toetsen]);

  const tableColumns = useMemo(
    () => [
      col.accessor((r) => r.school.name, {
        id: 'school',
        header: 'School',
        cell: (c) => (
          <>
            <Link to={`/school/${c.row.original.school.code}`}>{c.getValue()}</Link>
            {c.row.original.school.school?.gesloten && <small> (gesloten)</small>}
          </>
        ),
      }),
      // Before the toets and the other figures: how the school does against schools with a similar population.
      ...(similar
        ? [
            col.accessor((r) => similarCells.get(r.school.code)?.value?.similar?.difference ?? undefined, {
              id: 'vergelijkbare-scholen',
              header: () => (
                <>
                  {referentieLabel(similar.indicator.code)} t.o.v. vergelijkbare scholen
                  <br />
                  <small>{cohortPhrase(similar.cohort)}; vergelijkbare achterstandsscore, significant (95%)</small>
                  <br />
                  <ProvenanceMark indicator={similar.indicator} />
                </>
              ),
              cell: (c) => {
                const cell = similarCells.get(c.row.original.school.code);
                const s = cell?.value?.similar;
                if (!cell?.value || !s || !cell.vsSimilar) return '–';
                return (
                  <>
                    {formatValue(cell.value, similar.indicator.unit)}
                    {s.bandValue !== null && (
                      <>
                        <br />
                        <small>vergelijkbare scholen {formatPercent(s.bandValue)}</small>
                      </>
                    )}
                    {cell.vsSimilar.text !== '–' && (
                      <>
                        <br />
                        <span className={cell.vsSimilar.verdict ? `verdict verdict--${cell.vsSimilar.verdict}` : undefined}>{cell.vsSimilar.text}</span>
                      </>
                    )}
                  </>
                );
              },
              sortUndefined: 'last' as const,
            }),
          ]
        : []),
      ...(toetsen.length
        ? [
            col.accessor((r) => r.toets?.value?.value ?? undefined, {
              id: 'toets',
              header: () => (
                <>
                  Eind- of doorstroomtoets
                  <br />
                  <small>gemiddelde, op de schaal van de toets</small>
                  {toetsMark && (
                    <>
                      <br />
                      <ProvenanceMark indicator={toetsMark} />
                    </>
                  )}
                </>
              ),
              cell: (c) => {
                const t = c.row.original.toets;
                if (!t) return '–';
                return (
                  <>
                    {formatValue(t.value, t.column.indicator.unit)}
                    <br />
                    <small className="toets-label">
                      {toetsName(t.column.indicator.name)}, {cohortPhrase(t.column.cohort)}
                    </small>
                    {!toetsMark && (
                      <>
                        <br />
                        <ProvenanceMark indicator={t.column.indicator} />
                      </>
                    )}
                  </>
                );
              },
              // Scores of different toetsen are on different scales: sorting them together would mislead.
              enableSorting: false,
            }),
            col.accessor((r) => (r.toets ? `${r.toets.vsGemeente.text}; ${r.toets.vsNederland.text}` : ''), {
              id: 'toets-vergelijking',
              header: () => (
                <>
                  <span className="visually-hidden">Toets: </span>vergeleken
                  <br />
                  <small>verschil met dezelfde toets, {NO_TEST_TEXT}</small>
                </>
              ),
              cell: (c) => {
                const t = c.row.original.toets;
                return t ? (
                  <>
                    <AgainstLine label={gemeente.name} a={t.vsGemeente} />
                    <br />
                    <AgainstLine label="Nederland" a={t.vsNederland} />
                  </>
                ) : (
                  '–'
                );
              },
              enableSorting: false,
            }),
          ]
        : []),
      ...own.flatMap(({ indicator, cohort }, i) => [
        col.accessor((r) => r.cells[i]!.value?.value ?? undefined, {
          id: indicator.code,
          header: () => (
            <>
              {indicator.name}
              <br />
              <small>{cohortPhrase(cohort)}</small>
              <br />
              <ProvenanceMark indicator={indicator} />
            </>
          ),
          cell: (c) => {
            const v = c.row.original.cells[i]!.value;
            return (
              <>
                {formatValue(v, indicator.unit)}
                {v && !v.suppressed && v.ciLow !== null && (
                  <>
                    <br />
                    <small>{formatInterval(v, indicator.unit)}</small>
                  </>
                )}
                {v?.note && (
                  <>
                    <br />
                    <ValueNote value={v} />
                  </>
                )}
              </>
            );
          },
          sortUndefined: 'last' as const,
        }),
        col.accessor((r) => `${r.cells[i]!.vsGemeente.text}; ${r.cells[i]!.vsNederland.text}`, {
          id: `${indicator.code}-vergelijking`,
          header: () => (
            <>
              <span className="visually-hidden">{indicator.name}: </span>vergeleken
              <br />
              <small>{indicator.unit === 'percentage' ? 'significant (95%)' : `verschil, ${NO_TEST_TEXT}`}</small>
            </>
          ),
          cell: (c) => (
            <>
              <AgainstLine label={gemeente.name} a={c.row.original.cells[i]!.vsGemeente} />
              <br />
              <AgainstLine label="Nederland" a={c.row.original.cells[i]!.vsNederland} />
            </>
          ),
          enableSorting: false,
        }),
      ]),
      // The address last: the figures belong beside the school's name, also on a phone.
      col.accessor((r) => [r.school.school?.adres, r.school.school?.plaats].filter(Boolean).join(', '), { id: 'adres', header: 'Adres' }),
    ],
    [own, toetsen, toetsMark, gemeente, similar, similarCells],
  );

  if (!rows.length) return null;
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      {own.length === 0 && toetsen.length === 0 ? (
        <p className="status status--empty">Voor deze scholen zijn geen cijfers per school beschikbaar.</p>
      ) : (
        <div className="school-table">
          <DataTable
            data={rows}
            columns={tableColumns}
            caption={`${title} in ${gemeente.name}: cijfers naar vestiging van de school, niet naar woonplaats van de leerlingen`}
            initialSort={[{ id: 'school', desc: false }]}
            numeric={[...own.map((c) => c.indicator.code), ...(toetsen.length ? ['toets'] : []), ...(similar ? ['vergelijkbare-scholen'] : [])]}
            testId={`school-table-${title === SECTORS[0].title ? 'po' : 'vo'}`}
          />
        </div>
      )}
    </section>
  );
}
