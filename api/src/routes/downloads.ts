import { Readable } from 'node:stream';
import { HttpError } from '../errors.ts';
import type { XlsxPool } from './xlsx-pool.ts';

/** XLSX files are built in worker threads: `slots` bounds how many at once, `pool` runs them. */
export type XlsxBuilds = { slots: DownloadSlots; pool: XlsxPool };

/** Seconds a refused client is told to wait before it tries again. */
const RETRY_AFTER_S = 60;

/**
 * Bulk downloads hold a database connection and a transaction for as long as their client reads, and
 * an XLSX file takes a worker thread: both are counted, `total` at once and `perClient` for
 * each client, so one client cannot take them all. `what` names them in the refusal.
 */
export class DownloadSlots {
  private running = 0;
  private readonly byClient = new Map<string, number>();

  constructor(
    readonly total: number,
    readonly perClient = 1,
    readonly what = 'volledige downloads',
  ) {}

  /** A slot for `client`, given back by calling the result once; a Dutch 429 when there is none. */
  take(client: string): () => void {
    const mine = this.byClient.get(client) ?? 0;
    if (mine >= this.perClient) throw busy(`U heeft al ${this.what} lopen; wacht tot die klaar zijn en probeer het dan opnieuw.`);
    if (this.running >= this.total) throw busy(`Er lopen al ${this.total} ${this.what}; probeer het over een paar minuten opnieuw.`);
    this.running++;
    this.byClient.set(client, mine + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.running--;
      const left = (this.byClient.get(client) ?? 1) - 1;
      if (left > 0) this.byClient.set(client, left);
      else this.byClient.delete(client);
    };
  }
}

const busy = (message: string) => new HttpError(429, 'busy', message, undefined, { 'retry-after': String(RETRY_AFTER_S) });

/**
 * The chunks of `source` as a stream that ends itself when its client takes no next chunk for
 * `timeoutMs`: only time spent waiting on the client counts (the timer runs while a chunk waits to
 * be taken), so a slow query never ends a download, a client that stops reading always does.
 * Ending it runs the source's `finally` (its transaction is rolled back) and closes the connection.
 */
export function sendWithTimeout(source: AsyncIterable<string>, timeoutMs: number): Readable {
  let stream: Readable | undefined = undefined;
  async function* watched() {
    for await (const chunk of source) {
      const timer = setTimeout(() => stream?.destroy(new Error(`De client nam ${timeoutMs} ms lang niets af`)), timeoutMs);
      try {
        yield chunk;
      } finally {
        clearTimeout(timer);
      }
    }
  }
  stream = Readable.from(watched(), { objectMode: false });
  return stream;
}
