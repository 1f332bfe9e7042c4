import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

/** One cell as a spreadsheet holds it: numbers stay numbers. */
export type XlsxCell = string | number | boolean | null;

export type XlsxSheet = {
  name: string;
  rows: XlsxCell[][];
  /** The first row is a bold header that stays in view when scrolling. */
  header?: boolean;
  /** The first column bold: the keys of a key-value sheet. */
  keys?: boolean;
  widths: number[];
  /** An Excel number format per column (null: none). */
  columnFormats?: (string | null)[];
  /** Per row, a number format per cell, for columns whose unit differs by row. */
  rowFormats?: ((string | null)[] | null)[];
};

/** A workbook as plain data: what a route hands to a worker, which gives back the file. */
export type XlsxBook = { created: Date; sheets: XlsxSheet[] };

/** The only place a workbook is written. */
export async function writeXlsx(book: XlsxBook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GKA Dashboard';
  wb.created = book.created;
  for (const s of book.sheets) {
    const sheet = wb.addWorksheet(s.name, s.header ? { views: [{ state: 'frozen', ySplit: 1 }] } : undefined);
    s.rows.forEach((values, r) => {
      const row = sheet.addRow(values);
      if (r === 0 && s.header) row.font = { bold: true };
      s.rowFormats?.[r]?.forEach((f, i) => {
        if (f) row.getCell(i + 1).numFmt = f;
      });
    });
    s.widths.forEach((w, i) => {
      const col = sheet.getColumn(i + 1);
      col.width = w;
      const f = s.columnFormats?.[i];
      if (f) col.numFmt = f;
    });
    if (s.keys) sheet.getColumn(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type XlsxAnswer = { file: Uint8Array } | { error: string };

/** Marks the threads xlsx-pool.ts starts, so that no other thread's port is listened to. */
export const XLSX_WORKER = 'gka-xlsx';

// Started as a worker (xlsx-pool.ts): build each book sent and answer with its file.
if (workerData === XLSX_WORKER)
  parentPort?.on('message', async (book: XlsxBook) => {
    try {
      const file = await writeXlsx(book);
      parentPort!.postMessage({ file } satisfies XlsxAnswer);
    } catch (e) {
      parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies XlsxAnswer);
    }
  });
