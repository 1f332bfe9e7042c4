import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import { clientErrorHandler, frameworkError, HttpError } from './errors.ts';
import { areaRoutes } from './routes/areas.ts';
import { createQueryContext } from './queries/context.ts';
import { registerHttpCache } from './routes/cache.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { changeRoutes } from './routes/change.ts';
import { compareRoutes } from './routes/compare.ts';
import { DownloadSlots } from './routes/downloads.ts';
import { exportRoutes } from './routes/export.ts';
import { expectedRoutes } from './routes/expected.ts';
import { peersRoutes } from './routes/peers.ts';
import { funnelRoutes } from './routes/funnel.ts';
import { groupRoutes } from './routes/groups.ts';
import { overviewRoutes } from './routes/overview.ts';
import { XlsxPool } from './routes/xlsx-pool.ts';
import { geoRoutes } from './routes/geo.ts';
import { healthRoutes } from './routes/health.ts';
import { profileRoutes } from './routes/profile.ts';
import { schoolsRoutes } from './routes/schools.ts';
import { trendRoutes } from './routes/trend.ts';
import { valueRoutes } from './routes/values.ts';
import { werkruimteRoutes } from './routes/werkruimte.ts';
import { registerWeb } from './web.ts';

export type AppDeps = {
  config: Config;
  db: Db;
  /** Bytes of serialised responses kept in memory (default 64 MB; 0 turns the cache off). */
  responseCacheBytes?: number;
};

const API = '/api/v1';
// Smaller bodies gain less from compression than it costs.
const COMPRESS_THRESHOLD = 1024;

/** Builds the HTTP app: plugins, error handling and every route. Tests use it through inject(). */
export async function buildApp({ config, db, responseCacheBytes = 64 * 1024 * 1024 }: AppDeps) {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // Behind a load balancer every request comes from its address: only with this do the rate limit and
    // the logs see the client's (from X-Forwarded-For, as far as the trusted hops go).
    trustProxy: trustProxy(config.trustProxy),
    // Path parameters are area codes and levels; anything longer is hostile.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Requests Node's parser refuses get the same error body as the rest.
    clientErrorHandler,
    // Malformed URLs (bad percent-encoding, over-long path parameters) too.
    frameworkErrors: (err, _req, reply: FastifyReply) => reply.code(400).send({ error: { code: 'bad_request', message: `Ongeldige URL (${err.code})` } }),
    // Fastify's own 503 while stopping is English and of another shape: the hook below answers it.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  // Before any plugin: routes take the error handler that is set when they are registered (CORS's OPTIONS route too).
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      // zod names unknown keys together, on the object: here each is a parameter of its own.
      const details = err.validation.flatMap((v) =>
        v.keyword === 'unrecognized_keys'
          ? (v.params.keys as string[]).map((k) => ({ path: `/${k}`, message: 'is een onbekende parameter' }))
          : [{ path: v.instancePath, message: v.message }],
      );
      return reply.code(400).send({
        error: {
          code: 'bad_request',
          message: `Ongeldige parameter: ${details.map((d) => `${d.path.replace(/^\//, '') || 'request'} ${d.message}`).join('; ')}`,
          details,
        },
      });
    }
    if (err instanceof HttpError) {
      if (err.headers) reply.headers(err.headers);
      return reply.code(err.statusCode).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: frameworkError(err.statusCode, err.code) });
    }
    if (isDatabaseUnavailable(err)) {
      return reply.code(503).send({ error: { code: 'database_unavailable', message: 'De database is niet bereikbaar; probeer het later opnieuw' } });
    }
    req.log.error(err);
    return reply.code(500).send({ error: { code: 'internal', message: 'Interne fout' } });
  });
  // Requests that still arrive during close() (on a connection that was busy): a Dutch 503, before
  // any other hook, so no query runs for them. Fastify itself asks for Connection: close.
  let stopping = false;
  app.addHook('onRequest', async (_req, reply) => {
    if (stopping)
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ error: { code: 'shutting_down', message: 'De server stopt; probeer het over enkele seconden opnieuw' } });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `Onbekende route: ${req.method} ${req.url.split('?')[0]}` } }),
  );

  // Unknown query parameters are refused (400), not ignored: each would otherwise be a cache entry of
  // its own, with a full query to fill it, and a misspelt parameter would go unnoticed.
  app.setValidatorCompiler<z.ZodType>((route) => validatorCompiler(route.httpPart === 'querystring' ? { ...route, schema: strictQuery(route.schema) } : route));
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(API) && !route.schema?.querystring) route.schema = { ...route.schema, querystring: NO_PARAMETERS };
  });
  app.setSerializerCompiler(serializerCompiler);

  // helmet's own middleware, built once: @fastify/helmet builds it anew on every request, and parsing
  // the CSP each time cost ~6% of a cached response's CPU.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      // React + MapLibre (worker from a blob, canvas images) + ECharts (inline styles); no third parties.
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        // The app is also served over plain http on a LAN; upgrading would break that.
        upgradeInsecureRequests: null,
      },
    },
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  await app.register(cors, { origin: config.corsOrigins.length ? config.corsOrigins : false });
  await app.register(compress, { threshold: COMPRESS_THRESHOLD });
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      errorResponseBuilder: (_req, ctx) =>
        new HttpError(
          429,
          'rate_limited',
          `Te veel verzoeken (meer dan ${ctx.max} per minuut); probeer het over ${Math.ceil(ctx.ttl / 1000)} seconden opnieuw`,
        ),
    });
  }

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'GKA Dashboard API',
        version: '1.0.0',
        description:
          'Onderwijsindicatoren per gemeente en wijk van de Gelijke Kansen Alliantie. Alleen lezen. Cellen met te weinig leerlingen, en cellen waarmee die terug te rekenen zijn, zijn afgeschermd (onderdrukt).',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The docs page needs its own inline script and style hashes: swagger-ui sets that CSP on its routes only.
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(/upgrade-insecure-requests;?/, ''),
  });
  app.get(`${API}/openapi.json`, { schema: { hide: true } }, () => app.swagger());

  const ctx = createQueryContext(db, config);
  // Workbooks are built in worker threads (about a second of CPU for a large one), one per slot: the
  // event loop stays free, and the slots bound the cores and memory they take. /export and
  // /overview/export share them.
  const xlsxSlots = new DownloadSlots(config.xlsxSlots, Infinity, 'Excel-exports');
  const xlsxPool = new XlsxPool(config.xlsxSlots);
  app.addHook('onClose', () => xlsxPool.close());
  registerHttpCache(app, {
    version: () => ctx.memo.version(),
    prefix: API,
    exclude: [`${API}/health`],
    maxBytes: responseCacheBytes,
    compressThreshold: COMPRESS_THRESHOLD,
  });
  await app.register(healthRoutes, { prefix: API, db });
  await app.register(areaRoutes, { prefix: API, ...ctx });
  await app.register(groupRoutes, { prefix: API, ...ctx });
  await app.register(geoRoutes, { prefix: API, ...ctx });
  await app.register(catalogueRoutes, { prefix: API, ...ctx });
  await app.register(valueRoutes, { prefix: API, ...ctx });
  await app.register(compareRoutes, { prefix: API, ...ctx });
  await app.register(trendRoutes, { prefix: API, ...ctx });
  await app.register(changeRoutes, { prefix: API, ...ctx });
  await app.register(funnelRoutes, { prefix: API, ...ctx });
  await app.register(expectedRoutes, { prefix: API, ...ctx });
  await app.register(peersRoutes, { prefix: API, ...ctx });
  await app.register(profileRoutes, { prefix: API, ...ctx });
  await app.register(schoolsRoutes, { prefix: API, ...ctx });
  await app.register(exportRoutes, {
    prefix: API,
    ...ctx,
    slots: new DownloadSlots(config.bulkSlots),
    xlsx: { slots: xlsxSlots, pool: xlsxPool },
    sendTimeoutMs: config.exportSendTimeoutMs,
  });
  await app.register(overviewRoutes, { prefix: API, ...ctx, xlsx: { slots: xlsxSlots, pool: xlsxPool } });
  await app.register(werkruimteRoutes, { prefix: API, db, config });
  await registerWeb(app);

  // close() waits for every open response: a download whose client stopped reading would hold it
  // (and a stop) forever. After the grace its connections are ended, which ends its stream.
  let grace: NodeJS.Timeout | undefined;
  app.addHook('preClose', (done) => {
    stopping = true;
    grace = setTimeout(() => app.server.closeAllConnections(), config.shutdownGraceMs).unref();
    done();
  });
  app.addHook('onClose', (_app, done) => {
    clearTimeout(grace);
    done();
  });
  return app;
}

const NO_PARAMETERS = z.object({});
/** A querystring schema that also refuses parameters it does not name. */
function strictQuery(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodObject ? schema.strict() : schema;
}

/** Connection failures (refused, dropped, pool timeout, server shutting down): a 503, not a 500. */
function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code) ||
    /^(08|57P0)/.test(code) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)
  );
}

/**
 * Addresses go to Fastify as they are. A hop count becomes a function: Fastify refuses bare counts,
 * because a client that reaches the app directly could then claim any address. The README says to
 * use a count only when the app is reachable through the proxy alone.
 */
function trustProxy(value: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return value;
}
