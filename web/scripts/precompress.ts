import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text files worth compressing; smaller ones gain less than a second file costs. */
const TEXT = /\.(m?js|css|html|svg|json|txt)$/;
const MIN_BYTES = 1024;

/**
 * Writes `name.br` and `name.gz` beside every text file of a built app, compressed as well as the
 * formats allow, so the API sends them as they are (`preCompressed`) instead of compressing a
 * megabyte of MapLibre for every first visit. Returns the files it compressed.
 */
export function precompressDir(dir: string): string[] {
  const done: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, entry);
    if (!TEXT.test(file) || !statSync(file).isFile()) continue;
    const body = readFileSync(file);
    if (body.length < MIN_BYTES) continue;
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    );
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    done.push(entry);
  }
  return done;
}

/** The Vite plugin: precompress the output once the bundle is written. */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'gka-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
