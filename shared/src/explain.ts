import { MIX_PHRASES, type Aandachtspunt, type MixDimension, type PeerRow, type Significance } from './api.ts';
import { formatDifference, formatPercent, formatterFor } from './format.ts';

/** How far a figure is from its expected value, in words that follow the interval. */
const EXPECTED_WORDS: Record<Significance, string> = {
  hoger: 'significant hoger dan verwacht',
  lager: 'significant lager dan verwacht',
  niet_significant: 'niet significant verschillend van de verwachting',
  onbekend: 'onbekend',
};

export type ExpectedFigure = {
  dimension: MixDimension;
  observed: number | null;
  expected: number | null;
  difference: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  significance: Significance;
  suppressed: boolean;
};

/** The words alone, for a table column: '+5,5 procentpunt, niet significant'; `short` with 'pp', for a narrow column. */
export function expectedShortText(e: ExpectedFigure, short = false): string {
  if (e.suppressed) return 'afgeschermd';
  if (e.difference === null) return '–';
  const words = e.significance === 'niet_significant' ? 'niet significant' : EXPECTED_WORDS[e.significance];
  return `${formatDifference(e.difference, 'percentage', short)}, ${words}`;
}

/**
 * 'Verwacht op grond van de opleiding van de ouders: 48,3%; werkelijk 53,7%: +5,5 procentpunt,
 * niet significant verschillend van de verwachting (95%-interval −1,3 tot +12,2 procentpunt).'
 */
export function expectedSentence(e: ExpectedFigure): string {
  const basis = `Verwacht op grond van ${MIX_PHRASES[e.dimension]}`;
  if (e.suppressed) return `${basis}: afgeschermd, omdat een groep te klein is om te publiceren.`;
  if (e.expected === null || e.observed === null || e.difference === null) return `${basis}: geen cijfers.`;
  const interval =
    e.ciLow !== null && e.ciHigh !== null ? ` (95%-interval ${formatDifference(e.ciLow).replace(' procentpunt', '')} tot ${formatDifference(e.ciHigh)})` : '';
  return `${basis}: ${formatPercent(e.expected)}; werkelijk ${formatPercent(e.observed)}: ${formatDifference(e.difference)}, ${EXPECTED_WORDS[e.significance]}${interval}.`;
}

/** A peer in a list: 'Leiden (92,6%; +7,7 procentpunt)'. */
export function peerText(p: Pick<PeerRow, 'name' | 'value' | 'difference'>): string {
  return `${p.name} (${formatPercent(p.value)}; ${formatDifference(p.difference)})`;
}

/** What to say when no vergelijkbare gemeente does significantly better. */
export const NO_PEERS_TEXT = 'Geen van de vergelijkbare gemeenten doet het significant beter.';

/**
 * 'Stapelaars mbo (cohort 2020-2021): 26,3% tegen 22,9% in Nederland (+3,4 procentpunt); +3,2
 * procentpunt t.o.v. wat de leerlingen deden verwachten.'
 */
export function aandachtspuntSentence(p: Aandachtspunt): string {
  const f = formatterFor(p.unit);
  const mix =
    p.expectedDifference === null
      ? 'niet getoetst op de leerlingenmix'
      : `${formatDifference(p.expectedDifference, p.unit)} t.o.v. wat de leerlingen deden verwachten`;
  return `${p.name} (${p.cohort}): ${f(p.value)} tegen ${f(p.benchmark)} in Nederland (${formatDifference(p.difference, p.unit)}); ${mix}.`;
}
