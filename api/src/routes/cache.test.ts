import { brotliDecompressSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerHttpCache } from './cache.ts';

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
});
