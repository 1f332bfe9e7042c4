import { describe, expect, it } from 'vitest';
import { csvDecimal, csvQuote } from './csv-text.ts';

describe('CSV cells', () => {
  it('write one decimal with a comma, and no sign on a difference that rounds to zero', () => {
    expect(csvDecimal(45.25)).toBe('45,3');
    expect(csvDecimal(-2.94)).toBe('-2,9');
    expect(csvDecimal(-0.04)).toBe('0,0');
    expect(csvDecimal(0)).toBe('0,0');
    expect(csvDecimal(1234.5)).toBe('1234,5');
  });

  it('quote text only where needed, and never let a text cell start a formula', () => {
    expect(csvQuote('Tilburg')).toBe('Tilburg');
    expect(csvQuote('Noord; Zuid')).toBe('"Noord; Zuid"');
    expect(csvQuote('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});
