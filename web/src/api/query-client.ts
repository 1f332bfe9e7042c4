import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './client.ts';

/**
 * Every query is stale at once and refetched on mount and focus: figures and catalogue change only
 * by import, and the API answers `no-cache` with an ETag, so a refetch is a bodiless 304 the browser
 * answers from its own cache while nothing changed, and the new figures after an import.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 0,
        refetchOnMount: true,
        refetchOnWindowFocus: true,
        // 4xx answers will not change by asking again.
        retry: (count, err) => count < 2 && !(err instanceof ApiRequestError && err.status >= 400 && err.status < 500),
      },
    },
  });
}
