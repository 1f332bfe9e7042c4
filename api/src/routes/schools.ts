import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, SchoolsParams, SchoolsResponse } from '@gka/shared';
import type { QueryContext } from '../queries/context.ts';
import { schoolsView } from '../queries/schools.ts';
import { requireArea } from './resolve.ts';

export const schoolsRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/schools/:code',
    {
      schema: {
        summary: 'De scholen van een gemeente met hun cijfers per vestiging',
        description:
          'Elke indicator met cijfers per school in haar laatste schooljaar, vergeleken met de gemeente en Nederland zoals /values dat doet; far: de scholen die het verst en significant van de gemeente afwijken.',
        tags: ['gemeente'],
        params: SchoolsParams,
        response: { 200: SchoolsResponse, 404: ApiError },
      },
    },
    async (req) => schoolsView(ctx, await requireArea(ctx, req.params.code, 'gemeente')),
  );
};
