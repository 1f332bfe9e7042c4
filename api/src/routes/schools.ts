import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, SchoolsParams, SchoolsResponse } from '@gka/shared';
import type { QueryContext } from '../queries/context.ts';
import { schoolsView } from '../queries/schools.ts';
import { notFound } from '../errors.ts';
import { requireArea } from './resolve.ts';

export const schoolsRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/schools/:code',
    {
      schema: {
        summary: 'De scholen van een gemeente met hun cijfers per vestiging, of één school',
        description:
          'Elke indicator met cijfers per school in haar laatste schooljaar, vergeleken met de gemeente en Nederland zoals /values dat doet; de referentieniveaus ook met scholen met een vergelijkbare achterstandsscore (similar, met de banden per kolom); far: de scholen die het verst en significant van de gemeente afwijken. Met een schoolcode (SC00AP00): hetzelfde antwoord voor die school alleen, far leeg.',
        tags: ['gemeente'],
        params: SchoolsParams,
        response: { 200: SchoolsResponse, 404: ApiError },
      },
    },
    async (req) => {
      const { code } = req.params;
      if (code.startsWith('GM')) return schoolsView(ctx, await requireArea(ctx, code, 'gemeente'));
      const school = await requireArea(ctx, code, 'school');
      // Every school the import keeps lies in a gemeente; one without is not found as a school of one.
      if (!school.parent) throw notFound(`De gemeente van school '${code}'`, { area: code });
      return schoolsView(ctx, await requireArea(ctx, school.parent, 'gemeente'), code);
    },
  );
};
