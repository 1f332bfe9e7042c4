import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * The page for each path that has one of its own (`pages.json` of the build: the Kaart's paths get
 * kaart.html, which starts the map's requests from its head); every other path gets index.html.
 */
function pageFor(root: string): (url: string) => string {
  const file = path.join(root, 'pages.json');
  const pages = new Map(Object.entries(existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {}));
  return (url) => {
    const pathname = url.split('?')[0]!;
    return pages.get(pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname) ?? 'index.html';
  };
}

/** Serves the built web app with an SPA fallback, so every view's URL can be opened directly. */
export async function registerWeb(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  if (!existsSync(path.join(root, 'index.html'))) return;
  const page = pageFor(root);
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    // `/` is a view as any other: the fallback below picks its page.
    index: false,
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
    return reply.header('Cache-Control', 'no-cache').sendFile(page(req.url));
  });
}
