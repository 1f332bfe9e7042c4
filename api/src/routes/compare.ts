import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, CompareQuery, CompareResponse } from '@gka/shared';
import { compareView } from '../queries/compare.ts';
import type { QueryContext } from '../queries/context.ts';
import { cohortFor, groupFor, requireAreas, requireIndicator } from './resolve.ts';

export const compareRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/compare',
    {
      schema: {
        summary: 'Gekozen gebieden naast de benchmarks, met verschil en significantie',
        description: 'areas: komma-gescheiden CBS-codes (maximaal 100), bijvoorbeeld WK036301,WK036302.',
        tags: ['waarden'],
        querystring: CompareQuery,
        response: { 200: CompareResponse, 404: ApiError },
      },
    },
    async (req) => {
      const q = req.query;
      const [indicator, group] = await Promise.all([requireIndicator(ctx, q.indicator), groupFor(ctx, q.group)]);
      const cohort = await cohortFor(ctx, indicator, q.cohort);
      const areas = await requireAreas(ctx, [...new Set(q.areas)]);
      return compareView(ctx, indicator, cohort, areas, q.dimension, group);
    },
  );
};
