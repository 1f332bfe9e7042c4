import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvChunks, csvDecimal, csvText, xlsxSheet, type FileLayout } from './file-writer.ts';
import { writeXlsx } from './xlsx-worker.ts';

type Row = { name: string; n: number | null; share: number | null; change: number | null; pct: boolean };

const LAYOUT: FileLayout<Row> = {
  percentage: (r) => r.pct,
  columns: [
    { header: 'Naam', cell: (r) => r.name },
    { header: 'Noemer', cell: (r) => r.n, number: 'count' },
    { header: 'Waarde', cell: (r) => r.share, number: 'value' },
    { header: 'Verschil', cell: (r) => r.change, number: 'difference' },
  ],
};
const ROWS: Row[] = [
  { name: 'Tilburg', n: 1234, share: 0.4525, change: -0.0294, pct: true },
  { name: 'Noord; Zuid', n: 7, share: 536, change: -0.04, pct: false },
  { name: 'a "b"', n: null, share: null, change: null, pct: true },
  { name: '=HYPERLINK("http://x","y")', n: 1, share: 0, change: 0, pct: true },
];

async function* batches<T>(...groups: T[][]) {
  for (const g of groups) yield g;
}

describe('CSV', () => {
  it('writes one decimal with a comma, and no sign on a difference that rounds to zero', () => {
    expect(csvDecimal(45.25)).toBe('45,3');
    expect(csvDecimal(-2.94)).toBe('-2,9');
    expect(csvDecimal(-0.04)).toBe('0,0');
    expect(csvDecimal(0)).toBe('0,0');
    expect(csvDecimal(1234.5)).toBe('1234,5');
  });

  it('starts with a BOM and the header, separates with ; and ends every line with CRLF', () => {
    const text = csvText(LAYOUT, ROWS);
    expect(text.startsWith('\uFEFFNaam;Noemer;Waarde;Verschil\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(ROWS.length + 2);
  });

  it('writes shares in percent with a decimal comma, counts as they are, empty cells empty', () => {
    const lines = csvText(LAYOUT, ROWS).slice(1).split('\r\n');
    expect(lines[1]).toBe('Tilburg;1234;45,3;-2,9');
    // A mean as it is; a difference of means rounding to zero without its sign.
    expect(lines[2]).toBe('"Noord; Zuid";7;536,0;0,0');
    expect(lines[3]).toBe('"a ""b""";;;');
  });

  it('quotes only where needed and never lets a text cell start a formula', () => {
    const rows = parse(csvText(LAYOUT, ROWS), { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Naam)).toEqual(['Tilburg', 'Noord; Zuid', 'a "b"', `'=HYPERLINK("http://x","y")`]);
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\uFF1D']) {
      const [, line] = csvText(LAYOUT, [{ name: `${start}1+1`, n: null, share: null, change: null, pct: true }])
        .slice(1)
        .split('\r\n');
      expect(line!.replace(/^"/, '').startsWith(`'${start}`), JSON.stringify(start)).toBe(true);
    }
    // A name that only contains a sign later, and a negative number, stay as they are.
    expect(csvText(LAYOUT, [{ name: "'s-Hertogenbosch", n: 3, share: -0.015, change: null, pct: true }]).split('\r\n')[1]).toBe("'s-Hertogenbosch;3;-1,5;");
  });

  it('streams the same text in chunks: BOM and header first, then a chunk per batch', async () => {
    const chunks: string[] = [];
    for await (const c of csvChunks(LAYOUT, batches(ROWS.slice(0, 2), [], ROWS.slice(2)))) chunks.push(c);
    expect(chunks).toHaveLength(3);
    expect(chunks[0]).toBe('\uFEFFNaam;Noemer;Waarde;Verschil\r\n');
    expect(chunks.join('')).toBe(csvText(LAYOUT, ROWS));
  });
});

describe('XLSX', () => {
  it('writes numbers as number cells (shares as formatted fractions, differences of shares in procentpunt) and empty cells empty', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx({ created: new Date(0), sheets: [xlsxSheet(LAYOUT, ROWS, 'Data')] })) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Data')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Naam', 'Noemer', 'Waarde', 'Verschil']);
    const tilburg = sheet.getRow(2);
    expect(tilburg.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect([tilburg.getCell(2).value, tilburg.getCell(3).value]).toEqual([1234, 0.4525]);
    expect(tilburg.getCell(3).numFmt).toBe('0.0%');
    expect(tilburg.getCell(4).value).toBeCloseTo(-2.94, 10);
    expect(tilburg.getCell(4).numFmt).toBe('+0.0" pp";-0.0" pp";0.0" pp"');
    // A mean on the next row: its own formats.
    expect([sheet.getRow(3).getCell(3).value, sheet.getRow(3).getCell(3).numFmt]).toEqual([536, '0.0']);
    const empty = sheet.getRow(4);
    for (const c of [2, 3, 4]) expect(empty.getCell(c).type).toBe(ExcelJS.ValueType.Null);
    const formula = sheet.getRow(5).getCell(1);
    expect([formula.type, formula.value]).toEqual([ExcelJS.ValueType.String, '=HYPERLINK("http://x","y")']);
  });
});
