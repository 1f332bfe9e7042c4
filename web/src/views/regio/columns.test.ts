import { describe, expect, it } from 'vitest';
import type { Overview } from '@gka/shared';
import { columnsFor } from './RegioView.tsx';

const indicator = (code: string) => ({
  code,
  name: code,
  unit: 'percentage',
  source: 'DUO',
  synthetic: false,
  cohort: { code: '2022-2023', label: 'Cohort 2022-2023', schoolYears: [] },
});

describe('the regio overview columns', () => {
  it('put the toetsen in one column where the first of them stands, and every other indicator in its own', () => {
    const data = {
      indicators: [
        'advies_havo_vwo',
        'slagingspercentage_vo',
        'eindtoets_gemiddelde',
        'havo_vwo_lj3',
        'eindtoets_iep',
        'eindtoets_lib',
        'achterstandsscore',
      ].map(indicator),
      rows: [],
    } as unknown as Overview;
    expect(columnsFor(data).map((c) => c.id ?? (c as { accessorKey?: string }).accessorKey)).toEqual([
      'name',
      'advies_havo_vwo',
      'slagingspercentage_vo',
      'toetsen',
      'havo_vwo_lj3',
      'achterstandsscore',
    ]);
  });

  it('have no toets column without toetsen', () => {
    const data = { indicators: ['advies_havo_vwo', 'zittenblijven'].map(indicator), rows: [] } as unknown as Overview;
    expect(columnsFor(data).map((c) => c.id ?? (c as { accessorKey?: string }).accessorKey)).toEqual(['name', 'advies_havo_vwo', 'zittenblijven']);
  });
});
