import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, CompareQuery, CompareResponse } from '@gka/shared';
import { notFound } from '../errors.ts';
import { areas as areaIndex } from '../queries/catalogue.ts';
import { compareView } from '../queries/compare.ts';
import type { QueryContext } from '../queries/context.ts';
import { cohortFor, groupFor, requireIndicator } from './resolve.ts';

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
      const codes = [...new Set(q.areas)];
      const [indicator, areas, group] = await Promise.all([requireIndicator(ctx, q.indicator), areaIndex(ctx), groupFor(ctx, q.group)]);
      const cohort = await cohortFor(ctx, indicator, q.cohort);
      const unknown = codes.filter((c) => !areas.has(c));
      if (unknown.length) throw notFound(`Gebied ${unknown.map((c) => `'${c}'`).join(', ')}`, { areas: unknown });
      const ordered = codes.map((c) => areas.get(c)!);
      return compareView(ctx, indicator, cohort, ordered, q.dimension, group);
    },
  );
};
