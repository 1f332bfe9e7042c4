import { describe, expect, it } from 'vitest';
import { cohortKind, poolMembers, pooledLabel } from './cohorts.ts';
import type { IndicatorCohort } from './api.ts';

const cohort = (code: string, schoolYears: string[]): IndicatorCohort => ({ code, label: code, schoolYears, pooled: [], covid: false, note: null });
const gka = (y: number) => cohort(`${y}-${y + 1}`, [`${y - 1}-${y}`, `${y}-${y + 1}`]);
const sj = (y: number) => cohort(`sj${y}-${y + 1}`, [`${y}-${y + 1}`]);

describe('the members of a pooled period', () => {
  it('are of one kind, so that no school year counts twice', () => {
    const before = [sj(2014), sj(2015), gka(2016), sj(2016), gka(2017), sj(2017), gka(2018), sj(2018)];
    const members = poolMembers(before);
    expect(members.map((c) => c.code)).toEqual(['sj2014-2015', 'sj2015-2016', 'sj2016-2017', 'sj2017-2018', 'sj2018-2019']);
    const years = members.flatMap((c) => c.schoolYears);
    expect(new Set(years).size).toBe(years.length);
    // The kind with more cohorts before COVID.
    expect(poolMembers([gka(2012), gka(2014), gka(2016), gka(2018), sj(2018)]).map((c) => c.code)).toEqual([
      '2012-2013',
      '2014-2015',
      '2016-2017',
      '2018-2019',
    ]);
  });

  it('are all cohorts before COVID when the indicator has one kind', () => {
    const before = [gka(2012), gka(2014), gka(2016)];
    expect(poolMembers(before)).toEqual(before);
  });
});

describe('the kind of a cohort', () => {
  it('follows from its code, whatever its label says', () => {
    expect(cohortKind({ code: 'sj2019-2020' })).toBe('schooljaar');
    expect(cohortKind({ code: '2019-2020' })).toBe('cohort');
    // A pooled period is of its first member's kind.
    expect(cohortKind({ code: 'sj2014-2015_sj2018-2019' })).toBe('schooljaar');
  });

  it('names a pooled period: school years as schooljaren, even under an unusual label', () => {
    const first = { code: 'sj2014-2015', label: 'DUO 2014-2015' };
    expect(pooledLabel(first, { label: 'Schooljaar 2018-2019' })).toBe('Schooljaren DUO 2014-2015 t/m 2018-2019 samen');
    expect(pooledLabel({ code: '2012-2013', label: 'Cohort 2012-2013' }, { label: 'Cohort 2018-2019' })).toBe('Cohorten 2012-2013 t/m 2018-2019 samen');
  });
});
