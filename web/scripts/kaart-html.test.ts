import { describe, expect, it } from 'vitest';
import { chunkClosure, withPreloads } from './kaart-html.ts';

const INDEX = `<!doctype html>
<html lang="nl">
  <head>
    <title>GKA</title>
    <script type="module" crossorigin src="/assets/index-a1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/jsx-runtime-b2.js">
  </head>
  <body><div id="root"></div></body>
</html>`;

describe("the Kaart's page", () => {
  it('asks for its requests before the app script and for its modules after the shell, each once', () => {
    const html = withPreloads(INDEX, {
      fetches: ['/api/v1/geo/gemeente', '/api/v1/areas?level=gemeente&x="y"'],
      modules: ['assets/KaartView-c3.js', 'assets/jsx-runtime-b2.js'],
    });
    const links = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
    expect(links).toEqual([
      '<link rel="preload" as="fetch" crossorigin href="/api/v1/geo/gemeente">',
      '<link rel="preload" as="fetch" crossorigin href="/api/v1/areas?level=gemeente&amp;x=&quot;y&quot;">',
      '<script type="module" crossorigin src="/assets/index-a1.js">',
      '<link rel="modulepreload" crossorigin href="/assets/jsx-runtime-b2.js">',
      '<link rel="modulepreload" crossorigin href="/assets/KaartView-c3.js">',
    ]);
    // Everything else is index.html as it was.
    expect(html.replace(/\s*<link rel="(preload|modulepreload)"[^>]*>/g, '')).toBe(INDEX.replace(/\s*<link rel="modulepreload"[^>]*>/g, ''));
  });

  it('refuses a page without a script in its head', () => {
    expect(() => withPreloads('<html><head></head><body><script src="/a.js"></script></body></html>', { fetches: [], modules: [] })).toThrow(/no script/);
  });

  it("preloads the Kaart's chunk and what it imports statically, not what it imports dynamically", () => {
    const chunk = (fileName: string, imports: string[] = []) => ({ type: 'chunk' as const, fileName, facadeModuleId: null, imports });
    const bundle = {
      'KaartView.js': chunk('KaartView.js', ['Legend.js', 'jsx.js']),
      'Legend.js': chunk('Legend.js', ['format.js', 'jsx.js']),
      'format.js': chunk('format.js'),
      'jsx.js': chunk('jsx.js'),
      'MapCanvas.js': chunk('MapCanvas.js', ['jsx.js']),
      'index.html': { type: 'asset' as const, fileName: 'index.html', source: '' },
    };
    expect(chunkClosure(bundle, bundle['KaartView.js'])).toEqual(['KaartView.js', 'Legend.js', 'format.js', 'jsx.js']);
  });
});
