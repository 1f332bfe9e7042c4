import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CohortsResponse, IndicatorsResponse, SourcesResponse } from '@gka/shared';
import { cohorts, indicators, sources } from '../queries/catalogue.ts';
import type { QueryContext } from '../queries/context.ts';

/** Reference data: cohorts, indicators and the imported sources. */
export const catalogueRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get('/cohorts', { schema: { summary: 'Cohorten, oudste eerst', tags: ['catalogus'], response: { 200: CohortsResponse } } }, async () => ({
    data: await cohorts(ctx),
  }));
  app.get(
    '/indicators',
    { schema: { summary: 'Indicatoren met definities en de cohorten met gegevens', tags: ['catalogus'], response: { 200: IndicatorsResponse } } },
    async () => ({ data: await indicators(ctx) }),
  );
  app.get(
    '/sources',
    { schema: { summary: 'Geïmporteerde bronnen (herkomst) en of de cijfers synthetisch zijn', tags: ['catalogus'], response: { 200: SourcesResponse } } },
    async () => ({ ...(await sources(ctx)), minCell: ctx.minCell }),
  );
};
