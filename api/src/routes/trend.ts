import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, TrendQuery, TrendResponse } from '@gka/shared';
import type { QueryContext } from '../queries/context.ts';
import { trendView } from '../queries/trend.ts';
import { gemeenteOf, groupFor, requireArea, requireIndicator } from './resolve.ts';

export const trendRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/trend',
    {
      schema: {
        summary: 'Eén punt per cohort voor een gebied en zijn benchmarks',
        tags: ['waarden'],
        querystring: TrendQuery,
        response: { 200: TrendResponse, 404: ApiError },
      },
    },
    async (req) => {
      const q = req.query;
      const [indicator, area] = await Promise.all([requireIndicator(ctx, q.indicator), requireArea(ctx, q.area)]);
      const gemeente = await gemeenteOf(ctx, area);
      return trendView(ctx, indicator, area, gemeente, q.dimension, await groupFor(ctx, q.group));
    },
  );
};
