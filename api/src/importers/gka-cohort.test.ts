import { describe, expect, it } from 'vitest';
import { cohortRow } from './gka-cohort.ts';

describe('cohortRow', () => {
  it('reads a GKA code as the two groep-8 school years ending in its years', () => {
    expect(cohortRow('2020-2021')).toEqual({ code: '2020-2021', label: 'Cohort 2020-2021', school_years: ['2019-2020', '2020-2021'], sort_order: 2020 });
  });

  it('leaves other codes without school years, so no COVID note can reach them by guess', () => {
    expect(cohortRow('2020-2022')).toMatchObject({ label: '2020-2022', school_years: [] });
    expect(cohortRow('sj2019-2020')).toMatchObject({ label: 'sj2019-2020', school_years: [], sort_order: 0 });
    expect(cohortRow('2019')).toMatchObject({ label: '2019', school_years: [], sort_order: 2019 });
  });
});
