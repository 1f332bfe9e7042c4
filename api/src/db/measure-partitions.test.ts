import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { MEASURE_COLUMNS, replacePartitions } from './measure-partitions.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insertInto('cohort').values({ code: '2020-2021', label: '2020-2021' }).execute();
  await t.db
    .insertInto('measure')
    .values(['advies_havo_vwo', 'zittenblijven'].map((indicator) => ({ indicator, cohort: '2020-2021', dimension: 'totaal', grp: 'totaal', area_code: 'NL01', numerator: 1, denominator: 10 })))
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

describe('replacing partitions of measure', () => {
  it('keeps answering reads with the old rows while the new ones are built, and swaps them in at commit', async () => {
    const seenDuringBuild: string[][] = [];
    await inTransaction(async (client) => {
      const replaced = await replacePartitions(client, ['advies_havo_vwo'], async (table, indicator) => {
        await client.query(newRow(table, indicator, 7));
        // Another session (the API) is neither blocked nor shown half-built data.
        await t.db.connection().execute(async (c) => {
          await sql`set statement_timeout = '2s'`.execute(c);
          seenDuringBuild.push((await c.selectFrom('measure').select(['indicator', 'numerator']).orderBy('indicator').execute()).map((r) => `${r.indicator}=${r.numerator}`));
          await sql`reset statement_timeout`.execute(c);
        });
      });
      expect(replaced).toEqual(['measure_advies_havo_vwo']);
    });
    expect(seenDuringBuild).toEqual([['advies_havo_vwo=1', 'zittenblijven=1']]);
    expect(await numerators()).toEqual(['advies_havo_vwo=7', 'zittenblijven=1']);
    // The partition that replaced the old one serves reads through the parent's indexes.
    const { rows } = await sql<{ index: string }>`
      select c.relname as index from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent in ('measure_pk'::regclass, 'measure_area_idx'::regclass) and c.relname like 'measure_advies_havo_vwo%' order by 1`.execute(t.db);
    expect(rows.map((r) => r.index)).toEqual(['measure_advies_havo_vwo_area_idx', 'measure_advies_havo_vwo_pk']);
  });

  it('changes nothing when building a later partition fails, and leaves no tables behind', async () => {
    const before = await numerators();
    const failing = inTransaction(async (client) => {
      await replacePartitions(client, ['advies_havo_vwo', 'zittenblijven'], async (table, indicator) => {
        await client.query(newRow(table, indicator, 9));
        // The same key twice: the primary key of the second partition cannot be built.
        if (indicator === 'zittenblijven') await client.query(newRow(table, indicator, 9));
      });
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect(await numerators()).toEqual(before);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_class where relname like 'measure%new%'`.execute(t.db);
    expect(rows[0]!.n).toBe(0);
  });

  it('can be replaced again and again (index and constraint names are reused)', async () => {
    for (const n of [3, 4]) {
      await inTransaction(async (client) => {
        await replacePartitions(client, ['zittenblijven'], async (table, indicator) => void (await client.query(newRow(table, indicator, n))));
      });
    }
    expect(await numerators()).toEqual(['advies_havo_vwo=7', 'zittenblijven=4']);
  });
});
