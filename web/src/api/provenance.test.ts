import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { latestSources, sourcesInWords } from './provenance.ts';

const geo = { kind: 'geo', source: 'gemeenten.geojson', synthetic: false, importedAt: '2026-11-20T10:00:00Z' };
const duo = { kind: 'duo', source: 'examenkandidaten.csv', synthetic: false, importedAt: '2026-11-23T10:00:00Z' };

describe('the loaded sources the footer names', () => {
  it('are those of the latest answer that names any, whichever view fetched it', () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') });
    try {
      const client = new QueryClient();
      const cache = client.getQueryCache();
      expect(latestSources(cache.getAll())).toBeNull();

      client.setQueryData(['sources'], { sources: [geo], synthetic: false, minCell: 10 });
      expect(latestSources(cache.getAll())).toEqual([geo]);

      vi.advanceTimersByTime(1000);
      client.setQueryData(['values', { indicator: 'geslaagd' }], { data: [], meta: { sources: [geo, duo], synthetic: false } });
      expect(latestSources(cache.getAll())).toEqual([geo, duo]);

      // An answer that names no datasets (the areas) leaves them as they were.
      vi.advanceTimersByTime(1000);
      client.setQueryData(['areas', 'gemeente'], { data: [] });
      expect(latestSources(cache.getAll())).toEqual([geo, duo]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stay the same array while nothing newer came in, so the footer does not render again', () => {
    const client = new QueryClient();
    client.setQueryData(['sources'], { sources: [geo], synthetic: false, minCell: 10 });
    const cache = client.getQueryCache();
    expect(latestSources(cache.getAll())).toBe(latestSources(cache.getAll()));
  });
});

describe('sources in plain words', () => {
  it('says what was loaded and when, one phrase per kind, without file names or commands', () => {
    const words = sourcesInWords([
      { kind: 'geo', source: '/srv/data/gemeenten_2024.geojson', synthetic: false, importedAt: '2026-11-20T10:00:00Z' },
      { kind: 'geo', source: '/srv/data/wijken_2024.geojson', synthetic: false, importedAt: '2026-11-21T10:00:00Z' },
      { kind: 'demo', source: 'pnpm gka demo (seed 2019)', synthetic: true, importedAt: '2026-11-22T10:00:00Z' },
      { kind: 'duo', source: 'examenkandidaten-en-geslaagden-2019-2024.csv', synthetic: false, importedAt: '2026-11-23T10:00:00Z' },
      { kind: 'groups', source: 'cbs_woonplaatsen-gemeente-corop-2024.csv', synthetic: false, importedAt: '2026-11-23T11:00:00Z' },
    ]);
    expect(words).toEqual([
      'gebiedsgrenzen en kerncijfers van CBS en Kadaster (PDOK) (geladen 21 november 2026)',
      'synthetische demodata (geladen 22 november 2026)',
      'DUO Open Onderwijsdata (geladen 23 november 2026)',
      'groepen van gemeenten (zoals COROP-gebieden) (geladen 23 november 2026)',
    ]);
    expect(words.join(' ')).not.toMatch(/\.geojson|\.csv|pnpm|\/srv/);
  });
});
