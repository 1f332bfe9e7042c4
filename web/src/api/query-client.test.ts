import { focusManager, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from './query-client.ts';

/** A server whose figures an import can change, and a view of them. */
function setup() {
  const server = { figure: 400, requests: 0 };
  const client = createQueryClient();
  // As QueryClientProvider does: only a mounted client listens to focus.
  client.mount();
  const options = {
    queryKey: ['values', 'advies_havo_vwo'],
    queryFn: () => {
      server.requests++;
      return Promise.resolve(server.figure);
    },
  };
  const view = () => {
    const observer = new QueryObserver(client, options);
    const seen: (number | undefined)[] = [];
    const stop = observer.subscribe((r) => seen.push(r.data));
    return { seen, stop };
  };
  return { server, client, view };
}

afterEach(() => focusManager.setFocused(undefined));

describe('the query client revalidates', () => {
  it('shows figures imported meanwhile when a view mounts again', async () => {
    const { server, client, view } = setup();
    const first = view();
    await vi.waitFor(() => expect(first.seen.at(-1)).toBe(400));
    first.stop();

    server.figure = 612;
    const second = view();
    // The cached figure at once, then the new one without a reload.
    await vi.waitFor(() => expect(second.seen.at(-1)).toBe(612));
    expect(server.requests).toBe(2);
    second.stop();
    client.unmount();
  });

  it('shows figures imported meanwhile when the window gets the focus again', async () => {
    const { server, client, view } = setup();
    const open = view();
    await vi.waitFor(() => expect(open.seen.at(-1)).toBe(400));

    focusManager.setFocused(false);
    server.figure = 612;
    focusManager.setFocused(true);
    await vi.waitFor(() => expect(open.seen.at(-1)).toBe(612));
    open.stop();
    client.unmount();
  });
});
