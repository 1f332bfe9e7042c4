import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, ValuesQuery, ValuesResponse } from '@gka/shared';
import type { QueryContext } from '../queries/context.ts';
import { valuesView } from '../queries/values.ts';
import { requireArea, requireCohort, requireIndicator } from './resolve.ts';

export const valueRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/values',
    {
      schema: {
        summary: 'Waarden van één indicator en cohort voor alle gemeenten of wijken, met benchmarks',
        description: `Cellen met een noemer onder de drempel (meta.minCell) zijn onderdrukt: teller, noemer en waarde zijn dan null.`,
        tags: ['waarden'],
        querystring: ValuesQuery,
        response: { 200: ValuesResponse, 404: ApiError },
      },
    },
    async (req) => {
      const q = req.query;
      const [indicator, cohort, parent] = await Promise.all([
        requireIndicator(ctx, q.indicator),
        requireCohort(ctx, q.cohort),
        q.parent ? requireArea(ctx, q.parent) : undefined,
      ]);
      return valuesView(ctx, indicator, cohort, { level: q.level, dimension: q.dimension, parent });
    },
  );
};
