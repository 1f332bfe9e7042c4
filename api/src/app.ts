import Fastify, { type FastifyError } from 'fastify';
import cors from '@fastify/cors';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import { HttpError } from './errors.ts';
import { healthRoutes } from './routes/health.ts';
import { registerWeb } from './web.ts';

export type AppDeps = { config: Config; db: Db };

/** Builds the HTTP app: plugins, error handling and every route. Tests use it through inject(). */
export async function buildApp({ config, db }: AppDeps) {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // Path parameters are area codes and levels; anything longer is hostile.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cors, { origin: config.corsOrigins.length ? config.corsOrigins : false });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.code(400).send({
        error: {
          code: 'bad_request',
          message: `Ongeldige parameter: ${err.validation.map((v) => `${v.instancePath.replace(/^\//, '') || 'request'} ${v.message}`).join('; ')}`,
          details: err.validation.map((v) => ({ path: v.instancePath, message: v.message })),
        },
      });
    }
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: { code: err.code ?? 'bad_request', message: err.message } });
    }
    req.log.error(err);
    return reply.code(500).send({ error: { code: 'internal', message: 'Interne fout' } });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `Onbekende route: ${req.method} ${req.url.split('?')[0]}` } }),
  );

  await app.register(healthRoutes, { prefix: '/api/v1', db });
  await registerWeb(app);
  return app;
}
