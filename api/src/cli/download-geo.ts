import type { Db } from '../db/connect.ts';
import { downloadGeo } from '../importers/geo/download.ts';
import { readProvincies } from '../importers/geo/import.ts';
import type { GeoLevel } from '../importers/geo/parse.ts';
import { pdokBaseUrl } from '../importers/geo/pdok.ts';
import { geoLevel, parseCliArgs, reportGeoResult, userPath, year } from './import-geo.ts';
import { progress } from './progress.ts';

const USAGE =
  'Gebruik: pnpm gka download-geo --year N [--level gemeente|wijk|all] [--base-url URL] [--provincies gemeenten-alfabetisch.csv] [--maak-gemeenten]';

/**
 * `gka download-geo --year N`: gemeenten and wijken from the PDOK OGC API of CBS Wijken en Buurten
 * (docs/data-sources.md). --base-url, else GKA_PDOK_BASE_URL, replaces the PDOK address; `{year}` in it is
 * filled in.
 */
export async function downloadGeoCommand(args: string[], { db, log }: { db: Db; log: (m: string) => void }): Promise<void> {
  const { values, positionals } = parseCliArgs(args, USAGE, {
    year: { type: 'string' },
    level: { type: 'string' },
    'base-url': { type: 'string' },
    provincies: { type: 'string' },
    'maak-gemeenten': { type: 'boolean' },
  });
  const jaar = year(values.year as string | undefined, USAGE);
  if (jaar === undefined || positionals.length) throw new Error(USAGE);
  const level = geoLevel(values.level as string | undefined, ['gemeente', 'wijk', 'all'], USAGE) as GeoLevel | 'all' | undefined;
  const template = (values['base-url'] as string | undefined) ?? process.env.GKA_PDOK_BASE_URL;
  const baseUrl = template ? template.replaceAll('{year}', String(jaar)) : pdokBaseUrl(jaar);
  const provincies = values.provincies === undefined ? undefined : await readProvincies(userPath(values.provincies as string));
  log(`Downloaden van ${baseUrl} …`);
  const bars = new Map<string, ReturnType<typeof progress>>();
  const saving = progress('Gebieden opgeslagen');
  const result = await downloadGeo(db, {
    year: jaar,
    level,
    baseUrl,
    provincies,
    createMissingGemeenten: Boolean(values['maak-gemeenten']),
    onPage: (collection, n, matched) => {
      if (!bars.has(collection)) bars.set(collection, progress(`${collection} gedownload`, matched));
      const bar = bars.get(collection)!;
      if (n === matched) bar.done(n);
      else bar.update(n);
    },
    onProgress: (done, total) => (done === total ? saving.done(done) : saving.update(done)),
  });
  reportGeoResult(result, log);
}
