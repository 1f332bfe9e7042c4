import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connect.ts';
import { importValues } from '../importers/values/import.ts';
import { progress } from './progress.ts';

/** `gka import-values <csv> [--synthetic]`: the CBS delivery file (docs/data-sources.md) into `measure`. */
export async function importValuesCommand(args: string[], { url, log }: { db: Db; url: string; log: (m: string) => void }): Promise<void> {
  const arg = args.find((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--synthetic');
  if (!arg || unknown.length)
    throw new Error(`Gebruik: pnpm gka import-values <bestand.csv> [--synthetic]${unknown.length ? ` (onbekende optie ${unknown.join(', ')})` : ''}`);
  // pnpm runs the CLI inside api/; relative paths are taken from where `pnpm gka` was started (INIT_CWD).
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  if (!existsSync(file)) throw new Error(`Bestand niet gevonden: ${file}`);
  const started = Date.now();
  const bar = progress('Regels gelezen');
  const result = await importValues(url, file, {
    synthetic: args.includes('--synthetic'),
    onProgress: (n) => bar.update(n),
    onReplace: (n) => {
      bar.done(n);
      log('Alle regels zijn goed; waarden vervangen in de database (één transactie)…');
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`${result.rows.toLocaleString('nl-NL')} waarden geïmporteerd in ${seconds} s (dataset #${result.datasetId}).`);
  if (result.createdCohorts.length) {
    log(`Nieuwe cohorten aangemaakt: ${result.createdCohorts.join(', ')} (een code als 2020-2021 telt de schooljaren 2019-2020 en 2020-2021 van groep 8).`);
  }
}
