import { describe, expect, it } from 'vitest';
import { aandachtspuntSentence, expectedSentence, expectedShortText, peerText } from './explain.ts';

const tilburg = {
  dimension: 'opleiding_ouders' as const,
  observed: 0.5374,
  expected: 0.4828,
  difference: 0.0546,
  ciLow: -0.0134,
  ciHigh: 0.1224,
  significance: 'niet_significant' as const,
  suppressed: false,
};

describe('expectedSentence', () => {
  it('names the basis, both figures, the difference with its interval and words that follow the interval', () => {
    expect(expectedSentence(tilburg)).toBe(
      'Verwacht op grond van de opleiding van de ouders: 48,3%; werkelijk 53,7%: +5,5 procentpunt, niet significant verschillend van de verwachting (95%-interval −1,3 tot +12,2 procentpunt).',
    );
    expect(expectedSentence({ ...tilburg, dimension: 'inkomen_ouders', difference: -0.036, ciLow: -0.06, ciHigh: -0.012, significance: 'lager' })).toMatch(
      /^Verwacht op grond van het inkomen van de ouders: .*: −3,6 procentpunt, significant lager dan verwacht \(95%-interval −6,0 tot −1,2 procentpunt\)\.$/,
    );
  });

  it('says why there is no expected value where a group is hidden', () => {
    expect(
      expectedSentence({ ...tilburg, observed: null, expected: null, difference: null, ciLow: null, ciHigh: null, significance: 'onbekend', suppressed: true }),
    ).toBe('Verwacht op grond van de opleiding van de ouders: afgeschermd, omdat een groep te klein is om te publiceren.');
  });
});

describe('expectedShortText and peerText', () => {
  it('fit a table cell and a list', () => {
    expect(expectedShortText(tilburg)).toBe('+5,5 procentpunt, niet significant');
    expect(expectedShortText({ ...tilburg, significance: 'hoger' })).toBe('+5,5 procentpunt, significant hoger dan verwacht');
    expect(expectedShortText({ ...tilburg, suppressed: true })).toBe('afgeschermd');
    expect(expectedShortText({ ...tilburg, significance: 'lager', difference: -0.031 }, true)).toBe('−3,1 pp, significant lager dan verwacht');
    expect(peerText({ name: 'Leiden', value: 0.926, difference: 0.077 })).toBe('Leiden (92,6%; +7,7 procentpunt)');
  });
});

describe('aandachtspuntSentence', () => {
  it('gives the figure, Nederland, the difference and what the pupil mix says', () => {
    const p = {
      indicator: 'stapelen_mbo',
      name: 'Stapelaars mbo',
      unit: 'percentage' as const,
      cohort: 'cohort 2020-2021',
      value: 0.263,
      benchmark: 0.229,
      difference: 0.034,
      expectedDifference: 0.032,
    };
    expect(aandachtspuntSentence(p)).toBe(
      'Stapelaars mbo (cohort 2020-2021): 26,3% tegen 22,9% in Nederland (+3,4 procentpunt); +3,2 procentpunt t.o.v. wat de leerlingen deden verwachten.',
    );
    expect(aandachtspuntSentence({ ...p, expectedDifference: null })).toMatch(/; niet getoetst op de leerlingenmix\.$/);
  });
});
