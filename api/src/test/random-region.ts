import fc from 'fast-check';
import { DIMENSIONS, NATIONAL_CODE } from '@gka/shared';
import type { TableCell } from '../disclosure/decide.ts';
import { cellKey, type Counts } from './adversary.ts';

export type Area = { code: string; parent: string | null };
const BREAKDOWNS = Object.entries(DIMENSIONS).filter(([d]) => d !== 'totaal');

/**
 * A random region: Nederland, 1–5 gemeenten with 0–4 wijken each, and per cohort pupils drawn one by
 * one into a group of every breakdown with an outcome, so every sum adds up exactly as in a CBS
 * delivery. Cohorts share the areas; each has its own pupils (a wijk can be empty in one cohort).
 */
export const randomRegion = (cohorts = 1) =>
  fc
    .record({
      gemeenten: fc.array(fc.array(fc.integer({ min: 0, max: 45 }), { maxLength: 4 }), { minLength: 1, maxLength: 5 }),
      // Gemeenten without wijken get this many pupils.
      solo: fc.integer({ min: 0, max: 60 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      // Per cohort a factor on every wijk's pupils, so cohorts differ in size as well as by chance.
      scale: fc.array(fc.double({ min: 0, max: 1.5, noNaN: true }), { minLength: cohorts, maxLength: cohorts }),
      seed: fc.integer(),
      national: fc.boolean(),
    })
    .map(({ gemeenten, solo, share, scale, seed, national }) => {
      let s = seed >>> 0;
      const rnd = () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
      const areas: Area[] = [{ code: NATIONAL_CODE, parent: null }];
      gemeenten.forEach((wijken, gi) => {
        const gm = `GM${String(gi + 1).padStart(4, '0')}`;
        areas.push({ code: gm, parent: NATIONAL_CODE });
        wijken.forEach((_, wi) => areas.push({ code: `WK${gm.slice(2)}${String(wi + 1).padStart(2, '0')}`, parent: gm }));
      });
      const tables = scale.map((factor) => {
        const counts = new Map<string, Counts>();
        const addPupil = (chain: string[]) => {
          const success = rnd() < share;
          const groups: [string, string][] = [['totaal', 'totaal'], ...BREAKDOWNS.map(([d, gs]): [string, string] => [d, gs[Math.floor(rnd() * gs.length)]!])];
          for (const area of chain)
            for (const [d, g] of groups) {
              const key = cellKey(area, d, g);
              const c = counts.get(key) ?? { k: 0, n: 0 };
              counts.set(key, { k: c.k + (success ? 1 : 0), n: c.n + 1 });
            }
        };
        gemeenten.forEach((wijken, gi) => {
          const gm = `GM${String(gi + 1).padStart(4, '0')}`;
          if (wijken.length === 0) for (let p = 0; p < Math.round(solo * (cohorts > 1 ? factor : 1)); p++) addPupil([gm, NATIONAL_CODE]);
          wijken.forEach((pupils, wi) => {
            const wk = `WK${gm.slice(2)}${String(wi + 1).padStart(2, '0')}`;
            for (let p = 0; p < Math.round(pupils * (cohorts > 1 ? factor : 1)); p++) addPupil([wk, gm, NATIONAL_CODE]);
          });
        });
        // Groups nobody fell into still have a (zero) cell, as in a delivery.
        const cells: TableCell[] = [];
        for (const a of areas) {
          if (a.code === NATIONAL_CODE && !national) continue;
          if (!counts.has(cellKey(a.code, 'totaal', 'totaal'))) continue;
          for (const [d, gs] of Object.entries(DIMENSIONS))
            for (const g of gs) cells.push({ area: a.code, dimension: d, group: g, ...(counts.get(cellKey(a.code, d, g)) ?? { k: 0, n: 0 }) });
        }
        return cells;
      });
      return { areas, tables };
    });
