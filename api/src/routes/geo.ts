import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { GeoParams, GeoQuery } from '@gka/shared';
import { geoJson } from '../queries/geo.ts';
import type { QueryContext } from '../queries/context.ts';
import { requireArea } from './resolve.ts';

export const geoRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/geo/:level',
    {
      schema: {
        summary: 'Gebiedsgrenzen als GeoJSON FeatureCollection (properties: code, name, parent, stedelijkheid, gka)',
        tags: ['gebieden'],
        params: GeoParams,
        querystring: GeoQuery,
      },
    },
    async (req, reply) => {
      if (req.query.parent) await requireArea(ctx, req.query.parent);
      // Postgres builds the JSON text; sent as is, without a serialiser pass (the response cache keeps it).
      return reply.type('application/geo+json; charset=utf-8').send(await geoJson(ctx.db, req.params.level, req.query.parent));
    },
  );
};
