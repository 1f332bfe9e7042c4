import { readdirSync } from 'node:fs';
import path from 'node:path';
import { NATIONAL_CODE } from '@gka/shared';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { loadDemo, type LoadDemoResult } from './demo/load.ts';
import { describeDemo } from './demo/report.ts';
import { DUO_BASE_URL, downloadDuo, duoDownloads } from './duo/download.ts';
import { downloadGeo } from './geo/download.ts';
import { importFixtureRegion } from './geo/fixtures.ts';
import { importCorop } from './groups/corop.ts';
import type { GeoImportResult } from './geo/load.ts';
import { importOpenDataBoundaries } from './geo/open-data.ts';
import { pdokBaseUrl } from './geo/pdok.ts';

export type FirstStartOptions = {
  /** PDOK service to try when no open-data folder is set; null skips the download (tests, offline use). */
  pdokBaseUrl?: string | null;
  /** How long PDOK may take to answer a first request before the fictitious region is used. */
  probeTimeoutMs?: number;
};
/** Where loadRealFigures fetches from (default: the configured DUO address), and how long DUO may take to answer first. */
export type RealFiguresOptions = { duoBaseUrl?: string; probeTimeoutMs?: number };

export type FirstStartResult = { boundaries: 'open-data' | 'pdok' | 'fixture'; geo: GeoImportResult; demo: LoadDemoResult } | null;
/** The real DUO figures of a first start: imported, or why not. */
export type RealFigures = { imported: true; files: number } | { imported: false; reason: string };

const PDOK_YEAR = 2024;

/**
 * First start (README.md): with no areas besides NL01, load boundaries (GKA_OPEN_DATA_DIR, else a PDOK
 * download when PDOK answers quickly, else the fictitious region of fixtures/) and then the synthetic
 * demo data; loadRealFigures follows once the server listens. Does nothing (returns null) once any
 * area exists, so a restart never overwrites what an operator loaded.
 */
export async function ensureData(
  database: { db: Db; url: string },
  config: Config,
  log: (m: string) => void,
  options: FirstStartOptions = {},
): Promise<FirstStartResult> {
  const { db, url } = database;
  const existing = await db.selectFrom('area').select('code').where('code', '<>', NATIONAL_CODE).limit(1).execute();
  if (existing.length) return null;

  log('Eerste start: de database heeft nog geen gebieden; grenzen en SYNTHETISCHE demodata laden…');
  const { boundaries, geo } = await loadBoundaries(db, config, log, options);
  log(`Grenzen geladen (${boundaries}): ${geo.counts.gemeente} gemeenten, ${geo.counts.wijk} wijken.`);
  if (config.openDataDir && boundaries !== 'fixture') await loadCoropFrom(db, config.openDataDir, log);
  const demo = await loadDemo(url);
  for (const line of describeDemo(demo)) log(line);
  return { boundaries, geo, demo };
}

/**
 * After a first start, the real DUO figures over the demo: for real boundaries only, when DUO answers
 * quickly. The server runs this once it listens, so the dashboard answers (with the demo) while the
 * files come in; import-duo swaps them in at its commit. Offline, or with DUO down, it keeps the demo
 * data and says so; it never throws.
 */
export async function loadRealFigures(
  db: Db,
  config: Config,
  boundaries: NonNullable<FirstStartResult>['boundaries'],
  log: (m: string) => void,
  options: RealFiguresOptions = {},
): Promise<RealFigures> {
  const baseUrl = options.duoBaseUrl ?? config.duoBaseUrl ?? DUO_BASE_URL;
  const skip = (reason: string) => {
    log(`Geen echte DUO-cijfers geladen: ${reason}`);
    return { imported: false as const, reason };
  };
  if (!config.firstStartDuo) return skip('uitgezet (GKA_FIRST_START_DUO=0); laad ze later met pnpm gka download-duo.');
  if (boundaries === 'fixture') return skip('de fictieve regio heeft geen echte gemeenten.');
  if (!URL.canParse(baseUrl)) return skip(`${baseUrl} is geen geldig adres voor DUO; laad ze later met pnpm gka download-duo --bron URL.`);
  // Whatever goes wrong is said and leaves the demo data: the server does not wait for this, so nothing may escape.
  try {
    if (!(await reachable(duoDownloads({ baseUrl })[0]!.url, options.probeTimeoutMs ?? 3000)))
      return skip(`DUO (${new URL(baseUrl).host}) is niet bereikbaar; laad ze later met pnpm gka download-duo.`);
    log(`Echte cijfers downloaden bij DUO (${baseUrl}) naar ${config.duoDir}; het dashboard toont tot dan de demodata…`);
    const r = await downloadDuo(db, { dir: config.duoDir, baseUrl, log });
    log(`DUO-cijfers geladen: ${r.imported.sources.length} bronnen, ${r.imported.schools.listed} scholen.`);
    return { imported: true, files: r.fetched.length + r.cached.length };
  } catch (e) {
    return skip(`${e instanceof Error ? e.message : String(e)} (laad ze later met pnpm gka download-duo)`);
  }
}

/** Whether a server answers at all (any HTTP status), within the timeout. */
async function reachable(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

async function loadBoundaries(db: Db, config: Config, log: (m: string) => void, options: FirstStartOptions) {
  if (config.openDataDir) {
    log(`Grenzen uit GKA_OPEN_DATA_DIR (${config.openDataDir})…`);
    const geo = await importOpenDataBoundaries(db, config.openDataDir);
    if (geo) return { boundaries: 'open-data' as const, geo };
    log(`Geen gemeenten_<jaar>.geojson in ${config.openDataDir}; verder met PDOK of de fictieve regio.`);
  }
  const baseUrl = options.pdokBaseUrl === undefined ? pdokBaseUrl(PDOK_YEAR) : options.pdokBaseUrl;
  if (baseUrl && (await answers(baseUrl, options.probeTimeoutMs ?? 3000))) {
    log(`Grenzen ${PDOK_YEAR} downloaden bij PDOK (${baseUrl})…`);
    try {
      return { boundaries: 'pdok' as const, geo: await downloadGeo(db, { year: PDOK_YEAR, baseUrl }) };
    } catch (e) {
      log(`Download bij PDOK mislukt (${e instanceof Error ? e.message : String(e)}); de fictieve regio wordt geladen.`);
    }
  } else if (baseUrl) {
    log('PDOK is niet bereikbaar; de fictieve regio uit fixtures/ wordt geladen.');
  }
  return { boundaries: 'fixture' as const, geo: await importFixtureRegion(db) };
}

/** A quick reachability check, so an offline first start does not wait for the download's long timeouts. */
async function answers(baseUrl: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(baseUrl, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** The COROP-gebieden from the open-data folder, when it has the CBS file; a mismatch with the boundaries is reported, not fatal. */
async function loadCoropFrom(db: Db, dir: string, log: (m: string) => void): Promise<void> {
  const file = readdirSync(dir)
    .filter((f) => /^cbs_woonplaatsen-gemeente-corop-\d{4}\.csv$/.test(f))
    .sort()
    .at(-1);
  if (!file) return;
  try {
    const r = await importCorop(db, path.join(dir, file));
    log(`COROP-gebieden geladen: ${r.groups} gebieden, ${r.members} gemeenten (${file}).`);
  } catch (e) {
    log(`COROP-gebieden niet geladen: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}
