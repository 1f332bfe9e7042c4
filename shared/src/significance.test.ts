import { describe, expect, it } from 'vitest';
import { verdictOf, verdictText } from './significance.ts';

describe('a verdict in words', () => {
  it('says good or bad by the direction, neutral only higher or lower', () => {
    expect(verdictText(verdictOf('hoger', true), 'hoger')).toBe('gunstig');
    expect(verdictText(verdictOf('hoger', false), 'hoger')).toBe('ongunstig');
    expect(verdictText(verdictOf('niet_significant', true), 'niet_significant')).toBe('geen significant verschil');
    expect(verdictText(verdictOf('lager', null), 'lager')).toBe('lager (neutraal)');
  });

  it('calls a known difference without a test (a mean) untested, and only a missing comparison unknown', () => {
    expect(verdictText(verdictOf('onbekend', true), 'onbekend', 1.2)).toBe('niet getoetst');
    expect(verdictText(verdictOf('onbekend', true), 'onbekend', null)).toBe('onbekend');
    expect(verdictText(verdictOf('onbekend', true), 'onbekend')).toBe('onbekend');
    // A verdict with a difference keeps its own words.
    expect(verdictText(verdictOf('lager', true), 'lager', -3)).toBe('ongunstig');
  });
});
