import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Verdict, VERDICTS } from '@gka/shared';
import { applyVerdictColours } from './verdictColours.ts';

const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');

/** What applyVerdictColours sets, as the root element would hold it. */
function applied(): Map<string, string> {
  const set = new Map<string, string>();
  applyVerdictColours({ setProperty: (name: string, value: string | null) => void set.set(name, value ?? '') });
  return set;
}

describe('the verdict colours in the stylesheet', () => {
  it('are all set at start: every verdict variable the stylesheet reads comes from the registry', () => {
    const read = new Set([...css.matchAll(/var\((--verdict-[\w-]+)\)/g)].flatMap((m) => (m[1] ? [m[1]] : [])));
    expect(read.size).toBeGreaterThan(0);
    const set = applied();
    for (const name of read) expect(set.has(name), `${name} is read by styles.css but not set`).toBe(true);
  });

  it('are the registry colours: a cell, its legend and a bar of one verdict look alike', () => {
    const set = applied();
    for (const v of Verdict.options) {
      expect(set.get(`--verdict-${v}`)).toBe(VERDICTS[v].colour);
      if (VERDICTS[v].fill) expect(set.get(`--verdict-${v}-fill`)).toBe(VERDICTS[v].fill);
    }
  });

  it('are never written into the verdict rules themselves, where they could drift from the charts', () => {
    const rules = [...css.matchAll(/([^{}]*(?:verdict|heat)--[^{}]*)\{([^{}]*)\}/g)];
    expect(rules.length).toBeGreaterThan(0);
    for (const [, selector, body] of rules) expect(body, selector?.trim()).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
    for (const v of ['gunstig', 'ongunstig', 'geen_verschil'] as const) expect(css.toLowerCase()).not.toContain(VERDICTS[v].colour.toLowerCase());
  });
});
