import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '@gka/shared';
import { parseValueLine, type Catalogue } from './parse.ts';

const catalogue: Catalogue = {
  areas: new Set(['NL01', 'GM0363', 'WK0363AA', 'WK059901']),
  units: new Map([
    ['advies_havo_vwo', 'percentage'],
    ['eindtoets_gemiddelde', 'gemiddelde'],
  ]),
};
const breakdowns = Object.entries(DIMENSIONS).flatMap(([d, gs]) => gs.map((g) => [d, g] as const));

const validRow = fc.record({
  area: fc.constantFrom(...catalogue.areas),
  year: fc.integer({ min: 1990, max: 2098 }),
  indicator: fc.constantFrom(...catalogue.units.keys()),
  breakdown: fc.constantFrom(...breakdowns),
  denominator: fc.integer({ min: 0, max: 10_000_000 }),
  share: fc.double({ min: 0, max: 1, noNaN: true }),
});
// Strings that look like codes but are not, including names that exist on every JS object.
const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom('toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', ' ', '"', '";"', 'GM0363;', '1e3', '0x10', '١٢', '+5', '5.0', '-0'),
);

function parse(text: string, delimiter = ';') {
  const problems: string[] = [];
  const row = parseValueLine('w.csv', 7, text, delimiter, catalogue, problems);
  return { row, problems };
}

describe('values CSV validation (property-based)', () => {
  it('accepts every valid line exactly as written, with either separator', () => {
    fc.assert(
      fc.property(validRow, fc.constantFrom(';', ','), (r, sep) => {
        const numerator = Math.floor(r.share * r.denominator);
        const fields = [r.area, `${r.year}-${r.year + 1}`, r.indicator, r.breakdown[0], r.breakdown[1], numerator, r.denominator];
        const { row, problems } = parse(fields.join(sep), sep);
        expect(problems).toEqual([]);
        expect(row).toEqual({
          line: 7,
          area: r.area,
          cohort: `${r.year}-${r.year + 1}`,
          indicator: r.indicator,
          dimension: r.breakdown[0],
          group: r.breakdown[1],
          numerator,
          denominator: r.denominator,
        });
      }),
    );
  });

  it('rejects teller > noemer for shares, naming line and column', () => {
    fc.assert(
      fc.property(validRow, fc.integer({ min: 1, max: 1000 }), (r, extra) => {
        const { row, problems } = parse([r.area, '2020-2021', 'advies_havo_vwo', 'totaal', 'totaal', r.denominator + extra, r.denominator].join(';'));
        expect(row).toBeNull();
        expect(problems.join('\n')).toMatch(/^w\.csv regel 7, kolom teller: .*groter dan de noemer/);
      }),
    );
  });

  it('never throws and never lets an invalid field through, whatever the line holds', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 0, maxLength: 9 }), (fields) => {
        const { row, problems } = parse(fields.join(';'));
        if (row === null) {
          expect(problems.length).toBeGreaterThan(0);
          for (const p of problems) expect(p).toMatch(/^w\.csv regel 7/);
        } else {
          expect(problems).toEqual([]);
          expect(catalogue.areas.has(row.area)).toBe(true);
          expect(catalogue.units.has(row.indicator)).toBe(true);
          expect((DIMENSIONS as Record<string, readonly string[]>)[row.dimension]).toContain(row.group);
          expect(Number.isSafeInteger(row.numerator) && row.numerator >= 0).toBe(true);
          expect(Number.isSafeInteger(row.denominator) && row.denominator >= 0).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects a single bad field in an otherwise valid line, naming that column', () => {
    const columns = ['gebiedcode', 'cohort', 'indicator', 'dimensie', 'groep', 'teller', 'noemer'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), hostile, (i, bad) => {
        const fields = ['GM0363', '2020-2021', 'advies_havo_vwo', 'geslacht', 'meisje', '4', '9'];
        fields[i] = bad;
        fc.pre(!bad.includes(';') && !bad.includes('"') && !bad.includes('\n'));
        const { row, problems } = parse(fields.join(';'));
        // Some replacements are still valid (e.g. ' 4' for teller); the rest must say which column. A bad
        // dimensie also makes the groep wrong, and a smaller noemer is reported as a teller above it.
        const named = (c: string) => problems.some((p) => p.includes(`kolom ${c}`));
        if (row === null) expect(named(columns[i]!) || (i === 3 && named('groep')) || (i === 6 && named('teller'))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
