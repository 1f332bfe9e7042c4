import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { bulkTransaction, type BulkSession } from '../../db/bulk.ts';
import { MEASURE_COLUMNS, rebuildMeasure } from '../../db/measure-rebuild.ts';
import { decideDisclosure, PUBLISHED } from '../../disclosure/decide.ts';
import { decidePool, type MemberTable } from '../../disclosure/pool.ts';
import { planPools, savePoolCohort } from '../../disclosure/pooled-periods.ts';
import { viaClient } from '../../db/raw.ts';
import { disclosureBasis, recordDecisions, summarise, type PairSummary } from '../../disclosure/store.ts';
import { recordDataset } from '../dataset.ts';
import type { DemoCohort } from './cohorts.ts';
import { demoRowCount, demoRows, generateDemo, type DemoArea, type DemoRow } from './generate.ts';
import { chooseGkaSet, type GkaMember } from './gka-set.ts';
import { DEMO_INDICATORS, type DemoIndicator } from './model.ts';

export const DEFAULT_SEED = 2019;
export const DEMO_KIND = 'demo';

export type LoadDemoOptions = {
  seed?: number;
  /** Also overwrite values of these indicators that came from other (real) imports. */
  replace?: boolean;
  /**
   * Only these demo indicators get values (tests at national scale that attack a few); the others
   * get none. Each indicator × cohort is decided on its own, so theirs are as in a full load.
   */
  indicators?: readonly DemoIndicator[];
  /** Called now and then with the rows written so far and the total. */
  onProgress?: (rows: number, total: number) => void;
};

export type LoadDemoResult = { datasetId: number; seed: number; rows: number; areas: number; cohorts: DemoCohort[]; gka: GkaMember[]; seconds: number };

export class DemoError extends Error {}

/**
 * Generates and loads the synthetic demo data (docs/data-sources.md) in one transaction: upserts the six
 * cohorts, marks the demo GKA set, replaces the previous demo values and COPYs the new ones.
 * Takes a connection string because COPY needs a raw pg client.
 */
export async function loadDemo(url: string, options: LoadDemoOptions = {}): Promise<LoadDemoResult> {
  const started = Date.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const result = await bulkTransaction(url, (session) => load(session, seed, options));
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

async function load({ client, db }: BulkSession, seed: number, options: LoadDemoOptions) {
  const known = await db
    .selectFrom('indicator')
    .select('code')
    .where('code', 'in', [...DEMO_INDICATORS])
    .execute();
  if (known.length !== DEMO_INDICATORS.length) throw new DemoError('De indicatorcatalogus is onvolledig; voer eerst `pnpm gka migrate` uit.');
  const areaRows = await db
    .selectFrom('area')
    .select(['code', 'level', 'name', 'parent_code', 'inwoners', 'provincie', 'attributes'])
    // The GKA-monitor delivers per gemeente and wijk (where pupils live), never per school.
    .where('level', '!=', 'school')
    .orderBy('code')
    .execute();
  if (!areaRows.some((a) => a.level === 'gemeente')) {
    throw new DemoError('Er zijn nog geen gemeenten geladen; laad eerst grenzen met `pnpm gka import-geo <bestand>` of `pnpm gka download-geo --year 2024`.');
  }

  // Earlier demo values go; values from real imports only when asked, so they are never lost by accident.
  const demoIds = (await db.selectFrom('dataset').select('id').where('kind', '=', DEMO_KIND).execute()).map((d) => d.id);
  const { rows: other } = await client.query<{ found: boolean }>(
    `select exists (select 1 from measure where indicator = any($1) and (dataset_id is null or dataset_id <> all($2))) as found`,
    [DEMO_INDICATORS, demoIds],
  );
  if (other[0]!.found && !options.replace) {
    throw new DemoError(
      'Er staan al waarden uit andere imports voor de GKA-indicatoren; ' +
        'die worden niet zomaar vervangen door synthetische demodata. Gebruik `pnpm gka demo --replace` om ze te overschrijven.',
    );
  }

  const areas: DemoArea[] = areaRows.map((a) => ({ code: a.code, level: a.level, parentCode: a.parent_code, inwoners: a.inwoners, attributes: a.attributes }));
  const data = generateDemo(areas, seed);
  for (const c of data.cohorts) {
    const row = { code: c.code, label: c.label, school_years: c.schoolYears, sort_order: c.sortOrder };
    await db
      .insertInto('cohort')
      .values(row)
      .onConflict((oc) => oc.column('code').doUpdateSet(row))
      .execute();
  }

  const gka = chooseGkaSet(
    areaRows.filter((a) => a.level === 'gemeente').map((a) => ({ code: a.code, name: a.name, inwoners: a.inwoners, provincie: a.provincie })),
  );
  await db.updateTable('area').set({ gka_lid: false, gka_sinds: null }).where('gka_lid', '=', true).execute();
  for (const m of gka) await db.updateTable('area').set({ gka_lid: true, gka_sinds: m.sinds }).where('code', '=', m.code).execute();

  const only = options.indicators ?? DEMO_INDICATORS;
  const total = demoRowCount(data, only);
  const datasetId = await recordDataset(db, {
    kind: DEMO_KIND,
    source: `pnpm gka demo (seed ${seed})`,
    rowCount: total,
    synthetic: true,
    notes: {
      seed,
      uitleg:
        'Synthetische demodata: verzonnen tellers en noemers, gestuurd door echte kenmerken van gebieden (opleiding, inkomen, herkomst, inwoners). ' +
        'Niet gebruiken voor beleid. Ook het GKA-lidmaatschap is een demoset: de 30 gemeenten van 2019, alle gemeenten vanaf 100.000 inwoners, ' +
        'per provincie minstens één, aangevuld op grootte tot 101.',
      gka: gka.map((m) => ({ code: m.code, naam: m.name, sinds: m.sinds, reden: m.reason })),
    },
  });

  // The disclosure is decided here, per indicator × cohort, and written with the rows (no update after);
  // so is each indicator's pooled period, from its members' rows in memory, after its last cohort.
  const q = viaClient(client);
  const basis = await disclosureBasis(q);
  const plans = new Map(
    (
      await planPools(
        q,
        only,
        data.cohorts.map((c) => c.code),
      )
    ).map((p) => [p.indicator, p]),
  );
  for (const plan of plans.values()) await savePoolCohort(q, plan);
  const summaries: PairSummary[] = [];
  let written = 0;
  let members: MemberTable[] = [];
  function* pooledLines(indicator: string): Generator<string> {
    const plan = plans.get(indicator);
    const tables = members;
    members = [];
    if (!plan || tables.length !== plan.members.length) return;
    const { cells, decision } = decidePool(tables, basis.parentOf, basis.rulesFor(indicator));
    summaries.push(summarise({ indicator, cohort: plan.code }, decision));
    yield cells
      .map(
        (c, i) => `${indicator}\t${plan.code}\t${c.dimension}\t${c.group}\t${c.area}\t${c.k}\t${c.n}\t${datasetId}\t${decision[i] === PUBLISHED ? 'f' : 't'}\n`,
      )
      .join('');
  }
  function* copyText(): Generator<string> {
    let chunk = '';
    let indicator: string | undefined;
    for (const rows of byPair(demoRows(data, only))) {
      const pair = { indicator: rows[0]!.indicator, cohort: rows[0]!.cohort };
      if (indicator !== undefined && pair.indicator !== indicator) yield* pooledLines(indicator);
      indicator = pair.indicator;
      const cells = rows.map((r) => ({ area: r.area, dimension: r.dimension, group: r.grp, k: r.numerator, n: r.denominator }));
      const decision = decideDisclosure(cells, basis.parentOf, basis.rulesFor(pair.indicator));
      if (plans.get(pair.indicator)?.members.includes(pair.cohort)) members.push({ cells, decision });
      summaries.push(summarise(pair, decision));
      for (const [i, r] of rows.entries()) {
        // Codes come from the database and the catalogue (no tabs or backslashes), so no COPY escaping is needed.
        chunk += `${r.indicator}\t${r.cohort}\t${r.dimension}\t${r.grp}\t${r.area}\t${r.numerator}\t${r.denominator}\t${datasetId}\t${decision[i] === PUBLISHED ? 'f' : 't'}\n`;
        if (++written % 50_000 === 0) {
          yield chunk;
          chunk = '';
          options.onProgress?.(written, total);
        }
      }
    }
    if (chunk) yield chunk;
    if (indicator !== undefined) yield* pooledLines(indicator);
  }
  // A new table of the demo rows and the other indicators' rows: earlier demo values (and, with --replace, real ones) go.
  await rebuildMeasure(client, async (table) => {
    // FREEZE: the table is new in this transaction, so its rows can be written frozen and all-visible.
    await pipeline(Readable.from(copyText()), client.query(copyFrom(`copy ${table} (${MEASURE_COLUMNS}, hidden) from stdin (freeze)`)));
    await client.query(`insert into ${table} select * from measure where indicator <> all($1)`, [DEMO_INDICATORS]);
  });
  await recordDecisions(q, basis.minCell, summaries);
  // Only now: the old table referred to these datasets until it was swapped out.
  if (demoIds.length) await db.deleteFrom('dataset').where('id', 'in', demoIds).execute();
  options.onProgress?.(written, total);
  return { datasetId, seed, rows: written, areas: data.counts.size, cohorts: data.cohorts, gka };
}

/** demoRows comes in key order, so each indicator × cohort is one run of rows. */
function* byPair(rows: Iterable<DemoRow>): Generator<DemoRow[]> {
  let run: DemoRow[] = [];
  for (const r of rows) {
    if (run.length && (r.indicator !== run[0]!.indicator || r.cohort !== run[0]!.cohort)) {
      yield run;
      run = [];
    }
    run.push(r);
  }
  if (run.length) yield run;
}
