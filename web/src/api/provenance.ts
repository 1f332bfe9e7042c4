import { useSyncExternalStore } from 'react';
import { useQueryClient, type Query } from '@tanstack/react-query';
import type { Meta } from '@gka/shared';

type Sources = Meta['sources'];

/** The datasets an answer names: `meta.sources` of values, compare, change and funnel, `sources` of /sources and profile. */
function sourcesOf(data: unknown): Sources | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as { meta?: { sources?: Sources }; sources?: Sources };
  return d.meta?.sources ?? d.sources;
}

/**
 * The datasets of the latest answer in the cache that names them (from /sources at start, then
 * from each values, compare or profile answer), or null before any. The same array while nothing
 * newer came in, so it can be a snapshot of the cache.
 */
export function latestSources(queries: readonly Pick<Query, 'state'>[]): Sources | null {
  let latest: { at: number; sources: Sources } | null = null;
  for (const q of queries) {
    const sources = sourcesOf(q.state.data);
    if (sources && (!latest || q.state.dataUpdatedAt >= latest.at)) latest = { at: q.state.dataUpdatedAt, sources };
  }
  return latest?.sources ?? null;
}

/** The loaded datasets as the answers the page fetched name them; the footer shows them, whatever view fetched them. */
export function useLoadedSources(): Sources | null {
  const cache = useQueryClient().getQueryCache();
  return useSyncExternalStore(
    (l) => cache.subscribe(l),
    () => latestSources(cache.getAll()),
  );
}

const WHAT: Record<string, (synthetic: boolean) => string> = {
  geo: () => 'gebiedsgrenzen en kerncijfers van CBS en Kadaster (PDOK)',
  values: (synthetic) => (synthetic ? 'synthetische indicatorwaarden' : 'indicatorwaarden van het CBS (GKA-monitor)'),
  demo: () => 'synthetische demodata',
  duo: () => 'DUO Open Onderwijsdata',
  groups: () => 'groepen van gemeenten (zoals COROP-gebieden)',
};

/**
 * The loaded datasets in plain words for readers of the dashboard and the notitie: what they are and
 * when they were loaded, without file names or commands (the exports name the files for analysts).
 * One phrase per kind of data, with its latest load.
 */
export function sourcesInWords(sources: Meta['sources']): string[] {
  const latest = new Map<string, { what: string; at: string }>();
  for (const s of sources) {
    const what = (WHAT[s.kind] ?? (() => 'overige gegevens'))(s.synthetic);
    const seen = latest.get(what);
    if (!seen || s.importedAt > seen.at) latest.set(what, { what, at: s.importedAt });
  }
  const date = (iso: string) => new Date(iso).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
  return [...latest.values()].map((x) => `${x.what} (geladen ${date(x.at)})`);
}
