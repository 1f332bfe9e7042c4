import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, ProfileParams, ProfileQuery, ProfileResponse } from '@gka/shared';
import type { QueryContext } from '../queries/context.ts';
import { profileView } from '../queries/profile.ts';
import { groupFor, requireArea, requireCohort } from './resolve.ts';

export const profileRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/profile/:code',
    {
      schema: {
        summary: 'Alles voor de gemeentepagina en de gespreksnotitie',
        description: 'cohort: het gewenste cohort; een indicator zonder gegevens in dat cohort toont haar laatste cohort met gegevens.',
        tags: ['gemeente'],
        params: ProfileParams,
        querystring: ProfileQuery,
        response: { 200: ProfileResponse, 404: ApiError },
      },
    },
    async (req) => {
      const [area, , group] = await Promise.all([
        requireArea(ctx, req.params.code, 'gemeente'),
        req.query.cohort ? requireCohort(ctx, req.query.cohort) : undefined,
        groupFor(ctx, req.query.group),
      ]);
      return profileView(ctx, area, req.query.cohort, group);
    },
  );
};
