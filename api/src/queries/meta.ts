import type { Cohort, Meta } from '@gka/shared';
import type { QueryContext } from './context.ts';
import { listSources } from './datasets.ts';
import type { IndicatorInfo } from './indicators.ts';

/** What every values-like answer says about itself: definitions, cohort, threshold and sources. */
export async function meta(ctx: QueryContext, indicator: IndicatorInfo, cohort: Cohort): Promise<Meta> {
  const { sources, synthetic } = await listSources(ctx.db);
  return { indicator, cohort, minCell: ctx.minCell, sources, synthetic };
}
