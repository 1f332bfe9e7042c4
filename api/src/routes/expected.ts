import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, ExpectedQuery, ExpectedResponse } from '@gka/shared';
import type { QueryContext } from '../queries/context.ts';
import { expectedView } from '../queries/expected.ts';
import { cohortFor, requireIndicator, requireMixReference, resolveParent } from './resolve.ts';

export const expectedRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/expected',
    {
      schema: {
        summary: 'Waarde tegenover de verwachte waarde gegeven de leerlingen (indirecte standaardisatie), met 95%-interval en significantie',
        description:
          'Verwacht: wat de leerlingen van het gebied zouden halen tegen de landelijke cijfers van hun groep (dimension: opleiding_ouders, inkomen_ouders of migratieachtergrond). ' +
          'difference = observed − expected (aandelen als fractie); significance volgt het interval, verbreed met de spreiding van alle gebieden van het niveau rond hun verwachting. ' +
          'Afgeschermd (suppressed: true) waar een groep van het gebied is afgeschermd: de verwachte waarde zou de grootte van die groep teruggeven. ' +
          'parent: zoals bij /values.',
        tags: ['waarden'],
        querystring: ExpectedQuery,
        response: { 200: ExpectedResponse, 400: ApiError, 404: ApiError },
      },
    },
    async (req) => {
      const q = req.query;
      const [indicator, parent] = await Promise.all([requireIndicator(ctx, q.indicator), resolveParent(ctx, q.parent)]);
      const cohort = await cohortFor(ctx, indicator, q.cohort);
      const reference = await requireMixReference(ctx, indicator, cohort, q.level, q.dimension);
      return expectedView(ctx, indicator, cohort, reference, { level: q.level, dimension: q.dimension, parent });
    },
  );
};
