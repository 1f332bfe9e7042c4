import { describe, expect, it } from 'vitest';
import { PALETTE, STEDELIJKHEID_LEGEND, classBreaks, stedelijkheidStep, stepOf, valueLegend } from './scale.ts';

describe('map colour scale', () => {
  it('makes stedelijkheid class 1 the darkest step and states the bounds', () => {
    expect(stedelijkheidStep(1)).toBe(4);
    expect(stedelijkheidStep(5)).toBe(0);
    expect(stedelijkheidStep(null)).toBeNull();
    expect(STEDELIJKHEID_LEGEND[0]).toMatchObject({ colour: PALETTE[4], detail: '≥ 2.500 adressen/km²' });
  });

  it('bins values into five classes of about equal count', () => {
    const values = Array.from({ length: 100 }, (_, i) => i / 100);
    const breaks = classBreaks(values);
    expect(breaks).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(values.map((v) => stepOf(v, breaks)).filter((s) => s === 2)).toHaveLength(20);
    expect(stepOf(0.99, breaks)).toBe(4);
    expect(classBreaks([])).toEqual([]);
  });

  it('falls back to classes of equal width for a handful of values', () => {
    classBreaks([0.1, 0.2, 0.35, 0.6]).forEach((b, i) => expect(b).toBeCloseTo([0.2, 0.3, 0.4, 0.5][i]));
    expect(stepOf(0.6, classBreaks([0.1, 0.2, 0.35, 0.6]))).toBe(4);
  });

  it('labels the classes in nl-NL', () => {
    const legend = valueLegend([0.2, 0.4, 0.6, 0.8], [0.1, 0.9], 'percentage');
    expect(legend[0].label).toBe('10,0% tot 20,0%');
    expect(legend[4].label).toBe('80,0% tot en met 90,0%');
  });
});
