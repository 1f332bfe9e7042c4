import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ExportQuery } from '@gka/shared';
import type { QueryContext } from '../queries/context.ts';
import { exportTable } from '../queries/export.ts';
import { toCsv, toXlsx } from './export-files.ts';
import { cohortFor, requireArea, requireIndicator } from './resolve.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const exportRoutes: FastifyPluginAsyncZod<QueryContext> = async (app, ctx) => {
  app.get(
    '/export',
    {
      schema: {
        summary: 'De tabel van /values als CSV (; en UTF-8 met BOM, decimale komma) of XLSX, met bronnen en definities',
        tags: ['waarden'],
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const q = req.query;
      const [indicator, parent] = await Promise.all([requireIndicator(ctx, q.indicator), q.parent ? requireArea(ctx, q.parent) : undefined]);
      const cohort = await cohortFor(ctx, indicator, q.cohort);
      const table = await exportTable(ctx, indicator, cohort, { level: q.level, dimension: q.dimension, parent, benchmark: q.benchmark });
      const name = ['gka', indicator.code, cohort.code, q.level, parent?.code, q.dimension].filter(Boolean).join('_');
      reply.header('content-disposition', `attachment; filename="${name}.${q.format}"`);
      return q.format === 'csv'
        ? reply.type('text/csv; charset=utf-8').send(toCsv(table))
        : reply.type(XLSX).send(await toXlsx(table));
    },
  );
};
