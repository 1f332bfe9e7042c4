import {
  BENCHMARK_IN_SENTENCE,
  BENCHMARK_LABELS,
  DIMENSION_LABELS,
  disclosureSentence,
  GROUP_LABELS,
  significanceWord,
  CHANGE_RULE,
  COMPARISON_RULE,
  SUPPRESSED_TEXT,
  stedelijkheidLabel,
  type BenchmarkKind,
  type Dimension,
  isLocalLevel,
  LEVEL_PLURALS,
  SYNTHETIC_COLUMN,
  SYNTHETIC_WARNING,
  syntheticCell,
} from '@gka/shared';
import type { BulkRow } from '../queries/bulk-export.ts';
import type { ExportRow, ExportTable } from '../queries/export.ts';
import type { Parent } from '../queries/values.ts';
import { csvText, sourcesSheet, sourcesText, xlsxBook, xlsxSheet, type FileColumn, type FileLayout } from './file-writer.ts';
import type { XlsxBook } from './xlsx-worker.ts';

/** A benchmark by name; the chosen group by its own. */
const benchmarkName = (t: ExportTable, k: BenchmarkKind) => (k === 'groep' && t.groupName ? `Groep: ${t.groupName}` : BENCHMARK_LABELS[k]);
const benchmarkInSentence = (t: ExportTable, k: BenchmarkKind) => (k === 'groep' && t.groupName ? `groep ${t.groupName}` : BENCHMARK_IN_SENTENCE[k]);

/** The column beside a value that says why it is empty, in every export file. */
export const VALUE_REASON_COLUMN = 'Reden geen waarde';

/** What every file's sources say of its empty number cells. */
export const EMPTY_CELLS: [string, string] = ['Lege cellen', `een lege getalcel heeft haar reden in een eigen kolom ("${VALUE_REASON_COLUMN}")`];

/** Why a value is empty: hidden by disclosure control, or nothing to divide by; null where it has one. */
export function valueReason(c: { suppressed: boolean; value: number | null; denominator?: number | null }): string | null {
  if (c.suppressed) return SUPPRESSED_TEXT;
  if (c.value !== null) return null;
  return c.denominator === 0 ? 'geen leerlingen in de noemer' : 'geen gegevens';
}

/** Why a change is empty: either side hidden, or a side without a value. */
export function changeReason(c: { suppressed: boolean; difference: number | null } | null | undefined): string | null {
  if (!c) return null;
  if (c.suppressed) return SUPPRESSED_TEXT;
  return c.difference === null ? 'geen waarde in een van beide cohorten' : null;
}

/** The areas a table covers, in words: all of a level, or those of a parent, some gemeenten or a group. */
export function areasSentence(level: ExportTable['level'], parent: Parent | undefined): string {
  if (!parent) return `alle ${LEVEL_PLURALS[level]}`;
  if (parent.group) return `${LEVEL_PLURALS[level]} van ${parent.group.name} (${parent.group.code}, ${parent.areas.length} gemeenten)`;
  return `${LEVEL_PLURALS[level]} van ${parent.areas.map((a) => `${a.name} (${a.code})`).join(', ')}`;
}

/** Sources, definitions, filters, columns and export time: the `metadata=1` text and the 'Bronnen' sheet. */
export function about(t: ExportTable, exportedAt: Date): [string, string][] {
  const { indicator, cohort, minCell, sources, synthetic } = t.meta;
  const pct = indicator.unit === 'percentage';
  return [
    ['GKA Dashboard', 'export van onderwijsindicatoren'],
    ...(synthetic ? ([['LET OP', SYNTHETIC_WARNING]] as [string, string][]) : []),
    ['Indicator', `${indicator.name} (${indicator.code})`],
    ['Definitie', indicator.definition],
    ['Teller', indicator.numeratorDefinition],
    ['Noemer', indicator.denominatorDefinition],
    [
      'Eenheid',
      pct
        ? 'percentage met 95%-betrouwbaarheidsinterval (Wilson); verschillen in procentpunt'
        : 'gemiddelde (teller = som van de scores); verschillen in punten',
    ],
    ['Cohort', cohort.label],
    ...(cohort.covid && cohort.note ? ([['COVID', cohort.note]] as [string, string][]) : []),
    ['Gebieden', areasSentence(t.level, t.parent)],
    ['Uitsplitsing', t.rows[0]?.dimension ?? t.dimension],
    ['Vergeleken met', `${t.benchmarkKinds.map((k) => BENCHMARK_LABELS[k]).join(', ')}; ${COMPARISON_RULE}`],
    ...(t.reference ? ([['Verandering', `t.o.v. ${t.reference.label}: ${CHANGE_RULE}`]] as [string, string][]) : []),
    ['Onderdrukking', disclosureSentence(minCell)],
    EMPTY_CELLS,
    ['Indicatorbron', indicator.source],
    ...sources.map((s): [string, string] => ['Bron', `${s.source} (${s.kind}, geïmporteerd ${s.importedAt}${s.synthetic ? ', synthetisch' : ''})`]),
    ['Geëxporteerd op', exportedAt.toISOString()],
  ];
}

/** The metadata as plain text, one 'Key: value' line each, for `metadata=1`. */
export const aboutText = (t: ExportTable, exportedAt = new Date()): string => sourcesText(about(t, exportedAt));

type Column = FileColumn<ExportRow>;

/** Every column in order; numbers carry how they are written (as a share or a difference). */
function layout(t: ExportTable): FileLayout<ExportRow> {
  const unit = t.meta.indicator.unit === 'percentage' ? 'Percentage' : 'Gemiddelde';
  const wijken = isLocalLevel(t.level);
  const columns: Column[] = [
    { header: 'Gebiedscode', cell: (r) => r.areaCode, width: 24 },
    { header: 'Gebied', cell: (r) => r.areaName, width: 24 },
    { header: 'Niveau', cell: (r) => r.level },
    ...(wijken
      ? ([
          { header: 'Gemeentecode', cell: (r) => r.parentCode },
          { header: 'Gemeente', cell: (r) => r.parentName },
        ] satisfies Column[])
      : []),
    { header: 'Provincie', cell: (r) => r.provincie },
    { header: wijken ? 'Stedelijkheid gemeente' : 'Stedelijkheid', cell: (r) => (r.stedelijkheid === null ? null : stedelijkheidLabel(r.stedelijkheid)) },
    { header: 'GKA-gemeente', cell: (r) => (r.gka ? 'ja' : 'nee') },
    { header: 'Cohort', cell: (r) => r.cohort },
    { header: 'Indicator', cell: (r) => r.indicator },
    { header: 'Uitsplitsing', cell: (r) => r.dimension },
    { header: 'Groep', cell: (r) => r.group },
    { header: 'Teller', cell: (r) => r.numerator, number: 'count' },
    { header: 'Noemer', cell: (r) => r.denominator, number: 'count' },
    { header: unit, cell: (r) => r.value, number: 'value' },
    { header: '95%-interval ondergrens', cell: (r) => r.ciLow, number: 'value' },
    { header: '95%-interval bovengrens', cell: (r) => r.ciHigh, number: 'value' },
    { header: 'Onderdrukt', cell: (r) => (r.suppressed ? 'ja' : 'nee') },
    { header: VALUE_REASON_COLUMN, cell: valueReason },
    // One indicator per file, so every row the same; a column all the same so that rows keep it when files are combined.
    { header: SYNTHETIC_COLUMN, cell: () => syntheticCell(t.meta.synthetic) },
    ...t.benchmarkKinds.flatMap((k): Column[] => [
      { header: benchmarkName(t, k), cell: (r) => r.benchmarks[k]?.value ?? null, number: 'value' },
      {
        header: `Significantie t.o.v. ${benchmarkInSentence(t, k)}`,
        cell: (r) => significanceWord(r.benchmarks[k]?.significance ?? 'onbekend', r.benchmarks[k]?.difference ?? null),
      },
    ]),
    ...(t.reference ? changeColumns(t.reference.label) : []),
  ];
  return { columns, percentage: t.meta.indicator.unit === 'percentage' };
}

function changeColumns(label: string): Column[] {
  const shown = (r: ExportRow) => (r.change && !r.change.suppressed ? r.change : null);
  return [
    { header: `Referentie`, cell: () => label },
    { header: 'Waarde referentie', cell: (r) => shown(r)?.referenceValue ?? null, number: 'value' },
    { header: 'Verschil met referentie', cell: (r) => shown(r)?.difference ?? null, number: 'difference' },
    { header: 'Verschil 95%-ondergrens', cell: (r) => shown(r)?.ciLow ?? null, number: 'difference' },
    { header: 'Verschil 95%-bovengrens', cell: (r) => shown(r)?.ciHigh ?? null, number: 'difference' },
    { header: 'Reden geen verschil', cell: (r) => changeReason(r.change) },
    { header: 'Verandering', cell: (r) => significanceWord(r.change?.significance ?? 'onbekend', r.change?.difference ?? null) },
  ];
}

/**
 * The header is the first line, so Excel tables, Power Query and pandas read it by default; the
 * metadata is apart (`metadata=1`, or the XLSX 'Bronnen' sheet). Shares are written in percent.
 */
export const toCsv = (t: ExportTable): string => csvText(layout(t), t.rows);

/** A 'Data' sheet with real numbers (shares formatted as percentages) and a 'Bronnen' sheet, for a worker to write. */
export const exportXlsxBook = (t: ExportTable, exportedAt = new Date()): XlsxBook =>
  xlsxBook([xlsxSheet(layout(t), t.rows, 'Data'), sourcesSheet(about(t, exportedAt))], exportedAt);

/**
 * The bulk export's columns: long format, one value per line, every indicator in one file (column
 * Eenheid says how its figures are written). The same for every level, so files of levels combine.
 */
export const BULK_LAYOUT: FileLayout<BulkRow> = {
  percentage: (b) => b.indicator.unit === 'percentage',
  columns: [
    { header: 'Gebiedscode', cell: (b) => b.row.area },
    { header: 'Gebied', cell: (b) => b.row.name },
    { header: 'Niveau', cell: (b) => b.row.level },
    { header: 'Gemeentecode', cell: (b) => (isLocalLevel(b.row.level) ? b.row.parent : null) },
    { header: 'Indicatorcode', cell: (b) => b.indicator.code },
    { header: 'Indicator', cell: (b) => b.indicator.name },
    { header: 'Eenheid', cell: (b) => (b.indicator.unit === 'percentage' ? 'percentage' : 'gemiddelde') },
    { header: 'Cohortcode', cell: (b) => b.cohort.code },
    { header: 'Cohort', cell: (b) => b.cohort.label },
    { header: 'COVID', cell: (b) => (b.cohort.covid ? 'ja' : 'nee') },
    { header: 'Uitsplitsing', cell: (b) => DIMENSION_LABELS[b.row.dimension as Dimension] ?? b.row.dimension },
    { header: 'Groep', cell: (b) => GROUP_LABELS[b.row.group] ?? b.row.group },
    { header: 'Teller', cell: (b) => b.row.numerator, number: 'count' },
    { header: 'Noemer', cell: (b) => b.row.denominator, number: 'count' },
    { header: 'Waarde', cell: (b) => b.row.value, number: 'value' },
    { header: '95%-interval ondergrens', cell: (b) => b.row.ciLow, number: 'value' },
    { header: '95%-interval bovengrens', cell: (b) => b.row.ciHigh, number: 'value' },
    { header: 'Onderdrukt', cell: (b) => (b.row.suppressed ? 'ja' : 'nee') },
    { header: VALUE_REASON_COLUMN, cell: (b) => valueReason(b.row) },
    { header: SYNTHETIC_COLUMN, cell: (b) => syntheticCell(b.indicator.synthetic) },
  ],
};

/** A file name's part for a parent: its group, or its codes (a count beyond a few). */
export function parentSlug(parent: Parent | undefined): string | undefined {
  if (!parent) return undefined;
  if (parent.group) return parent.group.code;
  return parent.areas.length <= 5 ? parent.areas.map((a) => a.code).join('-') : `${parent.areas.length}-gemeenten`;
}
