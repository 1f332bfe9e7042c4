import { provincieGroupCode, type Group } from '@gka/shared';
import { areas } from './catalogue.ts';
import type { QueryContext } from './context.ts';

/**
 * Every group of gemeenten: provincies and the GKA gemeenten as the areas say, COROP-gebieden and
 * imported groupings as stored; members in name order. Memoised per data version.
 */
export const listGroups = (ctx: QueryContext): Promise<Group[]> =>
  ctx.memo.get('groups', async () => {
    const [all, stored] = await Promise.all([
      areas(ctx),
      ctx.db
        .selectFrom('area_group as g')
        .leftJoin('area_group_member as m', 'm.group_code', 'g.code')
        .select(['g.code', 'g.kind', 'g.name', 'm.area_code'])
        .execute(),
    ]);
    const gemeenten = [...all.values()].filter((a) => a.level === 'gemeente');
    const order = new Map(gemeenten.map((g, i) => [g.code, i]));
    const byName = (codes: string[]) => codes.filter((c) => order.has(c)).sort((a, b) => order.get(a)! - order.get(b)!);
    const groups = new Map<string, Group>();
    for (const g of gemeenten) {
      if (!g.provincie) continue;
      const code = provincieGroupCode(g.provincie);
      const group = groups.get(code) ?? { code, kind: 'provincie', name: g.provincie, members: [] };
      group.members.push(g.code);
      groups.set(code, group);
    }
    groups.set('gka', { code: 'gka', kind: 'gka', name: 'GKA-gemeenten', members: gemeenten.filter((g) => g.gka).map((g) => g.code) });
    for (const r of stored) {
      const group = groups.get(r.code) ?? { code: r.code, kind: r.kind, name: r.name, members: [] };
      if (r.area_code) group.members.push(r.area_code);
      groups.set(r.code, group);
    }
    const kinds = ['gka', 'provincie', 'corop'];
    const rank = (k: string) => (kinds.includes(k) ? kinds.indexOf(k) : kinds.length);
    return [...groups.values()]
      .map((g) => ({ ...g, members: byName(g.members) }))
      .sort((a, b) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'nl', { numeric: true }));
  });
