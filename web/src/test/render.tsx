import { afterEach, vi } from 'vitest';
import type { ReactNode } from 'react';
import { cleanup, render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { withoutSoftHyphens } from '../lib/hyphens.ts';

/**
 * What the stubbed API answers per path below /api/v1/ ('values', 'schools/GM0001'): a body, or one
 * made from the query; a Response made from the query for another status (a 400 with its message).
 */
export type FakeApi = Record<string, Body | ((query: URLSearchParams) => Body | Response)>;
type Body = Record<string, unknown>;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/**
 * Renders `ui` at `url` as the app would (router, query client) against a fake API: every path of
 * `api` answers its body as JSON, any other path a 404 in the API's error shape. Returns the
 * requested URLs too, for what a view asked for.
 */
export function renderWithApi(ui: ReactNode, { url = '/', path = '*', api = {} }: { url?: string; path?: string; api?: FakeApi }) {
  const requested: URL[] = [];
  vi.stubGlobal('fetch', (input: string): Promise<Response> => {
    const u = new URL(input, 'http://localhost');
    requested.push(u);
    const key = u.pathname.replace(/^\/api\/v1\//, '');
    const answer = Object.hasOwn(api, key) ? api[key] : undefined;
    if (answer === undefined) return Promise.resolve(Response.json({ error: { code: 'not_found', message: `Onbekend: ${key}` } }, { status: 404 }));
    const body = typeof answer === 'function' ? answer(u.searchParams) : answer;
    return Promise.resolve(body instanceof Response ? body : Response.json(body));
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path, element: ui }], { initialEntries: [url] });
  const result = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router, requested };
}

/** An element's text as a reader hears it: a line break as a newline, without what is aria-hidden (sort icons) or soft hyphens. */
export function text(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
  copy.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
  return withoutSoftHyphens(copy.textContent ?? '');
}

/** A table's body: each row's cells (header cells too), as text. */
export const bodyRows = (table: HTMLElement): string[][] => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map(text));

/** The column headers, as text. */
export const headers = (table: HTMLElement): string[] => [...table.querySelectorAll('thead th')].map(text);
