import type { ReactNode } from 'react';
import { ApiRequestError } from '../../api/client.ts';

/** A 4xx answer (unknown code, bad parameter): asking again will not help. */
function isClientError(err: unknown): boolean {
  return err instanceof ApiRequestError && err.status >= 400 && err.status < 500;
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="status status--loading" role="status">
      <span className="spinner" aria-hidden="true" /> Bezig met laden van {what}…
    </p>
  );
}

export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  const message = error instanceof Error ? error.message : 'Er ging iets mis.';
  return (
    <div className="status status--error" role="alert">
      <p>
        <strong>Fout:</strong> {message}
      </p>
      {retry && (
        <button type="button" onClick={retry}>
          Opnieuw proberen
        </button>
      )}
    </div>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="status status--empty">{children}</p>;
}

/** Renders loading / error / empty states of a query, or the children with its data. */
export function QueryState<T>({
  query,
  what,
  isEmpty,
  empty,
  children,
}: {
  query: { data: T | undefined; error: unknown; isLoading: boolean; refetch: () => unknown };
  what: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.error) return <ErrorMessage error={query.error} retry={isClientError(query.error) ? undefined : () => void query.refetch()} />;
  if (query.data === undefined) return query.isLoading ? <Loading what={what} /> : null;
  if (isEmpty?.(query.data)) return <Empty>{empty ?? `Geen gegevens voor ${what}.`}</Empty>;
  return <>{children(query.data)}</>;
}
