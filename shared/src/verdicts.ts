import type { Verdict } from './api.ts';

/** What a verdict looks like and says, wherever it is shown: cells, cards, legends, bars and funnel markers. */
export type VerdictInfo = {
  /** In full, beside its colour: 'geen significant verschil'. */
  label: string;
  /** In a compact cell whose accessible name has the full words: 'n.s.'; '' where the cell says the direction instead. */
  short: string;
  /** The colour that marks it: a bar, a marker, the edge of a cell. ColorBrewer PiYG, readable as text on white. */
  colour: string;
  /** The pale fill of a cell with that verdict; null where a cell stays white. */
  fill: string | null;
  /** The colour in a word, for a sentence that explains a chart ('groen gunstig'). */
  colourWord: string;
};

/**
 * Every verdict once. The stylesheet reads the colours as `--verdict-<verdict>` and
 * `--verdict-<verdict>-fill` (`verdictCssVariables`), so a cell, a bar and a legend cannot drift apart.
 */
export const VERDICTS: Record<Verdict, VerdictInfo> = {
  gunstig: { label: 'gunstig', short: 'gunstig', colour: '#4d9221', fill: '#e6f5d0', colourWord: 'groen' },
  ongunstig: { label: 'ongunstig', short: 'ongunstig', colour: '#c51b7d', fill: '#fde0ef', colourWord: 'roze' },
  geen_verschil: { label: 'geen significant verschil', short: 'n.s.', colour: '#969696', fill: '#f0f0f0', colourWord: 'grijs' },
  // A neutral indicator's difference says only higher or lower; its bars keep the map's blue.
  neutraal: { label: 'neutraal', short: '', colour: '#3182bd', fill: null, colourWord: 'blauw' },
  onbekend: { label: 'onbekend', short: '', colour: '#3182bd', fill: null, colourWord: 'blauw' },
};

/** The custom properties the stylesheet reads the verdict colours from: `--verdict-gunstig`, `--verdict-gunstig-fill`. */
export function verdictCssVariables(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [verdict, info] of Object.entries(VERDICTS)) {
    vars[`--verdict-${verdict}`] = info.colour;
    if (info.fill) vars[`--verdict-${verdict}-fill`] = info.fill;
  }
  return vars;
}
