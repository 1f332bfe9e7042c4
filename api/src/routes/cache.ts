import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export type CacheOptions = {
  /** The data version (memoised by the caller). */
  version: () => Promise<string>;
  /** Only GET requests under this prefix are cached (the data routes). */
  prefix: string;
  /** Paths that must never be cached (health). */
  exclude: readonly string[];
  /** Bound of the in-memory response cache; 0 disables it (ETags stay). */
  maxBytes: number;
};

type Entry = { body: string; type: string; bytes: number };

/**
 * Data only changes by import, and every import writes a dataset row, so (data version, URL)
 * identifies a response exactly: it is the ETag (a 304 costs no query beyond the memoised version), the key of an
 * in-memory LRU of serialised bodies, and the reason `max-age=300` is safe. Several instances
 * behind a load balancer derive the same ETag from the same database.
 */
export function registerHttpCache(app: FastifyInstance, o: CacheOptions): void {
  const lru = new Map<string, Entry>();
  let bytes = 0;
  let lruVersion: string | undefined;
  const remember = (key: string, e: Entry) => {
    // Two concurrent misses of one URL both arrive here; large bodies would crowd out the rest.
    if (lru.has(key) || e.bytes > o.maxBytes / 4) return;
    lru.set(key, e);
    bytes += e.bytes;
    for (const [k, old] of lru) {
      if (bytes <= o.maxBytes) break;
      lru.delete(k);
      bytes -= old.bytes;
    }
  };

  const state = new WeakMap<FastifyRequest, { key: string; etag: string; hit: boolean }>();
  const cacheable = (req: FastifyRequest) =>
    (req.method === 'GET' || req.method === 'HEAD') && req.url.startsWith(o.prefix) && !o.exclude.includes(req.url.split('?')[0]!);

  // preValidation runs after the route's own onRequest hooks, so rate limiting still applies to hits.
  app.addHook('preValidation', async (req, reply) => {
    if (!cacheable(req)) return;
    const v = await o.version();
    if (v !== lruVersion) {
      lru.clear();
      bytes = 0;
      lruVersion = v;
    }
    const key = `${v}\n${req.url}`;
    const etag = `"${v}-${createHash('sha1').update(req.url).digest('base64url').slice(0, 16)}"`;
    const hit = lru.get(key);
    state.set(req, { key, etag, hit: hit !== undefined });
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
    if (hit) {
      lru.delete(key);
      lru.set(key, hit);
      return reply.type(hit.type).send(hit.body);
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const s = state.get(req);
    if (!s || (reply.statusCode !== 200 && reply.statusCode !== 304)) return payload;
    reply.header('etag', s.etag).header('cache-control', 'public, max-age=300');
    // Downloads carry their export time, so they are made afresh (a 304 still saves them).
    if (reply.statusCode === 200 && !s.hit && o.maxBytes > 0 && typeof payload === 'string' && !reply.hasHeader('content-disposition')) {
      remember(s.key, { body: payload, type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'), bytes: Buffer.byteLength(payload) });
    }
    return payload;
  });
}
