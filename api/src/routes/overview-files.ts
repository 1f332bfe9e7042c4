import {
  benchmarkInfo,
  changeVerdictText,
  COMPARISON_RULE,
  disclosureSentence,
  provenanceLabel,
  significanceWord,
  SYNTHETIC_COLUMN,
  SYNTHETIC_WARNING,
  syntheticCell,
  verdictText,
  type Overview,
} from '@gka/shared';
import { changeReason, EMPTY_CELLS, VALUE_REASON_COLUMN, valueReason } from './export-files.ts';
import { csvText, sourcesSheet, xlsxBook, xlsxSheet, type FileColumn, type FileLayout } from './file-writer.ts';
import type { XlsxBook } from './xlsx-worker.ts';

type Indicator = Overview['indicators'][number];
type Cell = Overview['rows'][number]['cells'][number];
type Line = { code: string; name: string; indicator: Indicator; cell: Cell };
type Column = FileColumn<Line>;

/** One line per gemeente × indicator (the group's pooled row last, code 'samen'): the long format analysts' tools read. */
function lines(o: Overview): Line[] {
  return [...o.rows, o.pooled].flatMap((row) => row.cells.map((cell, i) => ({ code: row.area, name: row.name, indicator: o.indicators[i]!, cell })));
}

/** Each line's figures are in its indicator's unit, so the formats go per line. */
function layout(o: Overview): FileLayout<Line> {
  const benchmark = o.benchmark === 'groep' && o.group ? `groep ${o.group.name}` : benchmarkInfo(o.benchmark).label;
  const change = (l: Line) => (l.cell.covidChange && !l.cell.covidChange.suppressed ? l.cell.covidChange : null);
  const columns: Column[] = [
    { header: 'Gemeentecode', cell: (l) => l.code },
    { header: 'Gemeente', cell: (l) => l.name, width: 26 },
    { header: 'Indicator', cell: (l) => l.indicator.name, width: 26 },
    { header: 'Indicatorcode', cell: (l) => l.indicator.code },
    { header: 'Cohort', cell: (l) => l.indicator.cohort.label },
    { header: SYNTHETIC_COLUMN, cell: (l) => syntheticCell(l.indicator.synthetic) },
    { header: 'Eenheid', cell: (l) => (l.indicator.unit === 'percentage' ? 'percentage' : 'gemiddelde') },
    { header: 'Waarde', cell: (l) => l.cell.value, number: 'value' },
    { header: '95%-interval ondergrens', cell: (l) => l.cell.ciLow, number: 'value' },
    { header: '95%-interval bovengrens', cell: (l) => l.cell.ciHigh, number: 'value' },
    { header: VALUE_REASON_COLUMN, cell: (l) => valueReason(l.cell) },
    { header: 'Noemer', cell: (l) => l.cell.denominator ?? null, number: 'count' },
    { header: 'Benchmark', cell: () => benchmark },
    { header: 'Waarde benchmark', cell: (l) => l.cell.benchmark, number: 'value' },
    { header: 'Verschil met benchmark', cell: (l) => l.cell.difference, number: 'difference' },
    { header: 'Significantie', cell: (l) => significanceWord(l.cell.significance, l.cell.difference) },
    { header: 'Oordeel', cell: (l) => verdictText(l.cell.verdict, l.cell.significance, l.cell.difference) },
    { header: 'COVID-cohort', cell: (l) => (l.cell.covidChange && l.indicator.covidCohort ? l.indicator.covidCohort.label : null) },
    { header: 'Verandering t.o.v.', cell: (l) => (l.cell.covidChange && l.indicator.reference ? l.indicator.reference.label : null) },
    { header: 'Verandering COVID-cohort', cell: (l) => change(l)?.difference ?? null, number: 'difference' },
    { header: 'Verandering 95%-ondergrens', cell: (l) => change(l)?.ciLow ?? null, number: 'difference' },
    { header: 'Verandering 95%-bovengrens', cell: (l) => change(l)?.ciHigh ?? null, number: 'difference' },
    { header: 'Reden geen verandering', cell: (l) => changeReason(l.cell.covidChange) },
    {
      header: 'Significantie verandering',
      cell: (l) => (l.cell.covidChange ? significanceWord(l.cell.covidChange.significance, l.cell.covidChange.difference) : null),
    },
    {
      header: 'Oordeel verandering',
      cell: (l) =>
        l.cell.covidChange && !l.cell.covidChange.suppressed && l.indicator.covidCohort
          ? changeVerdictText(l.cell.covidChange.significance, l.indicator.higherIsBetter, l.indicator.covidCohort, l.cell.covidChange.difference)
          : null,
    },
  ];
  return { columns, percentage: (l) => l.indicator.unit === 'percentage' };
}

/** The file's sources and rules, as the 'Bronnen' sheet and the CSV's metadata. */
export function overviewAbout(o: Overview, exportedAt = new Date()): [string, string][] {
  return [
    ['GKA Dashboard', 'regio-overzicht: gemeenten × indicatoren'],
    // Only when every column is synthetic; otherwise each indicator below says which it is, and each line in its column.
    ...(o.synthetic ? ([['LET OP', SYNTHETIC_WARNING]] as [string, string][]) : []),
    [
      'Gemeenten',
      o.group
        ? `${o.group.name} (${o.group.code}), ${o.rows.length} gemeenten; de regel "samen" telt hun gepubliceerde cellen op`
        : `${o.rows.length} gekozen gemeenten`,
    ],
    ['Vergeleken met', `${benchmarkInfo(o.benchmark).label}; ${COMPARISON_RULE}`],
    ['Oordeel', 'gunstig of ongunstig volgt uit de richting van de indicator; neutrale indicatoren krijgen alleen hoger of lager'],
    ['Eenheid', 'percentages in procenten (CSV) of als percentage (XLSX), verschillen in procentpunt; gemiddelden en hun verschillen in punten'],
    EMPTY_CELLS,
    ...o.indicators.map((i): [string, string] => [i.name, `${provenanceLabel(i)}. ${i.definition} Bron: ${i.source}.`]),
    ['Onderdrukking', disclosureSentence(o.minCell)],
    ['Geëxporteerd op', exportedAt.toISOString()],
  ];
}

/** `;`-separated, UTF-8 with BOM, decimal commas, header first (as /export). */
export const overviewCsv = (o: Overview): string => csvText(layout(o), lines(o));

/** An 'Overzicht' sheet with real numbers (each cell formatted by its indicator's unit) and a 'Bronnen' sheet, for a worker to write. */
export const overviewXlsxBook = (o: Overview, exportedAt = new Date()): XlsxBook =>
  xlsxBook([xlsxSheet(layout(o), lines(o), 'Overzicht'), sourcesSheet(overviewAbout(o, exportedAt), 24)], exportedAt);
