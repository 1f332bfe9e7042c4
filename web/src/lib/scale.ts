import { STEDELIJKHEID, type Indicator, formatterFor } from '@gka/shared';

/** Sequential five-step palette (ColorBrewer Blues), lightest first: index 4 is the darkest. */
export const PALETTE = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08306b'] as const;
export const NO_DATA_COLOUR = '#bdbdbd';

/**
 * A change between cohorts by direction and significance (ColorBrewer PuOr, colour-blind safe):
 * orange down, purple up, dark when significant. Neither colour says good or bad.
 */
export const CHANGE_CLASSES = [
  { colour: '#b35806', label: 'Significant lager' },
  { colour: '#fdb863', label: 'Lager, niet significant' },
  { colour: '#b2abd2', label: 'Hoger of gelijk, niet significant' },
  { colour: '#542788', label: 'Significant hoger' },
] as const;
export const CHANGE_PALETTE = CHANGE_CLASSES.map((c) => c.colour);

/** The class of a change: null when hidden or unknown. */
export function changeStep(c: { difference: number | null; significance: string; suppressed: boolean }): number | null {
  if (c.suppressed || c.difference === null) return null;
  if (c.significance === 'lager') return 0;
  if (c.significance === 'hoger') return 3;
  if (c.significance === 'niet_significant') return c.difference < 0 ? 1 : 2;
  return null;
}
export const MAP_BACKGROUND = '#f7f7f2';

export type LegendItem = { colour: string; label: string; detail?: string };

/** Stedelijkheid class 1 (zeer sterk stedelijk) is darkest. */
export function stedelijkheidStep(klasse: number | null): number | null {
  return klasse === null ? null : 5 - klasse;
}

export const STEDELIJKHEID_LEGEND: LegendItem[] = STEDELIJKHEID.map((s) => ({
  colour: PALETTE[5 - s.klasse],
  label: `${s.klasse} ${s.label}`,
  detail: s.bounds,
}));

/**
 * The four inner breaks of five classes, ascending: of (about) equal count, or of equal width when
 * there are too few values (a handful of wijken) or too many ties for counts to make five classes.
 */
export function classBreaks(values: number[]): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const quantiles = [1, 2, 3, 4].map((i) => sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / 5))]);
  const distinct = new Set([sorted[0], ...quantiles]).size === 5;
  if (sorted.length >= 10 && distinct) return quantiles;
  const [min, max] = [sorted[0], sorted[sorted.length - 1]];
  return [1, 2, 3, 4].map((i) => min + ((max - min) * i) / 5);
}

export function stepOf(value: number, breaks: number[]): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]) i++;
  return i;
}

export function valueLegend(breaks: number[], values: number[], unit: Indicator['unit']): LegendItem[] {
  if (breaks.length === 0) return [];
  const f = formatterFor(unit);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const edges = [min, ...breaks, max];
  return PALETTE.map((colour, i) => ({
    colour,
    label: i === 0 ? `${f(edges[0])} tot ${f(edges[1])}` : i === 4 ? `${f(edges[4])} tot en met ${f(edges[5])}` : `${f(edges[i])} tot ${f(edges[i + 1])}`,
  }));
}
