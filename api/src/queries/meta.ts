import type { Indicator, IndicatorCohort, Meta } from '@gka/shared';
import type { QueryContext } from './context.ts';
import { indicatorSources } from './catalogue.ts';

/** What every values-like answer says about itself: definitions, cohort, threshold and the sources of this indicator. */
export async function meta(ctx: QueryContext, { cohorts: _cohorts, synthetic: _synthetic, ...indicator }: Indicator, cohort: IndicatorCohort): Promise<Meta> {
  const s = await indicatorSources(ctx, indicator.code);
  return { indicator, cohort, minCell: ctx.minCell, sources: s.sources, synthetic: s.synthetic };
}
