import { ChangeResponse, GroupsResponse, IndicatorsResponse, ValuesResponse } from '@gka/shared';
import { area, benchmark, cohort, comparison, hidden, indicator, meta, value } from './api.ts';

/** Three gemeenten of a fictitious region, one a GKA-gemeente, one too small to publish. */
export const aastad = area('GM0001', 'Aastad', { gka: true, stedelijkheid: 1 });
export const beedorp = area('GM0002', 'Beedorp', { stedelijkheid: 5, inwoners: 900 });
export const ceeveen = area('GM0003', 'Ceeveen', { stedelijkheid: 3 });

export const advies = indicator('advies_havo_vwo', {
  name: 'Advies havo/vwo',
  cohorts: [cohort('2022-2023'), cohort('2023-2024')],
});
export const eindtoets = indicator('eindtoets_gemiddelde', {
  name: 'Gemiddelde score op de eindtoets',
  unit: 'gemiddelde',
  cohorts: [cohort('2023-2024')],
});
export const indicators = IndicatorsResponse.parse({ data: [advies, eindtoets, indicator('nog_niet_geimporteerd', { cohorts: [] })] });

/** /values of advies in 2023-2024 for the gemeenten: Aastad below Nederland, Beedorp hidden, Ceeveen above. */
export const adviesValues = ValuesResponse.parse({
  data: [
    value('GM0001', 'Aastad', 120, 300, [comparison('nederland', 0.45, 'lager'), comparison('gka', 0.42, 'niet_significant')]),
    hidden('GM0002', 'Beedorp'),
    value('GM0003', 'Ceeveen', 90, 150, [comparison('nederland', 0.45, 'hoger')]),
  ],
  benchmarks: [benchmark('nederland', 'Nederland', 0.45, 342), benchmark('gka', 'GKA-gemeenten', 0.42, 1)],
  dispersion: [],
  meta: meta(advies, '2023-2024'),
});

/** /change of advies, 2023-2024 against 2022-2023: Aastad significantly up, Ceeveen hidden. */
export const adviesChange = ChangeResponse.parse({
  data: [
    {
      area: 'GM0001',
      name: 'Aastad',
      group: 'totaal',
      value: 0.4,
      referenceValue: 0.37,
      difference: 0.03,
      ciLow: 0.01,
      ciHigh: 0.05,
      significance: 'hoger',
      suppressed: false,
    },
    {
      area: 'GM0003',
      name: 'Ceeveen',
      group: 'totaal',
      value: null,
      referenceValue: null,
      difference: null,
      ciLow: null,
      ciHigh: null,
      significance: 'onbekend',
      suppressed: true,
    },
    // Another group of the same gemeente: never shown beside the totaal.
    {
      area: 'GM0001',
      name: 'Aastad',
      group: 'laag',
      value: 0.2,
      referenceValue: 0.3,
      difference: -0.1,
      ciLow: -0.2,
      ciHigh: -0.01,
      significance: 'lager',
      suppressed: false,
    },
  ],
  dispersion: [],
  meta: { ...meta(advies, '2023-2024'), reference: { code: '2022-2023', label: 'Cohort 2022-2023', cohorts: ['2022-2023'] } },
});

export const groups = GroupsResponse.parse({
  data: [
    { code: 'gka', kind: 'gka', name: 'GKA-gemeenten', members: ['GM0001'] },
    { code: 'provincie-utrecht', kind: 'provincie', name: 'Utrecht', members: ['GM0001', 'GM0002', 'GM0003'] },
  ],
});
