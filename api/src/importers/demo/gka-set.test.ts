import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { hasOpenData, openDataFile } from '../../test/open-data.ts';
import { chooseGkaSet, normaliseName, SIGNED_2019, type GkaCandidate } from './gka-set.ts';

/** The 342 gemeenten of 2024 with their provincie (CBS list) and inhabitants (KWB 2024), read in place. */
function gemeenten2024(): GkaCandidate[] {
  const list = parse(readFileSync(openDataFile('cbs_gemeenten-alfabetisch-2023.csv')), { columns: true, bom: true }) as Record<string, string>[];
  const geo = JSON.parse(readFileSync(openDataFile('gemeenten_2024.geojson'), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
  const inwoners = new Map(geo.features.map((f) => [f.properties.gemeentecode as string, (f.properties.aantal_inwoners as number | undefined) ?? null]));
  return list.map((r) => ({ code: r.GemeentecodeGM!, name: r.Gemeentenaam!, provincie: r.Provincienaam!, inwoners: inwoners.get(r.GemeentecodeGM!) ?? null }));
}

describe.skipIf(!hasOpenData)('demo GKA set', () => {
  const gemeenten = hasOpenData ? gemeenten2024() : [];
  const set = chooseGkaSet(gemeenten);

  it('has 101 members on the real 2024 gemeenten: the 30 of 2019, every gemeente ≥ 100,000 and every provincie', () => {
    expect(gemeenten).toHaveLength(342);
    expect(set).toHaveLength(101);
    const names = new Set(set.map((m) => normaliseName(m.name)));
    for (const name of SIGNED_2019) expect(names.has(normaliseName(name === 'Den Haag' ? "'s-Gravenhage" : name)), name).toBe(true);
    expect(set.filter((m) => m.reason === 'signed2019')).toHaveLength(30);
    const codes = new Set(set.map((m) => m.code));
    for (const g of gemeenten.filter((g) => (g.inwoners ?? 0) >= 100_000)) expect(codes.has(g.code), g.name).toBe(true);
    const provincies = new Set(gemeenten.map((g) => g.provincie));
    expect(provincies.size).toBe(12);
    expect(new Set(gemeenten.filter((g) => codes.has(g.code)).map((g) => g.provincie))).toEqual(provincies);
    expect(set.find((m) => m.name === 'Amsterdam')).toMatchObject({ sinds: '2019-06-01', reason: 'signed2019' });
  });

  it('is deterministic and independent of input order', () => {
    expect(chooseGkaSet([...gemeenten].reverse())).toEqual(set);
  });

  it('matches names without case, accents or apostrophes', () => {
    expect(normaliseName("'s-Hertogenbosch")).toBe(normaliseName('S-HERTOGENBOSCH'));
    expect(normaliseName('Súdwest-Fryslân')).toBe('sudwestfryslan');
  });

  it('marks a proportional subset of a small region', () => {
    const region = [1, 2, 3, 4].map((i) => ({ code: `GM990${i}`, name: `Gemeente ${i}`, provincie: 'Fictieland', inwoners: 200_000 / i }));
    const chosen = chooseGkaSet(region);
    // 200,000 and 100,000 inhabitants are large; ceil(4 × 101 / 342) = 2 members in all.
    expect(chosen.map((m) => [m.code, m.reason])).toEqual([
      ['GM9901', 'large'],
      ['GM9902', 'large'],
    ]);
    expect(chooseGkaSet(region.map((g) => ({ ...g, inwoners: 50_000 })))).toHaveLength(2);
  });
});
