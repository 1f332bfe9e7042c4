import { SchoolsResponse } from '@gka/shared';
import { cohort, comparison, hidden, indicator, school, schoolsColumn, value } from './api.ts';

export const advies = indicator('advies_havo_vwo', { name: 'Advies havo/vwo' });
const iep = indicator('eindtoets_iep', { name: 'Gemiddelde score IEP Eindtoets', unit: 'gemiddelde', higherIsBetter: true });
const route8 = indicator('eindtoets_route8', {
  name: 'Gemiddelde score Route 8',
  unit: 'gemiddelde',
  higherIsBetter: true,
  cohorts: [cohort('2021-2022'), cohort('2022-2023')],
});
export const achterstand = indicator('achterstandsscore', { name: 'Achterstandsscore', unit: 'gemiddelde', higherIsBetter: null, source: 'CBS' });
const columns = [advies, iep, route8, achterstand].map((i) => schoolsColumn(i));

/** A school's value of one indicator. */
const of = (ind: string, v: ReturnType<typeof value>) => ({ ...v, indicator: ind });

/** Ergenstad's basisscholen: one with every figure, one hidden, two closed (one still with figures). */
export const ergenstadSchools = SchoolsResponse.parse({
  gemeente: { code: 'GM0001', name: 'Ergenstad' },
  columns,
  counts: { po: 3, vo: 0 },
  far: [],
  schools: [
    {
      school: school('SC00AA00', 'De Regenboog', { sector: 'po' }),
      values: [
        of(
          'advies_havo_vwo',
          value('SC00AA00', 'De Regenboog', 30, 60, [comparison('gemeente', 0.4, 'hoger'), comparison('nederland', 0.45, 'niet_significant')]),
        ),
        of('eindtoets_iep', {
          ...value('SC00AA00', 'De Regenboog', 1, 1),
          value: 80.1,
          ciLow: null,
          ciHigh: null,
          comparisons: [comparison('gemeente', 78.7, 'onbekend', 1.4)],
        }),
        of('eindtoets_route8', { ...value('SC00AA00', 'De Regenboog', 1, 1), value: 210, ciLow: null, ciHigh: null }),
      ],
    },
    {
      school: school('SC00BB00', 'Het Anker', { sector: 'po' }),
      values: [
        of('advies_havo_vwo', hidden('SC00BB00', 'Het Anker')),
        of('eindtoets_route8', { ...value('SC00BB00', 'Het Anker', 1, 1), value: 205.5, ciLow: null, ciHigh: null }),
      ],
    },
    { school: school('SC00CC00', 'Oude School', { sector: 'po', gesloten: true }), values: [] },
    {
      school: school('SC00DD00', 'Laatste Jaar', { sector: 'po', gesloten: true }),
      values: [of('advies_havo_vwo', value('SC00DD00', 'Laatste Jaar', 12, 40, [comparison('gemeente', 0.4, 'lager')]))],
    },
  ],
});
