import { lockMeasureWrites, MEASURE_COLUMNS, rebuildMeasure, shouldRebuild } from '../db/measure-rebuild.ts';
import type { SqlRunner } from '../db/raw.ts';
import { decideDisclosure, PUBLISHED, type TableCell } from './decide.ts';
import { refreshPools, undecidedPools } from './pooled-periods.ts';
import { PUBLIC_SOURCE_KINDS, publicTable } from './rules.ts';
import { disclosureBasis, recordDecisions, summarise, type DisclosureBasis, type Pair, type PairSummary, type Query } from './records.ts';

export * from './records.ts';

type Row = { dimension: string; grp: string; area_code: string; numerator: number; denominator: number; hidden: boolean; public: boolean };

/**
 * Decides one indicator × cohort from what `measure` holds for it: the whole table, as every sum it is
 * part of counts; a table only of public open-data rows is published as its source has it (PUBLIC_SOURCE_KINDS).
 */
async function decidePair(q: Query, basis: DisclosureBasis, pair: Pair) {
  const { rows } = await q<Row>(
    `select m.dimension, m.grp, m.area_code, m.numerator::float8 as numerator, m.denominator::float8 as denominator, m.hidden,
       coalesce(d.kind = any($3::text[]), false) as public
     from measure m left join dataset d on d.id = m.dataset_id where m.indicator = $1 and m.cohort = $2`,
    [pair.indicator, pair.cohort, PUBLIC_SOURCE_KINDS],
  );
  const cells: TableCell[] = rows.map((r) => ({ area: r.area_code, dimension: r.dimension, group: r.grp, k: r.numerator, n: r.denominator }));
  const decision = publicTable(rows) ? new Uint8Array(rows.length).fill(PUBLISHED) : decideDisclosure(cells, basis.parentOf, basis.rulesFor(pair.indicator));
  return { rows, decision, summary: summarise(pair, decision) };
}

/**
 * Every indicator × cohort that has rows in measure (one index probe per combination); with
 * `undecidedFor`, only those without a decision for that threshold.
 */
async function measurePairs(q: Query, undecidedFor?: number): Promise<Pair[]> {
  const { rows } = await q<Pair>(
    `select i.code as indicator, c.code as cohort from indicator i join cohort c on c.pooled = '{}'
     where exists (select from measure m where m.indicator = i.code and m.cohort = c.code)
       ${undecidedFor === undefined ? '' : 'and not exists (select from disclosure d where d.indicator = i.code and d.cohort = c.code and d.min_cell = $1)'}
     order by 1, 2`,
    undecidedFor === undefined ? [] : [undecidedFor],
  );
  return rows;
}

/**
 * Decides the given pairs (default: all) from what `measure` holds now and stores the decision:
 * only rows whose flag changes are written, in place when they are few, by rebuilding the table when
 * they are many (a first decision over a national table changes millions of rows; updated in place
 * they would double the table and its indexes). Every writer of `measure` calls this (or writes the
 * flags it decided itself) before it commits, so no reader ever sees rows without a decision.
 */
export async function refreshDisclosure(q: Query, pairs?: readonly Pair[]): Promise<PairSummary[]> {
  const basis = await disclosureBasis(q);
  const todo = pairs ?? (await measurePairs(q));
  await q(`create temp table if not exists disclosure_changes (indicator text collate "C", cohort text collate "C",
    dimension text collate "C", grp text collate "C", area_code text collate "C", hidden boolean) on commit drop`);
  await q('truncate disclosure_changes');
  const summaries: PairSummary[] = [];
  let changes = 0;
  for (const pair of todo) {
    const { rows, decision, summary } = await decidePair(q, basis, pair);
    const changed = rows.filter((r, i) => r.hidden !== (decision[i] !== PUBLISHED));
    if (changed.length) {
      await q(`insert into disclosure_changes select $1, $2, unnest($3::text[]), unnest($4::text[]), unnest($5::text[]), unnest($6::bool[])`, [
        pair.indicator,
        pair.cohort,
        changed.map((r) => r.dimension),
        changed.map((r) => r.grp),
        changed.map((r) => r.area_code),
        changed.map((r) => !r.hidden),
      ]);
      changes += changed.length;
    }
    if (rows.length) summaries.push(summary);
  }
  const runner: SqlRunner = { query: q };
  if (changes > 0 && (await shouldRebuild(runner, changes))) {
    await rebuildMeasure(runner, async (table) => {
      await q(`insert into ${table} (${MEASURE_COLUMNS}, hidden)
        select m.indicator, m.cohort, m.dimension, m.grp, m.area_code, m.numerator, m.denominator, m.dataset_id, coalesce(c.hidden, m.hidden)
        from measure m left join disclosure_changes c using (indicator, cohort, dimension, grp, area_code)`);
    });
  } else if (changes > 0) {
    await q(`update measure m set hidden = c.hidden from disclosure_changes c
      where m.indicator = c.indicator and m.cohort = c.cohort and m.dimension = c.dimension and m.grp = c.grp and m.area_code = c.area_code`);
  }
  await recordDecisions(q, basis.minCell, summaries);
  // Pairs whose rows are all gone keep no record.
  await q(`delete from disclosure d where not exists (select from measure m where m.indicator = d.indicator and m.cohort = d.cohort)`);
  // Pooled periods stand on their members' rows and decisions: they follow every change.
  return [...summaries, ...(await refreshPools(q, pairs ? [...new Set(pairs.map((p) => p.indicator))] : undefined, basis))];
}

/**
 * At start (server and CLI): makes the threshold in force the configured one and decides every pair
 * that has no decision for it. Returns the pairs decided (none on an ordinary start). Only reads when
 * nothing is to be done, so instances on a read replica start as long as the primary is decided.
 */
export async function ensureDisclosure(q: Query, minCell: number): Promise<PairSummary[]> {
  const pending = async () => {
    const { rows: setting } = await q<{ min_cell: number }>('select min_cell from disclosure_setting');
    return { settingDiffers: setting[0]?.min_cell !== minCell, pairs: await measurePairs(q, minCell), pools: await undecidedPools(q, minCell) };
  };
  const first = await pending();
  if (!first.settingDiffers && first.pairs.length === 0 && first.pools.length === 0) return [];
  // One writer at a time; another process may have decided meanwhile.
  await lockMeasureWrites({ query: q });
  await q('update disclosure_setting set min_cell = $1 where min_cell <> $1', [minCell]);
  const { pairs, pools } = await pending();
  const decided = pairs.length ? await refreshDisclosure(q, pairs) : [];
  const rest = pools.filter((i) => !pairs.some((p) => p.indicator === i));
  return [...decided, ...(rest.length ? await refreshPools(q, rest) : [])];
}
