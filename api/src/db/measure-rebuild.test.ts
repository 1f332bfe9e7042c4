import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { lockMeasureWrites, MEASURE_COLUMNS, rebuildMeasure } from './measure-rebuild.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insertInto('cohort').values({ code: '2020-2021', label: '2020-2021' }).execute();
  await t.db
    .insertInto('measure')
    .values(
      ['advies_havo_vwo', 'zittenblijven'].map((indicator) => ({
        indicator,
        cohort: '2020-2021',
        dimension: 'totaal',
        grp: 'totaal',
        area_code: 'NL01',
        numerator: 1,
        denominator: 10,
      })),
    )
    .execute();
});
afterAll(() => t?.drop());

const numerators = async () =>
  (await t.db.selectFrom('measure').select(['indicator', 'numerator']).orderBy('indicator').execute()).map((r) => `${r.indicator}=${r.numerator}`);

/** Runs `fn` in a transaction on its own client, as the bulk importers do. */
async function inTransaction(fn: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    await client.query('begin');
    await fn(client);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    await client.end();
  }
}

const newRow = (table: string, indicator: string, numerator: number) =>
  `insert into ${table} (${MEASURE_COLUMNS}) values ('${indicator}', '2020-2021', 'totaal', 'totaal', 'NL01', ${numerator}, 10, null)`;

describe('rebuilding measure', () => {
  it('keeps answering reads with the old rows while the new table is built, and swaps it in at commit', async () => {
    const constraints = async () =>
      (await sql<{ name: string }>`select conname as name from pg_constraint where conrelid = 'measure'::regclass order by 1`.execute(t.db)).rows;
    const indexes = async () =>
      (await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'measure' order by 1`.execute(t.db)).rows;
    const before = { constraints: await constraints(), indexes: await indexes() };
    const seenDuringBuild: string[][] = [];
    await inTransaction((client) =>
      rebuildMeasure(client, async (table) => {
        await client.query(newRow(table, 'advies_havo_vwo', 7));
        await client.query(`insert into ${table} select * from measure where indicator <> 'advies_havo_vwo'`);
        // Another session (the API) is neither blocked nor shown half-built data.
        await t.db.connection().execute(async (c) => {
          await sql`set statement_timeout = '2s'`.execute(c);
          seenDuringBuild.push(
            (await c.selectFrom('measure').select(['indicator', 'numerator']).orderBy('indicator').execute()).map((r) => `${r.indicator}=${r.numerator}`),
          );
          await sql`reset statement_timeout`.execute(c);
        });
      }),
    );
    expect(seenDuringBuild).toEqual([['advies_havo_vwo=1', 'zittenblijven=1']]);
    expect(await numerators()).toEqual(['advies_havo_vwo=7', 'zittenblijven=1']);
    // The same keys, indexes and constraints under the same names: the rules of the old table still hold.
    expect({ constraints: await constraints(), indexes: await indexes() }).toEqual(before);
    expect(before.constraints.map((c) => c.name)).toEqual(expect.arrayContaining(['measure_pk', 'measure_counts_check', 'measure_group_fk']));
    await expect(
      t.db
        .insertInto('measure')
        .values({ indicator: 'advies_havo_vwo', cohort: '2020-2021', dimension: 'totaal', grp: 'laag', area_code: 'NL01', numerator: 1, denominator: 2 })
        .execute(),
    ).rejects.toThrow(/measure_group_fk/);
  });

  it('changes nothing when the new table cannot be keyed, and leaves no table behind', async () => {
    const before = await numerators();
    const failing = inTransaction((client) =>
      rebuildMeasure(client, async (table) => {
        // The same key twice: the primary key cannot be built.
        await client.query(newRow(table, 'zittenblijven', 9));
        await client.query(newRow(table, 'zittenblijven', 9));
      }),
    );
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect(await numerators()).toEqual(before);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_class where relname like 'measure%new'`.execute(t.db);
    expect(rows[0]!.n).toBe(0);
  });

  it('can be rebuilt again and again (index names are reused)', async () => {
    for (const n of [3, 4]) {
      await inTransaction((client) =>
        rebuildMeasure(client, async (table) => {
          await client.query(newRow(table, 'zittenblijven', n));
          await client.query(`insert into ${table} select * from measure where indicator <> 'zittenblijven'`);
        }),
      );
    }
    expect(await numerators()).toEqual(['advies_havo_vwo=7', 'zittenblijven=4']);
  });

  it('waits for another writer of measure, so a rebuild keeps the rows that writer commits', async () => {
    const writer = new pg.Client({ connectionString: t.url });
    await writer.connect();
    await writer.query('begin');
    await lockMeasureWrites(writer);
    let rebuilt = false;
    const rebuild = inTransaction((client) =>
      rebuildMeasure(client, async (table) => {
        await client.query(newRow(table, 'advies_havo_vwo', 8));
        await client.query(`insert into ${table} select * from measure where indicator <> 'advies_havo_vwo'`);
      }),
    ).then(() => (rebuilt = true));
    // The rebuild is queued behind the writer's lock (seen in Postgres, not guessed from a pause).
    const waiting = async () => {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_locks
        where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`.execute(t.db);
      return rows[0]?.n;
    };
    await vi.waitFor(async () => expect(await waiting()).toBe(1), { timeout: 10_000, interval: 20 });
    expect(rebuilt).toBe(false);
    await writer.query(newRow('measure', 'opleidingsmobiliteit', 6));
    await writer.query('commit');
    await writer.end();
    await rebuild;
    expect(await numerators()).toEqual(['advies_havo_vwo=8', 'opleidingsmobiliteit=6', 'zittenblijven=4']);
  });
});
