import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, FunnelQuery, FunnelResponse } from '@gka/shared';
import type { QueryContext } from '../queries/context.ts';
import { funnelView } from '../queries/funnel.ts';
import { cohortFor, funnelGroup, requireArea, requireIndicator } from './resolve.ts';

export const funnelRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/funnel',
    {
      schema: {
        summary: 'Trechterdiagram: de gebieden van een niveau als percentage tegen hun aantal leerlingen, met 95%- en 99,8%-grenzen',
        description: `Alleen voor percentages; een gemiddelde geeft 400. De punten zijn de gepubliceerde waarden van /values (afgeschermde cellen zijn geen punt), met hun verbrede interval en het oordeel tegen het doel: de eigen gemeente voor haar wijken of scholen (parent), anders Nederland. De grenzen zijn voor elk aantal leerlingen n de percentages waarbij het doel precies op de rand van het interval ligt, inclusief de gewone spreiding tussen gebieden (dispersion): een punt buiten de 95%-grenzen is precies een significant verschil.`,
        tags: ['waarden'],
        querystring: FunnelQuery,
        response: { 200: FunnelResponse, 400: ApiError, 404: ApiError },
      },
    },
    async (req) => {
      const q = req.query;
      const [indicator, parent] = await Promise.all([requireIndicator(ctx, q.indicator), q.parent ? requireArea(ctx, q.parent) : undefined]);
      const cohort = await cohortFor(ctx, indicator, q.cohort);
      const group = funnelGroup(indicator, q.dimension, q.subgroup);
      return funnelView(ctx, indicator, cohort, { level: q.level, dimension: q.dimension, group, parent });
    },
  );
};
