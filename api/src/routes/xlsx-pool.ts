import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { XlsxAnswer, XlsxBook } from './xlsx-worker.ts';

/**
 * How a worker thread starts. Compiled (`pnpm build`, the production image): the worker is the
 * JavaScript file beside this bundle. From source (tsx, vitest): the worker is TypeScript, so tsx is
 * registered first; Node 20 does not apply the loader of a worker's --import to the worker's own entry.
 */
function workerStart(): { entry: string | URL; eval: boolean } {
  if (import.meta.url.endsWith('.js')) return { entry: new URL('./xlsx-worker.js', import.meta.url), eval: false };
  const worker = new URL('./xlsx-worker.ts', import.meta.url).href;
  // tsx's register(), by file: its export is for `import` only, which createRequire cannot resolve.
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  return { entry: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); })`, eval: true };
}
const WORKER = workerStart();
/** An idle worker is ended after this long: its exceljs costs memory, a new one a fraction of a second. */
const IDLE_MS = 60_000;

type Job = { book: XlsxBook; resolve: (file: Buffer) => void; reject: (e: Error) => void };
type Thread = { worker: Worker; job?: Job; idle?: NodeJS.Timeout };

/**
 * Builds workbooks in at most `size` worker threads, so a large one (about a second of exceljs)
 * never holds up the event loop. Threads start on demand and end when idle; jobs beyond `size` wait.
 */
export class XlsxPool {
  private readonly threads = new Set<Thread>();
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(readonly size: number) {}

  /** The .xlsx file of `book`. */
  build(book: XlsxBook): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('De Excel-werkers zijn gestopt'));
    return new Promise((resolve, reject) => {
      this.queue.push({ book, resolve, reject });
      this.next();
    });
  }

  /** Ends every thread; jobs still waiting or running are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('De Excel-werkers zijn gestopt'));
    await Promise.all([...this.threads].map((t) => this.end(t)));
  }

  private next(): void {
    if (!this.queue.length) return;
    let thread = [...this.threads].find((t) => !t.job);
    if (!thread) {
      if (this.threads.size >= this.size) return;
      thread = this.start();
    }
    clearTimeout(thread.idle);
    const job = (thread.job = this.queue.shift()!);
    thread.worker.postMessage(job.book);
  }

  private start(): Thread {
    const worker = new Worker(WORKER.entry, { eval: WORKER.eval, workerData: 'gka-xlsx' /* XLSX_WORKER, without loading exceljs here */ });
    const thread: Thread = { worker };
    worker.unref();
    worker.on('message', (a: XlsxAnswer) => {
      const job = thread.job;
      thread.job = undefined;
      if ('error' in a) job?.reject(new Error(a.error));
      else job?.resolve(Buffer.from(a.file.buffer, a.file.byteOffset, a.file.byteLength));
      thread.idle = setTimeout(() => void this.end(thread), IDLE_MS).unref();
      this.next();
    });
    // A thread that dies takes only its own job with it; the next job gets a new thread.
    const died = (e: Error) => {
      this.threads.delete(thread);
      clearTimeout(thread.idle);
      thread.job?.reject(e);
      thread.job = undefined;
      if (!this.closed) this.next();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`Excel-werker stopte (${code})`)));
    this.threads.add(thread);
    return thread;
  }

  private async end(thread: Thread): Promise<void> {
    this.threads.delete(thread);
    clearTimeout(thread.idle);
    await thread.worker.terminate();
  }
}
