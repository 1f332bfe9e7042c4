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

/** A dataset's source for display: URLs as they are, local files by their name only (no server paths). */
export function sourceName(source: string): string {
  return /^[a-z]+:\/\//i.test(source) ? source : source.replace(/^.*[\\/]/, '');
}
