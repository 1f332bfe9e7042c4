import { describe, expect, it } from 'vitest';
import { bulkSize, chosenGemeenten, coverageWords, listWords, parentParam, tableParent } from './parent.ts';

const names = new Map([
  ['GM0363', 'Amsterdam'],
  ['GM0344', 'Utrecht'],
  ['GM0599', 'Rotterdam'],
  ['corop-34', 'Midden-Noord-Brabant'],
]);

describe('the parent of a wijk or school table', () => {
  it('is a group when one is chosen, else the chosen gemeenten, each once and at most 50', () => {
    expect(parentParam(tableParent('corop-34', ['GM0363']))).toBe('corop-34');
    expect(parentParam(tableParent(undefined, ['GM0363', 'GM0344', 'GM0363']))).toBe('GM0363,GM0344');
    expect(tableParent(undefined, [])).toBeUndefined();
    expect(parentParam(undefined)).toBeUndefined();
    // A hand-edited URL: what is no gemeente code is dropped, and beyond 50 is not sent.
    expect(chosenGemeenten(['GM0363', 'WK036301', 'x', 'GM0344'])).toEqual(['GM0363', 'GM0344']);
    const many = Array.from({ length: 60 }, (_, i) => `GM${String(i + 1).padStart(4, '0')}`);
    expect(chosenGemeenten(many)).toEqual(many.slice(0, 50));
  });

  it('is named in words', () => {
    expect(listWords([])).toBe('');
    expect(listWords(['Amsterdam'])).toBe('Amsterdam');
    expect(listWords(['Amsterdam', 'Utrecht', 'Rotterdam'])).toBe('Amsterdam, Utrecht en Rotterdam');
    expect(coverageWords('wijk', undefined, names)).toBe('alle wijken');
    expect(coverageWords('wijk', { gemeenten: ['GM0363', 'GM0344'] }, names)).toBe('de wijken van Amsterdam en Utrecht');
    expect(coverageWords('school', { group: 'corop-34' }, names)).toBe('de scholen van Midden-Noord-Brabant');
    // A code without a known name (names still loading) stands for itself.
    expect(coverageWords('wijk', { gemeenten: ['GM0855'] }, names)).toBe('de wijken van GM0855');
  });
});

describe('the size of a bulk download', () => {
  it('counts its lines, and says when Excel cannot open it whole', () => {
    expect(bulkSize(1)).toBe('1 regel');
    expect(bulkSize(257_704)).toBe('257.704 regels');
    // With the header, 1,048,575 lines fill a sheet exactly; one more does not fit.
    expect(bulkSize(1_048_575)).toBe('1.048.575 regels');
    expect(bulkSize(2_501_280)).toBe('2.501.280 regels: meer dan één Excel-blad bevat, open het met R, Python, Power Query of een database');
  });
});
