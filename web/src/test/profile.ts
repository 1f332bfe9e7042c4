import { ProfileResponse, type Indicator, type Value } from '@gka/shared';
import { area, benchmark, cohort, comparison, indicator } from './api.ts';
import { aastad } from './values.ts';

const v = (group: string, value: number | null, suppressed = false): Value => ({
  area: 'GM0001',
  name: 'Aastad',
  group,
  numerator: null,
  denominator: null,
  value,
  ciLow: value === null ? null : value - 0.05,
  ciHigh: value === null ? null : value + 0.05,
  suppressed,
});
/** The indicator as a profile carries it: without its cohorts, which the profile gives per indicator. */
const own = (i: Indicator) => {
  const { cohorts: _cohorts, ...rest } = i;
  return rest;
};

const covidCohort = cohort('2020-2021', { covid: true, note: 'Groep 8 in 2019-2020: de eindtoets ging niet door.' });
const advies = indicator('advies_havo_vwo', { name: 'Advies havo/vwo', cohorts: [cohort('2018-2019'), covidCohort, cohort('2022-2023')] });
const achterstand = indicator('achterstandsscore', { name: 'Achterstandsscore', unit: 'gemiddelde', higherIsBetter: null, source: 'CBS', hasWijken: false });

/**
 * Aastad's profile: the schooladvies below Nederland and above the GKA-gemeenten, with a kansenkloof,
 * a trend over three cohorts (COVID in the middle), its expected value and a peer that does better;
 * the achterstandsscore neutral, in one cohort.
 */
export const aastadProfile = ProfileResponse.parse({
  area: { ...aastad, gkaSinds: '2021-03-01', omgevingsadressendichtheid: 2700 },
  cohorts: [cohort('2018-2019'), cohort('2020-2021'), cohort('2022-2023')],
  indicators: [
    {
      indicator: own(advies),
      cohort: cohort('2022-2023'),
      value: { ...v('totaal', 0.4), numerator: 120, denominator: 300 },
      comparisons: [
        comparison('nederland', 0.45, 'lager', -0.05),
        comparison('stedelijkheid', 0.41, 'niet_significant', -0.01),
        comparison('gka', 0.35, 'hoger', 0.05),
      ],
      benchmarks: [
        benchmark('nederland', 'Nederland', 0.45, 342),
        benchmark('stedelijkheid', 'Gemeenten met dezelfde stedelijkheid', 0.41, 20),
        benchmark('gka', 'GKA-gemeenten', 0.35, 12),
      ],
      kansenkloof: 0.25,
      breakdown: [{ dimension: 'opleiding_ouders', values: [v('laag', 0.2), v('midden', 0.38), v('hoog', 0.45)] }],
      trend: [
        { cohort: cohort('2018-2019'), value: 0.42, ciLow: 0.37, ciHigh: 0.47, suppressed: false, benchmarks: [{ kind: 'nederland', value: 0.44 }] },
        { cohort: covidCohort, value: 0.38, ciLow: 0.33, ciHigh: 0.43, suppressed: false, benchmarks: [{ kind: 'nederland', value: 0.43 }] },
        { cohort: cohort('2022-2023'), value: 0.4, ciLow: 0.35, ciHigh: 0.45, suppressed: false, benchmarks: [{ kind: 'nederland', value: 0.45 }] },
      ],
      covidChange: {
        cohort: covidCohort,
        reference: { code: 'voor-covid', label: 'Vóór COVID (2018-2019)', cohorts: ['2018-2019'] },
        value: 0.38,
        referenceValue: 0.42,
        difference: -0.04,
        ciLow: -0.09,
        ciHigh: 0.01,
        significance: 'niet_significant',
        suppressed: false,
      },
      expected: {
        dimension: 'opleiding_ouders',
        observed: 0.4,
        expected: 0.43,
        difference: -0.03,
        ciLow: -0.07,
        ciHigh: 0.01,
        significance: 'niet_significant',
        suppressed: false,
      },
      peers: [
        {
          area: 'GM0003',
          name: 'Ceeveen',
          value: 0.6,
          difference: 0.2,
          ciLow: 0.1,
          ciHigh: 0.3,
          significance: 'hoger',
          adjustedDifference: 0.15,
          adjustedSignificance: 'hoger',
        },
      ],
      deviatingWijken: [],
    },
    {
      indicator: own(achterstand),
      cohort: cohort('2023-2024'),
      value: { ...v('totaal', 31.2), ciLow: null, ciHigh: null },
      comparisons: [comparison('nederland', 30, 'onbekend', 1.2)],
      benchmarks: [benchmark('nederland', 'Nederland', 30, 342)],
      breakdown: [],
      trend: [{ cohort: cohort('2023-2024'), value: 31.2, ciLow: null, ciHigh: null, suppressed: false, benchmarks: [{ kind: 'nederland', value: 30 }] }],
      covidChange: null,
      expected: null,
      peers: null,
      deviatingWijken: [],
    },
  ],
  // The schooladvies as a concern: significantly below Nederland, by more than its pupils explain.
  aandachtspunten: {
    zorgen: [
      {
        indicator: 'advies_havo_vwo',
        name: 'Advies havo/vwo',
        unit: 'percentage',
        cohort: '2022-2023',
        value: 0.4,
        benchmark: 0.45,
        difference: -0.05,
        expectedDifference: -0.03,
      },
    ],
    sterk: [],
  },
  wijken: [area('WK000101', 'Centrum', { parent: 'GM0001' })],
  minCell: 10,
  sources: [{ kind: 'duo', source: 'DUO', synthetic: false, importedAt: '2026-01-01T00:00:00Z' }],
  synthetic: false,
});
