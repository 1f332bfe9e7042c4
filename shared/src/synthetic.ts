/**
 * Real or synthetic, per figure. Demo values of the GKA indicators can sit beside real DUO and CBS
 * figures on one page and in one file, so the mark belongs to each indicator's figures, not to the
 * page. The API decides per indicator (`Indicator.synthetic`, `Meta.synthetic`, the profile's and the
 * overview's indicators); the pages, the notitie and the files only render that decision.
 */

/** An import a figure rests on, as `Meta.sources` lists it. */
export type FigureSource = { kind: string; synthetic: boolean };

/**
 * Whether an indicator's figures are synthetic: when any import they rest on is. That is an import
 * holding its values now (demo data; demo rows a real import replaced no longer count) or the
 * boundaries (a fictitious region makes every figure about it made up).
 */
export function syntheticFigures(sources: readonly FigureSource[]): boolean {
  return sources.some((s) => s.synthetic);
}

/** Whether the loaded boundaries are a fictitious region (the fixtures): then every figure about it is made up. */
export function syntheticBoundaries(sources: readonly FigureSource[]): boolean {
  return sources.some((s) => s.kind === 'geo' && s.synthetic);
}

/**
 * Whether a page (or a file) says once, in a banner, that its figures are synthetic: only when it
 * shows figures and every one of them is. Mixed pages mark each figure instead. A page without
 * figures (the map coloured by stedelijkheid) follows its boundaries.
 */
export function allSynthetic(figures: readonly boolean[], boundaries = false): boolean {
  return figures.length > 0 ? figures.every(Boolean) : boundaries;
}

/** The mark of a figure in words: never by colour alone. */
export const SYNTHETIC_WORD = 'synthetisch';

/** 'GKA-monitor: levering …' → 'GKA-monitor', 'DUO Open Onderwijsdata, …' → 'DUO', 'CBS, …' → 'CBS'. */
export function sourceShortName(source: string): string {
  return /^[^\s,:;(]+/.exec(source.trim())?.[0] ?? source;
}

/** The short mark beside a figure: 'synthetisch' or 'echte cijfers (DUO)'. */
export function provenanceLabel(indicator: { synthetic: boolean; source: string }): string {
  return indicator.synthetic ? SYNTHETIC_WORD : `echte cijfers (${sourceShortName(indicator.source)})`;
}

/**
 * For figures that share one column (the toetsen): the indicator whose mark stands for all of them
 * when their marks are the same, else undefined (then each figure is marked on its own).
 */
export function sharedProvenance<T extends { synthetic: boolean; source: string }>(indicators: readonly T[]): T | undefined {
  const first = indicators[0];
  return first && indicators.every((i) => provenanceLabel(i) === provenanceLabel(first)) ? first : undefined;
}

/** The column every export file gives each row (CSV, XLSX, the overview files, the bulk export), and its cells. */
export const SYNTHETIC_COLUMN = 'Synthetisch';
export const syntheticCell = (synthetic: boolean): 'ja' | 'nee' => (synthetic ? 'ja' : 'nee');

/** What a file's sources sheet (or metadata) says when every row in it is synthetic. */
export const SYNTHETIC_WARNING = 'synthetische demodata: deze cijfers zijn gegenereerd en beschrijven geen echte leerlingen';
