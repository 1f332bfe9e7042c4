import {
  BENCHMARK_LABELS,
  changeVerdictText,
  COMPARISON_RULE,
  disclosureSentence,
  provenanceLabel,
  significanceWord,
  SUPPRESSED_TEXT,
  SYNTHETIC_COLUMN,
  SYNTHETIC_WARNING,
  syntheticCell,
  verdictText,
  type Overview,
} from '@gka/shared';
import { csvDecimal, csvQuote } from '../queries/csv-text.ts';
import { numberFormat, sourcesSheet } from './export-files.ts';
import type { XlsxBook } from './xlsx-worker.ts';

type Indicator = Overview['indicators'][number];
type Cell = Overview['rows'][number]['cells'][number];
type Line = { code: string; name: string; indicator: Indicator; cell: Cell };
/** A value column: a share (written in percent in the CSV, as a percentage in XLSX), or a difference (procentpunt). */
type Kind = 'value' | 'difference';
type Column = { header: string; cell: (l: Line) => string | number | null; number?: Kind };

/** One line per gemeente × indicator (the group's pooled row last, code 'samen'): the long format analysts' tools read. */
function lines(o: Overview): Line[] {
  return [...o.rows, o.pooled].flatMap((row) => row.cells.map((cell, i) => ({ code: row.area, name: row.name, indicator: o.indicators[i]!, cell })));
}

function columns(o: Overview): Column[] {
  const benchmark = o.benchmark === 'groep' && o.group ? `groep ${o.group.name}` : BENCHMARK_LABELS[o.benchmark];
  const hidden = (l: Line) => l.cell.suppressed;
  const change = (l: Line) => (l.cell.covidChange && !l.cell.covidChange.suppressed ? l.cell.covidChange : null);
  return [
    { header: 'Gemeentecode', cell: (l) => l.code },
    { header: 'Gemeente', cell: (l) => l.name },
    { header: 'Indicator', cell: (l) => l.indicator.name },
    { header: 'Indicatorcode', cell: (l) => l.indicator.code },
    { header: 'Cohort', cell: (l) => l.indicator.cohort.label },
    { header: SYNTHETIC_COLUMN, cell: (l) => syntheticCell(l.indicator.synthetic) },
    { header: 'Eenheid', cell: (l) => (l.indicator.unit === 'percentage' ? 'percentage' : 'gemiddelde') },
    { header: 'Waarde', cell: (l) => (hidden(l) ? SUPPRESSED_TEXT : l.cell.value), number: 'value' },
    { header: '95%-interval ondergrens', cell: (l) => l.cell.ciLow, number: 'value' },
    { header: '95%-interval bovengrens', cell: (l) => l.cell.ciHigh, number: 'value' },
    { header: 'Noemer', cell: (l) => l.cell.denominator ?? null },
    { header: 'Benchmark', cell: () => benchmark },
    { header: 'Waarde benchmark', cell: (l) => l.cell.benchmark, number: 'value' },
    { header: 'Verschil met benchmark', cell: (l) => l.cell.difference, number: 'difference' },
    { header: 'Significantie', cell: (l) => significanceWord(l.cell.significance, l.cell.difference) },
    { header: 'Oordeel', cell: (l) => verdictText(l.cell.verdict, l.cell.significance, l.cell.difference) },
    { header: 'COVID-cohort', cell: (l) => (l.cell.covidChange && l.indicator.covidCohort ? l.indicator.covidCohort.label : null) },
    { header: 'Verandering t.o.v.', cell: (l) => (l.cell.covidChange && l.indicator.reference ? l.indicator.reference.label : null) },
    {
      header: 'Verandering COVID-cohort',
      cell: (l) => (l.cell.covidChange?.suppressed ? SUPPRESSED_TEXT : (change(l)?.difference ?? null)),
      number: 'difference',
    },
    { header: 'Verandering 95%-ondergrens', cell: (l) => change(l)?.ciLow ?? null, number: 'difference' },
    { header: 'Verandering 95%-bovengrens', cell: (l) => change(l)?.ciHigh ?? null, number: 'difference' },
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
    ['Vergeleken met', `${BENCHMARK_LABELS[o.benchmark]}; ${COMPARISON_RULE}`],
    ['Oordeel', 'gunstig of ongunstig volgt uit de richting van de indicator; neutrale indicatoren krijgen alleen hoger of lager'],
    ['Eenheid', 'percentages in procenten (CSV) of als percentage (XLSX), verschillen in procentpunt; gemiddelden en hun verschillen in punten'],
    ...o.indicators.map((i): [string, string] => [i.name, `${provenanceLabel(i)}. ${i.definition} Bron: ${i.source}.`]),
    ['Onderdrukking', disclosureSentence(o.minCell)],
    ['Geëxporteerd op', exportedAt.toISOString()],
  ];
}

/** `;`-separated, UTF-8 with BOM, decimal commas, header first (as /export). */
export function overviewCsv(o: Overview): string {
  const cols = columns(o);
  const text = (c: Column, l: Line) => {
    const v = c.cell(l);
    if (v === null || v === undefined) return '';
    if (typeof v === 'number' && c.number) return csvDecimal(l.indicator.unit === 'percentage' ? v * 100 : v);
    return csvQuote(String(v));
  };
  const rows = [cols.map((c) => csvQuote(c.header)).join(';'), ...lines(o).map((l) => cols.map((c) => text(c, l)).join(';'))];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** An 'Overzicht' sheet with real numbers (each cell formatted by its indicator's unit) and a 'Bronnen' sheet, for a worker to write. */
export function overviewXlsxBook(o: Overview, exportedAt = new Date()): XlsxBook {
  const cols = columns(o);
  const formats = (pct: boolean) => cols.map((c) => (c.number ? numberFormat(c.number, pct) : null));
  // Two arrays shared by every line: sent to the worker once each.
  const byUnit = { pct: formats(true), mean: formats(false) };
  const all = lines(o);
  const row = (l: Line) => {
    const pct = l.indicator.unit === 'percentage';
    return cols.map((c) => {
      const v = c.cell(l);
      return c.number === 'difference' && pct && typeof v === 'number' ? v * 100 : v;
    });
  };
  return {
    created: exportedAt,
    sheets: [
      {
        name: 'Overzicht',
        header: true,
        rows: [cols.map((c) => c.header), ...all.map(row)],
        widths: cols.map((_, i) => (i === 1 || i === 2 ? 26 : 16)),
        rowFormats: [null, ...all.map((l) => (l.indicator.unit === 'percentage' ? byUnit.pct : byUnit.mean))],
      },
      sourcesSheet(overviewAbout(o, exportedAt), 24),
    ],
  };
}
