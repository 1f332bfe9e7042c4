import {
  BENCHMARK_IN_SENTENCE,
  BENCHMARK_LABELS,
  disclosureSentence,
  significanceWord,
  CHANGE_RULE,
  COMPARISON_RULE,
  SUPPRESSED_TEXT,
  stedelijkheidLabel,
  type BenchmarkKind,
  isLocalLevel,
  LEVEL_PLURALS,
  SYNTHETIC_COLUMN,
  SYNTHETIC_WARNING,
  syntheticCell,
} from '@gka/shared';
import type { ExportRow, ExportTable } from '../queries/export.ts';
import { csvDecimal, csvQuote } from '../queries/csv-text.ts';
import type { XlsxBook, XlsxSheet } from './xlsx-worker.ts';

/** A benchmark by name; the chosen group by its own. */
const benchmarkName = (t: ExportTable, k: BenchmarkKind) => (k === 'groep' && t.groupName ? `Groep: ${t.groupName}` : BENCHMARK_LABELS[k]);
const benchmarkInSentence = (t: ExportTable, k: BenchmarkKind) => (k === 'groep' && t.groupName ? `groep ${t.groupName}` : BENCHMARK_IN_SENTENCE[k]);

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
    ['Gebieden', t.parent ? `${LEVEL_PLURALS[t.level]} van ${t.parent.name} (${t.parent.code})` : `alle ${LEVEL_PLURALS[t.level]}`],
    ['Uitsplitsing', t.rows[0]?.dimension ?? t.dimension],
    ['Vergeleken met', `${t.benchmarkKinds.map((k) => BENCHMARK_LABELS[k]).join(', ')}; ${COMPARISON_RULE}`],
    ...(t.reference ? ([['Verandering', `t.o.v. ${t.reference.label}: ${CHANGE_RULE}`]] as [string, string][]) : []),
    ['Onderdrukking', disclosureSentence(minCell)],
    ['Indicatorbron', indicator.source],
    ...sources.map((s): [string, string] => ['Bron', `${s.source} (${s.kind}, geïmporteerd ${s.importedAt}${s.synthetic ? ', synthetisch' : ''})`]),
    ['Geëxporteerd op', exportedAt.toISOString()],
  ];
}

/** The metadata as plain text, one 'Key: value' line each, for `metadata=1`. */
export function aboutText(t: ExportTable, exportedAt = new Date()): string {
  return `${about(t, exportedAt)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n`;
}

type Column = { header: string; cell: (r: ExportRow) => string | number | boolean | null; number?: 'value' | 'difference' };

const stedelijkheid = (k: number | null) => (k === null ? null : stedelijkheidLabel(k));

/** Every column in order; numbers carry how they are written (as a share or a difference). */
function columns(t: ExportTable): Column[] {
  const unit = t.meta.indicator.unit === 'percentage' ? 'Percentage' : 'Gemiddelde';
  const wijken = isLocalLevel(t.level);
  return [
    { header: 'Gebiedscode', cell: (r) => r.areaCode },
    { header: 'Gebied', cell: (r) => r.areaName },
    { header: 'Niveau', cell: (r) => r.level },
    ...(wijken
      ? [
          { header: 'Gemeentecode', cell: (r: ExportRow) => r.parentCode },
          { header: 'Gemeente', cell: (r: ExportRow) => r.parentName },
        ]
      : []),
    { header: 'Provincie', cell: (r) => r.provincie },
    { header: wijken ? 'Stedelijkheid gemeente' : 'Stedelijkheid', cell: (r) => stedelijkheid(r.stedelijkheid) },
    { header: 'GKA-gemeente', cell: (r) => (r.gka ? 'ja' : 'nee') },
    { header: 'Cohort', cell: (r) => r.cohort },
    { header: 'Indicator', cell: (r) => r.indicator },
    { header: 'Uitsplitsing', cell: (r) => r.dimension },
    { header: 'Groep', cell: (r) => r.group },
    { header: 'Teller', cell: (r) => r.numerator },
    { header: 'Noemer', cell: (r) => r.denominator },
    { header: unit, cell: (r) => (r.suppressed ? SUPPRESSED_TEXT : r.value), number: 'value' },
    { header: '95%-interval ondergrens', cell: (r) => r.ciLow, number: 'value' },
    { header: '95%-interval bovengrens', cell: (r) => r.ciHigh, number: 'value' },
    { header: 'Onderdrukt', cell: (r) => (r.suppressed ? 'ja' : 'nee') },
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
}

function changeColumns(label: string): Column[] {
  const hidden = (r: ExportRow) => !r.change || r.change.suppressed;
  return [
    { header: `Referentie`, cell: () => label },
    { header: 'Waarde referentie', cell: (r) => (hidden(r) ? null : r.change!.referenceValue), number: 'value' },
    { header: 'Verschil met referentie', cell: (r) => (r.change?.suppressed ? SUPPRESSED_TEXT : (r.change?.difference ?? null)), number: 'difference' },
    { header: 'Verschil 95%-ondergrens', cell: (r) => (hidden(r) ? null : r.change!.ciLow), number: 'difference' },
    { header: 'Verschil 95%-bovengrens', cell: (r) => (hidden(r) ? null : r.change!.ciHigh), number: 'difference' },
    { header: 'Verandering', cell: (r) => significanceWord(r.change?.significance ?? 'onbekend', r.change?.difference ?? null) },
  ];
}

/**
 * `;`-separated, UTF-8 with BOM and decimal commas: what Dutch Excel opens without an import wizard.
 * The header is the first line, so Excel tables, Power Query and pandas read it by default; the
 * metadata is apart (`metadata=1`, or the XLSX 'Bronnen' sheet). Shares are written in percent.
 */
export function toCsv(t: ExportTable): string {
  const pct = t.meta.indicator.unit === 'percentage';
  const cols = columns(t);
  const text = (c: Column, r: ExportRow) => {
    const v = c.cell(r);
    if (v === null || v === undefined) return '';
    if (typeof v === 'number' && c.number) return csvDecimal(pct ? v * 100 : v);
    return csvQuote(String(v));
  };
  const lines = [cols.map((c) => csvQuote(c.header)).join(';'), ...t.rows.map((r) => cols.map((c) => text(c, r)).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Excel number formats: a share as a percentage (a mean with one decimal), a difference of shares in procentpunt. */
export function numberFormat(kind: 'value' | 'difference', pct: boolean): string {
  if (kind === 'value') return pct ? '0.0%' : '0.0';
  return pct ? '+0.0" pp";-0.0" pp";0.0" pp"' : '+0.0;-0.0;0.0';
}

/** The 'Bronnen' sheet: one 'key, value' row each, keys bold. */
export function sourcesSheet(rows: [string, string][], keyWidth = 20): XlsxSheet {
  return { name: 'Bronnen', rows, keys: true, widths: [keyWidth, 120] };
}

/** A 'Data' sheet with real numbers (shares formatted as percentages) and a 'Bronnen' sheet, for a worker to write. */
export function xlsxBook(t: ExportTable, exportedAt = new Date()): XlsxBook {
  const pct = t.meta.indicator.unit === 'percentage';
  const cols = columns(t);
  // Shares stay fractions shown as percentages; differences of shares are written in procentpunt.
  const xlsxCell = (c: Column, r: ExportRow) => {
    const v = c.cell(r);
    return c.number === 'difference' && pct && typeof v === 'number' ? v * 100 : v;
  };
  const data: XlsxSheet = {
    name: 'Data',
    header: true,
    rows: [cols.map((c) => c.header), ...t.rows.map((r) => cols.map((c) => xlsxCell(c, r)))],
    widths: cols.map((_, i) => (i < 2 ? 24 : 16)),
    columnFormats: cols.map((c) => (c.number ? numberFormat(c.number, pct) : null)),
  };
  return { created: exportedAt, sheets: [data, sourcesSheet(about(t, exportedAt))] };
}
