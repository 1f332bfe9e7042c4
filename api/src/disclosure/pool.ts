import { decideDisclosure, DIMENSION_SLOTS, PUBLISHED, SECONDARY, SLOT_KEYS, slotOf, type TableCell } from './decide.ts';
import { Echelon, rowOf, type Reduced, type Row } from './echelon.ts';
import { publishable, type DisclosureRules } from './rules.ts';

/** One member cohort of a pooled period, decided already: its cells and their decision. */
export type MemberTable = { cells: readonly TableCell[]; decision: Uint8Array };

type Parent = (area: string) => string | null | undefined;
const SLOTS = SLOT_KEYS.length;

/**
 * The disclosure of a pooled period: cells summed over several cohorts whose own decisions stand.
 * A pooled cell ties to its cohorts (pooled = sum of the cohort cells), so a careless one gives back
 * a hidden cohort cell by subtraction. The rules, from cheap to exact:
 * 1. the pooled table is decided like any table (primary and secondary suppression);
 * 2. a pooled cell holding exactly one hidden cohort cell is hidden, and one holding several whose
 *    sum would not be publishable by itself;
 * 3. a pooled gemeente (or Nederland) is published only when none of its cohort cells is hidden:
 *    then it is their sum and tells nothing new, and the sums across gemeenten stay as they were;
 * 4. per gemeente, all sums of all member cohorts and the published pooled wijken are solved at once
 *    (exact elimination). Where that fixes a hidden cell the cohorts alone did not fix, or tells more
 *    about the gemeente's hidden cells than before, one more pooled wijk cell is hidden, until nothing
 *    new follows.
 * Hiding a pooled cell only takes information away, so this ends; at worst every pooled cell with a
 * hidden cohort cell is hidden, and the pooled period tells exactly what its cohorts tell.
 */
export function decidePool(members: readonly MemberTable[], parentOf: Parent, rules: DisclosureRules): { cells: TableCell[]; decision: Uint8Array } {
  const pooled = new Map<string, { cell: TableCell; parts: number[] }>();
  members.forEach((m, mi) =>
    m.cells.forEach((c, ci) => {
      const key = `${c.area}|${c.dimension}|${c.group}`;
      let p = pooled.get(key);
      if (!p) pooled.set(key, (p = { cell: { ...c, k: 0, n: 0 }, parts: new Array<number>(members.length).fill(-1) }));
      p.cell.k += c.k;
      p.cell.n += c.n;
      p.parts[mi] = ci;
    }),
  );
  const entries = [...pooled.keys()].sort().map((key) => pooled.get(key)!);
  const cells = entries.map((e) => e.cell);
  const hiddenParts = entries.map((e) => e.parts.flatMap((ci, mi) => (ci >= 0 && members[mi]!.decision[ci] !== PUBLISHED ? [mi] : [])));
  const isWijk = (area: string) => {
    const parent = parentOf(area);
    return !!parent && !!parentOf(parent);
  };

  // A pooled cell of published cohort cells is their sum: anyone can compute it, so hiding it protects nothing.
  const known = Uint8Array.from(hiddenParts, (h) => (h.length === 0 ? 1 : 0));
  const forced = new Uint8Array(cells.length);
  cells.forEach((c, i) => {
    const hidden = hiddenParts[i]!;
    if (hidden.length === 0) return;
    if (!isWijk(c.area) || hidden.length === 1) forced[i] = 1;
    else {
      const sum = hidden.reduce(
        (s, mi) => ({ k: s.k + members[mi]!.cells[entries[i]!.parts[mi]!]!.k, n: s.n + members[mi]!.cells[entries[i]!.parts[mi]!]!.n }),
        { k: 0, n: 0 },
      );
      if (!publishable(sum.k, sum.n, rules)) forced[i] = 1;
    }
  });

  const byGemeente = new Map<string, number[]>();
  cells.forEach((c, i) => {
    if (!isWijk(c.area) || hiddenParts[i]!.length === 0) return;
    const g = parentOf(c.area)!;
    const list = byGemeente.get(g);
    if (list) list.push(i);
    else byGemeente.set(g, [i]);
  });
  // Each member's cells per gemeente (its own and its wijken's), for the systems below.
  const local = members.map((m) => {
    const out = new Map<string, number[]>();
    m.cells.forEach((c, ci) => {
      const g = isWijk(c.area) ? parentOf(c.area)! : c.area;
      const list = out.get(g);
      if (list) list.push(ci);
      else out.set(g, [ci]);
    });
    return out;
  });
  const systems = new Map<string, GemeenteSystem>();
  const safe = new Map<string, string>();

  for (;;) {
    const decision = decideDisclosure(cells, parentOf, rules, { forced, known });
    let more = false;
    for (const [gemeente, pooledCells] of byGemeente) {
      if (!pooledCells.some((i) => decision[i] === PUBLISHED)) continue;
      // Found safe before with the same pooled cells published: nothing to check again.
      const published = pooledCells.filter((i) => decision[i] === PUBLISHED).join();
      if (safe.get(gemeente) === published) continue;
      let system = systems.get(gemeente);
      if (!system)
        systems.set(
          gemeente,
          (system = new GemeenteSystem(
            gemeente,
            members,
            local.map((l) => l.get(gemeente) ?? []),
          )),
        );
      for (;;) {
        // One more hidden per wijk that leaks (a leak of the gemeente's own cells: one in the gemeente), then check again.
        const leaks = system.leaks(pooledCells, decision, (i) => entries[i]!.parts);
        if (!leaks.size) {
          safe.set(gemeente, pooledCells.filter((i) => decision[i] === PUBLISHED).join());
          break;
        }
        let hid = false;
        for (const wijk of leaks) {
          const victim = leakVictim(pooledCells, decision, cells, wijk);
          if (victim === undefined) continue;
          decision[victim] = SECONDARY;
          forced[victim] = 1;
          hid = more = true;
        }
        // With no pooled cell published the system is the cohorts' own, which leaks nothing new.
        if (!hid) throw new Error(`Samengevoegde periode: ${gemeente} lekt zonder gepubliceerde samengevoegde cellen`);
      }
    }
    if (!more) return { cells, decision };
  }
}

const compareCells = (a: TableCell, b: TableCell) => {
  const x = `${a.area}|${a.dimension}|${a.group}`;
  const y = `${b.area}|${b.dimension}|${b.group}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The published pooled cell to hide after a leak: in the leaking wijk if it has one, the smallest, then by key. */
function leakVictim(pooledCells: number[], decision: Uint8Array, cells: TableCell[], wijk: string | null): number | undefined {
  const open = pooledCells.filter((i) => decision[i] === PUBLISHED);
  const near = open.filter((i) => cells[i]!.area === wijk);
  return (near.length ? near : open).sort((a, b) => cells[a]!.n - cells[b]!.n || compareCells(cells[a]!, cells[b]!))[0];
}

/**
 * One gemeente's sums over every member cohort as a linear system in its hidden cells: wijk cells
 * first (eliminated), the gemeente's own hidden cells last. Wijken of different gemeenten share no
 * sum, so only the gemeente's hidden cells tie this system to the rest of the country.
 */
class GemeenteSystem {
  private readonly column = new Map<string, number>();
  private readonly wijkOf: string[] = [];
  private readonly wijkColumns: number;
  /** Every sum of every member, in all hidden cells. */
  private readonly baseline = new Echelon();
  /** The same sums with the gemeente's own hidden cells taken as known: what they fix among the wijk cells. */
  private readonly baselineWijken = new Echelon();
  private readonly baselineGemeentePivots: number;
  private readonly baselineReduced: Reduced;

  constructor(
    gemeente: string,
    members: readonly MemberTable[],
    /** Per member, the indexes of its cells of this gemeente and its wijken. */
    local: readonly number[][],
  ) {
    // Each member's cells as (area → slot → cell index).
    const grids = members.map((m, mi) => {
      const grid = new Map<string, Int32Array>();
      local[mi]!.forEach((ci) => {
        const c = m.cells[ci]!;
        let row = grid.get(c.area);
        if (!row) grid.set(c.area, (row = new Int32Array(SLOTS).fill(-1)));
        row[slotOf(c.dimension, c.group)!] = ci;
      });
      return grid;
    });
    const wijken = [...new Set(grids.flatMap((g) => [...g.keys()]))].filter((a) => a !== gemeente).sort();
    // One kind of part per gemeente: the sums below say its wijken (or its schools) add up to it.
    if (new Set(wijken.map((w) => w.slice(0, 2))).size > 1)
      throw new Error(`${gemeente}: wijken en scholen in één tabel; een gepoolde periode kan dat niet beslissen`);
    // Wijk cells numbered by wijk, then slot, then cohort, so a pooled sum stays within a few columns.
    for (const w of wijken)
      for (let s = 0; s < SLOTS; s++)
        members.forEach((m, mi) => {
          const ci = grids[mi]!.get(w)?.[s] ?? -1;
          if (ci >= 0 && m.decision[ci] !== PUBLISHED) {
            this.column.set(`${mi}|${ci}`, this.column.size);
            this.wijkOf.push(w);
          }
        });
    this.wijkColumns = this.column.size;
    members.forEach((m, mi) => {
      const ci = (s: number) => grids[mi]!.get(gemeente)?.[s] ?? -1;
      for (let s = 0; s < SLOTS; s++) if (ci(s) >= 0 && m.decision[ci(s)] !== PUBLISHED) this.column.set(`${mi}|${ci(s)}`, this.column.size);
    });

    members.forEach((_, mi) => {
      const grid = grids[mi]!;
      const unknown = (ci: number) => (ci >= 0 ? this.column.get(`${mi}|${ci}`) : undefined);
      const sum = (total: number, parts: number[]) => {
        const row = rowOf([total, ...parts].flatMap((ci, j) => (unknown(ci) === undefined ? [] : [[unknown(ci)!, j === 0 ? 1 : -1] as const])));
        if (!row.cols.length) return;
        if (this.column.size > this.wijkColumns) this.baseline.add(row);
        const wijkPart = this.wijkPart(row);
        if (wijkPart.cols.length) this.baselineWijken.add(wijkPart);
      };
      for (const [, slots] of grid)
        for (const dimension of DIMENSION_SLOTS)
          sum(
            slots[0]!,
            dimension.map((s) => slots[s]!),
          );
      const own = grid.get(gemeente);
      if (own)
        for (let s = 0; s < SLOTS; s++)
          sum(
            own[s]!,
            wijken.map((w) => grid.get(w)?.[s] ?? -1),
          );
    });
    this.baselineGemeentePivots = this.baseline.pivotsWhere(this.isGemeente);
    this.baselineReduced = this.baselineWijken.reduce();
  }

  private readonly isGemeente = (column: number) => column >= this.wijkColumns;

  private wijkPart(row: Row): Row {
    const n = row.cols.findIndex((c) => c >= this.wijkColumns);
    return n < 0 ? row : { cols: row.cols.slice(0, n), vals: row.vals.slice(0, n) };
  }

  private partsRow(parts: readonly number[]): Row {
    return rowOf(parts.flatMap((ci, mi) => (ci >= 0 && this.column.has(`${mi}|${ci}`) ? [[this.column.get(`${mi}|${ci}`)!, 1] as const] : [])));
  }

  /**
   * What a reader learns beyond the cohorts once the published pooled cells are added: the wijken
   * whose hidden cells (or hidden pooled cells) become fixed, and null when the gemeente's own
   * hidden cells become better known. Empty when nothing new follows. Wijk cells are judged with the
   * gemeente's hidden cells taken as known, against the cohorts judged the same way; with the
   * gemeente's cells no better known than before, what that finds is what a reader can find.
   */
  leaks(pooledCells: number[], decision: Uint8Array, partsOf: (i: number) => number[]): Set<string | null> {
    const published = pooledCells.filter((i) => decision[i] === PUBLISHED).map((i) => this.partsRow(partsOf(i)));
    const out = new Set<string | null>();
    // Only a gemeente with hidden cells of its own can learn more about them.
    if (this.column.size > this.wijkColumns) {
      const all = this.baseline.clone();
      for (const row of published) all.add(row);
      if (all.pivotsWhere(this.isGemeente) !== this.baselineGemeentePivots) out.add(null);
    }
    const wijkSystem = this.baselineWijken.clone();
    for (const row of published) wijkSystem.add(row);
    const reduced = wijkSystem.reduce();
    for (let c = 0; c < this.wijkColumns; c++) if (reduced.fixesColumn(c) && !this.baselineReduced.fixesColumn(c)) out.add(this.wijkOf[c]!);
    for (const i of pooledCells) {
      if (decision[i] === PUBLISHED) continue;
      const row = this.partsRow(partsOf(i));
      const wijk = this.wijkOf[row.cols[0]!]!;
      if (!out.has(wijk) && reduced.fixes(row) && !this.baselineReduced.fixes(row)) out.add(wijk);
    }
    return out;
  }
}
