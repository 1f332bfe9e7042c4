import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, GroupParams, GroupResponse, GroupsResponse } from '@gka/shared';
import { notFound } from '../errors.ts';
import type { QueryContext } from '../queries/context.ts';
import { listGroups } from '../queries/groups.ts';

export const groupRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/groups',
    {
      schema: {
        summary: 'Groepen van gemeenten: provincies, COROP-gebieden, de GKA-gemeenten en geïmporteerde indelingen, met hun leden',
        tags: ['gebieden'],
        response: { 200: GroupsResponse },
      },
    },
    async () => ({ data: await listGroups(ctx) }),
  );
  app.get(
    '/groups/:code',
    {
      schema: {
        summary: 'Eén groep van gemeenten met haar leden',
        tags: ['gebieden'],
        params: GroupParams,
        response: { 200: GroupResponse, 404: ApiError },
      },
    },
    async (req) => {
      const group = (await listGroups(ctx)).find((g) => g.code === req.params.code);
      if (!group) throw notFound(`Groep '${req.params.code}'`, { group: req.params.code });
      return { data: group };
    },
  );
};
