import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ValuesFileError } from './parse.ts';

/** Consecutive lines of a file; `first` is the 1-based number of `lines[0]`. */
export type Lines = { first: number; lines: string[] };

const NOT_UTF8 =
  'het bestand is geen geldige UTF-8 (waarschijnlijk opgeslagen als Windows-1252/ANSI). ' +
  'Sla het op als "CSV UTF-8 (door lijstscheidingsteken gescheiden)" en importeer het opnieuw';

/**
 * Streams the lines of a strict UTF-8 file (BOM dropped, CRLF or LF) with their 1-based numbers, in
 * batches of one read each (an await per line cost seconds on a national file), hashing the bytes on
 * the way so the file is read once. `sha256()` is complete after the last batch.
 */
export function readUtf8Lines(file: string): { batches: AsyncGenerator<Lines>; sha256: () => string } {
  const hash = createHash('sha256');
  let digest = '';
  async function* batches(): AsyncGenerator<Lines> {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    let rest = '';
    let number = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      let text: string;
      try {
        text = rest + decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        throw new ValuesFileError([`${path.basename(file)} regel ${await firstNonUtf8Line(file)}: ${NOT_UTF8}`]);
      }
      let start = 0;
      const batch: Lines = { first: number + 1, lines: [] };
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        batch.lines.push(text.slice(start, end));
        start = nl + 1;
      }
      number += batch.lines.length;
      rest = text.slice(start);
      if (batch.lines.length) yield batch;
    }
    try {
      rest += decoder.decode();
    } catch {
      throw new ValuesFileError([`${path.basename(file)} regel ${number + 1}: ${NOT_UTF8}`]);
    }
    digest = hash.digest('hex');
    if (rest.endsWith('\r')) rest = rest.slice(0, -1);
    if (rest !== '') yield { first: number + 1, lines: [rest] };
  }
  return { batches: batches(), sha256: () => digest };
}

/** Only on the error path: the line holding the first invalid byte sequence, for the message. */
async function firstNonUtf8Line(file: string): Promise<number> {
  const bytes = await readFile(file);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const nl = bytes.indexOf(10, start);
    const end = nl === -1 ? bytes.length : nl;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return line;
}
