import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Fastify answers HEAD by running the GET handler and dropping the body: for a download that builds
 * the whole file (or streams the whole bulk export into nothing, holding a slot and a transaction).
 * A download route calls this once its codes are resolved: for HEAD it sends the file's headers with
 * an empty stream, which claims no Content-Length of 0, and the file is never made. A GET sets the
 * same headers only once the file is made, so an error on the way is no attachment.
 */
export function sentHeadersOnly(req: FastifyRequest, reply: FastifyReply, headers: Record<string, string>): boolean {
  if (req.method !== 'HEAD') return false;
  void reply.headers(headers).send(Readable.from([]));
  return true;
}
