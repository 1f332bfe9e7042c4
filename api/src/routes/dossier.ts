import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Dossier, DOSSIER_KINDS, DossierVersions, GemeenteParam, SharedInterventions, Written, type DossierCollection } from '@gka/shared';
import type { Db } from '../db/connect.ts';
import { HttpError, notFound } from '../errors.ts';
import { maySee } from '../auth/access.ts';
import { gemeenteName, itemVersions, readDossier, referenceProblems, sharedInterventions, writeItem } from '../queries/dossier.ts';

const ItemParams = GemeenteParam.extend({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53),
});
const noAccess = () => new HttpError(403, 'forbidden', 'Je hebt geen toegang tot het dossier van deze gemeente');

/**
 * The dossier of a gemeente (docs/werkruimte.md). Whoever may not see a gemeente gets the same 403
 * whether it exists or not; only someone who may see it learns that it does not exist (404).
 */
export async function dossierRoutes(parent: FastifyInstance, o: { db: Db }) {
  const app = parent.withTypeProvider<ZodTypeProvider>();

  const gemeenteOf = async (req: FastifyRequest, code: string): Promise<{ code: string; name: string }> => {
    if (!(await maySee(o.db, req.session!.account, code))) throw noAccess();
    const name = await gemeenteName(o.db, code);
    if (name === undefined) throw notFound(`Gemeente ${code}`);
    return { code, name };
  };
  const itemNotFound = (collection: DossierCollection, id: number) => notFound(`De ${DOSSIER_KINDS[collection].label} ${id} in dit dossier`);
  const checkReferences = async (gemeente: string, content: Record<string, unknown>) => {
    const problems = await referenceProblems(o.db, gemeente, content);
    if (problems.length) throw new HttpError(400, 'bad_request', problems.join('; '), problems);
  };

  app.get('/dossier/:gemeente', { schema: { params: GemeenteParam, response: { 200: Dossier } } }, async (req) => {
    const gemeente = await gemeenteOf(req, req.params.gemeente);
    return { gemeente, ...(await readDossier(o.db, gemeente.code)) } as z.infer<typeof Dossier>;
  });

  for (const [collection, { content }] of Object.entries(DOSSIER_KINDS) as [DossierCollection, (typeof DOSSIER_KINDS)[DossierCollection]][]) {
    const base = `/dossier/:gemeente/${collection}`;
    app.post(base, { schema: { params: GemeenteParam, body: content, response: { 201: Written } } }, async (req, reply) => {
      const { code } = await gemeenteOf(req, req.params.gemeente);
      await checkReferences(code, req.body);
      const written = await writeItem(o.db, req.session!.account, { gemeente: code, collection }, 'aangemaakt', req.body);
      return reply.code(201).send(written!);
    });
    app.put(`${base}/:id`, { schema: { params: ItemParams, body: content, response: { 200: Written } } }, async (req) => {
      const { code } = await gemeenteOf(req, req.params.gemeente);
      await checkReferences(code, req.body);
      const written = await writeItem(o.db, req.session!.account, { gemeente: code, collection, id: req.params.id }, 'gewijzigd', req.body);
      if (!written) throw itemNotFound(collection, req.params.id);
      return written;
    });
    app.delete(`${base}/:id`, { schema: { params: ItemParams, response: { 200: Written } } }, async (req) => {
      const { code } = await gemeenteOf(req, req.params.gemeente);
      const written = await writeItem(o.db, req.session!.account, { gemeente: code, collection, id: req.params.id }, 'verwijderd');
      if (!written) throw itemNotFound(collection, req.params.id);
      return written;
    });
    app.post(`${base}/:id/herstellen`, { schema: { params: ItemParams, response: { 200: Written } } }, async (req) => {
      const { code } = await gemeenteOf(req, req.params.gemeente);
      const written = await writeItem(o.db, req.session!.account, { gemeente: code, collection, id: req.params.id }, 'hersteld');
      if (!written) throw itemNotFound(collection, req.params.id);
      return written;
    });
    app.get(`${base}/:id/versies`, { schema: { params: ItemParams, response: { 200: DossierVersions } } }, async (req) => {
      const { code } = await gemeenteOf(req, req.params.gemeente);
      const versies = await itemVersions(o.db, { gemeente: code, collection, id: req.params.id });
      if (!versies) throw itemNotFound(collection, req.params.id);
      return { id: req.params.id, versies };
    });
  }

  app.get(
    '/interventies',
    { schema: { querystring: z.object({ indicator: z.string().min(1).max(64).optional() }), response: { 200: SharedInterventions } } },
    async (req) => ({ data: (await sharedInterventions(o.db, req.query.indicator)) as z.infer<typeof SharedInterventions>['data'] }),
  );
}
