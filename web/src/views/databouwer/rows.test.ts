import { describe, expect, it } from 'vitest';
import { adviesChange, adviesValues } from '../../test/values.ts';
import { valueRows } from './rows.ts';

describe('the rows of the data table', () => {
  it('compare each area with the benchmark shown, as the API compared them', () => {
    const rows = valueRows(adviesValues, undefined, 'nederland', undefined);
    expect(rows.map((r) => [r.name, r.benchmark, r.difference, r.significance])).toEqual([
      ['Aastad', 0.45, expect.closeTo(-0.05), 'lager'],
      ['Beedorp', null, null, 'onbekend'],
      ['Ceeveen', 0.45, expect.closeTo(0.15), 'hoger'],
    ]);
  });

  it('leave an area without that comparison unknown, not compared with another benchmark', () => {
    const rows = valueRows(adviesValues, undefined, 'gka', undefined);
    expect(rows.map((r) => [r.name, r.benchmark, r.significance])).toEqual([
      ['Aastad', 0.42, 'niet_significant'],
      ['Beedorp', null, 'onbekend'],
      ['Ceeveen', null, 'onbekend'],
    ]);
  });

  it("carry each area's change of the same group only while a reference is chosen", () => {
    const withChange = valueRows(adviesValues, adviesChange, 'nederland', '2022-2023');
    expect(withChange.map((r) => [r.name, r.change?.difference, r.change?.suppressed])).toEqual([
      ['Aastad', 0.03, false],
      ['Beedorp', undefined, undefined],
      ['Ceeveen', null, true],
    ]);
    expect(valueRows(adviesValues, adviesChange, 'nederland', undefined).every((r) => r.change === undefined)).toBe(true);
  });

  it('are none while the values load', () => {
    expect(valueRows(undefined, adviesChange, 'nederland', '2022-2023')).toEqual([]);
  });
});
