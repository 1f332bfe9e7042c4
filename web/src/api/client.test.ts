import { afterEach, describe, expect, it, vi } from 'vitest';
import { AreasResponse } from '@gka/shared';
import { ApiRequestError, apiUrl, getJson } from './client.ts';
import { KAART_REQUESTS, startEarly } from './early.ts';

/** A server that sends the headers at once and the body only when told, as a slow answer does. */
function slowServer(body: string) {
  let send: () => void = () => {};
  vi.stubGlobal('fetch', (_url: string, init: { signal?: AbortSignal }) => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        init.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
        send = () => {
          controller.enqueue(new TextEncoder().encode(body));
          controller.close();
        };
      },
    });
    return Promise.resolve(new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  return { send: () => send() };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('getJson', () => {
  it('gives up quietly on an answer cancelled while it came in, instead of calling it unexpected', async () => {
    slowServer('{"data":[]}');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const controller = new AbortController();
    const request = getJson('/api/v1/areas?level=wijk&parent=GM0060', AreasResponse, controller.signal);
    // Typing in the gemeente picker: the next gemeente is chosen before this answer is read.
    await Promise.resolve();
    controller.abort();
    const error = await request.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiRequestError);
    expect((error as Error).name).toBe('AbortError');
    expect(logged).not.toHaveBeenCalled();
  });

  it('still calls an answer that does not fit the contract unexpected', async () => {
    const server = slowServer('{"rows":[]}');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const request = getJson('/api/v1/areas?level=wijk&parent=GM0060', AreasResponse, new AbortController().signal);
    server.send();
    await expect(request).rejects.toThrow('De server gaf een onverwacht antwoord.');
    expect(logged).toHaveBeenCalledOnce();
  });
});

describe('requests started early', () => {
  it("are the Kaart's own, and are each taken once by the query that asks for them", async () => {
    expect(KAART_REQUESTS).toEqual([apiUrl('geo/gemeente', { parent: undefined }), apiUrl('areas', { level: 'gemeente', parent: undefined })]);
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      return Promise.resolve(new Response('{"data":[]}', { status: 200, headers: { 'content-type': 'application/json' } }));
    });
    startEarly('/gemeente/GM0855');
    expect(fetched).toEqual([]);
    startEarly('/kaart');
    expect(fetched).toEqual(KAART_REQUESTS);
    await getJson(KAART_REQUESTS[1]!, AreasResponse);
    expect(fetched).toHaveLength(2);
    // A refetch asks the server again.
    await getJson(KAART_REQUESTS[1]!, AreasResponse);
    expect(fetched).toEqual([...KAART_REQUESTS, KAART_REQUESTS[1]]);
  });
});
