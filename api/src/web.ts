import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Serves the built web app with an SPA fallback, so every view's URL can be opened directly. */
export async function registerWeb(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  if (!existsSync(path.join(root, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    // The build writes .br and .gz beside each file (web/scripts/precompress.ts): sent as they are.
    preCompressed: true,
    setHeaders(reply, file) {
      // Hashed assets never change; index.html must always be revalidated.
      reply.header('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply.code(404).send({ error: { code: 'not_found', message: `Onbekende route: ${req.method} ${req.url.split('?')[0]}` } });
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}
