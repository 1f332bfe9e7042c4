import { useSyncExternalStore } from 'react';
import type { Meta } from '@gka/shared';

/**
 * What the latest API answer said about its data: synthetic or not, and which datasets (from
 * /sources at start, then from each values, compare or profile answer). The layout shows it in a
 * banner and the footer, whatever view fetched it.
 */
type Provenance = { synthetic: boolean; sources: Meta['sources'] };

let current: Provenance | null = null;
const listeners = new Set<() => void>();

export function recordProvenance(body: unknown): void {
  if (!body || typeof body !== 'object') return;
  const b = body as { meta?: Partial<Meta>; synthetic?: boolean; sources?: Meta['sources'] };
  const synthetic = b.meta?.synthetic ?? b.synthetic;
  const sources = b.meta?.sources ?? b.sources;
  if (typeof synthetic !== 'boolean') return;
  const next = { synthetic, sources: sources ?? current?.sources ?? [] };
  if (current && current.synthetic === next.synthetic && JSON.stringify(current.sources) === JSON.stringify(next.sources)) return;
  current = next;
  listeners.forEach((l) => l());
}

export function useProvenance(): Provenance | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
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
