import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, BulkExportInfo, BulkExportQuery, ExportQuery } from '@gka/shared';
import { bulkRowCount, bulkRows } from '../queries/bulk-export.ts';
import type { QueryContext } from '../queries/context.ts';
import { exportTable } from '../queries/export.ts';
import { aboutText, BULK_LAYOUT, exportXlsxBook, parentSlug, toCsv } from './export-files.ts';
import { csvChunks, fileHeaders } from './file-writer.ts';
import { DownloadSlots, sendWithTimeout, type XlsxBuilds } from './downloads.ts';
import { sentHeadersOnly } from './head.ts';
import { cohortFor, groupFor, requireIndicator, resolveParent, resolveReference } from './resolve.ts';

type DownloadLimits = { slots: DownloadSlots; xlsx: XlsxBuilds; sendTimeoutMs: number };

const PARENT =
  'parent: één gebied (een gemeente voor haar wijken of scholen), meerdere gemeenten met komma’s (GM0363,GM0344, hoogstens 50) of een groep uit /groups (corop-34). ';

export const exportRoutes: FastifyPluginAsyncZod<QueryContext & DownloadLimits> = async (app, { slots, xlsx, sendTimeoutMs, ...ctx }) => {
  app.get(
    '/export',
    {
      schema: {
        summary: 'De tabel van /values als CSV (; en UTF-8 met BOM, decimale komma) of XLSX, met context en alle benchmarks',
        description:
          'De CSV begint met de kopregel: Excel, Power Query en pandas lezen hem zonder instellingen. Definities, bronnen en filters ' +
          'staan in het XLSX-blad Bronnen, of als tekst met metadata=1 (de CSV-respons linkt ernaar). Met reference (een cohortcode ' +
          'of voor-covid) komen de verandering, het 95%-interval en de significantie erbij, zoals /change ze geeft. ' +
          PARENT +
          'Getalkolommen bevatten alleen getallen; een lege cel heeft haar reden in een eigen kolom (afgeschermd, geen gegevens).',
        tags: ['waarden'],
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const q = req.query;
      const [indicator, parent, group] = await Promise.all([requireIndicator(ctx, q.indicator), resolveParent(ctx, q.parent), groupFor(ctx, q.group)]);
      const cohort = await cohortFor(ctx, indicator, q.cohort);
      const reference = q.reference ? await resolveReference(ctx, indicator, cohort, q.reference) : undefined;
      const name = ['gka', indicator.code, cohort.code, q.level, parentSlug(parent), q.dimension, reference && `tov-${reference.code}`]
        .filter(Boolean)
        .join('_');
      const headers = q.metadata === '1' ? fileHeaders(`${name}-bronnen`, 'txt') : fileHeaders(name, q.format);
      if (sentHeadersOnly(req, reply, headers)) return reply;
      const release = q.format === 'xlsx' && q.metadata !== '1' ? xlsx.slots.take(req.ip) : undefined;
      try {
        const table = await exportTable(ctx, indicator, cohort, { level: q.level, dimension: q.dimension, parent, reference, group });
        reply.headers(headers);
        if (q.metadata === '1') return reply.send(aboutText(table));
        if (q.format === 'xlsx') return reply.send(await xlsx.pool.build(exportXlsxBook(table)));
        // The query as asked (the parsed one holds parent as areas): the same file's metadata.
        const [path, search = ''] = req.url.split('?');
        const self = new URLSearchParams(search);
        self.set('metadata', '1');
        reply.header('link', `<${path}?${self}>; rel="describedby"; type="text/plain"`);
        return reply.send(toCsv(table));
      } finally {
        release?.();
      }
    },
  );

  app.get(
    '/export/bulk',
    {
      schema: {
        summary: 'Alles op één niveau in lang formaat (CSV): elke indicator, elk cohort, elke uitsplitsing en elk gebied, één waarde per regel',
        description:
          'Gestreamd uit één momentopname van de database, dus het geheugen blijft klein, ook voor alle wijken. Zelfde regels als de andere ' +
          'exports: ; als scheidingsteken, decimale komma, percentages in procenten (kolom Eenheid), afgeschermde cellen leeg met de reden ernaast. ' +
          PARENT +
          'Hoeveel regels het bestand heeft, zegt /export/bulk/info vooraf.',
        tags: ['waarden'],
        querystring: BulkExportQuery,
      },
    },
    async (req, reply) => {
      const parent = await resolveParent(ctx, req.query.parent);
      const headers = fileHeaders(['gka_alles', req.query.level, parentSlug(parent)].filter(Boolean).join('_'), 'csv');
      if (sentHeadersOnly(req, reply, headers)) return reply;
      const release = slots.take(req.ip);
      // A transaction left idle this long is ended by Postgres itself: a backstop for the timer here.
      const rows = bulkRows(ctx, req.query.level, { parent, idleInTransactionMs: sendTimeoutMs * 10 });
      const stream = sendWithTimeout(csvChunks(BULK_LAYOUT, rows), sendTimeoutMs);
      stream.once('close', release);
      reply.headers(headers);
      return reply.send(stream);
    },
  );

  app.get(
    '/export/bulk/info',
    {
      schema: {
        summary: 'Hoe groot de bulkexport is, zonder hem te maken: het aantal regels (zonder de kopregel)',
        description: 'Geteld in de database, dus direct; dezelfde parameters als /export/bulk.',
        tags: ['waarden'],
        querystring: BulkExportQuery,
        response: { 200: BulkExportInfo, 400: ApiError, 404: ApiError },
      },
    },
    async (req) => {
      const parent = await resolveParent(ctx, req.query.parent);
      return { data: { level: req.query.level, rows: await bulkRowCount(ctx, req.query.level, parent) } };
    },
  );
};
