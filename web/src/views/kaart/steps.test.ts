import { describe, expect, it } from 'vitest';
import { valueScale } from '../../lib/scale.ts';
import { aastad, adviesChange, adviesValues, advies, beedorp, ceeveen } from '../../test/values.ts';
import { area } from '../../test/api.ts';
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
});
