import { describe, expect, it } from 'vitest';
import { differenceScale, valueScale } from '../../lib/scale.ts';
import { aastad, adviesChange, adviesValues, advies, beedorp, ceeveen } from '../../test/values.ts';
import { area, expectedHidden, expectedRow } from '../../test/api.ts';
import { mapSteps } from './steps.ts';

const areas = new Map([aastad, beedorp, ceeveen, area('GM0004', 'Zonderklasse', { stedelijkheid: null })].map((a) => [a.code, a]));
const rows = adviesValues.data;
const scale = valueScale(
  rows.flatMap((v) => (v.value === null ? [] : [v.value])),
  'percentage',
);

describe('the colour of each gemeente on the map', () => {
  it('follows stedelijkheid without an indicator, the most urban darkest, an unknown class uncoloured', () => {
    expect(Object.fromEntries(mapSteps(undefined, areas, rows, scale, null))).toEqual({ GM0001: 4, GM0002: 0, GM0003: 2 });
  });

  it("follows the value on the indicator's scale, a hidden value uncoloured", () => {
    const steps = mapSteps(advies, areas, rows, scale, null);
    expect([...steps.keys()]).toEqual(['GM0001', 'GM0003']);
    // 40% is the lowest class, 60% the highest.
    expect(steps.get('GM0001')).toBe(0);
    expect(steps.get('GM0003')).toBe(4);
  });

  it('follows the change while a change is shown: a significant rise in its own class, a hidden change uncoloured', () => {
    const byCode = new Map(adviesChange.data.filter((c) => c.group === 'totaal').map((c) => [c.area, c]));
    expect(Object.fromEntries(mapSteps(advies, areas, rows, scale, byCode))).toEqual({ GM0001: 3 });
  });

  it('follows observed − expected while that is shown, a hidden one uncoloured', () => {
    const expected = [
      expectedRow('GM0001', 'Aastad', 0.4, 0.46, 'lager'),
      expectedHidden('GM0002', 'Beedorp'),
      expectedRow('GM0003', 'Ceeveen', 0.6, 0.59, 'niet_significant'),
    ];
    const scale = differenceScale([-0.06, 0.01]);
    const byCode = new Map(expected.map((e) => [e.area, e]));
    // Bounds at ±2,0 and ±6,0 procentpunt: −6,0 in the class from −6,0 to −2,0, +1,0 in the middle one.
    expect(Object.fromEntries(mapSteps(advies, areas, rows, scale, null, { byCode, scale }))).toEqual({ GM0001: 1, GM0003: 2 });
  });
});
