import type { ChangeRow, Significance } from '@gka/shared';
import { combinedInterval, type DifferenceInterval, type Term } from './newcombe.ts';
import type { Dispersion } from './overdispersion.ts';

/** A change is significant when its 95% interval leaves out zero; without an interval it is unknown. */
export function changeSignificance(ci: DifferenceInterval | null): Significance {
  if (!ci) return 'onbekend';
  if (ci.low > 0) return 'hoger';
  if (ci.high < 0) return 'lager';
  return 'niet_significant';
}

/**
 * Published counts of one side; a pooled side is hidden when any of its cohorts is. `cohorts`: how
 * many cohorts it pools, since a pool of several years varies less from year to year than one year.
 */
export type Side = { name: string; group: string; k: number; n: number; hidden: boolean; cohorts: number };

/** A published cell: the counts of a hidden one are null. */
export type Cell = { name: string; group: string; numerator: number | null; denominator: number | null; suppressed: boolean };

/** The overdispersion of year-to-year changes, per group. */
export type ChangeDispersions = ReadonlyMap<string, Pick<Dispersion, 'tau2'> | null>;

export type Change = Omit<ChangeRow, 'area' | 'name' | 'group'>;
/** The change of an area's kansenkloof. */
export type GapChange = Omit<ChangeRow, 'group'>;

export const side = (c: Cell): Side => ({ name: c.name, group: c.group, k: c.numerator ?? 0, n: c.denominator ?? 0, hidden: c.suppressed, cohorts: 1 });

/** One more cohort summed into a side (or the first). */
export const pool = (s: Side | undefined, c: Cell): Side =>
  s
    ? { name: s.name, group: s.group, k: s.k + (c.numerator ?? 0), n: s.n + (c.denominator ?? 0), hidden: s.hidden || c.suppressed, cohorts: s.cohorts + 1 }
    : side(c);

/**
 * The variance beyond sampling of one side: half the τ² of a change between two single years (each
 * year carries its own part, independently), divided over the years a pooled side sums.
 */
const sideTau2 = (s: Side, dispersion: ChangeDispersions | undefined): number => (dispersion?.get(s.group)?.tau2 ?? 0) / 2 / s.cohorts;

const share = (s: Side | undefined): number | null => (s && !s.hidden && s.n > 0 ? s.k / s.n : null);

/**
 * Σ sign × share over the sides, for two sides (value − reference) or four (a change of a gap):
 * unknown when a side is missing or hidden; an interval only for shares (a mean has none), widened
 * by the overdispersion of stable year-to-year changes (`dispersion`, per group).
 */
export function change(sides: readonly (Side | undefined)[], signs: readonly (1 | -1)[], percentage: boolean, dispersion?: ChangeDispersions): Change {
  const suppressed = sides.some((s) => s?.hidden);
  const present = sides.filter((s): s is Side => s !== undefined && s.n > 0);
  const complete = !suppressed && present.length === sides.length;
  const terms = complete ? present.map((s, i) => ({ k: s.k, n: s.n, sign: signs[i] ?? 1, tau2: sideTau2(s, dispersion) }) satisfies Term) : null;
  const ci = terms && percentage ? combinedInterval(terms) : null;
  const difference = terms ? terms.reduce((d, t) => d + t.sign * (t.k / t.n), 0) : null;
  return {
    value: share(sides[0]),
    referenceValue: share(sides[1]),
    difference,
    ciLow: ci?.low ?? null,
    ciHigh: ci?.high ?? null,
    significance: changeSignificance(ci),
    suppressed,
  };
}

/** Each area's and group's side in the current cohort and the reference (its cohorts pooled), in the order of first appearance. */
export type Sides = { now: Map<string, Side>; before: Map<string, Side>; order: { area: string; group: string }[] };

const key = (area: string, group: string) => `${area}|${group}`;

/** Splits cells into the current cohort's sides and the reference's, pooling every other cohort as the reference. */
export function sidesOf(cells: readonly (Cell & { area: string; cohort: string })[], current: string): Sides {
  const now = new Map<string, Side>();
  const before = new Map<string, Side>();
  const order: Sides['order'] = [];
  for (const c of cells) {
    const k = key(c.area, c.group);
    if (!now.has(k) && !before.has(k)) order.push({ area: c.area, group: c.group });
    if (c.cohort === current) now.set(k, side(c));
    else before.set(k, pool(before.get(k), c));
  }
  return { now, before, order };
}

/** Per area and group: the current value against the reference. */
export function changeRows(s: Sides, percentage: boolean, dispersion?: ChangeDispersions): ChangeRow[] {
  return s.order.flatMap(({ area, group }) => {
    const a = s.now.get(key(area, group));
    const b = s.before.get(key(area, group));
    const name = (a ?? b)?.name;
    return name === undefined ? [] : [{ area, name, group, ...change([a, b], [1, -1], percentage, dispersion) }];
  });
}

/**
 * Per area the change of the kansenkloof, (hoog − laag) now − (hoog − laag) before, whose value and
 * referenceValue are the gaps themselves.
 */
export function gapChanges(s: Sides, percentage: boolean, dispersion?: ChangeDispersions): GapChange[] {
  return [...new Set(s.order.map((o) => o.area))].flatMap((area) => {
    const sides = [s.now.get(key(area, 'hoog')), s.now.get(key(area, 'laag')), s.before.get(key(area, 'hoog')), s.before.get(key(area, 'laag'))];
    const name = sides.find(Boolean)?.name;
    if (name === undefined) return [];
    const c = change(sides, [1, -1, -1, 1], percentage, dispersion);
    const gap = (h?: Side, l?: Side) => {
      const [ph, pl] = [share(h), share(l)];
      return c.suppressed || ph === null || pl === null ? null : ph - pl;
    };
    return [{ area, name, ...c, value: gap(sides[0], sides[1]), referenceValue: gap(sides[2], sides[3]) }];
  });
}
