import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Db } from '../db/connect.ts';
import { importGeoFiles } from '../importers/geo/import.ts';
import type { GeoImportResult } from '../importers/geo/load.ts';
import type { GeoLevel } from '../importers/geo/parse.ts';
import { progress } from './progress.ts';

const USAGE =
  'Gebruik: pnpm gka import-geo <bestand.geojson|.json>... [--level gemeente|wijk] [--year N] [--provincies gemeenten-alfabetisch.csv] [--maak-gemeenten]';

/** `gka import-geo <file>...`: CBS gemeenten and wijken from GeoJSON or TopoJSON (docs/data-sources.md), all files in one transaction. */
export async function importGeoCommand(args: string[], { db, log }: { db: Db; log: (m: string) => void }): Promise<void> {
  const { values, positionals } = parseCliArgs(args, USAGE, {
    level: { type: 'string' },
    year: { type: 'string' },
    provincies: { type: 'string' },
    'maak-gemeenten': { type: 'boolean' },
  });
  if (positionals.length === 0) throw new Error(USAGE);
  const parsing = progress('Features verwerkt');
  const saving = progress('Gebieden opgeslagen');
  const result = await importGeoFiles(db, positionals.map(userPath), {
    level: geoLevel(values.level as string | undefined, ['gemeente', 'wijk'], USAGE) as GeoLevel | undefined,
    year: year(values.year as string | undefined, USAGE),
    provinciesFile: values.provincies === undefined ? undefined : userPath(values.provincies as string),
    createMissingGemeenten: Boolean(values['maak-gemeenten']),
    onParseProgress: (done, total) => (done === total ? parsing.done(done) : parsing.update(done)),
    onProgress: (done, total) => (done === total ? saving.done(done) : saving.update(done)),
  });
  reportGeoResult(result, log);
}

/** A path as the user typed it: `pnpm gka` runs in api/, but pnpm keeps the caller's directory in INIT_CWD. */
export function userPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

/** node:util parseArgs (no repeated options) with the usage line in Dutch instead of its English complaint. */
export function parseCliArgs(args: string[], usage: string, options: NonNullable<ParseArgsConfig['options']>) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (e) {
    const option = /'(-[^']+)'/.exec(e instanceof Error ? e.message : '')?.[1];
    throw new Error(`${option ? `Onbekende of onvolledige optie ${option}. ` : ''}${usage}`);
  }
}

export function geoLevel(value: string | undefined, allowed: string[], usage: string): string | undefined {
  if (value !== undefined && !allowed.includes(value))
    throw new Error(`--level moet ${allowed.slice(0, -1).join(', ')} of ${allowed.at(-1)} zijn, niet "${value}". ${usage}`);
  return value;
}

export function year(value: string | undefined, usage: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^(19|20)\d\d$/.test(value)) throw new Error(`--year moet een jaartal zijn (bijvoorbeeld 2024), niet "${value}". ${usage}`);
  return Number(value);
}

export function reportGeoResult(result: GeoImportResult, log: (m: string) => void): void {
  const n = (v: number) => v.toLocaleString('nl-NL');
  log(`${n(result.counts.gemeente)} gemeenten en ${n(result.counts.wijk)} wijken geïmporteerd (dataset #${result.datasetIds.join(', #')}).`);
  if (result.skipped.length) log(`Overgeslagen (Buitenland): ${result.skipped.join(', ')}.`);
  if (result.createdGemeenten.length) {
    log(
      `${n(result.createdGemeenten.length)} ontbrekende gemeenten aangemaakt zonder grens (naam uit de wijken of "Gemeente GMgggg"); importeer hun grenzen later om ze aan te vullen.`,
    );
  }
  if (result.withoutGeometry.length) {
    log(
      `Zonder geometrie (te klein na afronden op 5 decimalen): ${result.withoutGeometry.slice(0, 10).join(', ')}${result.withoutGeometry.length > 10 ? ` en nog ${result.withoutGeometry.length - 10}` : ''}.`,
    );
  }
  for (const level of ['gemeente', 'wijk'] as const) {
    const other = result.otherIndeling[level];
    if (other)
      log(
        `Let op: ${n(other)} ${level === 'gemeente' ? 'gemeenten' : 'wijken'} uit een andere indeling staan niet in deze import en blijven bestaan (er kunnen waarden aan hangen).`,
      );
  }
}
