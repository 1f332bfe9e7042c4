import type { Plugin } from 'vite';
import { KAART_PATHS, KAART_REQUESTS } from '../src/api/early.ts';

/** What the Kaart's page asks for before its own code runs: its requests and its chunk's modules. */
export type Preloads = { fetches: string[]; modules: string[] };

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The app's index.html with the Kaart's first requests at the top of its head, before the app's own
 * script: the browser starts them while it parses the page, instead of after the shell's JavaScript
 * has arrived and run (BENCHMARKS.md, the first coloured map). `crossorigin` gives them the mode and
 * credentials of the app's fetch(), so the app takes these responses instead of asking again. The
 * Kaart's modules come last, after the shell's own, which they need first; files the page already
 * names are left out.
 */
export function withPreloads(html: string, { fetches, modules }: Preloads): string {
  const script = html.search(/<script\b/);
  const head = html.indexOf('</head>');
  if (script < 0 || head < script) throw new Error('index.html has no script in its head to put the preloads before');
  const fetchLinks = fetches.map((url) => `<link rel="preload" as="fetch" crossorigin href="${attr(url)}">\n    `).join('');
  const moduleLinks = modules
    .filter((f) => !html.includes(`"/${f}"`))
    .map((f) => `  <link rel="modulepreload" crossorigin href="/${attr(f)}">\n  `)
    .join('');
  return html.slice(0, script) + fetchLinks + html.slice(script, head) + moduleLinks + html.slice(head);
}

/** The parts of a Rollup/Rolldown output chunk the plugin reads. */
type OutChunk = { type: 'chunk'; fileName: string; facadeModuleId: string | null; imports: string[] };
type OutAsset = { type: 'asset'; fileName: string; source: string | Uint8Array };

/** A chunk's file and every file it imports statically, transitively. */
export function chunkClosure(bundle: Record<string, OutChunk | OutAsset>, entry: OutChunk): string[] {
  const modules: string[] = [];
  const visit = (chunk: OutChunk) => {
    if (modules.includes(chunk.fileName)) return;
    modules.push(chunk.fileName);
    for (const file of chunk.imports) {
      const next = bundle[file];
      if (next?.type === 'chunk') visit(next);
    }
  };
  visit(entry);
  return modules;
}

/** The file the API sends for the Kaart's paths, and the list that tells it which paths those are. */
export const KAART_HTML = 'kaart.html';
export const PAGES_JSON = 'pages.json';

/**
 * The Vite plugin: writes kaart.html (index.html with the Kaart's requests, chunk and its imports
 * preloaded) and pages.json (`{ path: file }`), from which the API sends kaart.html for the Kaart's
 * paths only: on another page these requests would be wasted.
 */
export function kaartHtml(): Plugin {
  return {
    name: 'gka-kaart-html',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, OutChunk | OutAsset>;
      const index = files['index.html'];
      const kaart = Object.values(files).find((c): c is OutChunk => c.type === 'chunk' && !!c.facadeModuleId?.endsWith('/views/kaart/KaartView.tsx'));
      if (index?.type !== 'asset' || !kaart) throw new Error('gka-kaart-html: the build has no index.html or no KaartView chunk');
      const html = typeof index.source === 'string' ? index.source : new TextDecoder().decode(index.source);
      const source = withPreloads(html, { fetches: KAART_REQUESTS, modules: chunkClosure(files, kaart) });
      this.emitFile({ type: 'asset', fileName: KAART_HTML, source });
      this.emitFile({ type: 'asset', fileName: PAGES_JSON, source: JSON.stringify(Object.fromEntries(KAART_PATHS.map((p) => [p, KAART_HTML]))) });
    },
  };
}
