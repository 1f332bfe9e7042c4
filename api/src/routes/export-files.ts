import ExcelJS from 'exceljs';
import { disclosureSentence, SUPPRESSED_TEXT, type Significance } from '@gka/shared';
import type { ExportRow, ExportTable } from '../queries/export.ts';


const SIGNIFICANCE_TEXT: Record<Significance, string> = {
  hoger: 'significant hoger',
  lager: 'significant lager',
  niet_significant: 'niet significant verschillend',
  onbekend: 'onbekend',
};

/** Sources, definitions, filters and export time: the header block of the CSV and the 'Bronnen' sheet. */
function about(t: ExportTable, exportedAt: Date): [string, string][] {
  const { indicator, cohort, minCell, sources, synthetic } = t.meta;
  return [
    ['GKA Dashboard', 'export van onderwijsindicatoren'],
    ...(synthetic ? ([['LET OP', 'synthetische demodata: deze cijfers zijn gegenereerd en beschrijven geen echte leerlingen']] as [string, string][]) : []),
    ['Indicator', `${indicator.name} (${indicator.code})`],
    ['Definitie', indicator.definition],
    ['Teller', indicator.numeratorDefinition],
    ['Noemer', indicator.denominatorDefinition],
    ['Eenheid', indicator.unit === 'percentage' ? 'percentage met 95%-betrouwbaarheidsinterval (Wilson)' : 'gemiddelde (teller = som van de scores)'],
    ['Cohort', `${cohort.label}${cohort.covid ? ' (COVID-cohort)' : ''}${cohort.note ? `: ${cohort.note}` : ''}`],
    ['Gebieden', t.parent ? `${t.level === 'wijk' ? 'wijken' : 'gemeenten'} van ${t.parent.name} (${t.parent.code})` : t.level === 'wijk' ? 'alle wijken' : 'alle gemeenten'],
    ['Uitsplitsing', t.rows[0]?.dimension ?? t.dimension],
    ['Vergeleken met', `${t.benchmarkLabel}; significant als de benchmark buiten het 95%-interval van het gebied valt`],
    ['Onderdrukking', disclosureSentence(minCell)],
    ['Indicatorbron', indicator.source],
    ...sources.map((s): [string, string] => ['Bron', `${s.source} (${s.kind}, geïmporteerd ${s.importedAt}${s.synthetic ? ', synthetisch' : ''})`]),
    ['Geëxporteerd op', exportedAt.toISOString()],
  ];
}

function columns(t: ExportTable): string[] {
  const unit = t.meta.indicator.unit === 'percentage' ? 'Percentage' : 'Gemiddelde';
  return ['Gebiedscode', 'Gebied', 'Cohort', 'Indicator', 'Uitsplitsing', 'Groep', 'Teller', 'Noemer', unit, '95%-interval ondergrens', '95%-interval bovengrens', `Benchmark: ${t.benchmarkLabel}`, 'Significantie t.o.v. benchmark', 'Onderdrukt'];
}

const nl = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
const quote = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** One row's cells in the order of `columns`, for CSV and XLSX alike; only how numbers are written differs. */
function cells<N>(r: ExportRow, number: (v: number | null) => N): (string | number | null | N)[] {
  return [
    r.areaCode,
    r.areaName,
    r.cohort,
    r.indicator,
    r.dimension,
    r.group,
    r.numerator,
    r.denominator,
    r.suppressed ? SUPPRESSED_TEXT : number(r.value),
    number(r.ciLow),
    number(r.ciHigh),
    number(r.benchmark),
    SIGNIFICANCE_TEXT[r.significance],
    r.suppressed ? 'ja' : 'nee',
  ];
}

/** `;`-separated, UTF-8 with BOM and decimal commas: what Dutch Excel opens without an import wizard. */
export function toCsv(t: ExportTable, exportedAt = new Date()): string {
  const pct = t.meta.indicator.unit === 'percentage';
  const num = (v: number | null) => (v === null ? '' : nl.format(pct ? v * 100 : v));
  const line = (values: (string | number | null)[]) => values.map((c) => quote(c === null ? '' : String(c))).join(';');
  const row = (r: ExportRow) => line(cells(r, num));
  return `\uFEFF${[...about(t, exportedAt).map(line), '', line(columns(t)), ...t.rows.map(row)].join('\r\n')}\r\n`;
}

/** A 'Data' sheet with real numbers (percentages formatted as such) and a 'Bronnen' sheet. */
export async function toXlsx(t: ExportTable, exportedAt = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GKA Dashboard';
  wb.created = exportedAt;
  const pct = t.meta.indicator.unit === 'percentage';
  const data = wb.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(columns(t)).font = { bold: true };
  for (const r of t.rows) data.addRow(cells(r, (v) => v));
  const fmt = pct ? '0.0%' : '0.0';
  for (const c of [9, 10, 11, 12]) data.getColumn(c).numFmt = fmt;
  data.columns.forEach((col, i) => (col.width = i < 2 ? 24 : 16));
  const bronnen = wb.addWorksheet('Bronnen');
  for (const kv of about(t, exportedAt)) bronnen.addRow(kv);
  bronnen.getColumn(1).font = { bold: true };
  bronnen.getColumn(1).width = 20;
  bronnen.getColumn(2).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
