import { similarGroupOf, type Group } from '@gka/shared';
import type { QueryContext } from './context.ts';

/** How many neighbours a gemeente's group of vergelijkbare gemeenten has. */
export const SIMILAR_COUNT = 10;

/**
 * The context variables of the comparison, all from the CBS Kerncijfers wijken en buurten of the
 * boundaries: size and density on a log scale (Amsterdam is not 400 times as different from a
 * gemeente of 2,000 inwoners as one of 4,000 is), the herkomst shares and the share of young children.
 */
export const SIMILARITY_VARIABLES: { name: string; label: string; of: (g: ContextRow) => number | null }[] = [
  { name: 'inwoners', label: 'inwoners (log)', of: (g) => (g.inwoners && g.inwoners > 0 ? Math.log(g.inwoners) : null) },
  {
    name: 'omgevingsadressendichtheid',
    label: 'omgevingsadressendichtheid (log)',
    of: (g) => (g.omgevingsadressendichtheid && g.omgevingsadressendichtheid > 0 ? Math.log(g.omgevingsadressendichtheid) : null),
  },
  { name: 'pct_herkomst_buiten_europa', label: 'herkomst buiten Europa (%)', of: (g) => num(g.attributes?.pct_herkomst_buiten_europa) },
  { name: 'pct_herkomst_europa', label: 'herkomst Europa, niet Nederland (%)', of: (g) => num(g.attributes?.pct_herkomst_europa) },
  { name: 'pct_0_15', label: 'inwoners van 0 tot 15 jaar (%)', of: (g) => num(g.attributes?.pct_0_15) },
  { name: 'pct_hh_laag_inkomen', label: 'huishoudens met een laag inkomen (%)', of: (g) => num(g.attributes?.pct_hh_laag_inkomen) },
];

export type ContextRow = {
  code: string;
  name: string;
  inwoners: number | null;
  omgevingsadressendichtheid: number | null;
  attributes: Record<string, unknown> | null;
};

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Each gemeente's nearest neighbours on the standardised context variables (z-scores over all
 * gemeenten, Euclidean distance). A variable a gemeente lacks is left out of its distances, which are
 * then scaled up to all variables, so a missing figure neither draws gemeenten together nor apart.
 * Pure, so it can be tested on any rows.
 */
export function nearestNeighbours(rows: readonly ContextRow[], k = SIMILAR_COUNT): Map<string, { code: string; distance: number }[]> {
  const columns = SIMILARITY_VARIABLES.map((v) => {
    const values = rows.map((r) => v.of(r));
    const present = values.filter((x): x is number => x !== null);
    const mean = present.reduce((s, x) => s + x, 0) / Math.max(1, present.length);
    const sd = Math.sqrt(present.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, present.length - 1));
    // A variable nobody has, or everyone has the same value of, tells nothing.
    return values.map((x) => (x === null || !(sd > 0) ? null : (x - mean) / sd));
  });
  const out = new Map<string, { code: string; distance: number }[]>();
  rows.forEach((a, i) => {
    const distances = rows.flatMap((b, j) => {
      if (i === j) return [];
      let sum = 0;
      let used = 0;
      for (const col of columns) {
        const x = col[i];
        const y = col[j];
        if (x === null || y === null || x === undefined || y === undefined) continue;
        sum += (x - y) ** 2;
        used++;
      }
      return used ? [{ code: b.code, distance: Math.sqrt((sum * columns.length) / used) }] : [];
    });
    out.set(a.code, distances.sort((x, y) => x.distance - y.distance || (x.code < y.code ? -1 : 1)).slice(0, k));
  });
  return out;
}

const neighbours = (ctx: QueryContext) =>
  ctx.memo.get('similar', async () => {
    const rows = await ctx.db
      .selectFrom('area')
      .select(['code', 'name', 'inwoners', 'omgevingsadressendichtheid', 'attributes'])
      .where('level', '=', 'gemeente')
      .orderBy('code')
      .execute();
    return { names: new Map(rows.map((r) => [r.code, r.name])), neighbours: nearestNeighbours(rows as ContextRow[]) };
  });

/** `vergelijkbaar-GM0855`: the ten gemeenten most like Tilburg, as a group (without Tilburg itself); undefined for another code. */
export async function similarGroup(ctx: QueryContext, code: string): Promise<Group | undefined> {
  const gemeente = similarGroupOf(code);
  if (!gemeente) return undefined;
  const { names, neighbours: all } = await neighbours(ctx);
  const list = all.get(gemeente);
  if (!list) return undefined;
  return { code, kind: 'vergelijkbaar', name: `Vergelijkbaar met ${names.get(gemeente)}`, members: list.map((n) => n.code) };
}
