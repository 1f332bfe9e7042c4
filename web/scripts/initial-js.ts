import { gzipSync } from 'node:zlib';

/** The parts of a Vite build manifest (`build.manifest`, `.vite/manifest.json`) the budget reads. */
export type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };
export type Manifest = Record<string, ManifestChunk>;

/**
 * The initial JavaScript of the app: what the browser fetches for index.html before the app itself
 * asks for a chunk. That is the entry chunk of index.html and, transitively, every chunk it imports
 * statically: Vite writes these into index.html as the module script and its modulepreloads. A chunk
 * reached only through a dynamic import() (a view, MapLibre, ECharts) is lazy and not counted, even
 * when the first view asks for it right away: the shell paints without it. Any other .js file that
 * index.html itself names is counted as well, so a script added to the page by hand cannot escape.
 */
export function initialJs(manifest: Manifest, html = ''): string[] {
  const entry = manifest['index.html'] ?? Object.values(manifest).find((c) => c.isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk for index.html');
  const files = new Set<string>();
  const visit = (chunk: ManifestChunk) => {
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const key of chunk.imports ?? []) {
      const imported = manifest[key];
      if (!imported) throw new Error(`The manifest names an import it does not hold: ${key}`);
      visit(imported);
    }
  };
  visit(entry);
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/?([^"]+\.m?js)"/g)) if (m[1]) files.add(m[1]);
  return [...files].filter((f) => /\.m?js$/.test(f)).sort();
}

/** Bytes of a file as the API sends it to a browser that accepts gzip (zlib's default level, as @fastify/compress). */
export const gzipBytes = (content: Buffer) => gzipSync(content).length;

export type BudgetReport = { files: { file: string; gzip: number }[]; total: number; budget: number; ok: boolean };

/** Sums the gzip sizes of the initial files against a budget in KB (1 KB = 1024 bytes). */
export function checkBudget(manifest: Manifest, html: string, read: (file: string) => Buffer, budgetKb: number): BudgetReport {
  const files = initialJs(manifest, html).map((file) => ({ file, gzip: gzipBytes(read(file)) }));
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  return { files, total, budget: budgetKb * 1024, ok: total <= budgetKb * 1024 };
}
