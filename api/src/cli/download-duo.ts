import path from 'node:path';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { DUO_BASE_URL, downloadDuo } from '../importers/duo/download.ts';
import { reportDuoImport } from './import-duo.ts';
import { parseCliArgs, userPath } from './import-geo.ts';
import { progress } from './progress.ts';

const USAGE = 'Gebruik: pnpm gka download-duo [--jaren 2014-2024] [--map DIR] [--bron URL]';

/** `2014-2024`: school years 2014-2015 up to 2023-2024; one year `2019` is 2019-2020. */
function jaren(raw: string | undefined): { from: number; to: number } | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(raw.trim());
  const from = Number(m?.[1]);
  const to = m?.[2] ? Number(m[2]) - 1 : from;
  if (!m || from < 2000 || to < from || to > 2100) throw new Error(`--jaren ${raw} is geen reeks schooljaren zoals 2014-2024 of 2019. ${USAGE}`);
  return { from, to };
}

/**
 * `gka download-duo`: the DUO open-data files of import-duo and the yearly files, fetched into a
 * folder (default data/duo) with their URL and sha256 in bronnen.json, then imported. --bron, else
 * GKA_DUO_BASE_URL, replaces the DUO address.
 */
export async function downloadDuoCommand(args: string[], { db, log, config }: { db: Db; log: (m: string) => void; config: Config }): Promise<void> {
  const { values, positionals } = parseCliArgs(args, USAGE, { jaren: { type: 'string' }, map: { type: 'string' }, bron: { type: 'string' } });
  if (positionals.length) throw new Error(USAGE);
  const dir = values.map ? userPath(values.map as string) : config.duoDir;
  const baseUrl = (values.bron as string | undefined) ?? config.duoBaseUrl ?? DUO_BASE_URL;
  log(`DUO-bestanden van ${baseUrl} naar ${dir} …`);
  const bars = new Map<string, ReturnType<typeof progress>>();
  const started = Date.now();
  const result = await downloadDuo(db, {
    dir,
    baseUrl,
    years: jaren(values.jaren as string | undefined),
    log: (m) => process.stderr.write(`${m}\n`),
    onProgress: (file, bytes, total) => {
      const bar = bars.get(file) ?? progress(`  ${file} (bytes)`, total);
      bars.set(file, bar);
      if (total !== undefined && bytes >= total) bar.done(bytes);
      else bar.update(bytes);
    },
  });
  log(
    `Gedownload: ${result.fetched.length} bestanden; al in de map: ${result.cached.length}; (nog) niet gepubliceerd: ${result.notPublished.length}. Herkomst en sha256 staan in ${path.join(dir, 'bronnen.json')}.`,
  );
  reportDuoImport(result.imported, Date.now() - started, log);
}
