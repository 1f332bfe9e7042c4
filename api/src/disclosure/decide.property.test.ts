import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATIONAL_CODE } from '@gka/shared';
import { attack, cellKey, solvedBySystem, tableRelations } from '../test/adversary.ts';
import { randomRegion, type Area } from '../test/random-region.ts';
import { decideDisclosure, PRIMARY, PUBLISHED, SECONDARY, type TableCell } from './decide.ts';
import { publishable, type DisclosureRules } from './rules.ts';

const region = randomRegion().map(({ areas, tables }) => ({ areas, cells: tables[0]! }));

const rules = fc.record({ minCell: fc.constantFrom(5, 10, 15), attribute: fc.boolean() });

function run(areas: Area[], cells: TableCell[], r: DisclosureRules) {
  const parents = new Map(areas.map((a) => [a.code, a.parent]));
  const decision = decideDisclosure(cells, (a) => parents.get(a), r);
  const key = (c: TableCell) => cellKey(c.area, c.dimension, c.group);
  const known = new Map(cells.filter((_, i) => decision[i] === PUBLISHED).map((c) => [key(c), { k: c.k, n: c.n }]));
  return { decision, leaks: attack(known, new Set(cells.map(key)), tableRelations(areas), r) };
}

describe('secondary suppression', () => {
  it('leaves no hidden cell or small remainder that subtraction can recover, in any random table', () => {
    fc.assert(
      fc.property(region, rules, ({ areas, cells }, r) => {
        const { leaks } = run(areas, cells, r);
        expect(leaks).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no hidden cell that the whole system of sums fixes, solved at once', () => {
    fc.assert(
      fc.property(region, rules, ({ areas, cells }, r) => {
        const parents = new Map(areas.map((a) => [a.code, a.parent]));
        const decision = decideDisclosure(cells, (a) => parents.get(a), r);
        const key = (c: TableCell) => cellKey(c.area, c.dimension, c.group);
        const known = new Map(cells.filter((_, i) => decision[i] === PUBLISHED).map((c) => [key(c), { k: c.k, n: c.n }]));
        expect(solvedBySystem(known, new Set(cells.map(key)), tableRelations(areas))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('hides every cell that is not publishable by itself, and publishes only cells that are', () => {
    fc.assert(
      fc.property(region, rules, ({ areas, cells }, r) => {
        const { decision } = run(areas, cells, r);
        cells.forEach((c, i) => {
          expect(decision[i] === PRIMARY).toBe(!publishable(c.k, c.n, r));
          if (decision[i] === PUBLISHED) expect(publishable(c.k, c.n, r)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('hides nothing more when nothing is small', () => {
    fc.assert(
      fc.property(region, ({ areas, cells }) => {
        // With minCell 1 only empty cells are small; a table without them (groups nobody fell into left out) hides nothing.
        const { decision } = run(
          areas,
          cells.filter((c) => c.n >= 1),
          { minCell: 1, attribute: false },
        );
        expect([...decision].every((d) => d === PUBLISHED)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same decision whatever the order of the cells', () => {
    fc.assert(
      fc.property(region, rules, fc.integer(), ({ areas, cells }, r, seed) => {
        const a = run(areas, cells, r).decision;
        const order = cells.map((_, i) => i).sort((x, y) => (((x * 2654435761) ^ seed) % 1000) - (((y * 2654435761) ^ seed) % 1000) || x - y);
        const b = run(
          areas,
          order.map((i) => cells[i]!),
          r,
        ).decision;
        order.forEach((from, to) => expect(b[to]).toBe(a[from]));
      }),
      { numRuns: 100 },
    );
  });
});

describe('worked examples', () => {
  const areas: Area[] = [
    { code: NATIONAL_CODE, parent: null },
    { code: 'GM0001', parent: NATIONAL_CODE },
    { code: 'WK000101', parent: 'GM0001' },
    { code: 'WK000102', parent: 'GM0001' },
    { code: 'WK000103', parent: 'GM0001' },
  ];
  const totals = (counts: Record<string, [number, number]>): TableCell[] =>
    Object.entries(counts).map(([area, [k, n]]) => ({ area, dimension: 'totaal', group: 'totaal', k, n }));
  const r = { minCell: 10, attribute: true };

  it('hides the next smallest wijk, not the gemeente, when one wijk is small', () => {
    const cells = totals({ NL01: [150, 300], GM0001: [150, 300], WK000101: [4, 8], WK000102: [30, 60], WK000103: [116, 232] });
    const d = decideDisclosure(cells, (a) => areas.find((x) => x.code === a)?.parent, r);
    expect([...d]).toEqual([PUBLISHED, PUBLISHED, PRIMARY, SECONDARY, PUBLISHED]);
  });

  it('hides the gemeente with its only wijk, and then a second gemeente under Nederland', () => {
    const two: Area[] = [...areas.slice(0, 3), { code: 'GM0002', parent: NATIONAL_CODE }, { code: 'GM0003', parent: NATIONAL_CODE }];
    const cells = totals({ NL01: [150, 300], GM0001: [4, 8], WK000101: [4, 8], GM0002: [20, 40], GM0003: [126, 252] });
    const d = decideDisclosure(cells, (a) => two.find((x) => x.code === a)?.parent, r);
    expect([...d]).toEqual([PUBLISHED, PRIMARY, PRIMARY, SECONDARY, PUBLISHED]);
  });

  it('treats a small group in which all but two share an outcome as small, and its remainder too', () => {
    const cells = totals({ NL01: [150, 300], GM0001: [150, 300], WK000101: [2, 15], WK000102: [30, 60], WK000103: [118, 225] });
    const d = decideDisclosure(cells, (a) => areas.find((x) => x.code === a)?.parent, r);
    expect(d[2]).toBe(PRIMARY);
    expect(d[3]).toBe(SECONDARY);
    // Without the attribute rule (a mean, say) the same cell is publishable.
    expect([...decideDisclosure(cells, (a) => areas.find((x) => x.code === a)?.parent, { minCell: 10, attribute: false })].every((x) => x === PUBLISHED)).toBe(
      true,
    );
  });
});
