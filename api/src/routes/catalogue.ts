import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CohortsResponse, IndicatorsResponse, SourcesResponse } from '@gka/shared';
import { listCohorts } from '../queries/cohorts.ts';
import type { QueryContext } from '../queries/context.ts';
import { listSources } from '../queries/datasets.ts';
import { listIndicators } from '../queries/indicators.ts';

/** Reference data: cohorts, indicators and the imported sources. */
export const catalogueRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get('/cohorts', { schema: { summary: 'Cohorten, oudste eerst', tags: ['catalogus'], response: { 200: CohortsResponse } } }, async () => ({
    data: await listCohorts(ctx.db),
  }));
  app.get(
    '/indicators',
    { schema: { summary: 'Indicatoren met definities en de cohorten met gegevens', tags: ['catalogus'], response: { 200: IndicatorsResponse } } },
    async () => ({ data: await listIndicators(ctx.db) }),
  );
  app.get(
    '/sources',
    { schema: { summary: 'Geïmporteerde bronnen (herkomst) en of de cijfers synthetisch zijn', tags: ['catalogus'], response: { 200: SourcesResponse } } },
    async () => ({ ...(await listSources(ctx.db)), minCell: ctx.minCell }),
  );
};
