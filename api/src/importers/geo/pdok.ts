import { createHash } from 'node:crypto';
import { GeoFileError } from './errors.ts';
import type { RawFeature } from './features.ts';

/** The PDOK OGC API Features service of CBS Wijken en Buurten for one year. */
export const pdokBaseUrl = (year: number) => `https://api.pdok.nl/cbs/wijken-en-buurten-${year}/ogc/v1`;

export type Collection = 'gemeenten' | 'wijken';

export type FetchedCollection = { url: string; features: RawFeature[]; sha256: string };

export type FetchOptions = {
  /** Features per page; PDOK allows up to 1000. */
  limit?: number;
  onPage?: (features: number, matched: number | undefined) => void;
};

/** Safety net against a server whose next links go round in circles. */
const MAX_PAGES = 1000;

/**
 * All features of a collection, following `links[rel=next]` until there is none (OGC API Features
 * Part 1). Any network error, HTTP error or malformed page throws a Dutch message naming the URL.
 */
export async function fetchCollection(baseUrl: string, collection: Collection, options: FetchOptions = {}): Promise<FetchedCollection> {
  const first = `${baseUrl.replace(/\/+$/, '')}/collections/${collection}/items?f=json&limit=${options.limit ?? 1000}`;
  const hash = createHash('sha256');
  const features: RawFeature[] = [];
  const seen = new Set<string>();
  let url: string | undefined = first;
  while (url) {
    if (seen.has(url) || seen.size >= MAX_PAGES) throw new GeoFileError(url, 'de server blijft naar dezelfde pagina’s verwijzen (links rel=next)');
    seen.add(url);
    const body = await getText(url);
    hash.update(body);
    let page: { features?: unknown; links?: unknown; numberMatched?: unknown };
    try {
      page = JSON.parse(body);
    } catch {
      throw new GeoFileError(url, 'het antwoord is geen JSON (is de basis-URL van de OGC API juist?)');
    }
    if (!page || !Array.isArray(page.features))
      throw new GeoFileError(url, 'het antwoord heeft geen lijst "features" (is dit een OGC API Features-collectie?)');
    page.features.forEach((f: { properties?: unknown; geometry?: unknown }, i: number) => {
      if (!f || typeof f !== 'object') throw new GeoFileError(url!, 'dit is geen GeoJSON Feature', i);
      features.push({
        properties: f.properties && typeof f.properties === 'object' ? (f.properties as Record<string, unknown>) : {},
        geometry: f.geometry ?? null,
      });
    });
    options.onPage?.(features.length, typeof page.numberMatched === 'number' ? page.numberMatched : undefined);
    const next = Array.isArray(page.links)
      ? (page.links as { rel?: unknown; href?: unknown }[]).find((l) => l?.rel === 'next' && typeof l.href === 'string')
      : undefined;
    // Only follow a next link that brings features; an empty page ends the collection too.
    url = next && page.features.length > 0 ? new URL(next.href as string, url).toString() : undefined;
  }
  return { url: first, features, sha256: hash.digest('hex') };
}

async function getText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/geo+json, application/json' }, signal: AbortSignal.timeout(120_000) });
  } catch (e) {
    const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
    throw new GeoFileError(url, `kan niet worden opgehaald (${cause}); controleer de internetverbinding of geef een andere --base-url`);
  }
  if (!response.ok) {
    throw new GeoFileError(
      url,
      `de server antwoordt met HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${response.status === 404 ? ' (bestaat dit jaar bij PDOK?)' : ''}`,
    );
  }
  try {
    return await response.text();
  } catch (e) {
    throw new GeoFileError(url, `de verbinding brak af tijdens het lezen (${e instanceof Error ? e.message : String(e)})`);
  }
}
