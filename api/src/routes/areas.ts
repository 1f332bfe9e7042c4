import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, AreaCode, AreaResponse, AreasQuery, AreasResponse } from '@gka/shared';
import { z } from 'zod';
import { listAreas } from '../queries/catalogue.ts';
import type { QueryContext } from '../queries/context.ts';
import { requireArea } from './resolve.ts';

export const areaRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/areas',
    { schema: { summary: 'Gemeenten of wijken', tags: ['gebieden'], querystring: AreasQuery, response: { 200: AreasResponse, 404: ApiError } } },
    async (req) => {
      if (req.query.parent) await requireArea(ctx, req.query.parent);
      return { data: await listAreas(ctx, req.query) };
    },
  );
  app.get(
    '/areas/:code',
    { schema: { summary: 'Eén gebied', tags: ['gebieden'], params: z.object({ code: AreaCode }), response: { 200: AreaResponse, 404: ApiError } } },
    async (req) => ({ data: await requireArea(ctx, req.params.code) }),
  );
};
