import { covidSplit, pooledLabel, poolMembers, type IndicatorCohort } from '@gka/shared';
import { skipForeignKeyChecks } from '../db/foreign-keys.ts';
import type { TableCell } from './decide.ts';
import { decidePool, type MemberTable } from './pool.ts';
import { PUBLIC_SOURCE_KINDS, publicTable } from './rules.ts';
import { disclosureBasis, recordDecisions, summarise, type DisclosureBasis, type PairSummary, type Query } from './records.ts';

/** A pooled period of one indicator: a cohort row that stands for its members together. */
export type PoolPlan = { indicator: string; code: string; label: string; members: string[]; schoolYears: string[] };

type CohortRow = { indicator: string; code: string; label: string; school_years: string[]; covid: boolean };

/**
 * Which pooled periods each indicator gets: all its cohorts before COVID together (of one kind:
 * poolMembers), when there are at least two. One fixed period per indicator, decided with its
 * members: periods a user could put together freely would differ by single cohorts, and their
 * difference would give a hidden cell back.
 */
export async function planPools(q: Query, indicators?: readonly string[], cohorts?: readonly string[]): Promise<PoolPlan[]> {
  const { rows } = await q<CohortRow>(
    `select i.code as indicator, c.code, c.label, c.school_years,
       exists (select from covid_note n where n.indicator = i.code and n.school_year = any(c.school_years)) as covid
     from indicator i join cohort c on c.pooled = '{}'
     where ($1::text[] is null or i.code = any($1))
       -- Given cohorts (an import about to write them), or those with rows. A scalar subquery: one index
       -- probe per pair, where the planner turns exists into a scan of the whole table.
       and case when $2::text[] is null then (select true from measure m where m.indicator = i.code and m.cohort = c.code limit 1) is not null
                else c.code = any($2) end
     order by i.code, c.sort_order, c.code`,
    [indicators ?? null, cohorts ?? null],
  );
  const byIndicator = new Map<string, IndicatorCohort[]>();
  for (const r of rows) {
    const own = byIndicator.get(r.indicator) ?? [];
    own.push({ code: r.code, label: r.label, schoolYears: r.school_years, pooled: [], covid: r.covid, note: null });
    byIndicator.set(r.indicator, own);
  }
  return [...byIndicator].flatMap(([indicator, own]) => {
    const before = poolMembers(covidSplit(own)?.before ?? []);
    if (before.length < 2) return [];
    const first = before[0]!;
    const last = before.at(-1)!;
    return [
      {
        indicator,
        code: `${first.code}_${last.code}`,
        label: pooledLabel(first, last),
        members: before.map((c) => c.code),
        schoolYears: before.flatMap((c) => c.schoolYears),
      },
    ];
  });
}

/** The pooled period's own cohort row (before its measure rows are written). */
export async function savePoolCohort(q: Query, plan: PoolPlan): Promise<void> {
  await q(
    `insert into cohort (code, label, school_years, sort_order, pooled) values ($1, $2, $3, 100000, $4)
     on conflict (code) do update set label = excluded.label, school_years = excluded.school_years, pooled = excluded.pooled`,
    [plan.code, plan.label, plan.schoolYears, plan.members],
  );
}

type Row = {
  cohort: string;
  area_code: string;
  dimension: string;
  grp: string;
  numerator: number;
  denominator: number;
  hidden: boolean;
  dataset_id: number | null;
  public: boolean;
};

/**
 * Makes the pooled periods of these indicators (default: all) from what `measure` holds now: the
 * counts of the members summed per area and group, decided by `decidePool` against the members'
 * stored decisions, and written as the pooled cohort's rows. Pooled periods an indicator no longer
 * has are removed. Called after every change to the members' rows or decisions, in the same transaction.
 */
export async function refreshPools(q: Query, indicators?: readonly string[], known?: DisclosureBasis): Promise<PairSummary[]> {
  const basis = known ?? (await disclosureBasis(q));
  const plans = await planPools(q, indicators);
  const summaries: PairSummary[] = [];
  // Rows of pooled periods these indicators no longer have (their members changed, or too few are left).
  const { rows: pooled } = await q<{ code: string }>(`select code from cohort where pooled <> '{}'`);
  const { rows: scope } = await q<{ code: string }>('select code from indicator where $1::text[] is null or code = any($1)', [indicators ?? null]);
  for (const { code: indicator } of scope) {
    const keep = plans.find((p) => p.indicator === indicator)?.code;
    const stale = pooled.map((p) => p.code).filter((c) => c !== keep);
    if (stale.length) await q('delete from measure where indicator = $1 and cohort = any($2)', [indicator, stale]);
  }
  for (const plan of plans) {
    await savePoolCohort(q, plan);
    const { rows } = await q<Row>(
      `select m.cohort, m.area_code, m.dimension, m.grp, m.numerator::float8 as numerator, m.denominator::float8 as denominator, m.hidden, m.dataset_id,
         coalesce(d.kind = any($3::text[]), false) as public
       from measure m left join dataset d on d.id = m.dataset_id where m.indicator = $1 and m.cohort = any($2)`,
      [plan.indicator, plan.members, PUBLIC_SOURCE_KINDS],
    );
    const members: MemberTable[] = plan.members.map((code) => {
      const own = rows.filter((r) => r.cohort === code);
      return {
        cells: own.map((r): TableCell => ({ area: r.area_code, dimension: r.dimension, group: r.grp, k: r.numerator, n: r.denominator })),
        decision: Uint8Array.from(own, (r) => (r.hidden ? 2 : 0)),
      };
    });
    const pooled = decidePool(members, basis.parentOf, basis.rulesFor(plan.indicator));
    const { cells } = pooled;
    // Sums of public figures only are as public as their members.
    const decision = publicTable(rows) ? new Uint8Array(cells.length) : pooled.decision;
    // The pooled rows carry the dataset of their members (one import in practice), so provenance and the demo label follow.
    const dataset = new Map(rows.map((r) => [`${r.area_code}|${r.dimension}|${r.grp}`, r.dataset_id]));
    await q('delete from measure where indicator = $1 and cohort = $2', [plan.indicator, plan.code]);
    // Every reference is copied from the members' rows.
    await skipForeignKeyChecks({ query: q }, () =>
      q(
        `insert into measure (indicator, cohort, dimension, grp, area_code, numerator, denominator, dataset_id, hidden)
       select $1, $2, * from unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::int[], $9::bool[])`,
        [
          plan.indicator,
          plan.code,
          cells.map((c) => c.dimension),
          cells.map((c) => c.group),
          cells.map((c) => c.area),
          cells.map((c) => c.k),
          cells.map((c) => c.n),
          cells.map((c) => dataset.get(`${c.area}|${c.dimension}|${c.group}`) ?? null),
          Array.from(decision, (d) => d !== 0),
        ],
      ).then(() => undefined),
    );
    summaries.push(summarise({ indicator: plan.indicator, cohort: plan.code }, decision));
  }
  await recordDecisions(q, basis.minCell, summaries);
  await q(`delete from disclosure d where not exists (select from measure m where m.indicator = d.indicator and m.cohort = d.cohort)`);
  await q(`delete from cohort c where c.pooled <> '{}'
    and not exists (select from indicator i where exists (select from measure m where m.indicator = i.code and m.cohort = c.code))`);
  return summaries;
}

/** The pooled periods that have no decision for this threshold yet (a new database, or one from before pooled periods). */
export async function undecidedPools(q: Query, minCell: number): Promise<string[]> {
  const plans = await planPools(q);
  const { rows } = await q<{ indicator: string; cohort: string }>('select indicator, cohort from disclosure where min_cell = $1', [minCell]);
  const decided = new Set(rows.map((r) => `${r.indicator}|${r.cohort}`));
  return [...new Set(plans.filter((p) => !decided.has(`${p.indicator}|${p.code}`)).map((p) => p.indicator))];
}
