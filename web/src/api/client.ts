import { ApiError } from '@gka/shared';
import { takeEarly } from './early.ts';

/** An API call that failed; `message` is Dutch and fit to show, `reason` the API's own words where it gave them. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** What getJson needs of a schema: the shared zod schemas fit, and so does a hand-written check. */
export type Schema<T> = { safeParse(data: unknown): { success: true; data: T } | { success: false; error: unknown } };

export type Params = Record<string, string | number | boolean | undefined | null>;

/** `/api/v1/<path>?<params>` without empty parameters. */
export function apiUrl(path: string, params: Params = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const q = qs.toString();
  return `/api/v1/${path}${q ? `?${q}` : ''}`;
}

/** Fetches JSON and parses it with the shared contract, so a changed API fails loudly, not subtly. */
export async function getJson<T>(url: string, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await (takeEarly(url) ?? fetch(url, { signal, headers: { accept: 'application/json' } }));
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiRequestError('De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.', 0);
  }
  const body: unknown = await res.json().catch((err: unknown) => {
    // Cancelled while the body came in (another gemeente was chosen meanwhile): a cancellation, not a bad answer.
    if (signal?.aborted) throw err;
    return null;
  });
  if (!res.ok) {
    const parsed = ApiError.safeParse(body);
    const detail = parsed.success ? parsed.data.error.message : `HTTP ${res.status}`;
    throw new ApiRequestError(
      res.status === 404 ? `Niet gevonden: ${detail}` : `De gegevens konden niet worden geladen: ${detail}`,
      res.status,
      parsed.success ? detail : undefined,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.error(url, parsed.error);
    throw new ApiRequestError('De server gaf een onverwacht antwoord.', res.status);
  }
  return parsed.data;
}
