import { describe, expect, it } from 'vitest';
import type { Comparison, ProfileIndicator, Significance } from '@gka/shared';
import { aandachtspunten, candidate, MAX_POINTS, MIN_GAP } from './aandachtspunten.ts';

type Input = Parameters<typeof candidate>[0];

/** An indicator with its value against Nederland and, optionally, its distance from the expected value. */
function indicator(
  code: string,
  o: {
    value: number;
    nl: number;
    significance: Significance;
    higherIsBetter?: boolean | null;
    unit?: 'percentage' | 'gemiddelde';
    expected?: Significance | 'hidden';
  },
): Input {
  const nederland: Comparison = {
    kind: 'nederland',
    benchmark: o.nl,
    difference: o.value - o.nl,
    ciLow: null,
    ciHigh: null,
    share: null,
    significance: o.significance,
  };
  const e = o.expected;
  return {
    indicator: {
      code,
      name: `Indicator ${code}`,
      unit: o.unit ?? 'percentage',
      higherIsBetter: o.higherIsBetter === undefined ? true : o.higherIsBetter,
    } as ProfileIndicator['indicator'],
    cohort: {
      code: '2022-2023',
      label: 'Cohort 2022-2023',
      covid: false,
      note: null,
      pooled: [],
      rulesChanged: false,
    } as unknown as ProfileIndicator['cohort'],
    value: { area: 'GM0001', name: 'Aastad', group: 'totaal', numerator: 1, denominator: 1, value: o.value, ciLow: null, ciHigh: null, suppressed: false },
    comparisons: [nederland],
    expected:
      e === undefined
        ? null
        : e === 'hidden'
          ? {
              dimension: 'opleiding_ouders',
              observed: null,
              expected: null,
              difference: null,
              ciLow: null,
              ciHigh: null,
              significance: 'onbekend',
              suppressed: true,
            }
          : {
              dimension: 'opleiding_ouders',
              observed: o.value,
              expected: o.value - 0.03,
              difference: e === 'lager' ? -0.03 : 0.03,
              ciLow: null,
              ciHigh: null,
              significance: e,
              suppressed: false,
            },
  };
}

describe('aandachtspunten: the rules, one by one', () => {
  it('1. only a significant difference from Nederland, in the indicator’s direction', () => {
    expect(candidate(indicator('a', { value: 0.3, nl: 0.4, significance: 'lager' }))).toMatchObject({
      verdict: 'ongunstig',
      difference: expect.closeTo(-0.1, 12),
    });
    expect(candidate(indicator('b', { value: 0.3, nl: 0.4, significance: 'niet_significant' }))).toBeNull();
    // Lower zittenblijven is favourable.
    expect(candidate(indicator('c', { value: 0.03, nl: 0.06, significance: 'lager', higherIsBetter: false }))).toMatchObject({ verdict: 'gunstig' });
    // A neutral indicator has no concern or strength; nor does a mean without a test.
    expect(candidate(indicator('d', { value: 0.3, nl: 0.4, significance: 'lager', higherIsBetter: null }))).toBeNull();
    expect(candidate(indicator('e', { value: 530, nl: 535, significance: 'onbekend', unit: 'gemiddelde' }))).toBeNull();
  });

  it(`2. only a difference of at least ${MIN_GAP * 100} procentpunt`, () => {
    expect(candidate(indicator('a', { value: 0.419, nl: 0.4, significance: 'hoger' }))).toBeNull();
    expect(candidate(indicator('b', { value: 0.42, nl: 0.4, significance: 'hoger' }))).not.toBeNull();
  });

  it('3. not explained by the pupil mix: beyond the expected value on the same side, or untested where there is none', () => {
    expect(candidate(indicator('a', { value: 0.3, nl: 0.4, significance: 'lager', expected: 'lager' }))).toMatchObject({ expectedDifference: -0.03 });
    // Low, but no lower than its pupils predict: the mix explains it.
    expect(candidate(indicator('b', { value: 0.3, nl: 0.4, significance: 'lager', expected: 'niet_significant' }))).toBeNull();
    expect(candidate(indicator('c', { value: 0.3, nl: 0.4, significance: 'lager', expected: 'hoger' }))).toBeNull();
    expect(candidate(indicator('d', { value: 0.3, nl: 0.4, significance: 'lager' }))).toMatchObject({ expectedDifference: null });
    expect(candidate(indicator('e', { value: 0.3, nl: 0.4, significance: 'lager', expected: 'hidden' }))).toMatchObject({ expectedDifference: null });
  });

  it(`4. at most ${MAX_POINTS} concerns and ${MAX_POINTS} strengths, the largest difference first`, () => {
    const list = [0.05, 0.2, 0.1, 0.15, 0.08].flatMap((gap, i) => [
      indicator(`low${i}`, { value: 0.5 - gap, nl: 0.5, significance: 'lager' }),
      indicator(`high${i}`, { value: 0.5 + gap / 2, nl: 0.5, significance: 'hoger' }),
    ]);
    const { zorgen, sterk } = aandachtspunten(list);
    expect(zorgen.map((p) => p.indicator)).toEqual(['low1', 'low3', 'low2']);
    expect(sterk.map((p) => p.indicator)).toEqual(['high1', 'high3', 'high2']);
    expect(zorgen[0]).toEqual({
      indicator: 'low1',
      name: 'Indicator low1',
      unit: 'percentage',
      cohort: 'cohort 2022-2023',
      value: 0.3,
      benchmark: 0.5,
      difference: expect.closeTo(-0.2, 12),
      expectedDifference: null,
    });
  });
});
