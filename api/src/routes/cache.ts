import { createHash } from 'node:crypto';
import { brotliCompress, brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type CacheOptions = {
  /** The data version (memoised by the caller). */
  version: () => Promise<string>;
  /** Only GET requests under this prefix are cached (the data routes). */
  prefix: string;
  /** Paths that must never be cached (health). */
  exclude: readonly string[];
  /** Bound of the in-memory response cache; 0 disables it (ETags stay). */
  maxBytes: number;
  /** Smaller bodies are sent uncompressed (the threshold given to @fastify/compress). */
  compressThreshold: number;
};

type Encoding = 'br' | 'gzip';
/** `body` as bytes: a string would be encoded to UTF-8 again on every hit. `headers`: a download's name and link. */
type Entry = { body: Buffer; type: string; headers: Record<string, string>; etag: string; bytes: number } & Partial<Record<Encoding, Buffer>>;

/** Headers of an answer that a hit must repeat: a download's file name, and the CSV's link to its metadata. */
const KEPT_HEADERS = ['content-disposition', 'link'] as const;
/** Types worth compressing; XLSX is a zip already, and br would only cost time on it. */
const COMPRESSIBLE = /^(text\/|application\/([\w.-]+\+)?json\b)/;

const compressors: Record<Encoding, (body: Buffer) => Buffer> = {
  // Quality 5 instead of the default 11: a national body in milliseconds, not tenths of a second, at
  // a size close to 11. Made once per URL and data version, but on the request that asks first.
  br: (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => gzipSync(body),
};
/** Bodies from this size get a second, smaller br body (quality 11), made off the event loop after the first. */
const RECOMPRESS_BYTES = 16 * 1024;

/**
 * The stored encoding to send for an Accept-Encoding header: br or gzip, whichever has the higher
 * q (br on a tie; `*` counts for gzip, as in @fastify/compress). Undefined leaves the body to
 * @fastify/compress (identity, deflate).
 */
export function storedEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const weight = params.find((p) => p.startsWith('q='));
    q.set(name === 'x-gzip' ? 'gzip' : name, weight ? Number(weight.slice(2)) || 0 : 1);
  }
  const br = q.get('br') ?? 0;
  const gzip = q.get('gzip') ?? q.get('*') ?? 0;
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : undefined;
}

function varyOnEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  if (!vary) reply.header('vary', 'accept-encoding');
  else if (!/accept-encoding|\*/i.test(String(vary))) reply.header('vary', `${vary}, accept-encoding`);
}

/**
 * Data only changes by import, and every import writes a dataset row, so (data version, URL)
 * identifies a response exactly: it is the ETag (a 304 costs no query beyond the memoised version), the key of an
 * in-memory LRU of serialised bodies. Answers are `no-cache`: a browser or proxy asks again every
 * time and gets a bodiless 304 while the version stands, so an import shows on the next request (once
 * the memoised version moves, within its TTL). Several instances behind a load balancer derive the
 * same ETag from the same database.
 *
 * Entries also keep their gzip and br bodies, each made on the first request that asks for it:
 * @fastify/compress would otherwise compress the same body again on every hit, which costs more than
 * everything else a hit does. Responses that carry Content-Encoding are left alone by @fastify/compress.
 */
export function registerHttpCache(app: FastifyInstance, o: CacheOptions): void {
  const lru = new Map<string, Entry>();
  let bytes = 0;
  let lruVersion: string | undefined;
  const evict = () => {
    for (const [k, old] of lru) {
      if (bytes <= o.maxBytes) break;
      lru.delete(k);
      bytes -= old.bytes;
    }
  };
  /** The entry kept for `key`: an earlier one on concurrent misses, none for bodies that would crowd out the rest. */
  const remember = (key: string, e: Entry): Entry | undefined => {
    const known = lru.get(key);
    if (known || e.bytes > o.maxBytes / 4) return known;
    lru.set(key, e);
    bytes += e.bytes;
    evict();
    return e;
  };
  /** The body in `encoding`, made and counted once; undefined below the compression threshold. */
  const encoded = (key: string, e: Entry, encoding: Encoding): Buffer | undefined => {
    if (e.bytes < o.compressThreshold || !COMPRESSIBLE.test(e.type)) return undefined;
    let body = e[encoding];
    if (!body) {
      body = e[encoding] = compressors[encoding](e.body);
      // An entry evicted meanwhile no longer counts towards the bound.
      if (lru.get(key) === e) {
        e.bytes += body.length;
        bytes += body.length;
        evict();
      }
      if (encoding === 'br' && e.body.length >= RECOMPRESS_BYTES) recompress(key);
    }
    return body;
  };
  /**
   * Quality 11 takes a tenth of a second for a national body, too long for the request that misses,
   * but every later hit sends a fifth fewer bytes: made in the thread pool, it replaces the first.
   * One at a time, and only for an entry the cache still keeps when its turn comes: each pass holds
   * an encoder of tens of MB from the moment it starts, and when large bodies crowd each other out
   * (the profiles of every gemeente) a pass per miss grew the API to 2 GB for bodies already dropped.
   */
  const waiting = new Set<string>();
  let recompressing = false;
  const recompressNext = () => {
    recompressing = false;
    for (const key of waiting) {
      waiting.delete(key);
      const e = lru.get(key);
      if (!e?.br) continue;
      recompressing = true;
      brotliCompress(e.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: e.body.length } }, (err, better) => {
        if (!err && e.br && better.length < e.br.length) {
          const saved = e.br.length - better.length;
          e.br = better;
          e.bytes -= saved;
          if (lru.get(key) === e) bytes -= saved;
        }
        recompressNext();
      });
      return;
    }
  };
  const recompress = (key: string) => {
    waiting.add(key);
    if (!recompressing) recompressNext();
  };
  const encodingOf = (req: FastifyRequest) => (req.headers['x-no-compression'] === undefined ? storedEncoding(req.headers['accept-encoding']) : undefined);

  const state = new WeakMap<FastifyRequest, { key: string; etag: string; hit: boolean }>();
  // Excluded by route, not by URL: /health/ (the router ignores the slash) is the same route.
  const cacheable = (req: FastifyRequest) =>
    (req.method === 'GET' || req.method === 'HEAD') &&
    req.url.startsWith(o.prefix) &&
    // The werkruimte's answers depend on who asks: never kept, never given an ETag.
    !req.routeOptions.config.private &&
    !o.exclude.includes(req.routeOptions.url ?? req.url.split('?')[0]!);

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
    const hit = lru.get(key);
    const etag = hit?.etag ?? `"${v}-${createHash('sha1').update(req.url).digest('base64url').slice(0, 16)}"`;
    state.set(req, { key, etag, hit: hit !== undefined });
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
    if (hit) {
      lru.delete(key);
      lru.set(key, hit);
      const encoding = encodingOf(req);
      const body = encoding && encoded(key, hit, encoding);
      reply.type(hit.type).headers(hit.headers);
      if (body) return reply.header('content-encoding', encoding).send(body);
      return reply.send(hit.body);
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const s = state.get(req);
    if (!s || (reply.statusCode !== 200 && reply.statusCode !== 304)) return payload;
    reply.header('etag', s.etag).header('cache-control', 'no-cache');
    varyOnEncoding(reply);
    // Downloads too (an XLSX file costs a worker a second): their export time is then that of the
    // first file made from this data version. Streams (the bulk export) are too large to keep.
    if (reply.statusCode !== 200 || s.hit || o.maxBytes <= 0 || req.method !== 'GET') return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const headers: Record<string, string> = {};
    for (const h of KEPT_HEADERS) if (reply.hasHeader(h)) headers[h] = String(reply.getHeader(h));
    const entry = remember(s.key, {
      body,
      type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      headers,
      etag: s.etag,
      bytes: body.length,
    });
    const encoding = encodingOf(req);
    const compressed = entry && encoding && encoded(s.key, entry, encoding);
    if (!compressed) return payload;
    reply.header('content-encoding', encoding);
    return compressed;
  });
}
