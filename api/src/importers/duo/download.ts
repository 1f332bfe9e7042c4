import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/connect.ts';
import { DUO_FILES, lookForDuoFile, type DuoFileKey } from './files.ts';
import { importDuo, type ImportDuoResult } from './import.ts';
import { publishedYears, YEARLY, type YearlyFamily } from './yearly.ts';

/**
 * Where DUO publishes its open-data files (every file of import-duo and the yearly files, under
 * their published names); `--bron` gives another (a mirror, a test server).
 */
export const DUO_BASE_URL = 'https://duo.nl/open_onderwijsdata/images/';

/** One fetched file as the manifest records it. */
export type Fetched = { key: DuoFileKey | YearlyFamily; file: string; url: string; sha256: string; bytes: number; fetchedAt: string };
/** `bronnen.json` in the download folder: where each file came from and what it was. */
const MANIFEST = 'bronnen.json';

export class DuoDownloadError extends Error {}

export type DownloadDuoOptions = {
  /** Cache folder (created when missing); `bronnen.json` in it records every file. */
  dir: string;
  /** Base URL of the DUO files (a mirror, or a test server). */
  baseUrl?: string;
  /** School years to cover (`2014-2024`: from 2014-2015 up to 2023-2024); files that hold none of them are skipped. */
  years?: { from: number; to: number };
  log?: (m: string) => void;
  onProgress?: (file: string, bytes: number, total: number | undefined) => void;
  /** The day that decides which school years may be published (publishedYears); today by default. */
  today?: Date;
};

/** School years a file covers, from its name: `…-2014-2019.csv` holds 2014-2015 to 2018-2019, `…-2019.csv` 2019-2020. */
function yearsOf(name: string): { from: number; to: number } | null {
  const span = /(\d{4})-(\d{4})\.\w+$/.exec(name);
  if (span) return { from: Number(span[1]), to: Math.max(Number(span[1]), Number(span[2]) - 1) };
  const one = /-(\d{4})\.\w+$/.exec(name);
  return one ? { from: Number(one[1]), to: Number(one[1]) } : null;
}

/**
 * One file to fetch: saved as `name` in the folder, from `url`. A yearly file may not be published
 * (yet): `optional` ones that DUO does not have are skipped, every other is needed.
 */
export type DuoDownload = { key: DuoFileKey | YearlyFamily; name: string; url: string; optional: boolean };

/**
 * The files to fetch for these years: every DUO file import-duo reads (the address lists always),
 * and each yearly file of those years. `withAfstand`: the pupil file that places the CBS
 * achterstandsscores, needed only when that workbook lies in the folder.
 */
export function duoDownloads(o: Pick<DownloadDuoOptions, 'baseUrl' | 'years'> & { withAfstand?: boolean; today?: Date } = {}): DuoDownload[] {
  const base = o.baseUrl ?? DUO_BASE_URL;
  const url = (published: string) => new URL(published, base.endsWith('/') ? base : `${base}/`).toString();
  const wanted = (name: string) => {
    const span = yearsOf(name);
    return !o.years || !span || (span.to >= o.years.from && span.from <= o.years.to);
  };
  const core = (Object.keys(DUO_FILES) as DuoFileKey[]).flatMap((key) => {
    const { name, published } = DUO_FILES[key];
    if (!published || (key === 'afstandBo' && !o.withAfstand) || !wanted(name)) return [];
    return [{ key, name, url: url(published), optional: false }];
  });
  const coreUrls = new Set(core.map((c) => c.url));
  const yearly = (Object.keys(YEARLY) as YearlyFamily[]).flatMap((family) =>
    publishedYears(family, o.today).flatMap((y) => {
      const published = YEARLY[family].published(y);
      if (!wanted(published) || coreUrls.has(url(published))) return [];
      return [{ key: family, name: published, url: url(published), optional: true }];
    }),
  );
  return [...core, ...yearly];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function readManifest(dir: string): Fetched[] {
  const file = path.join(dir, MANIFEST);
  if (!existsSync(file)) return [];
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { bestanden: Fetched[] }).bestanden ?? [];
  } catch {
    return [];
  }
}

/** Fetches one file into memory, with progress; a network failure or HTTP error is a Dutch message naming the URL. */
async function fetchFile(url: string, onProgress?: (bytes: number, total: number | undefined) => void): Promise<Buffer | 'niet gepubliceerd'> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(300_000) });
  } catch (e) {
    const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
    throw new DuoDownloadError(
      `Geen verbinding met ${new URL(url).host} (${cause}). Er is niets gedownload en niets in de database veranderd; controleer de internetverbinding of geef een andere --bron.`,
    );
  }
  if (response.status === 404) return 'niet gepubliceerd';
  if (!response.ok || !response.body)
    throw new DuoDownloadError(
      `${url}: de server antwoordt met HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}. Er is niets in de database veranderd.`,
    );
  const total = Number(response.headers.get('content-length')) || undefined;
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of response.body) {
      chunks.push(Buffer.from(chunk));
      bytes += chunk.length;
      onProgress?.(bytes, total);
    }
  } catch (e) {
    throw new DuoDownloadError(
      `${url}: de verbinding brak af na ${bytes} bytes (${e instanceof Error ? e.message : String(e)}). Er is niets in de database veranderd.`,
    );
  }
  return Buffer.concat(chunks);
}

/**
 * `gka download-duo`: fetches the DUO (and CBS) files into `dir`, keeping what is already there
 * with the same sha256 as its manifest entry, records URL and sha256 of each in `bronnen.json`, and
 * then imports the folder with import-duo. The database is only touched after every file is in,
 * and import-duo is all or nothing: a failed download or a malformed file changes nothing there.
 */
export async function downloadDuo(
  db: Db,
  o: DownloadDuoOptions,
): Promise<{ fetched: Fetched[]; cached: Fetched[]; notPublished: string[]; imported: ImportDuoResult }> {
  const log = o.log ?? (() => {});
  mkdirSync(o.dir, { recursive: true });
  const known = new Map(readManifest(o.dir).map((f) => [f.file, f]));
  const fetched: Fetched[] = [];
  const cached: Fetched[] = [];
  const notPublished: string[] = [];
  for (const d of duoDownloads({ ...o, withAfstand: lookForDuoFile(o.dir, 'achterstandsscores') !== undefined })) {
    const target = path.join(o.dir, d.name);
    const previous = known.get(d.name);
    if (previous && previous.url === d.url && existsSync(target) && sha256(readFileSync(target)) === previous.sha256) {
      cached.push(previous);
      log(`In de map: ${d.name}`);
      continue;
    }
    log(`Downloaden: ${d.url}`);
    const body = await fetchFile(d.url, (bytes, total) => o.onProgress?.(d.name, bytes, total));
    if (body === 'niet gepubliceerd') {
      if (!d.optional) throw new DuoDownloadError(`${d.url}: de server antwoordt met HTTP 404 Not Found. Er is niets in de database veranderd.`);
      notPublished.push(d.name);
      log(`Niet (nog) gepubliceerd, overgeslagen: ${d.url}`);
      continue;
    }
    // Written whole under another name first: an interrupted run never leaves half a file under the real one.
    writeFileSync(`${target}.deel`, body);
    renameSync(`${target}.deel`, target);
    const entry: Fetched = { key: d.key, file: d.name, url: d.url, sha256: sha256(body), bytes: body.length, fetchedAt: new Date().toISOString() };
    fetched.push(entry);
    known.set(d.name, entry);
    writeFileSync(path.join(o.dir, MANIFEST), `${JSON.stringify({ bestanden: [...known.values()] }, null, 2)}\n`);
  }
  const imported = await importDuo(db, o.dir, log);
  return { fetched, cached, notPublished, imported };
}
