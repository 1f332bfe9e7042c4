import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, ChangeQuery, ChangeResponse, cohortCodes, PRE_COVID, type Indicator, type IndicatorCohort } from '@gka/shared';
import { badRequest } from '../errors.ts';
import { changeView, covidSplit, preCovidReference, type Reference } from '../queries/change.ts';
import type { QueryContext } from '../queries/context.ts';
import { cohortFor, requireArea, requireCohort, requireIndicator } from './resolve.ts';

export const changeRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/change',
    {
      schema: {
        summary: 'Verandering tussen een cohort en een referentie (een ander cohort, of de cohorten vóór COVID samen), met 95%-interval',
        description:
          `reference: een cohortcode, of ${PRE_COVID} voor de cohorten van de indicator vóór het eerste COVID-cohort, samengenomen. ` +
          'difference = value − referenceValue (als fractie, zoals /values), met het 95%-interval van Newcombe; significant als het interval 0 niet bevat. ' +
          'Afgeschermd als een van beide kanten afgeschermd is. Bij dimension=opleiding_ouders ook de verandering van de kansenkloof (hoog − laag).',
        tags: ['waarden'],
        querystring: ChangeQuery,
        response: { 200: ChangeResponse, 400: ApiError, 404: ApiError },
      },
    },
    async (req) => {
      const q = req.query;
      const [indicator, parent] = await Promise.all([requireIndicator(ctx, q.indicator), q.parent ? requireArea(ctx, q.parent) : undefined]);
      const cohort = await cohortFor(ctx, indicator, q.cohort);
      const reference = await resolveReference(ctx, indicator, cohort, q.reference);
      return changeView(ctx, indicator, cohort, reference, { level: q.level, dimension: q.dimension, parent });
    },
  );
};

/** A cohort of the indicator other than `cohort`, or its pre-COVID cohorts pooled. */
async function resolveReference(ctx: QueryContext, indicator: Indicator, cohort: IndicatorCohort, code: string): Promise<Reference> {
  if (code === PRE_COVID) {
    const split = covidSplit(indicator.cohorts);
    if (!split) throw badRequest(`${indicator.name} heeft geen COVID-cohort; kies een cohort als referentie`);
    if (split.before.length === 0) throw badRequest(`${indicator.name} heeft geen cohorten vóór COVID`);
    if (split.before.some((c) => c.code === cohort.code)) throw badRequest(`Cohort ${cohort.code} valt zelf vóór COVID; kies een later cohort of een ander cohort als referentie`);
    return preCovidReference(split.before);
  }
  const reference = await requireCohort(ctx, code);
  if (reference.code === cohort.code) throw badRequest('De referentie moet een ander cohort zijn dan het cohort zelf');
  const own = cohortCodes(indicator);
  if (!own.includes(reference.code)) throw badRequest(`${indicator.name} heeft geen waarden voor cohort ${reference.code}`);
  if (own.indexOf(reference.code) > own.indexOf(cohort.code)) {
    throw badRequest(`De referentie moet een eerder cohort zijn dan ${cohort.code}`);
  }
  return { code: reference.code, label: reference.label, cohorts: [reference.code] };
}
