import { describe, expect, it } from 'vitest';
import { sourcesInWords } from './provenance.ts';

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
