import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Me, SIGNED_IN_HINT } from '@gka/shared';
import { ApiRequestError, apiUrl, getJson } from './client.ts';
import { queryKeys } from './keys.ts';

// The shell's part of the werkruimte (the header's Inloggen/Uitloggen): kept small, the rest is in werkruimte.ts.

/** Whether someone signed in on this browser (a hint only: the session cookie itself is HttpOnly). */
export function hasSignedInHint(): boolean {
  return typeof document !== 'undefined' && document.cookie.split(';').some((c) => c.trim() === `${SIGNED_IN_HINT}=1`);
}

export function forgetHint(): void {
  document.cookie = `${SIGNED_IN_HINT}=; path=/; max-age=0; samesite=lax`;
}

/** The signed-in user, or null: asked only when the hint says someone signed in here. */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me(),
    queryFn: hasSignedInHint()
      ? async ({ signal }) => {
          try {
            return await getJson(apiUrl('ik'), Me, signal);
          } catch (e) {
            // The session ended (idle, revoked): signed out, not an error.
            if (e instanceof ApiRequestError && e.status === 401) {
              forgetHint();
              return null;
            }
            throw e;
          }
        }
      : () => null,
    staleTime: 60_000,
  });
}

/** Whether she may open this gemeente's dossier, as /ik says. */
export function mayOpenDossier(me: Me | null | undefined, gemeente: string): boolean {
  return Boolean(me && (me.dossiers === 'alle' || me.dossiers.includes(gemeente)));
}

/** Signs out (the session ends on the server) and forgets everything private the app held. */
export function useSignOut() {
  const client = useQueryClient();
  return async (csrfToken: string) => {
    await fetch(apiUrl('sessie'), { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } }).catch(() => undefined);
    forgetHint();
    client.setQueryData(queryKeys.me(), null);
    client.removeQueries({ queryKey: ['dossier'] });
    client.removeQueries({ queryKey: ['interventies'] });
  };
}
