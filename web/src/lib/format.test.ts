import { describe, expect, it } from 'vitest';
import { formatterFor, stedelijkheidLabel } from '@gka/shared';
import { formatDifference, formatInterval, formatValue } from './format.ts';

describe('formatting for readers', () => {
  it('writes a value in its unit, a hidden cell as "afgeschermd" and a missing one as such', () => {
    expect(formatValue({ value: 0.4534, suppressed: false }, 'percentage')).toBe('45,3%');
    expect(formatValue({ value: 535.26, suppressed: false }, 'gemiddelde')).toBe('535,3');
    expect(formatValue({ value: null, suppressed: true }, 'percentage')).toBe('afgeschermd');
    expect(formatValue({ value: null, suppressed: false }, 'percentage')).toBe('niet beschikbaar');
    expect(formatValue(undefined, 'percentage')).toBe('geen gegevens');
  });

  it('writes differences with a real minus, in procentpunt or punt, and no sign on what rounds to zero', () => {
    expect(formatDifference(0.021, 'percentage')).toBe('+2,1 procentpunt');
    expect(formatDifference(-0.021, 'percentage', true)).toBe('−2,1 pp');
    expect(formatDifference(-0.0004, 'percentage')).toBe('0,0 procentpunt');
    expect(formatDifference(1.25, 'gemiddelde')).toBe('+1,3 punt');
    expect(formatDifference(null, 'gemiddelde')).toBe('–');
  });

  it('writes an interval, or a dash without one', () => {
    expect(formatInterval({ ciLow: 0.431, ciHigh: 0.475 }, 'percentage')).toBe('43,1% – 47,5%');
    expect(formatInterval({ ciLow: null, ciHigh: null }, 'gemiddelde')).toBe('–');
  });

  it('has one way to write a unit and a stedelijkheid class', () => {
    expect(formatterFor('percentage')(0.5)).toBe('50,0%');
    expect(formatterFor('gemiddelde')(0.5)).toBe('0,5');
    expect(stedelijkheidLabel(1)).toBe('1 zeer sterk stedelijk');
    expect(stedelijkheidLabel(null)).toBe('onbekend');
  });
});
