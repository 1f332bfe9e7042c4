import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The next search parameters: `patch` merged in; an empty value or list removes the parameter. */
export function mergeParams(prev: URLSearchParams, patch: Record<string, string | string[] | undefined>): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [k, v] of Object.entries(patch)) {
    const s = Array.isArray(v) ? v.join(',') : v;
    if (s) next.set(k, s);
    else next.delete(k);
  }
  return next;
}

/**
 * A view's state lives in the URL's search parameters so every view is shareable. `set` merges;
 * an empty value removes the parameter. Replaces the history entry for in-view choices.
 */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const get = useCallback((key: string) => params.get(key) ?? undefined, [params]);
  const getList = useCallback((key: string) => (params.get(key) ?? '').split(',').filter(Boolean), [params]);
  const set = useCallback(
    (patch: Record<string, string | string[] | undefined>) => setParams((prev) => mergeParams(prev, patch), { replace: true }),
    [setParams],
  );
  return { get, getList, set };
}
