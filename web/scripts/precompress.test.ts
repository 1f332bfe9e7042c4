import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'gka-precompress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes a brotli and a gzip copy beside each text file that decompress to it, and leaves small and binary files alone', () => {
    mkdirSync(path.join(dir, 'assets'));
    const js = 'export const x = "' + 'kaart '.repeat(2000) + '";\n';
    writeFileSync(path.join(dir, 'assets/app-1a2b.js'), js);
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html>' + '<p>Gelijke Kansen</p>'.repeat(100));
    writeFileSync(path.join(dir, 'assets/tiny.css'), 'a{}');
    writeFileSync(path.join(dir, 'assets/logo.png'), Buffer.alloc(4096, 1));
    expect(precompressDir(dir).sort()).toEqual(['assets/app-1a2b.js', 'index.html']);
    const br = readFileSync(path.join(dir, 'assets/app-1a2b.js.br'));
    expect(brotliDecompressSync(br).toString()).toBe(js);
    expect(gunzipSync(readFileSync(path.join(dir, 'assets/app-1a2b.js.gz'))).toString()).toBe(js);
    expect(br.length).toBeLessThan(js.length / 20);
    expect(existsSync(path.join(dir, 'assets/tiny.css.br'))).toBe(false);
    expect(existsSync(path.join(dir, 'assets/logo.png.br'))).toBe(false);
  });
});
