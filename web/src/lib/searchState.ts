import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A view's state lives in the URL's search parameters so every view is shareable. `set` merges;
 * an empty value removes the parameter. Replaces the history entry for in-view choices.
 */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const get = useCallback((key: string) => params.get(key) ?? undefined, [params]);
  const getList = useCallback((key: string) => (params.get(key) ?? '').split(',').filter(Boolean), [params]);
  const set = useCallback(
    (patch: Record<string, string | string[] | undefined>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            const s = Array.isArray(v) ? v.join(',') : v;
            if (s) next.set(k, s);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { get, getList, set };
}
