import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, compactOverview, OverviewExportQuery, OverviewQuery, OverviewResponse } from '@gka/shared';
import type { QueryContext } from '../queries/context.ts';
import { overviewView } from '../queries/overview.ts';
import type { XlsxBuilds } from './downloads.ts';
import { sentHeadersOnly } from './head.ts';
import { fileHeaders } from './file-writer.ts';
import { overviewCsv, overviewXlsxBook } from './overview-files.ts';
import { resolveOverview } from './resolve.ts';

const DESCRIPTION =
  'Gunstig of ongunstig volgt uit de richting van de indicator (higherIsBetter) en de significantie tegen de gekozen benchmark; ' +
  'neutrale indicatoren krijgen geen oordeel. De rij "samen" telt de gepubliceerde cellen van de leden op.';

export const overviewRoutes: FastifyPluginAsyncZod<QueryContext & { xlsx: XlsxBuilds }> = async (app, { xlsx, ...ctx }) => {
  app.get(
    '/overview',
    {
      schema: {
        summary: 'Overzicht: gemeenten van een groep × indicatoren, met benchmark, oordeel (gunstig/ongunstig) en verandering sinds vóór COVID',
        description: DESCRIPTION,
        tags: ['waarden'],
        querystring: OverviewQuery,
        response: { 200: OverviewResponse, 400: ApiError, 404: ApiError },
      },
    },
    async (req) => compactOverview(await overviewView(ctx, await resolveOverview(ctx, req.query))),
  );

  app.get(
    '/overview/export',
    {
      schema: {
        summary: 'Het overzicht als bestand: één regel per gemeente × indicator (lang formaat), CSV of XLSX',
        description: `${DESCRIPTION} CSV: ; als scheidingsteken, UTF-8 met BOM, decimale komma, kopregel eerst, percentages in procenten; bronnen in het XLSX-blad Bronnen.`,
        tags: ['waarden'],
        querystring: OverviewExportQuery,
      },
    },
    async (req, reply) => {
      const q = req.query;
      const resolved = await resolveOverview(ctx, q);
      const name = ['gka-overzicht', resolved.group?.code ?? 'gemeenten', q.benchmark].join('_');
      const headers = fileHeaders(name, q.format);
      if (sentHeadersOnly(req, reply, headers)) return reply;
      const release = q.format === 'xlsx' ? xlsx.slots.take(req.ip) : undefined;
      try {
        const o = await overviewView(ctx, resolved);
        reply.headers(headers);
        return reply.send(q.format === 'xlsx' ? await xlsx.pool.build(overviewXlsxBook(o)) : overviewCsv(o));
      } finally {
        release?.();
      }
    },
  );
};
