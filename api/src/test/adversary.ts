import { DIMENSIONS } from '@gka/shared';
import { publishable, type DisclosureRules } from '../disclosure/rules.ts';
import { wilson, Z95 } from '../stats/wilson.ts';

/**
 * An outside analyst attacking published tables, written apart from the suppression code so that
 * it does not share its blind spots. It knows which cells exist (hidden ones are listed as hidden),
 * the published counts, and totals it could recover from benchmarks; it forms every sum it knows
 * of and peels: a sum with one unknown member gives that member, which may open further sums.
 */
export type Counts = { k: number; n: number };
export type Relation = { total: string; parts: string[]; label: string };
/**
 * A published figure that fixes a weighted sum of pupil counts: Σ coefficient · n = a known number.
 * An expected value E over groups with reference rates p_g is one: Σ (p_g − E) · n_g = 0.
 */
export type WeightedRelation = { terms: readonly (readonly [cell: string, coefficient: number])[]; label: string };
export type Leak = { kind: 'recovered' | 'small-remainder'; cell: string; counts: Counts; via: string };

export const cellKey = (area: string, dimension: string, group: string) => `${area}|${dimension}|${group}`;

/** The sums of one indicator × cohort table: groups of each breakdown to totaal, children to their parent. */
export function tableRelations(areas: Iterable<{ code: string; parent: string | null }>): Relation[] {
  const list = [...areas];
  const relations: Relation[] = [];
  for (const a of list) {
    for (const [d, groups] of Object.entries(DIMENSIONS)) {
      if (d === 'totaal') continue;
      relations.push({ total: cellKey(a.code, 'totaal', 'totaal'), parts: groups.map((g) => cellKey(a.code, d, g)), label: `uitsplitsing ${d} van ${a.code}` });
    }
  }
  // A gemeente's wijken and its schools are two partitions of it: each adds up to it on its own.
  const children = new Map<string, string[]>();
  for (const a of list) if (a.parent) children.set(`${a.parent}|${a.code.slice(0, 2)}`, [...(children.get(`${a.parent}|${a.code.slice(0, 2)}`) ?? []), a.code]);
  for (const [key, kids] of children) {
    const parent = key.split('|')[0]!;
    for (const [d, groups] of Object.entries(DIMENSIONS)) {
      for (const g of groups)
        relations.push({ total: cellKey(parent, d, g), parts: kids.map((c) => cellKey(c, d, g)), label: `delen van ${parent} (${d}/${g})` });
    }
  }
  return relations;
}

/**
 * Peels every relation until nothing more follows. `exists` are the cells that exist (published or
 * hidden): members that do not exist count as zero. Returns every hidden cell it recovered and every
 * hidden remainder that is not publishable by the rules. Real deliveries do not add up exactly (DUO
 * leaves out cells under 5 per group): given the `truth`, a value that subtraction gets wrong is no
 * leak, and is not used further.
 */
export function attack(
  known: ReadonlyMap<string, Counts>,
  exists: ReadonlySet<string>,
  relations: readonly Relation[],
  rules: DisclosureRules,
  truth?: ReadonlyMap<string, Counts>,
): Leak[] {
  const right = (cells: string[], c: Counts) => {
    if (!truth) return true;
    const t = cells.reduce((s, x) => ({ k: s.k + (truth.get(x)?.k ?? 0), n: s.n + (truth.get(x)?.n ?? 0) }), { k: 0, n: 0 });
    return t.k === c.k && t.n === c.n;
  };
  const wrong = new Set<string>();
  const values = new Map(known);
  const leaks: Leak[] = [];
  const reported = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const r of relations) {
      if (!exists.has(r.total) && !values.has(r.total)) continue;
      const unknown = [r.total, ...r.parts].filter((c) => exists.has(c) && !values.has(c));
      if (unknown.length === 0) continue;
      const sum = (cells: string[]) => cells.reduce((s, c) => ({ k: s.k + (values.get(c)?.k ?? 0), n: s.n + (values.get(c)?.n ?? 0) }), { k: 0, n: 0 });
      if (unknown.length === 1) {
        const cell = unknown[0]!;
        if (wrong.has(cell)) continue;
        const known = sum(r.parts.filter((p) => p !== cell));
        const total = values.get(r.total);
        const counts = cell === r.total ? known : { k: total!.k - known.k, n: total!.n - known.n };
        if (!right([cell], counts)) {
          wrong.add(cell);
          continue;
        }
        values.set(cell, counts);
        leaks.push({ kind: 'recovered', cell, counts, via: r.label });
        progress = true;
      } else if (values.has(r.total)) {
        const total = values.get(r.total)!;
        const known = sum(r.parts);
        const remainder = { k: total.k - known.k, n: total.n - known.n };
        const id = `${r.label}:${unknown.sort().join(',')}`;
        if (!publishable(remainder.k, remainder.n, rules) && !reported.has(id) && right(unknown, remainder)) {
          reported.add(id);
          leaks.push({ kind: 'small-remainder', cell: unknown.join(' + '), counts: remainder, via: r.label });
        }
      }
    }
  }
  return leaks;
}

/**
 * Counts from a published share and its Wilson interval (what a benchmark or any cell publishes):
 * the interval's width fixes n, the share then fixes k. Null when no whole counts give exactly that.
 */
export function invertWilson(value: number, ciLow: number, ciHigh: number): Counts | null {
  const half = (ciHigh - ciLow) / 2;
  if (!(half > 0)) return null;
  // Wilson's half-width is close to z·sqrt(p(1-p)/n); search around that estimate.
  const p = Math.min(Math.max(value, 1e-6), 1 - 1e-6);
  const guess = (Z95 * Z95 * p * (1 - p)) / (half * half);
  const from = Math.max(1, Math.floor(guess * 0.5) - 50);
  const to = Math.ceil(guess * 2) + 200;
  for (let n = from; n <= to; n++) {
    const k = Math.round(value * n);
    if (Math.abs(k / n - value) > 1e-12) continue;
    const ci = wilson(k, n);
    if (ci && Math.abs(ci.low - ciLow) < 1e-10 && Math.abs(ci.high - ciHigh) < 1e-10) return { k, n };
  }
  return null;
}

/**
 * The stronger attack: all sums (and weighted sums, such as expected values) at once as a linear system
 * in the hidden cells (Gaussian elimination), which finds what no single subtraction does, such as
 * three hidden cells in three sums. Returns the
 * hidden cells whose pupil count the system fixes. Dense elimination: for small tables (tests).
 */
export function solvedBySystem(
  known: ReadonlyMap<string, Counts>,
  exists: ReadonlySet<string>,
  relations: readonly Relation[],
  weighted: readonly WeightedRelation[] = [],
): string[] {
  const unknown = [...exists].filter((c) => !known.has(c)).sort();
  const col = new Map(unknown.map((c, i) => [c, i]));
  const rows: number[][] = [];
  for (const r of weighted) {
    const row = new Array<number>(unknown.length).fill(0);
    let any = false;
    for (const [cell, coefficient] of r.terms) {
      const j = col.get(cell);
      if (j === undefined) continue;
      row[j]! += coefficient;
      any = true;
    }
    if (any) rows.push(row);
  }
  for (const r of relations) {
    if (!exists.has(r.total) && !known.has(r.total)) continue;
    const row = new Array<number>(unknown.length).fill(0);
    let any = false;
    for (const [cell, sign] of [[r.total, 1] as const, ...r.parts.map((p) => [p, -1] as const)]) {
      const j = col.get(cell);
      if (j === undefined) continue;
      row[j]! += sign;
      any = true;
    }
    if (any) rows.push(row);
  }
  // Reduced row echelon form; a row with a single non-zero fixes that cell.
  let pivotRow = 0;
  for (let j = 0; j < unknown.length && pivotRow < rows.length; j++) {
    const p = rows.findIndex((r, i) => i >= pivotRow && Math.abs(r[j]!) > 1e-9);
    if (p < 0) continue;
    [rows[pivotRow], rows[p]] = [rows[p]!, rows[pivotRow]!];
    const pr = rows[pivotRow]!;
    const f = pr[j]!;
    for (let k = 0; k < pr.length; k++) pr[k]! /= f;
    for (let i = 0; i < rows.length; i++) {
      if (i === pivotRow || Math.abs(rows[i]![j]!) < 1e-9) continue;
      const g = rows[i]![j]!;
      for (let k = 0; k < pr.length; k++) rows[i]![k]! -= g * pr[k]!;
    }
    pivotRow++;
  }
  return rows.flatMap((r) => {
    const nz = r.flatMap((v, j) => (Math.abs(v) > 1e-9 ? [j] : []));
    return nz.length === 1 ? [unknown[nz[0]!]!] : [];
  });
}

/** A published cell as the API gives it (values, compare): counts only when not suppressed. */
type Published = { area: string; group: string; numerator: number | null; denominator: number | null; suppressed: boolean };

/**
 * What an analyst has of a pooled period and its member cohorts, as one system: every table's
 * published cells and sums (keys prefixed by the cohort, 'cohort#area|dimension|group') and the tie of
 * each pooled cell to its member cells. `values` fetches one cohort × dimension × level.
 */
export async function pooledSystem(
  areas: Iterable<{ code: string; parent: string | null }>,
  members: readonly string[],
  pool: string,
  values: (cohort: string, dimension: string, level: 'gemeente' | 'wijk') => Promise<Published[]>,
): Promise<{ known: Map<string, Counts>; exists: Set<string>; relations: Relation[] }> {
  const known = new Map<string, Counts>();
  const exists = new Set<string>();
  const relations: Relation[] = [];
  const sums = tableRelations(areas);
  for (const cohort of [...members, pool]) {
    for (const r of sums) relations.push({ total: `${cohort}#${r.total}`, parts: r.parts.map((x) => `${cohort}#${x}`), label: `${cohort}: ${r.label}` });
    for (const dimension of Object.keys(DIMENSIONS))
      for (const level of ['gemeente', 'wijk'] as const)
        for (const v of await values(cohort, dimension, level)) {
          const key = `${cohort}#${cellKey(v.area, dimension, v.group)}`;
          exists.add(key);
          if (!v.suppressed) known.set(key, { k: v.numerator!, n: v.denominator! });
        }
  }
  for (const key of [...exists].filter((k) => k.startsWith(`${pool}#`))) {
    const cell = key.slice(pool.length + 1);
    relations.push({ total: key, parts: members.map((m) => `${m}#${cell}`), label: `samen ${cell}` });
  }
  return { known, exists, relations };
}
