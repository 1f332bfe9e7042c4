import type { Query } from '../db/raw.ts';
import { PRIMARY, SECONDARY } from './decide.ts';
import type { DisclosureRules } from './rules.ts';

/** Raw SQL on whatever the caller holds: an import's pg client or a Kysely transaction (db/raw.ts). */
export type { Query };

export type Pair = { indicator: string; cohort: string };
export type PairSummary = Pair & { cells: number; primary: number; secondary: number };

/** What every decision depends on besides the counts: the threshold in force, the area tree, the units. */
export type DisclosureBasis = { minCell: number; parentOf: (area: string) => string | null | undefined; rulesFor: (indicator: string) => DisclosureRules };

export async function disclosureBasis(q: Query): Promise<DisclosureBasis> {
  // One after the other: on an import's single client, concurrent queries would only queue.
  const { rows: setting } = await q<{ min_cell: number }>('select min_cell from disclosure_setting');
  const { rows: areas } = await q<{ code: string; parent_code: string | null }>('select code, parent_code from area');
  const { rows: units } = await q<{ code: string; unit: string }>('select code, unit from indicator');
  const minCell = setting[0]?.min_cell;
  if (minCell === undefined) throw new Error('disclosure_setting is leeg; voer `pnpm gka migrate` uit');
  const parents = new Map(areas.map((a) => [a.code, a.parent_code]));
  const percentage = new Set(units.filter((u) => u.unit === 'percentage').map((u) => u.code));
  return { minCell, parentOf: (a) => parents.get(a), rulesFor: (i) => ({ minCell, attribute: percentage.has(i) }) };
}

export function summarise(pair: Pair, decision: Uint8Array): PairSummary {
  let primary = 0;
  let secondary = 0;
  for (const d of decision) {
    if (d === PRIMARY) primary++;
    else if (d === SECONDARY) secondary++;
  }
  return { ...pair, cells: decision.length, primary, secondary };
}

/** Records what was decided for these pairs with the threshold used. */
export async function recordDecisions(q: Query, minCell: number, summaries: readonly PairSummary[]): Promise<void> {
  if (!summaries.length) return;
  await q(
    `insert into disclosure (indicator, cohort, min_cell, cells, primary_hidden, secondary_hidden)
     select * from unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[])
     on conflict (indicator, cohort) do update set min_cell = excluded.min_cell, cells = excluded.cells,
       primary_hidden = excluded.primary_hidden, secondary_hidden = excluded.secondary_hidden, decided_at = now()`,
    [
      summaries.map((s) => s.indicator),
      summaries.map((s) => s.cohort),
      summaries.map(() => minCell),
      summaries.map((s) => s.cells),
      summaries.map((s) => s.primary),
      summaries.map((s) => s.secondary),
    ],
  );
}
