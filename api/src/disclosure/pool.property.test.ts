import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attack, cellKey, solvedBySystem, tableRelations, type Counts, type Relation } from '../test/adversary.ts';
import { randomRegion, type Area } from '../test/random-region.ts';
import { decideDisclosure, PUBLISHED, type TableCell } from './decide.ts';
import { decidePool } from './pool.ts';
import { publishable, type DisclosureRules } from './rules.ts';

const rules = fc.record({ minCell: fc.constantFrom(5, 10), attribute: fc.boolean() });

/**
 * Every cohort decided on its own, then the pooled period; and what a reader sees of all of them
 * together: each table's published cells, each table's sums, and the tie of every pooled cell to its
 * cohort cells. Keys carry the table ('c0#…', 'pool#…') so one system holds them all.
 */
function publish(areas: Area[], tables: TableCell[][], r: DisclosureRules) {
  const parents = new Map(areas.map((a) => [a.code, a.parent]));
  const parentOf = (a: string) => parents.get(a);
  const members = tables.map((cells) => ({ cells, decision: decideDisclosure(cells, parentOf, r) }));
  const pool = decidePool(members, parentOf, r);
  const known = new Map<string, Counts>();
  const exists = new Set<string>();
  const relations: Relation[] = [];
  const see = (table: string, cells: readonly TableCell[], decision: Uint8Array) => {
    cells.forEach((c, i) => {
      const key = `${table}#${cellKey(c.area, c.dimension, c.group)}`;
      exists.add(key);
      if (decision[i] === PUBLISHED) known.set(key, { k: c.k, n: c.n });
    });
    for (const rel of tableRelations(areas))
      relations.push({ total: `${table}#${rel.total}`, parts: rel.parts.map((p) => `${table}#${p}`), label: `${table}: ${rel.label}` });
  };
  members.forEach((m, i) => see(`c${i}`, m.cells, m.decision));
  see('pool', pool.cells, pool.decision);
  for (const c of pool.cells) {
    const key = cellKey(c.area, c.dimension, c.group);
    relations.push({ total: `pool#${key}`, parts: members.map((_, i) => `c${i}#${key}`), label: `samen ${key}` });
  }
  return { members, pool, known, exists, relations };
}

describe('a pooled period', () => {
  const pooledRegion = fc.integer({ min: 2, max: 4 }).chain((cohorts) => randomRegion(cohorts));

  it('lets no sum, across the cohorts and the pooled table, give back a hidden cell or a small remainder', () => {
    fc.assert(
      fc.property(pooledRegion, rules, ({ areas, tables }, r) => {
        const { known, exists, relations } = publish(areas, tables, r);
        expect(attack(known, exists, relations, r)).toEqual([]);
      }),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });

  it('lets the whole system of sums, solved at once, fix no hidden cell of any cohort or of the pool', () => {
    fc.assert(
      fc.property(pooledRegion, rules, ({ areas, tables }, r) => {
        const { known, exists, relations } = publish(areas, tables, r);
        expect(solvedBySystem(known, exists, relations)).toEqual([]);
      }),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });

  it('sums the counts of its cohorts and publishes only publishable cells', () => {
    fc.assert(
      fc.property(pooledRegion, rules, ({ areas, tables }, r) => {
        const { pool } = publish(areas, tables, r);
        pool.cells.forEach((c, i) => {
          const parts = tables.flatMap((t) => t.filter((x) => x.area === c.area && x.dimension === c.dimension && x.group === c.group));
          expect({ k: c.k, n: c.n }).toEqual({ k: parts.reduce((s, x) => s + x.k, 0), n: parts.reduce((s, x) => s + x.n, 0) });
          if (pool.decision[i] === PUBLISHED) expect(publishable(c.k, c.n, r)).toBe(true);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('publishes, across random regions, many wijk cells that every one of their cohorts hides', () => {
    let gained = 0;
    let hiddenEverywhere = 0;
    for (const [{ areas, tables }, r] of fc.sample(fc.tuple(pooledRegion, rules), { numRuns: 200, seed: 7 })) {
      const { members, pool } = publish(areas, tables, r);
      pool.cells.forEach((c, i) => {
        if (!c.area.startsWith('WK')) return;
        const parts = members.map((m) => m.cells.findIndex((x) => x.area === c.area && x.dimension === c.dimension && x.group === c.group));
        if (parts.some((p, m) => p < 0 || members[m]!.decision[p] === PUBLISHED)) return;
        hiddenEverywhere++;
        if (pool.decision[i] === PUBLISHED) gained++;
      });
    }
    // A pooled period is worth having only if it gives small wijken a value: here about one in five.
    expect(gained / hiddenEverywhere).toBeGreaterThan(0.1);
  });

  it('gives a value to a wijk that is too small in every cohort but not in them together', () => {
    // Gemeente of three wijken over three cohorts: wijk 1 has 4 pupils each time (hidden each time), 12 together.
    const areas: Area[] = [
      { code: 'NL01', parent: null },
      { code: 'GM0001', parent: 'NL01' },
      { code: 'WK000101', parent: 'GM0001' },
      { code: 'WK000102', parent: 'GM0001' },
      { code: 'WK000103', parent: 'GM0001' },
    ];
    const table = (w1: [number, number], w2: [number, number], w3: [number, number]): TableCell[] => {
      const cells = { WK000101: w1, WK000102: w2, WK000103: w3, GM0001: [w1[0] + w2[0] + w3[0], w1[1] + w2[1] + w3[1]] as [number, number] };
      return Object.entries(cells).map(([area, [k, n]]) => ({ area, dimension: 'totaal', group: 'totaal', k, n }));
    };
    const tables = [table([2, 4], [3, 4], [30, 60]), table([1, 4], [2, 4], [33, 70]), table([2, 4], [1, 3], [20, 50])];
    const r = { minCell: 10, attribute: false };
    const { members, pool, known, exists, relations: all } = publish(areas, tables, r);
    // These tables hold totaal cells only: the sums of breakdowns do not apply.
    const relations = all.filter((rel) => rel.parts.some((p) => exists.has(p)));
    for (const m of members) expect(m.decision[0]).not.toBe(PUBLISHED);
    const wijk1 = pool.cells.findIndex((c) => c.area === 'WK000101');
    expect(pool.decision[wijk1]).toBe(PUBLISHED);
    expect(pool.cells[wijk1]).toMatchObject({ k: 5, n: 12 });
    expect(attack(known, exists, relations, r)).toEqual([]);
    expect(solvedBySystem(known, exists, relations)).toEqual([]);
  });

  it('refuses a gemeente whose table holds both wijken and schools, rather than deciding with the wrong sums', () => {
    const parents = new Map([
      ['GM0001', 'NL01'],
      ['WK000101', 'GM0001'],
      ['WK000102', 'GM0001'],
      ['SC00AA00', 'GM0001'],
    ]);
    const parentOf = (a: string) => parents.get(a);
    const cell = (area: string, k: number, n: number): TableCell => ({ area, dimension: 'totaal', group: 'totaal', k, n });
    // The wijken add up to the gemeente, and so would the school: two partitions in one table.
    const cells = [cell('NL01', 40, 90), cell('GM0001', 40, 90), cell('WK000101', 3, 8), cell('WK000102', 37, 82), cell('SC00AA00', 40, 90)];
    const r = { minCell: 10, attribute: false };
    const members = [0, 1].map(() => ({ cells, decision: decideDisclosure(cells, parentOf, r) }));
    expect(members[0]!.decision.some((d) => d !== PUBLISHED)).toBe(true);
    expect(() => decidePool(members, parentOf, r)).toThrow('GM0001: wijken en scholen in één tabel');
  });
});
