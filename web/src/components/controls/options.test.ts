import { describe, expect, it } from 'vitest';
import type { Cohort } from '@gka/shared';
import { otherPeriods } from './options.ts';

const cohort = (code: string, label: string, schoolYears: string[]): Cohort => ({ code, label, schoolYears, pooled: [] });
const gka2020 = cohort('2020-2021', 'Cohort 2020-2021', ['2019-2020', '2020-2021']);
const sj2024 = cohort('sj2023-2024', 'Schooljaar 2023-2024', ['2023-2024']);
const sj2020 = cohort('sj2019-2020', 'Schooljaar 2019-2020', ['2019-2020']);
const sj2019 = cohort('sj2018-2019', 'Schooljaar 2018-2019', ['2018-2019']);
const shown = [
  { indicator: { name: 'Schooladvies havo/vwo' }, cohort: gka2020 },
  { indicator: { name: 'Slagingspercentage vo-examen' }, cohort: sj2024 },
  { indicator: { name: 'Gemiddelde score Route 8' }, cohort: sj2019 },
  { indicator: { name: 'Havo/vwo in leerjaar 3' }, cohort: sj2020 },
  { indicator: { name: 'Achterstandsscore per 100 leerlingen' }, cohort: sj2020 },
];

describe('otherPeriods', () => {
  it('names the indicators that show another period than the chosen cohort, by the period they show, latest first', () => {
    expect(otherPeriods(shown, '2020-2021')).toEqual([
      { period: 'schooljaar 2023-2024', names: ['Slagingspercentage vo-examen'] },
      { period: 'schooljaar 2019-2020', names: ['Havo/vwo in leerjaar 3', 'Achterstandsscore per 100 leerlingen'] },
      { period: 'schooljaar 2018-2019', names: ['Gemiddelde score Route 8'] },
    ]);
  });

  it('names the GKA indicators when a school year is chosen, and nothing when no period is', () => {
    expect(otherPeriods(shown, 'sj2023-2024').map((g) => g.period)).toEqual(['cohort 2020-2021', 'schooljaar 2019-2020', 'schooljaar 2018-2019']);
    expect(otherPeriods(shown, undefined)).toEqual([]);
  });
});
