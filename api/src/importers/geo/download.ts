import type { Db } from '../../db/connect.ts';
import { loadGeo, type GeoImportResult, type GeoPart, type LoadOptions } from './load.ts';
import { parseGeoFeatures, type GeoLevel } from './parse.ts';
import { fetchCollection, pdokBaseUrl, type Collection, type FetchOptions } from './pdok.ts';

export type DownloadGeoOptions = LoadOptions & {
  year: number;
  level?: GeoLevel | 'all';
  /** Overrides the PDOK service, e.g. a mirror or a test server. */
  baseUrl?: string;
  provincies?: Map<string, string>;
  /** Features per page (default 1000, PDOK's maximum). */
  limit?: number;
  onPage?: (collection: Collection, features: number, matched: number | undefined) => void;
};

const COLLECTION: Record<GeoLevel, Collection> = { gemeente: 'gemeenten', wijk: 'wijken' };

/**
 * Downloads gemeenten and/or wijken of one year from PDOK (docs/data-sources.md) and loads them through the same
 * path as a file, in one transaction: everything is fetched before the database is touched, so a
 * failed download changes nothing.
 */
export async function downloadGeo(db: Db, options: DownloadGeoOptions): Promise<GeoImportResult> {
  const baseUrl = options.baseUrl ?? pdokBaseUrl(options.year);
  const levels: GeoLevel[] = !options.level || options.level === 'all' ? ['gemeente', 'wijk'] : [options.level];
  const parts: GeoPart[] = [];
  for (const level of levels) {
    const collection = COLLECTION[level];
    const fetchOptions: FetchOptions = { limit: options.limit, onPage: (n, matched) => options.onPage?.(collection, n, matched) };
    const fetched = await fetchCollection(baseUrl, collection, fetchOptions);
    const parsed = parseGeoFeatures(fetched.features, { source: fetched.url, level, year: options.year, provincies: options.provincies });
    parts.push({ parsed, source: fetched.url, sha256: fetched.sha256 });
  }
  return loadGeo(db, parts, options);
}
