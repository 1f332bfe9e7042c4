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
