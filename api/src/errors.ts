import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** An error that becomes a 4xx JSON body `{ error: { code, message, details } }` (docs/architecture.md). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Headers the error answer carries, such as Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string, details?: unknown) => new HttpError(404, 'not_found', `${what} bestaat niet`, details);
export const badRequest = (message: string, details?: unknown) => new HttpError(400, 'bad_request', message, details);

/** Each status Fastify or Node answers by itself, with our code and a Dutch message: theirs are English. */
const STATUS: Record<number, [code: string, message: string]> = {
  400: ['bad_request', 'Ongeldig verzoek'],
  403: ['forbidden', 'Dit pad is niet toegankelijk'],
  404: ['not_found', 'Niet gevonden'],
  405: ['method_not_allowed', 'Deze methode is hier niet toegestaan'],
  408: ['request_timeout', 'Het verzoek kwam niet op tijd binnen'],
  413: ['payload_too_large', 'De inhoud van het verzoek is te groot'],
  414: ['uri_too_long', 'De URL is te lang'],
  415: ['unsupported_media_type', 'Dit soort inhoud (Content-Type) wordt niet ondersteund'],
  431: ['headers_too_large', 'De kopregels van het verzoek zijn te groot'],
};

/** Fastify's errors that say more than their status. */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'De inhoud van het verzoek is geen geldige JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Het verzoek zegt JSON te sturen maar heeft geen inhoud',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'De inhoud van het verzoek is niet zo lang als Content-Length zegt',
};

/** The error body for a status Fastify or Node chose (with Fastify's error code, if any). */
export function frameworkError(status: number, fastifyCode?: string): { code: string; message: string } {
  const [code, message] = STATUS[status] ?? STATUS[400]!;
  return { code, message: (fastifyCode && FASTIFY_MESSAGES[fastifyCode]) ?? message };
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (a malformed request line,
 * headers over the limit): the answer is written on the socket, in the same JSON shape.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify({ error: frameworkError(status) });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}
