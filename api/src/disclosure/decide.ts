import { DIMENSIONS } from '@gka/shared';
import { publishable, type DisclosureRules } from './rules.ts';

/** One cell of an indicator × cohort table. */
export type TableCell = { area: string; dimension: string; group: string; k: number; n: number };

export const PUBLISHED = 0;
export const PRIMARY = 1;
export const SECONDARY = 2;
export type Decision = typeof PUBLISHED | typeof PRIMARY | typeof SECONDARY;

/** Every (dimension, group) as a slot number, in the order of DIMENSIONS; slot 0 is totaal. */
export const SLOT_KEYS = Object.entries(DIMENSIONS).flatMap(([dimension, groups]) => groups.map((group) => ({ dimension, group })));
const SLOT = new Map<string, Map<string, number>>();
SLOT_KEYS.forEach((s, i) => SLOT.set(s.dimension, (SLOT.get(s.dimension) ?? new Map()).set(s.group, i)));
export const slotOf = (dimension: string, group: string): number | undefined => SLOT.get(dimension)?.get(group);
const SLOTS = SLOT_KEYS.length;
/** The slots of each breakdown (every dimension but totaal). */
export const DIMENSION_SLOTS = [...SLOT.entries()].filter(([d]) => d !== 'totaal').map(([, groups]) => [...groups.values()]);
const TOTAAL = 0;

/** The additive sets of a table, as index lists whose first member is the total. */
export type AdditiveSets = { start: Int32Array; members: Int32Array };

/**
 * The sums a reader can form from one indicator × cohort table: every area's groups of a breakdown
 * add up to its totaal, and every area's children of one kind (the wijken of a gemeente, its
 * schools, the gemeenten of Nederland) add up to it, group by group. Pooled benchmarks add no sets: they pool published cells only.
 */
export function additiveSets(cells: readonly TableCell[], parentOf: (area: string) => string | null | undefined): AdditiveSets {
  const byArea = new Map<string, Int32Array>();
  cells.forEach((c, i) => {
    const slot = slotOf(c.dimension, c.group);
    if (slot === undefined) throw new Error(`Onbekende uitsplitsing ${c.dimension}/${c.group}`);
    let row = byArea.get(c.area);
    if (!row) byArea.set(c.area, (row = new Int32Array(SLOTS).fill(-1)));
    row[slot] = i;
  });
  // Children per parent and per kind of code: a gemeente's wijken (where pupils live) and its schools
  // (where they are taught) each add up to it on their own.
  const children = new Map<string, Map<string, string[]>>();
  for (const area of [...byArea.keys()].sort()) {
    const parent = parentOf(area);
    if (!parent || !byArea.has(parent)) continue;
    const kinds = children.get(parent) ?? new Map<string, string[]>();
    children.set(parent, kinds);
    const kind = area.slice(0, 2);
    const list = kinds.get(kind);
    if (list) list.push(area);
    else kinds.set(kind, [area]);
  }

  const start: number[] = [0];
  const members: number[] = [];
  const add = (total: number, parts: number[]) => {
    if (total < 0 || parts.length === 0) return;
    members.push(total, ...parts);
    start.push(members.length);
  };
  for (const area of [...byArea.keys()].sort()) {
    const row = byArea.get(area)!;
    for (const slots of DIMENSION_SLOTS)
      add(
        row[TOTAAL]!,
        slots.map((s) => row[s]!).filter((i) => i >= 0),
      );
    for (const kids of children.get(area)?.values() ?? [])
      for (let s = 0; s < SLOTS; s++)
        add(
          row[s]!,
          kids.map((k) => byArea.get(k)![s]!).filter((i) => i >= 0),
        );
  }
  return { start: Int32Array.from(start), members: Int32Array.from(members) };
}

/**
 * Primary and secondary suppression of one indicator × cohort table (deterministic: the same cells
 * give the same decision in any order). Primary: a cell that is not publishable by itself. Secondary:
 * in every additive set the hidden cells are none, or at least two whose remainder (what a reader
 * gets by subtracting the published cells from a published total) is publishable itself; where not,
 * the smallest published part is hidden too, and the total only when no part is left. Hiding a
 * cell re-checks every set it is in, until no set needs more.
 */
export function decideDisclosure(
  cells: readonly TableCell[],
  parentOf: (area: string) => string | null | undefined,
  rules: DisclosureRules,
  /**
   * What is fixed from outside this table (a pooled period's ties to its cohorts): cells hidden from
   * the start, and cells a reader can compute elsewhere, which hiding would not protect anything.
   */
  outside: { forced?: Uint8Array; known?: Uint8Array } = {},
): Uint8Array {
  const { forced, known } = outside;
  const decision = new Uint8Array(cells.length);
  const k = Float64Array.from(cells, (c) => c.k);
  const n = Float64Array.from(cells, (c) => c.n);
  // Ties between equally small cells go by key, never by input order.
  const rank = new Int32Array(cells.length);
  const keys = cells.map((c, i) => ({ key: `${c.area}|${c.dimension}|${c.group}`, i })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  keys.forEach((x, r) => (rank[x.i] = r));

  const { start, members } = additiveSets(cells, parentOf);
  const setCount = start.length - 1;
  // The sets each cell is in (compressed rows).
  const cellStart = new Int32Array(cells.length + 1);
  for (let m = 0; m < members.length; m++) cellStart[members[m]! + 1]!++;
  for (let i = 0; i < cells.length; i++) cellStart[i + 1]! += cellStart[i]!;
  const cellSets = new Int32Array(members.length);
  const fill = cellStart.slice(0, cells.length);
  for (let s = 0; s < setCount; s++) for (let m = start[s]!; m < start[s + 1]!; m++) cellSets[fill[members[m]!]!++] = s;

  const queued = new Uint8Array(setCount);
  const queue: number[] = [];
  const enqueueSetsOf = (cell: number) => {
    for (let j = cellStart[cell]!; j < cellStart[cell + 1]!; j++) {
      const s = cellSets[j]!;
      if (!queued[s]) {
        queued[s] = 1;
        queue.push(s);
      }
    }
  };
  for (const { i } of keys) {
    if (!publishable(k[i]!, n[i]!, rules)) decision[i] = PRIMARY;
    else if (forced?.[i]) decision[i] = SECONDARY;
    if (decision[i]) enqueueSetsOf(i);
  }

  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    queued[s] = 0;
    for (;;) {
      if (setIsSafe(s)) break;
      const next = nextToHide(s);
      if (next < 0) break;
      decision[next] = SECONDARY;
      enqueueSetsOf(next);
    }
  }
  return decision;

  function setIsSafe(s: number): boolean {
    const total = members[start[s]!]!;
    let hidden = decision[total] ? 1 : 0;
    let sumK = 0;
    let sumN = 0;
    for (let m = start[s]! + 1; m < start[s + 1]!; m++) {
      const c = members[m]!;
      if (!decision[c]) continue;
      hidden++;
      sumK += k[c]!;
      sumN += n[c]!;
    }
    if (hidden === 0) return true;
    if (hidden === 1) return false;
    // With the total hidden too, subtraction gives only a difference of hidden cells.
    return decision[total] !== PUBLISHED || publishable(sumK, sumN, rules);
  }

  /**
   * The published part whose hiding leaves the fewest other sets newly unsafe (net of the ones it
   * makes safe), then the smallest by pupils, then by key; else the total when still published, else -1.
   */
  function nextToHide(s: number): number {
    let best = -1;
    let bestDelta = 0;
    for (let m = start[s]! + 1; m < start[s + 1]!; m++) {
      const c = members[m]!;
      if (decision[c] || known?.[c]) continue;
      const delta = effectOnOtherSets(c, s);
      if (best < 0 || delta < bestDelta || (delta === bestDelta && (n[c]! < n[best]! || (n[c] === n[best] && rank[c]! < rank[best]!)))) {
        best = c;
        bestDelta = delta;
      }
    }
    if (best >= 0) return best;
    const total = members[start[s]!]!;
    return decision[total] || known?.[total] ? -1 : total;
  }

  /** Sets other than `except` that hiding `cell` would make unsafe, minus those it would make safe. */
  function effectOnOtherSets(cell: number, except: number): number {
    const before: boolean[] = [];
    for (let j = cellStart[cell]!; j < cellStart[cell + 1]!; j++) before.push(cellSets[j] === except || setIsSafe(cellSets[j]!));
    decision[cell] = SECONDARY;
    let delta = 0;
    for (let j = cellStart[cell]!, b = 0; j < cellStart[cell + 1]!; j++, b++) {
      const set = cellSets[j]!;
      if (set === except) continue;
      const after = setIsSafe(set);
      if (before[b] && !after) delta++;
      else if (!before[b] && after) delta--;
    }
    decision[cell] = PUBLISHED;
    return delta;
  }
}
