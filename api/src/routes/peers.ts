import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, PeersQuery, PeersResponse } from '@gka/shared';
import type { QueryContext } from '../queries/context.ts';
import { peersView } from '../queries/peers.ts';
import { usableMixReference } from '../queries/expected.ts';
import { cohortFor, requireArea, requireIndicator, requirePeerIndicator } from './resolve.ts';

export const peersRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/peers',
    {
      schema: {
        summary: 'Vergelijkbare gemeenten die het significant beter doen op een indicator, met de grootte van het verschil',
        description:
          'De vergelijkbare gemeenten (GET /groups/vergelijkbaar-GM…) waarvan het aandeel significant beter is, in de richting van de indicator: difference = hun waarde − die van de gemeente, met 95%-interval (verbreed met de spreiding van gemeenten). ' +
          'Waar beide een verwachte waarde hebben (/expected, dimension), moet ook hun afstand tot die verwachting significant beter zijn (adjustedDifference).',
        tags: ['waarden'],
        querystring: PeersQuery,
        response: { 200: PeersResponse, 400: ApiError, 404: ApiError },
      },
    },
    async (req) => {
      const q = req.query;
      const [indicator, area] = await Promise.all([requireIndicator(ctx, q.indicator), requireArea(ctx, q.area, 'gemeente')]);
      requirePeerIndicator(indicator);
      const cohort = await cohortFor(ctx, indicator, q.cohort);
      const reference = await usableMixReference(ctx, indicator, cohort, q.dimension);
      return peersView(ctx, indicator, cohort, area, q.dimension, reference);
    },
  );
};
