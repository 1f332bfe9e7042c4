import type { Db } from '../db/connect.ts';

/** What is loaded and from where: counts per table and every dataset with its provenance. */
export async function status(_args: string[], { db, log }: { db: Db; log: (m: string) => void }): Promise<void> {
  const counts = await db
    .selectFrom('area')
    .select((eb) => ['level', eb.fn.countAll<string>().as('n')])
    .groupBy('level')
    .orderBy('level')
    .execute();
  const [cohorts, indicators, measures] = await Promise.all(
    (['cohort', 'indicator', 'measure'] as const).map((t) =>
      db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  );
  log('Gebieden: ' + (counts.map((r) => `${Number(r.n)} ${r.level}`).join(', ') || 'geen'));
  log(`Cohorten: ${Number(cohorts!.n)}, indicatoren: ${Number(indicators!.n)}, waarden: ${Number(measures!.n)}`);
  const d = await db
    .selectFrom('disclosure')
    .select((eb) => [
      eb.fn.sum<number>('cells').as('cells'),
      eb.fn.sum<number>('primary_hidden').as('primary'),
      eb.fn.sum<number>('secondary_hidden').as('secondary'),
      eb.fn.max('min_cell').as('minCell'),
    ])
    .executeTakeFirstOrThrow();
  if (Number(d.cells) > 0) {
    log(
      `Afgeschermd (drempel ${d.minCell}): ${Number(d.primary) + Number(d.secondary)} van ${Number(d.cells)} cellen ` +
        `(${Number(d.primary)} klein of (bijna) iedereen dezelfde uitkomst, ${Number(d.secondary)} omdat ze andere terug te rekenen zouden maken)`,
    );
  }
  const datasets = await db.selectFrom('dataset').selectAll().orderBy('id').execute();
  if (!datasets.length) log('Nog geen datasets geïmporteerd.');
  for (const d of datasets) {
    log(
      `#${d.id} ${d.kind}${d.synthetic ? ' (SYNTHETISCH)' : ''}: ${d.source} — ${d.row_count} rijen, ${d.imported_at.toISOString()}${d.sha256 ? `, sha256 ${d.sha256.slice(0, 12)}…` : ''}`,
    );
  }
}
