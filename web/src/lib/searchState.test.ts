import { describe, expect, it } from 'vitest';
import type { IndicatorCohort } from '@gka/shared';
import { cohortLabel, cohortOptions, parseGroup, referenceOptions } from '../components/controls/options.ts';
import { mergeParams } from './searchState.ts';

const cohort = (code: string, covid = false): IndicatorCohort => ({
  code,
  label: `Cohort ${code}`,
  schoolYears: [],
  pooled: [],
  covid,
  note: covid ? 'x' : null,
});
const pool: IndicatorCohort = {
  code: '2014-2015_2018-2019',
  label: 'Cohorten 2014-2015 t/m 2018-2019 samen',
  schoolYears: [],
  pooled: ['2014-2015', '2016-2017', '2018-2019'],
  covid: false,
  note: null,
};
const indicator = { cohorts: [cohort('2014-2015'), cohort('2016-2017'), cohort('2018-2019'), cohort('2020-2021', true), cohort('2022-2023')], pools: [pool] };

describe('URL state', () => {
  it('merges a change into the parameters and drops emptied ones', () => {
    const next = mergeParams(new URLSearchParams('indicator=a&cohort=2020-2021&tov=voor-covid'), { cohort: undefined, wijken: ['WK1', 'WK2'], tov: '' });
    expect(next.toString()).toBe('indicator=a&wijken=WK1%2CWK2');
  });

  it('reads a group parameter, falling back to all pupils for anything unknown', () => {
    expect(parseGroup('opleiding_ouders:laag')).toEqual({ dimension: 'opleiding_ouders', group: 'laag' });
    expect(parseGroup('opleiding_ouders:jongen')).toEqual({ dimension: 'totaal', group: 'totaal' });
    expect(parseGroup('__proto__:x')).toEqual({ dimension: 'totaal', group: 'totaal' });
    expect(parseGroup(undefined)).toEqual({ dimension: 'totaal', group: 'totaal' });
  });

  it('offers an indicator its own cohorts, COVID named only where it played a role, then its pooled period', () => {
    expect(cohortOptions(indicator).map((o) => o.label)).toEqual([
      'Cohort 2014-2015',
      'Cohort 2016-2017',
      'Cohort 2018-2019',
      'Cohort 2020-2021 (COVID)',
      'Cohort 2022-2023',
      'Cohorten 2014-2015 t/m 2018-2019 samen',
    ]);
    // A pooled period is no point in time: nothing to measure a change against.
    expect(referenceOptions(indicator, pool.code)).toEqual([]);
    expect(cohortLabel({ label: 'Schooljaar 2019-2020', covid: true })).toBe('Schooljaar 2019-2020 (COVID)');
  });

  it('offers as reference the cohorts before COVID together from the COVID cohort on, and every earlier cohort', () => {
    expect(referenceOptions(indicator, '2022-2023').map((o) => o.value)).toEqual(['voor-covid', '2014-2015', '2016-2017', '2018-2019', '2020-2021']);
    expect(referenceOptions(indicator, '2016-2017').map((o) => o.value)).toEqual(['2014-2015']);
    expect(referenceOptions(indicator, '2014-2015')).toEqual([]);
    expect(referenceOptions(undefined, undefined)).toEqual([]);
  });
});
