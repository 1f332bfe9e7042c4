import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, Dossier, Me, SharedInterventions, Written, type DossierCollection } from '@gka/shared';
import { ApiRequestError, apiUrl, getJson, type Schema } from './client.ts';
export { hasSignedInHint, mayOpenDossier, useMe } from './me.ts';
import { queryKeys } from './keys.ts';

/** A write to the werkruimte with the session's CSRF token; the API's Dutch message on failure. */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, schema: Schema<T> | null, csrfToken?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError('De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.', 0);
  }
  const data: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = ApiError.safeParse(data);
    throw new ApiRequestError(parsed.success ? parsed.data.error.message : `HTTP ${res.status}`, res.status);
  }
  if (!schema) return data as T;
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiRequestError('De server gaf een onverwacht antwoord.', res.status);
  return parsed.data;
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; wachtwoord: string }) => sendJson('POST', 'sessie', body, Me),
    onSuccess: (me) => client.setQueryData(queryKeys.me(), me),
  });
}

export function useDossier(gemeente: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.dossier(gemeente),
    queryFn: enabled ? ({ signal }) => getJson(apiUrl(`dossier/${gemeente}`), Dossier, signal) : skipToken,
  });
}

/** Shared interventies of every gemeente on one indicator (kennisdeling). */
export function useSharedInterventions(indicator: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.sharedInterventions(indicator),
    queryFn: enabled ? ({ signal }) => getJson(apiUrl('interventies', { indicator }), SharedInterventions, signal) : skipToken,
  });
}

export type DossierWrite =
  | { action: 'create'; collection: DossierCollection; body: unknown }
  | { action: 'update'; collection: DossierCollection; id: number; body: unknown }
  | { action: 'delete' | 'restore'; collection: DossierCollection; id: number };

/** Writes one dossier item and refreshes the dossier (and the shared interventies). */
export function useDossierWrite(gemeente: string, csrfToken: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (w: DossierWrite) => {
      const base = `dossier/${gemeente}/${w.collection}`;
      if (w.action === 'create') return sendJson('POST', base, w.body, Written, csrfToken);
      if (w.action === 'update') return sendJson('PUT', `${base}/${w.id}`, w.body, Written, csrfToken);
      if (w.action === 'delete') return sendJson('DELETE', `${base}/${w.id}`, undefined, Written, csrfToken);
      return sendJson('POST', `${base}/${w.id}/herstellen`, undefined, Written, csrfToken);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.dossier(gemeente) });
      await client.invalidateQueries({ queryKey: ['interventies'] });
    },
  });
}
