import { GEMEENTE_CODE, NATIONAL_CODE, WIJK_CODE, levelOfCode } from '@gka/shared';
import { GeoFileError } from './errors.ts';
import { featuresOf, type RawFeature } from './features.ts';
import { simplifyForWeb, TOLERANCE, type AreaGeometry } from './geometry.ts';
import { hasAny, KEYS, kwbValues, number, propsOf, text, type Props } from './properties.ts';

export type GeoLevel = 'gemeente' | 'wijk';

export type AreaInput = {
  code: string;
  level: GeoLevel;
  name: string;
  /** NL01 for a gemeente, the gemeente for a wijk. */
  parentCode: string;
  /** The gemeente's name when the wijk feature carries it (used for a gemeente created on the fly). */
  parentName: string | null;
  indelingJaar: number;
  stedelijkheid: number | null;
  omgevingsadressendichtheid: number | null;
  inwoners: number | null;
  provincie: string | null;
  attributes: Record<string, number>;
  geometry: AreaGeometry | null;
};

/** A file may hold gemeenten, wijken or both (the fixture region does). */
export type ParsedGeo = { year: number; areas: AreaInput[]; skipped: string[] };

export type ParseOptions = {
  /** File name or URL, for messages. */
  source: string;
  level?: GeoLevel;
  year?: number;
  /** gemeentecode → provincienaam (see parseProvincies); a `provincie` property of the feature wins. */
  provincies?: Map<string, string>;
  onProgress?: (done: number, total: number) => void;
};

/** "Buitenland": CBS's bucket for people registered abroad, with a token polygon and no statistics. */
const ABROAD = new Set(['GM0998', 'WK099899']);

/** Parses JSON text (GeoJSON or TopoJSON) into area rows; pure: no I/O, throws GeoFileError on bad input. */
export function parseGeoText(json: string, options: ParseOptions): ParsedGeo {
  let doc: unknown;
  try {
    doc = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new GeoFileError(options.source, `het bestand is geen geldige JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return parseGeoFeatures(featuresOf(doc, options.source), { ...options, year: options.year ?? yearOfDocument(doc) });
}

export function parseGeoFeatures(features: RawFeature[], options: ParseOptions): ParsedGeo {
  const { source } = options;
  if (features.length === 0) throw new GeoFileError(source, 'er zijn geen features');
  const year = options.year ?? yearOf(features, source);
  const areas: AreaInput[] = [];
  const skipped: string[] = [];
  const seen = new Map<string, number>();
  features.forEach((feature, i) => {
    const props = propsOf(feature.properties);
    const level = options.level ?? detectLevel(props, source, i);
    const code = codeOf(props, level, source, i);
    if (ABROAD.has(code) || code.startsWith('WK0998')) {
      skipped.push(code);
      return;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) throw new GeoFileError(source, `${code} komt dubbel voor (ook feature ${earlier + 1})`, i);
    seen.set(code, i);
    areas.push(toArea(feature, props, code, level, year, options, i));
    if (i % 250 === 0) options.onProgress?.(i, features.length);
  });
  options.onProgress?.(features.length, features.length);
  return { year, areas, skipped };
}

function toArea(feature: RawFeature, props: Props, code: string, level: GeoLevel, year: number, options: ParseOptions, i: number): AreaInput {
  const { source } = options;
  const name = text(props, level === 'wijk' ? [...KEYS.wijknaam, ...KEYS.statnaam] : [...KEYS.gemeentenaam, ...KEYS.statnaam]);
  if (!name) throw new GeoFileError(source, `${code} heeft geen naam (verwacht ${level === 'wijk' ? 'wijknaam' : 'gemeentenaam'} of statnaam)`, i);
  let parentCode = NATIONAL_CODE;
  if (level === 'wijk') {
    // For files with only statcode (the CBS 2014 TopoJSON) the gemeente is in the wijk code itself.
    parentCode = `GM${code.slice(2, 6)}`;
    const stated = text(props, KEYS.gemeentecode)?.toUpperCase();
    if (stated && stated !== parentCode)
      throw new GeoFileError(source, `wijk ${code} hoort volgens zijn code bij ${parentCode}, maar gemeentecode is ${stated}`, i);
  }
  const gemeente = level === 'wijk' ? parentCode : code;
  let geometry: AreaGeometry | null;
  try {
    geometry = simplifyForWeb(feature.geometry, TOLERANCE[level]);
  } catch (e) {
    throw new GeoFileError(source, `ongeldige geometrie van ${code}: ${e instanceof Error ? e.message : String(e)}`, i);
  }
  return {
    code,
    level,
    name,
    parentCode,
    parentName: level === 'wijk' ? text(props, KEYS.gemeentenaam) : null,
    indelingJaar: year,
    ...kwbValues(props),
    provincie: text(props, KEYS.provincie) ?? options.provincies?.get(gemeente) ?? null,
    geometry,
  };
}

/** The level a feature's keys imply: a wijkcode makes it a wijk, a statcode says it by its prefix. */
function detectLevel(props: Props, source: string, i: number): GeoLevel {
  if (hasAny(props, KEYS.buurtcode)) throw new GeoFileError(source, 'dit lijkt een buurt (buurtcode); alleen gemeenten en wijken worden geïmporteerd', i);
  if (hasAny(props, KEYS.wijkcode)) return 'wijk';
  const stat = text(props, KEYS.statcode);
  if (stat) {
    const level = levelOfCode(stat.toUpperCase());
    if (level === 'gemeente' || level === 'wijk') return level;
    throw new GeoFileError(source, `statcode "${stat}" is geen gemeente- of wijkcode; geef --level gemeente of --level wijk`, i);
  }
  if (hasAny(props, KEYS.gemeentecode)) return 'gemeente';
  throw new GeoFileError(source, 'geen herkenbare code gevonden (verwacht statcode, gemeentecode of wijkcode)', i);
}

function codeOf(props: Props, level: GeoLevel, source: string, i: number): string {
  const keys = level === 'wijk' ? [...KEYS.wijkcode, ...KEYS.statcode] : [...KEYS.gemeentecode, ...KEYS.statcode];
  const raw = text(props, keys);
  if (!raw) throw new GeoFileError(source, `geen ${level === 'wijk' ? 'wijkcode' : 'gemeentecode'} (of statcode) gevonden`, i);
  const code = raw.toUpperCase();
  const shape = level === 'wijk' ? WIJK_CODE : GEMEENTE_CODE;
  if (!shape.test(code)) {
    throw new GeoFileError(
      source,
      `"${raw}" is geen geldige ${level === 'wijk' ? 'wijkcode (WKggggww, bijvoorbeeld WK036301 of WK0363AA)' : 'gemeentecode (GMgggg, bijvoorbeeld GM0363)'}`,
      i,
    );
  }
  return code;
}

/** Files built from the PDOK WFS often carry `metadata.year`. */
function yearOfDocument(doc: unknown): number | undefined {
  const year = (doc as { metadata?: { year?: unknown } } | null)?.metadata?.year;
  return typeof year === 'number' && Number.isInteger(year) ? year : undefined;
}

/** A `jaar` property (PDOK) or, failing that, a year in the source name (wijken_2024.geojson). */
function yearOf(features: RawFeature[], source: string): number {
  const jaar = number(propsOf(features[0]?.properties ?? {}), KEYS.jaar);
  if (jaar !== null && Number.isInteger(jaar) && jaar > 1900) return jaar;
  const inName = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(source.split(/[\\/]/).pop() ?? '');
  if (inName) return Number(inName[1]);
  throw new GeoFileError(source, 'het indelingsjaar staat niet in het bestand of de bestandsnaam; geef het op met --year');
}
