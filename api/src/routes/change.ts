import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, ChangeQuery, ChangeResponse, PRE_COVID } from '@gka/shared';
import { changeView } from '../queries/change.ts';
import type { QueryContext } from '../queries/context.ts';
import { cohortFor, requireIndicator, resolveParent, resolveReference } from './resolve.ts';

export const changeRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/change',
    {
      schema: {
        summary: 'Verandering tussen een cohort en een referentie (een ander cohort, of de cohorten vóór COVID samen), met 95%-interval',
        description:
          `reference: een cohortcode, of ${PRE_COVID} voor de cohorten van de indicator vóór het eerste COVID-cohort, samengenomen. ` +
          'difference = value − referenceValue (als fractie, zoals /values), met het 95%-interval van Newcombe; significant als het interval 0 niet bevat. ' +
          "parent zoals bij /values: één gebied, meerdere gemeenten met komma's of een groep. Afgeschermd als een van beide kanten afgeschermd is. Bij dimension=opleiding_ouders ook de verandering van de kansenkloof (hoog − laag), behalve bij een indicator die zelf naar opleiding van de ouders is gedefinieerd (definedBy).",
        tags: ['waarden'],
        querystring: ChangeQuery,
        response: { 200: ChangeResponse, 400: ApiError, 404: ApiError },
      },
    },
    async (req) => {
      const q = req.query;
      const [indicator, parent] = await Promise.all([requireIndicator(ctx, q.indicator), resolveParent(ctx, q.parent)]);
      const cohort = await cohortFor(ctx, indicator, q.cohort);
      const reference = await resolveReference(ctx, indicator, cohort, q.reference);
      return changeView(ctx, indicator, cohort, reference, { level: q.level, dimension: q.dimension, parent });
    },
  );
};
