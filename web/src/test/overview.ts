import { compactOverview, Overview, OverviewResponse, verdictOf, type OverviewCell, type OverviewIndicator, type Significance } from '@gka/shared';
import { cohort, indicator } from './api.ts';

const column = (code: string, extra: Partial<OverviewIndicator> = {}): OverviewIndicator => {
  const { name, definition, unit, higherIsBetter, source, synthetic } = indicator(code);
  return { code, name, definition, unit, higherIsBetter, source, synthetic, cohort: cohort('2023-2024'), covidCohort: null, reference: null, ...extra };
};

export const adviesColumn = column('advies_havo_vwo', { name: 'Advies havo/vwo' });
export const achterstandColumn = column('achterstandsscore', { name: 'Achterstandsscore', unit: 'gemiddelde', higherIsBetter: null, source: 'CBS' });
export const iepColumn = column('eindtoets_iep', { name: 'Gemiddelde score IEP Eindtoets', unit: 'gemiddelde' });
export const amnColumn = column('eindtoets_amn', { name: 'Gemiddelde score AMN Eindtoets', unit: 'gemiddelde' });

/** A cell as the API decides it: the difference of the shown numbers, the verdict from the indicator's direction. */
function cell(ind: OverviewIndicator, value: number | null, benchmark: number | null, significance: Significance, suppressed = false): OverviewCell {
  const difference = value === null || benchmark === null ? null : Math.round((value - benchmark) * 10_000) / 10_000;
  return {
    indicator: ind.code,
    value,
    ciLow: value === null || ind.unit === 'gemiddelde' ? null : value - 0.05,
    ciHigh: value === null || ind.unit === 'gemiddelde' ? null : value + 0.05,
    suppressed,
    benchmark,
    difference,
    differenceCiLow: difference === null || ind.unit === 'gemiddelde' ? null : difference - 0.04,
    differenceCiHigh: difference === null || ind.unit === 'gemiddelde' ? null : difference + 0.04,
    significance,
    verdict: verdictOf(significance, ind.higherIsBetter),
    covidChange: null,
  };
}

const columns = [adviesColumn, achterstandColumn, iepColumn, amnColumn];

/**
 * The overview of a provincie of two gemeenten against Nederland: Aastad below on advies, Ceeveen
 * above; the achterstandsscore neutral; one toets taken (IEP, Ceeveen's hidden), one nobody took (AMN).
 */
export const utrechtOverview: Overview = Overview.parse({
  group: { code: 'provincie-utrecht', kind: 'provincie', name: 'Utrecht', members: ['GM0001', 'GM0003'] },
  benchmark: 'nederland',
  indicators: columns,
  rows: [
    {
      area: 'GM0001',
      name: 'Aastad',
      cells: [
        cell(adviesColumn, 0.4, 0.45, 'lager'),
        cell(achterstandColumn, 31.2, 30, 'hoger'),
        cell(iepColumn, 79.5, 80.1, 'onbekend'),
        cell(amnColumn, null, 81, 'onbekend'),
      ],
    },
    {
      area: 'GM0003',
      name: 'Ceeveen',
      cells: [
        cell(adviesColumn, 0.6, 0.45, 'hoger'),
        cell(achterstandColumn, 29.9, 30, 'niet_significant'),
        cell(iepColumn, null, 80.1, 'onbekend', true),
        cell(amnColumn, null, 81, 'onbekend'),
      ],
    },
  ],
  pooled: {
    area: 'provincie-utrecht',
    name: 'Utrecht samen',
    cells: [
      cell(adviesColumn, 0.5, 0.45, 'hoger'),
      cell(achterstandColumn, 30.5, 30, 'niet_significant'),
      cell(iepColumn, 79.5, 80.1, 'onbekend'),
      cell(amnColumn, null, 81, 'onbekend'),
    ],
  },
  minCell: 10,
  synthetic: false,
});

/** The same as GET /overview sends it, column-wise. */
export const utrechtOverviewResponse = OverviewResponse.parse(compactOverview(utrechtOverview));
