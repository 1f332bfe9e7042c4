import { sql } from 'kysely';
import {
  DIMENSIONS,
  DIMENSION_LABELS,
  GROUP_LABELS,
  SUPPRESSED_TEXT,
  SYNTHETIC_COLUMN,
  syntheticCell,
  type Dimension,
  isLocalLevel,
  type DataLevel,
} from '@gka/shared';
import { areas as allAreas, indicators as allIndicators } from './catalogue.ts';
import type { QueryContext } from './context.ts';
import { selectValues } from './values.ts';
import { csvDecimal, csvQuote } from './csv-text.ts';

export const BULK_COLUMNS = [
  'Gebiedscode',
  'Gebied',
  'Niveau',
  'Gemeentecode',
  'Indicatorcode',
  'Indicator',
  'Eenheid',
  'Cohortcode',
  'Cohort',
  'COVID',
  'Uitsplitsing',
  'Groep',
  'Teller',
  'Noemer',
  'Waarde',
  '95%-interval ondergrens',
  '95%-interval bovengrens',
  'Onderdrukt',
  SYNTHETIC_COLUMN,
];

/**
 * Every indicator × cohort (and pooled period) × breakdown × area of a level in long format, as CSV text chunks: one
 * table at a time from a single read-only snapshot, so memory stays that of one
 * table however large the whole is, and an import running meanwhile cannot mix versions. Shares are
 * written in percent, means as they are (column Eenheid); hidden cells as in every other export.
 */
export async function* bulkCsv(ctx: QueryContext, level: DataLevel, o: { idleInTransactionMs?: number } = {}): AsyncGenerator<string> {
  const trx = await ctx.db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  try {
    if (o.idleInTransactionMs) await sql`select set_config('idle_in_transaction_session_timeout', ${String(o.idleInTransactionMs)}, true)`.execute(trx);
    const snapshot: QueryContext = { ...ctx, db: trx };
    const codes = [...(await allAreas(ctx)).values()].filter((a) => a.level === level).map((a) => a.code);
    yield `\uFEFF${BULK_COLUMNS.join(';')}\r\n`;
    for (const indicator of await allIndicators(ctx)) {
      const pct = indicator.unit === 'percentage';
      const num = (v: number | null) => (v === null ? '' : csvDecimal(pct ? v * 100 : v));
      // One table (indicator × cohort × breakdown) at a time: what is held, and left to collect, stays small.
      // The time axis, then the pooled period (its own disclosure decision, as in /values).
      for (const [cohort, dimension] of [...indicator.cohorts, ...indicator.pools].flatMap((c) => Object.keys(DIMENSIONS).map((d) => [c, d] as const))) {
        const rows = await selectValues(
          snapshot,
          { indicators: [indicator.code], cohorts: [cohort.code], dimensions: [dimension], areas: codes, level },
          () => indicator.unit,
        );
        let lines: string[] = [];
        for (const r of rows) {
          lines.push(
            [
              csvQuote(r.area),
              csvQuote(r.name),
              r.level,
              isLocalLevel(level) ? (r.parent ?? '') : '',
              csvQuote(indicator.code),
              csvQuote(indicator.name),
              pct ? 'percentage' : 'gemiddelde',
              csvQuote(cohort.code),
              csvQuote(cohort.label),
              cohort.covid ? 'ja' : 'nee',
              DIMENSION_LABELS[r.dimension as Dimension] ?? r.dimension,
              GROUP_LABELS[r.group] ?? r.group,
              r.numerator ?? '',
              r.denominator ?? '',
              r.suppressed ? SUPPRESSED_TEXT : num(r.value),
              num(r.ciLow),
              num(r.ciHigh),
              r.suppressed ? 'ja' : 'nee',
              syntheticCell(indicator.synthetic),
            ].join(';'),
          );
          // Small flat chunks: the socket takes them as they come, nothing piles up as one long rope.
          if (lines.length === 1000) {
            yield `${lines.join('\r\n')}\r\n`;
            lines = [];
          }
        }
        if (lines.length) yield `${lines.join('\r\n')}\r\n`;
      }
    }
  } finally {
    await trx.rollback().execute();
  }
}
