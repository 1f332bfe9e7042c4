import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import compress from '@fastify/compress';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerWeb } from './web.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'gka-web-'));
const app = Fastify();
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the built web app', () => {
  it('is sent as the build compressed it where the browser accepts that, and as it is otherwise', async () => {
    mkdirSync(path.join(dir, 'assets'));
    const js = `export const kaart = "${'maplibre '.repeat(5000)}";\n`;
    // A marker only the precompressed copy has: the server must send that file, not compress again.
    const stored = brotliCompressSync(`${js}// stored\n`);
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>GKA</title>');
    writeFileSync(path.join(dir, 'assets/map-1a2b.js'), js);
    writeFileSync(path.join(dir, 'assets/map-1a2b.js.br'), stored);
    await app.register(compress, { threshold: 1024 });
    await registerWeb(app, dir);

    const br = await app.inject({ url: '/assets/map-1a2b.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(`${js}// stored\n`);

    const plain = await app.inject({ url: '/assets/map-1a2b.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
    // Every view's URL is the app itself.
    expect((await app.inject('/gemeente/GM0855')).body).toContain('<title>GKA</title>');
  });

  it("sends the Kaart's own page for the Kaart's paths (pages.json of the build), index.html for every other view", async () => {
    const kaart = Fastify();
    const root = path.join(dir, 'kaart');
    mkdirSync(root);
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(root, 'kaart.html'), '<!doctype html><title>kaart</title>');
    writeFileSync(path.join(root, 'pages.json'), JSON.stringify({ '/': 'kaart.html', '/kaart': 'kaart.html' }));
    await registerWeb(kaart, root);
    const title = async (url: string) => (await kaart.inject(url)).body.match(/<title>(.*)<\/title>/)?.[1];
    expect(await title('/')).toBe('kaart');
    expect(await title('/?indicator=advies_havo_vwo')).toBe('kaart');
    expect(await title('/kaart')).toBe('kaart');
    expect(await title('/kaart/?tov=verwacht')).toBe('kaart');
    expect(await title('/gemeente/GM0855')).toBe('app');
    expect(await title('/kaartjes')).toBe('app');
    expect((await kaart.inject('/')).headers['cache-control']).toBe('no-cache');
    await kaart.close();
  });
});
