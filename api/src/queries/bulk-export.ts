import { sql } from 'kysely';
import { DIMENSIONS, type DataLevel, type Indicator, type IndicatorCohort } from '@gka/shared';
import { areas as allAreas, indicators as allIndicators } from './catalogue.ts';
import type { QueryContext } from './context.ts';
import { areasOf, selectValues, type Parent, type ValueRow } from './values.ts';

/** One line of the bulk export: a value with the indicator and cohort (or pooled period) it belongs to. */
export type BulkRow = { row: ValueRow; indicator: Indicator; cohort: IndicatorCohort };

/** The tables the bulk export writes, in order: per indicator its time axis, then its pooled periods (each decided on its own, as in /values), each breakdown. */
const tables = (indicators: readonly Indicator[]) =>
  indicators.flatMap((indicator) =>
    [...indicator.cohorts, ...indicator.pools].flatMap((cohort) => Object.keys(DIMENSIONS).map((dimension) => ({ indicator, cohort, dimension }))),
  );

/** The codes of the areas the bulk export covers: every area of the level, or those of a parent. */
async function bulkAreas(ctx: QueryContext, level: DataLevel, parent: Parent | undefined): Promise<string[]> {
  if (parent) return areasOf(ctx, level, parent);
  return [...(await allAreas(ctx)).values()].filter((a) => a.level === level).map((a) => a.code);
}

/**
 * Every indicator × cohort (and pooled period) × breakdown × area of a level in long format, in
 * batches of at most 1,000 rows: one table at a time from a single read-only snapshot, so memory
 * stays that of one table however large the whole is, and an import running meanwhile cannot mix
 * versions. Hidden cells as in every other export.
 */
export async function* bulkRows(ctx: QueryContext, level: DataLevel, o: { parent?: Parent; idleInTransactionMs?: number } = {}): AsyncGenerator<BulkRow[]> {
  const trx = await ctx.db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  try {
    if (o.idleInTransactionMs) await sql`select set_config('idle_in_transaction_session_timeout', ${String(o.idleInTransactionMs)}, true)`.execute(trx);
    const snapshot: QueryContext = { ...ctx, db: trx };
    const codes = await bulkAreas(ctx, level, o.parent);
    for (const { indicator, cohort, dimension } of tables(await allIndicators(ctx))) {
      // One table (indicator × cohort × breakdown) at a time: what is held, and left to collect, stays small.
      const rows = await selectValues(
        snapshot,
        { indicators: [indicator.code], cohorts: [cohort.code], dimensions: [dimension], areas: codes, level },
        () => indicator.unit,
      );
      // Small flat batches: the socket takes them as they come, nothing piles up as one long rope.
      for (let i = 0; i < rows.length; i += 1000) yield rows.slice(i, i + 1000).map((row) => ({ row, indicator, cohort }));
    }
  } finally {
    await trx.rollback().execute();
  }
}

/**
 * The number of lines `bulkRows` gives (without the header), counted in Postgres without building
 * the file: what a client is told before it downloads. Memoised per data version.
 */
export function bulkRowCount(ctx: QueryContext, level: DataLevel, parent?: Parent): Promise<number> {
  const key = parent ? (parent.group?.code ?? parent.areas.map((a) => a.code).join(',')) : '';
  return ctx.memo.get(`bulkRowCount|${level}|${key}`, async () => {
    const [codes, indicators] = await Promise.all([bulkAreas(ctx, level, parent), allIndicators(ctx)]);
    if (codes.length === 0) return 0;
    const counts = await sql<{ indicator: string; cohort: string; n: string }>`
      select indicator, cohort, count(*) as n from measure
      where area_code = any(${codes}) and dimension = any(${Object.keys(DIMENSIONS)})
      group by indicator, cohort`.execute(ctx.db);
    const written = new Set(tables(indicators).map((t) => `${t.indicator.code}|${t.cohort.code}`));
    return counts.rows.reduce((sum, r) => sum + (written.has(`${r.indicator}|${r.cohort}`) ? Number(r.n) : 0), 0);
  });
}
