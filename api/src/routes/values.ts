import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, ValuesQuery, ValuesResponse } from '@gka/shared';
import type { QueryContext } from '../queries/context.ts';
import { valuesView } from '../queries/values-view.ts';
import { cohortFor, groupFor, requireIndicator, resolveParent } from './resolve.ts';

export const valueRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/values',
    {
      schema: {
        summary: 'Waarden van één indicator en cohort voor alle gemeenten of wijken, met benchmarks',
        description:
          `parent: één gebied (een gemeente voor haar wijken of scholen), meerdere gemeenten met komma's (GM0363,GM0344, hoogstens 50) of een groep uit /groups (corop-34). ` +
          `Afgeschermde cellen (suppressed: true) hebben teller, noemer, waarde en interval null: cellen met een noemer onder de drempel (meta.minCell), kleine groepen waarin (bijna) iedereen dezelfde uitkomst heeft, en cellen waarmee zulke cellen door aftrekken terug te rekenen zijn. Dezelfde cellen zijn afgeschermd in elke route en export.`,
        tags: ['waarden'],
        querystring: ValuesQuery,
        response: { 200: ValuesResponse, 400: ApiError, 404: ApiError },
      },
    },
    async (req) => {
      const q = req.query;
      const [indicator, parent, group] = await Promise.all([requireIndicator(ctx, q.indicator), resolveParent(ctx, q.parent), groupFor(ctx, q.group)]);
      const cohort = await cohortFor(ctx, indicator, q.cohort);
      return valuesView(ctx, indicator, cohort, { level: q.level, dimension: q.dimension, parent, group });
    },
  );
};
