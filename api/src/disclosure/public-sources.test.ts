import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { viaKysely } from '../db/raw.ts';
import { refreshDisclosure } from './store.ts';

/**
 * A gemeente's pass rate with its three schools: one of 4 candidates, which disclosure control hides,
 * and the others then hidden too, unless every row is a public DUO figure.
 */
describe('disclosure of figures from public open files', () => {
  let t: TestDatabase;
  let duo: number;
  let delivery: number;
  const COUNTS = { GM9901: [30, 40], SC990100: [3, 4], SC990101: [14, 18], SC990102: [13, 18] } as const;

  const hidden = async () =>
    (await t.db.selectFrom('measure').select('area_code').where('hidden', '=', true).where('cohort', '=', 'sj2022-2023').orderBy('area_code').execute()).map(
      (r) => r.area_code,
    );
  const write = async (datasetOf: (area: string) => number) => {
    await t.db.deleteFrom('measure').execute();
    await t.db
      .insertInto('measure')
      .values(
        Object.entries(COUNTS).map(([area, [k, n]]) => ({
          indicator: 'slagingspercentage_vo',
          cohort: 'sj2022-2023',
          dimension: 'totaal',
          grp: 'totaal',
          area_code: area,
          numerator: k,
          denominator: n,
          dataset_id: datasetOf(area),
        })),
      )
      .execute();
    // As every import does: inside its transaction.
    await t.db.transaction().execute((trx) => refreshDisclosure(viaKysely(trx)));
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.insertInto('area').values({ code: 'GM9901', level: 'gemeente', name: 'Testgemeente', parent_code: 'NL01' }).execute();
    await t.db
      .insertInto('area')
      .values(['SC990100', 'SC990101', 'SC990102'].map((code) => ({ code, level: 'school' as const, name: code, parent_code: 'GM9901' })))
      .execute();
    await t.db
      .insertInto('cohort')
      .values({ code: 'sj2022-2023', label: 'Schooljaar 2022-2023', school_years: ['2022-2023'] })
      .execute();
    const dataset = async (kind: string) =>
      (await t.db.insertInto('dataset').values({ kind, source: kind, row_count: 4 }).returning('id').executeTakeFirstOrThrow()).id;
    duo = await dataset('duo');
    delivery = await dataset('values');
  });
  afterAll(() => t?.drop());

  it('publishes a table of DUO figures whole, the school of 4 candidates included', async () => {
    await write(() => duo);
    expect(await hidden()).toEqual([]);
    expect(await t.db.selectFrom('disclosure').select(['primary_hidden', 'secondary_hidden']).execute()).toEqual([{ primary_hidden: 0, secondary_hidden: 0 }]);
  });

  it('decides a table with any delivered row as a whole, so no hidden cell is the gemeente minus public figures', async () => {
    await write((area) => (area === 'SC990102' ? delivery : duo));
    // The small school, and a second school so that subtraction gives only their sum.
    expect(await hidden()).toEqual(['SC990100', 'SC990101']);
  });
});
