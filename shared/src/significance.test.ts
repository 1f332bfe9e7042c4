import { describe, expect, it } from 'vitest';
import { changeVerdictText, significanceText, significanceWord, verdictOf, verdictShortText, verdictText } from './significance.ts';

describe('a verdict in words', () => {
  it('says good or bad by the direction, neutral only higher or lower', () => {
    expect(verdictText(verdictOf('hoger', true), 'hoger')).toBe('gunstig');
    expect(verdictText(verdictOf('hoger', false), 'hoger')).toBe('ongunstig');
    expect(verdictText(verdictOf('niet_significant', true), 'niet_significant')).toBe('geen significant verschil');
    expect(verdictText(verdictOf('lager', null), 'lager')).toBe('lager (neutraal)');
  });

  it('calls a known difference without a test (a mean) untested, and only a missing comparison unknown', () => {
    expect(verdictText(verdictOf('onbekend', true), 'onbekend', 1.2)).toBe('zonder significantietoets');
    expect(verdictText(verdictOf('onbekend', true), 'onbekend', null)).toBe('onbekend');
    expect(verdictText(verdictOf('onbekend', true), 'onbekend')).toBe('onbekend');
    // A verdict with a difference keeps its own words.
    expect(verdictText(verdictOf('lager', true), 'lager', -3)).toBe('ongunstig');
  });

  it('says the same phrase for an untested difference in every form, and onbekend only without a difference', () => {
    expect(significanceWord('onbekend', -0.4)).toBe('zonder significantietoets');
    expect(significanceWord('onbekend', 0)).toBe('zonder significantietoets');
    expect(significanceWord('onbekend', null)).toBe('onbekend');
    expect(significanceWord('niet_significant', 0.1)).toBe('niet significant');
    expect(significanceText('onbekend', 'nederland', 2)).toBe('verschil met Nederland zonder significantietoets');
    expect(significanceText('onbekend', 'nederland')).toBe('verschil met Nederland onbekend');
    expect(changeVerdictText('onbekend', true, { rulesChanged: false }, 1.5)).toBe('zonder significantietoets');
    expect(changeVerdictText('onbekend', true, { rulesChanged: true }, 1.5)).toBe('geen oordeel: andere regels dat jaar');
  });
});

describe('a verdict in a word', () => {
  it('keeps gunstig and ongunstig, abbreviates no difference, and gives neutral indicators only the direction', () => {
    expect(verdictShortText(verdictOf('hoger', true), 'hoger')).toBe('gunstig');
    expect(verdictShortText(verdictOf('hoger', false), 'hoger')).toBe('ongunstig');
    expect(verdictShortText(verdictOf('niet_significant', true), 'niet_significant')).toBe('n.s.');
    expect(verdictShortText(verdictOf('lager', null), 'lager')).toBe('lager');
    expect(verdictShortText(verdictOf('onbekend', true), 'onbekend')).toBe('');
  });
});
