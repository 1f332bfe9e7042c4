import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { BulkExportQuery, ExportQuery } from '@gka/shared';
import { HttpError } from '../errors.ts';
import { bulkCsv } from '../queries/bulk-export.ts';
import type { QueryContext } from '../queries/context.ts';
import { exportTable } from '../queries/export.ts';
import { aboutText, toCsv, toXlsx } from './export-files.ts';
import { sentHeadersOnly } from './head.ts';
import { cohortFor, groupFor, requireArea, requireIndicator, resolveReference } from './resolve.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const exportRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/export',
    {
      schema: {
        summary: 'De tabel van /values als CSV (; en UTF-8 met BOM, decimale komma) of XLSX, met context en alle benchmarks',
        description:
          'De CSV begint met de kopregel: Excel, Power Query en pandas lezen hem zonder instellingen. Definities, bronnen en filters ' +
          'staan in het XLSX-blad Bronnen, of als tekst met metadata=1 (de CSV-respons linkt ernaar). Met reference (een cohortcode ' +
          'of voor-covid) komen de verandering, het 95%-interval en de significantie erbij, zoals /change ze geeft.',
        tags: ['waarden'],
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const q = req.query;
      const [indicator, parent, group] = await Promise.all([
        requireIndicator(ctx, q.indicator),
        q.parent ? requireArea(ctx, q.parent) : undefined,
        groupFor(ctx, q.group),
      ]);
      const cohort = await cohortFor(ctx, indicator, q.cohort);
      const reference = q.reference ? await resolveReference(ctx, indicator, cohort, q.reference) : undefined;
      const name = ['gka', indicator.code, cohort.code, q.level, parent?.code, q.dimension, reference && `tov-${reference.code}`].filter(Boolean).join('_');
      const headers = {
        'content-disposition': `attachment; filename="${name}${q.metadata === '1' ? '-bronnen.txt' : `.${q.format}`}"`,
        'content-type': q.metadata === '1' ? 'text/plain; charset=utf-8' : q.format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8',
      };
      if (sentHeadersOnly(req, reply, headers)) return reply;
      const table = await exportTable(ctx, indicator, cohort, { level: q.level, dimension: q.dimension, parent, reference, group });
      reply.headers(headers);
      if (q.metadata === '1') return reply.send(aboutText(table));
      if (q.format === 'xlsx') return reply.send(await toXlsx(table));
      const self = new URLSearchParams(req.query as unknown as Record<string, string>);
      self.set('metadata', '1');
      reply.header('link', `<${req.url.split('?')[0]}?${self}>; rel="describedby"; type="text/plain"`);
      return reply.send(toCsv(table));
    },
  );

  // Each bulk download holds a database connection for as long as the client reads.
  let running = 0;
  app.get(
    '/export/bulk',
    {
      schema: {
        summary: 'Alles op één niveau in lang formaat (CSV): elke indicator, elk cohort, elke uitsplitsing en elk gebied, één waarde per regel',
        description:
          'Gestreamd uit één momentopname van de database, dus het geheugen blijft klein, ook voor alle wijken. Zelfde regels als de andere ' +
          'exports: ; als scheidingsteken, decimale komma, percentages in procenten (kolom Eenheid), afgeschermde cellen als "afgeschermd".',
        tags: ['waarden'],
        querystring: BulkExportQuery,
      },
    },
    async (req, reply) => {
      if (running >= 2) throw new HttpError(429, 'busy', 'Er lopen al twee volledige downloads; probeer het over een paar minuten opnieuw.');
      const headers = { 'content-disposition': `attachment; filename="gka_alles_${req.query.level}.csv"`, 'content-type': 'text/csv; charset=utf-8' };
      if (sentHeadersOnly(req, reply, headers)) return reply;
      reply.headers(headers);
      running++;
      const stream = Readable.from(bulkCsv(ctx, req.query.level), { objectMode: false });
      const done = () => {
        running--;
        stream.off('close', done);
      };
      stream.on('close', done);
      return reply.send(stream);
    },
  );
};
