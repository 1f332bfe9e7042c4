import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, GroupParams, GroupResponse, GroupsResponse } from '@gka/shared';
import type { QueryContext } from '../queries/context.ts';
import { listGroups } from '../queries/groups.ts';
import { requireGroup } from './resolve.ts';

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
        summary: 'Eén groep van gemeenten met haar leden; ook vergelijkbaar-GMxxxx: de tien gemeenten die het meest op die gemeente lijken',
        tags: ['gebieden'],
        params: GroupParams,
        response: { 200: GroupResponse, 404: ApiError },
      },
    },
    async (req) => ({ data: await requireGroup(ctx, req.params.code) }),
  );
};
