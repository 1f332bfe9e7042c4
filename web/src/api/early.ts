/**
 * Requests a page is known to need, started when the app's code starts to run rather than when the
 * page's view has loaded and rendered: for the Kaart, its boundaries and gemeenten, the first map's
 * critical path (BENCHMARKS.md). getJson takes such a response, once, instead of fetching again.
 */
const started = new Map<string, Promise<Response>>();

/** The Kaart's first requests, as its queries spell them (apiUrl; a test holds them equal). */
export const KAART_REQUESTS = ['/api/v1/geo/gemeente', '/api/v1/areas?level=gemeente'];
/** The Kaart's paths: its page (kaart.html, web/scripts/kaart-html.ts) starts these requests itself. */
export const KAART_PATHS = ['/', '/kaart'];
export const isKaartPath = (pathname: string) => KAART_PATHS.includes(pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname);

export function startEarly(pathname: string): void {
  if (!isKaartPath(pathname)) return;
  for (const url of KAART_REQUESTS) started.set(url, fetch(url, { headers: { accept: 'application/json' } }));
}

/** The response of a request started early for this URL, if any; each is handed out once. */
export function takeEarly(url: string): Promise<Response> | undefined {
  const res = started.get(url);
  started.delete(url);
  return res;
}
