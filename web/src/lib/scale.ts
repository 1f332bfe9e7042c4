import { STEDELIJKHEID, type Unit, formatDifference, formatterFor } from '@gka/shared';

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

/** The same per class, for the legend: the palette step `stedelijkheidStep` gives. */
const STEDELIJKHEID_COLOURS = { 1: PALETTE[4], 2: PALETTE[3], 3: PALETTE[2], 4: PALETTE[1], 5: PALETTE[0] } as const;

export const STEDELIJKHEID_LEGEND: LegendItem[] = STEDELIJKHEID.map((s) => ({
  colour: STEDELIJKHEID_COLOURS[s.klasse],
  label: `${s.klasse} ${s.label}`,
  detail: s.bounds,
}));

/**
 * A value in steps of the last digit its formatter shows (formatterFor: one decimal of a percent or
 * of a mean), so that classes are built from what the reader sees: 0.4536 → 454 (45,4%), 535.24 → 5352.
 */
function shownSteps(value: number, unit: Unit): number {
  return Math.round(unit === 'percentage' ? value * 100 * 10 : value * 10);
}
const fromShownSteps = (steps: number, unit: Unit) => (unit === 'percentage' ? steps / 1000 : steps / 10);

/**
 * At most four inner breaks, ascending and distinct, in shown steps. Of (about) equal count: each
 * break splits what is left into equal parts, and where ties fill a part (many gemeenten at 0) the
 * next value up starts the next class. With fewer than ten values (a handful of wijken), of equal width.
 * No break at the minimum; one at the maximum only as the last, making the values tied there a class of their own.
 */
function innerBreaks(sorted: number[], lo: number, hi: number): number[] {
  const breaks: number[] = [];
  if (sorted.length < 10) {
    for (let i = 1; i < 5; i++) {
      const b = Math.round(lo + ((hi - lo) * i) / 5);
      if (b > (breaks.at(-1) ?? lo) && b <= hi) breaks.push(b);
      if (b === hi) break;
    }
    return breaks;
  }
  let rest = sorted;
  for (let parts = 5; parts > 1; parts--) {
    const last = breaks.at(-1) ?? lo;
    let b = rest[Math.floor(rest.length / parts)] ?? hi;
    if (b <= last) b = rest.find((v) => v > last) ?? hi;
    if (b === last) break;
    breaks.push(b);
    if (b === hi) break;
    rest = rest.filter((v) => v >= b);
  }
  return breaks;
}

/** A map's colour scale of values: the palette step of a value, and the legend of its classes. */
export type ValueScale = { step: (value: number) => number; legend: LegendItem[] };

/**
 * Up to five classes of the values, lightest first, labelled in the indicator's unit: ascending,
 * each from a lower to a higher value as shown ("4,2 tot 10,6"), the last one up to and including the
 * maximum, or the maximum alone ("100,0%") when many values are tied there. Fewer distinct values give
 * fewer classes, spread over the palette; one value is one class.
 */
export function valueScale(values: number[], unit: Unit): ValueScale {
  const sorted = values
    .filter(Number.isFinite)
    .map((v) => shownSteps(v, unit))
    .sort((a, b) => a - b);
  const lo = sorted[0];
  const hi = sorted.at(-1);
  if (lo === undefined || hi === undefined) return { step: () => 0, legend: [] };
  const breaks = innerBreaks(sorted, lo, hi);
  const edges = [lo, ...breaks, hi];
  const classes = breaks.length + 1;
  const colourOf = (i: number) => (classes === 1 ? 2 : Math.round((i * (PALETTE.length - 1)) / (classes - 1)));
  const f = (steps: number) => formatterFor(unit)(fromShownSteps(steps, unit));
  const legend = Array.from({ length: classes }, (_, i) => {
    const [lower = lo, upper = hi] = [edges[i], edges[i + 1]];
    const label = lower === upper ? f(lower) : i === classes - 1 ? `${f(lower)} tot en met ${f(upper)}` : `${f(lower)} tot ${f(upper)}`;
    return { colour: PALETTE[colourOf(i)]!, label };
  });
  return {
    step: (value) => {
      const v = shownSteps(value, unit);
      return colourOf(breaks.filter((b) => v >= b).length);
    },
    legend,
  };
}

/**
 * Observed − expected, diverging around zero (ColorBrewer PuOr as the change map, with a pale middle
 * that stands out from the map's background and from no data): orange below what the pupils predict,
 * purple above. Neither colour says good or bad: for some indicators lower is better.
 */
export const DIFFERENCE_PALETTE = ['#b35806', '#f1a340', '#e8e1d3', '#998ec3', '#542788'] as const;

/** Half the middle class's width in tenths of a procentpunt: the first that leaves about a tenth of the areas outside ±3×. */
function middleHalfWidth(tenths: number[]): number {
  const sorted = tenths.map(Math.abs).sort((a, b) => a - b);
  const p90 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))] ?? 0;
  const wanted = p90 / 3;
  // Readable bounds: 0,1, 0,2 or 0,5 procentpunt, then whole halves.
  return [1, 2, 5].find((h) => h >= wanted) ?? Math.ceil(wanted / 5) * 5;
}

/**
 * Five classes of observed − expected (fractions), symmetric around zero in procentpunten: the
 * middle one around zero, two on each side, the outer ones open ("lager dan −4,5 procentpunt").
 * Each class runs from its lower bound up to (not including) its upper bound, as its label says.
 */
export function differenceScale(differences: number[]): ValueScale {
  const tenths = differences.filter(Number.isFinite).map((d) => Math.round(d * 1000));
  if (tenths.length === 0) return { step: () => 2, legend: [] };
  const h = middleHalfWidth(tenths);
  const edges = [-3 * h, -h, h, 3 * h];
  const f = (t: number) => formatDifference(t / 1000);
  const bare = (t: number) => f(t).replace(' procentpunt', '');
  const labels = [
    `lager dan ${f(edges[0]!)}`,
    `${bare(edges[0]!)} tot ${f(edges[1]!)}`,
    `${bare(edges[1]!)} tot ${f(edges[2]!)}`,
    `${bare(edges[2]!)} tot ${f(edges[3]!)}`,
    `${f(edges[3]!)} of hoger`,
  ];
  return {
    step: (d) => {
      const t = Math.round(d * 1000);
      return edges.filter((e) => t >= e).length;
    },
    legend: labels.map((label, i) => ({ colour: DIFFERENCE_PALETTE[i]!, label })),
  };
}
