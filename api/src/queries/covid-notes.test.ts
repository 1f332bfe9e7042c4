import { describe, expect, it } from 'vitest';
import type { IndicatorCohort } from '@gka/shared';
import { indicatorCohort, trendAxis } from './covid-notes.ts';

const sj = (y: number): IndicatorCohort => ({
  code: `sj${y}-${y + 1}`,
  label: `Schooljaar ${y}-${y + 1}`,
  schoolYears: [`${y}-${y + 1}`],
  pooled: [],
  covid: false,
  note: null,
});
const gka = (y: number): IndicatorCohort => ({
  code: `${y}-${y + 1}`,
  label: `Cohort ${y}-${y + 1}`,
  schoolYears: [`${y - 1}-${y}`, `${y}-${y + 1}`],
  pooled: [],
  covid: false,
  note: null,
});
const notes = new Map([['2019-2020', { note: 'In 2020 ging de eindtoets niet door: er zijn geen scores.', missing: true, rulesChanged: false }]]);

describe('the trend axis of an indicator per school year', () => {
  it('keeps every school year between the first and the last, an empty one with its reason, so the axis never closes a gap', () => {
    const axis = trendAxis([sj(2018), sj(2020), sj(2022)], notes);
    expect(axis.map((c) => c.code)).toEqual(['sj2018-2019', 'sj2019-2020', 'sj2020-2021', 'sj2021-2022', 'sj2022-2023']);
    expect(axis[1]).toMatchObject({ label: 'Schooljaar 2019-2020', covid: true, note: 'In 2020 ging de eindtoets niet door: er zijn geen scores.' });
    expect(axis[3]).toMatchObject({ covid: false, note: 'Voor dit schooljaar zijn geen cijfers geladen.' });
    // Its own cohorts are passed on as they are.
    const own = [sj(2018), sj(2020)];
    expect(trendAxis(own, notes)[0]).toBe(own[0]);
    expect(trendAxis(own, notes)[2]).toBe(own[1]);
  });

  it('leaves two-year GKA cohorts, and an axis without gaps, as they are', () => {
    const own = [gka(2016), gka(2018), gka(2022)];
    expect(trendAxis(own, notes)).toEqual(own);
    expect(trendAxis([sj(2018), sj(2019)], notes).map((c) => c.code)).toEqual(['sj2018-2019', 'sj2019-2020']);
    expect(trendAxis([sj(2018)], notes)).toHaveLength(1);
  });
});

describe('a cohort as an indicator has it', () => {
  const exams = new Map([
    ['2019-2020', { note: 'In 2020 gingen de centrale examens niet door.', missing: false, rulesChanged: true }],
    ['2020-2021', { note: 'Scholen waren dicht.', missing: false, rulesChanged: false }],
  ]);
  it('has changed rules where a school year it pools had, and only there', () => {
    expect(indicatorCohort(sj(2019), exams)).toMatchObject({ covid: true, rulesChanged: true });
    expect(indicatorCohort(gka(2020), exams)).toMatchObject({ covid: true, rulesChanged: true });
    expect(indicatorCohort(sj(2020), exams).rulesChanged).toBeUndefined();
    expect(indicatorCohort(sj(2018), exams)).toEqual(sj(2018));
  });
  it('has no changed rules from a year whose figures do not exist: the cohort has only the other year', () => {
    const heroverweging = new Map([
      ['2019-2020', { note: 'Geen heroverweging.', missing: true, rulesChanged: true }],
      ['2020-2021', { note: 'Scholen waren dicht.', missing: false, rulesChanged: false }],
    ]);
    expect(indicatorCohort(gka(2020), heroverweging)).toMatchObject({ covid: true });
    expect(indicatorCohort(gka(2020), heroverweging).rulesChanged).toBeUndefined();
  });
});
