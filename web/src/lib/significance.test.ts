import { describe, expect, it } from 'vitest';
import { comparisonText, covidText, significanceText, significanceWith } from './significance.ts';

describe('a change between cohorts in words', () => {
  it('gives the difference and its significance, or says why there is none', () => {
    expect(covidText({ difference: 0.021, significance: 'hoger', suppressed: false })).toBe('+2,1 procentpunt, significant hoger');
    expect(covidText({ difference: -0.004, significance: 'niet_significant', suppressed: false })).toBe('−0,4 procentpunt, niet significant');
    expect(covidText({ difference: 1.2, significance: 'onbekend', suppressed: false }, 'gemiddelde')).toBe('+1,2 punt, zonder significantietoets');
    expect(covidText({ difference: null, significance: 'onbekend', suppressed: true })).toBe('afgeschermd');
    expect(covidText({ difference: null, significance: 'onbekend', suppressed: false })).toBe('geen gegevens');
    // Short, for table cells; a change that rounds to zero has no sign.
    expect(covidText({ difference: -0.0004, significance: 'niet_significant', suppressed: false }, 'percentage', true)).toBe('0,0 pp, niet significant');
  });
});

describe('significance in words', () => {
  it('says how a value compares with a benchmark', () => {
    expect(significanceText('hoger', 'nederland')).toBe('significant hoger dan Nederland');
    expect(significanceText('lager', 'gemeente')).toBe('significant lager dan de eigen gemeente');
    expect(significanceText('niet_significant', 'gka')).toBe('niet significant verschillend van de GKA-gemeenten');
    expect(comparisonText({ kind: 'nederland', difference: 0.021, significance: 'hoger' })).toBe('+2,1 procentpunt: significant hoger dan Nederland');
  });

  it('takes the significance the API decided for that benchmark, and none where it made no such comparison', () => {
    const c = { benchmark: 0.3, difference: 0.1, ciLow: 0.02, ciHigh: 0.18, share: 0.1, significance: 'hoger' as const };
    const v = { comparisons: [{ kind: 'nederland' as const, ...c }] };
    expect(significanceWith(v, 'nederland')).toBe('hoger');
    expect(significanceWith(v, 'gemeente')).toBe('onbekend');
    expect(significanceWith(undefined, 'nederland')).toBe('onbekend');
  });
});

describe('differences in the unit of the indicator', () => {
  it('uses procentpunt for percentages and punt for averages', () => {
    expect(comparisonText({ kind: 'gemeente', difference: -1.25, significance: 'lager' }, 'gemiddelde')).toBe(
      '−1,3 punt: significant lager dan de eigen gemeente',
    );
  });
});

describe('the web renders verdicts, it does not compute them', () => {
  it('finds no significance rule in the shared package to compute with', async () => {
    const shared = await import('@gka/shared');
    expect(Object.keys(shared).filter((k) => /significanceAgainst|applicableBenchmarks|wilson|newcombe|compareWith/i.test(k))).toEqual([]);
  });
});
