import { brotliDecompressSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { registerHttpCache } from './cache.ts';

// The quality-11 passes, counted, and held back while `gate` is set: when each starts is then the test's choice.
const passes = vi.hoisted(() => ({ gate: false, started: 0, finished: 0, held: [] as (() => void)[] }));
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof import('node:zlib')>();
  const brotliCompress = ((buffer: Buffer, options: object, callback: (err: Error | null, result: Buffer) => void) => {
    passes.started++;
    const done = (err: Error | null, result: Buffer) => {
      passes.finished++;
      callback(err, result);
    };
    const run = () => zlib.brotliCompress(buffer, options, done);
    if (passes.gate) passes.held.push(run);
    else run();
  }) as typeof zlib.brotliCompress;
  return { ...zlib, brotliCompress, default: { ...zlib, brotliCompress } };
});

/** A body like a national answer: large, and packed tighter by quality 11 than by quality 5. */
const body = (n: number) =>
  JSON.stringify(
    Array.from({ length: 4000 }, (_, i) => ({
      area: `GM${String((i * 7919 + n) % 10000).padStart(4, '0')}`,
      name: `Gemeente ${(i * 31 + n) % 342}`,
      value: Math.round(Math.abs(Math.sin(i * n + 1)) * 1e6) / 1e6,
      suppressed: i % 7 === 0,
    })),
  );

describe('the response cache', () => {
  it('sends each kept br body smaller once its quality-11 pass is done, the passes made one after another', async () => {
    const app = Fastify();
    registerHttpCache(app, { version: async () => 'v1', prefix: '/api', exclude: [], maxBytes: 16 * 2 ** 20, compressThreshold: 1024 });
    app.get<{ Params: { n: string } }>('/api/big/:n', async (req, reply) => reply.type('application/json; charset=utf-8').send(body(Number(req.params.n))));
    const br = async (n: number) => {
      const res = await app.inject({ url: `/api/big/${n}`, headers: { 'accept-encoding': 'br' } });
      expect(res.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(body(n));
      return res.rawPayload.length;
    };
    try {
      const first = [];
      for (const n of [1, 2, 3, 4]) first.push(await br(n));
      // Every one of them, not only the first: the next pass starts when one ends.
      for (const [i, n] of [1, 2, 3, 4].entries()) {
        await expect.poll(() => br(n), { timeout: 10_000, interval: 20 }).toBeLessThan(first[i]!);
      }
    } finally {
      await app.close();
    }
  });

  it('makes no quality-11 pass for a body the cache has dropped by its turn, and one pass at a time', async () => {
    const app = Fastify();
    // About four bodies fit: each of the eight asked for crowds out an earlier one.
    registerHttpCache(app, { version: async () => 'v1', prefix: '/api', exclude: [], maxBytes: 2 * 2 ** 20, compressThreshold: 1024 });
    app.get<{ Params: { n: string } }>('/api/big/:n', async (req, reply) => reply.type('application/json; charset=utf-8').send(body(Number(req.params.n))));
    passes.gate = true;
    passes.started = passes.finished = 0;
    try {
      for (let n = 1; n <= 8; n++) {
        const res = await app.inject({ url: `/api/big/${n}`, headers: { 'accept-encoding': 'br' } });
        expect(res.headers['content-encoding']).toBe('br');
      }
      // Eight misses, one pass under way, the others waiting for it.
      expect(passes.started).toBe(1);
      while (passes.held.length) {
        expect(passes.held).toHaveLength(1);
        const [before, finished] = [passes.started, passes.finished];
        passes.held.shift()!();
        // Once a pass is done, the next one (if any) starts: still only one.
        await expect.poll(() => passes.finished, { timeout: 10_000, interval: 10 }).toBe(finished + 1);
        expect(passes.started - before).toBeLessThanOrEqual(1);
      }
      // The first body's pass ran when it was still kept; of the seven behind it only those still kept got one.
      expect(passes.started).toBeGreaterThan(1);
      expect(passes.started).toBeLessThan(8);
    } finally {
      passes.gate = false;
      await app.close();
    }
  });
});
