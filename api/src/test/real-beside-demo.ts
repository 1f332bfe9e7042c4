import { buildApp } from '../app.ts';
import type { TestDatabase } from './database.ts';
import { testConfig } from './config.ts';
import type { TestApp } from './seeded-app.ts';

/**
 * The seed as after a real import of one indicator beside the demo values of the others: that
 * indicator's rows move to a real (not synthetic) dataset. `run` gets a fresh app (the shared one
 * trusts its data version for a while); afterwards the rows go back.
 */
export async function withRealIndicator(t: TestDatabase, indicator: string, run: (app: TestApp) => Promise<void>): Promise<void> {
  const { id: before } = await t.db.selectFrom('measure').select('dataset_id as id').where('indicator', '=', indicator).executeTakeFirstOrThrow();
  const { id } = await t.db
    .insertInto('dataset')
    .values({ kind: 'duo', source: 'echte-cijfers.csv', row_count: 0, synthetic: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.updateTable('measure').set({ dataset_id: id }).where('indicator', '=', indicator).execute();
  const app = await buildApp({ config: testConfig(), db: t.db });
  try {
    await run(app);
  } finally {
    await app.close();
    await t.db.updateTable('measure').set({ dataset_id: before }).where('indicator', '=', indicator).execute();
    await t.db.deleteFrom('dataset').where('id', '=', id).execute();
  }
}
