import { describe, expect, it } from 'vitest';
import { SchoolsResponse, type SimilarSchools } from '@gka/shared';
import { hidden, indicator, school, schoolsColumn, value } from '../../test/api.ts';
import { similarOption } from './similarOption.ts';
import { similarRows } from './similar.ts';

const similar = (s: Partial<SimilarSchools>): SimilarSchools => ({
  band: 2,
  score: 12,
  value: 0.6,
  ciLow: 0.45,
  ciHigh: 0.73,
  bandValue: 0.75,
  difference: -0.15,
  differenceLow: -0.29,
  differenceHigh: -0.02,
  significance: 'lager',
  ...s,
});
const band = (n: number, from: number, to: number, v: number) => ({ band: n, from, to, schools: 900, numerator: v * 1000, denominator: 1000, value: v });
const lezen = indicator('ref_lezen_2f', { name: 'Lezen: 2F of hoger' });
const rekenen = indicator('ref_rekenen_1f', { name: 'Rekenen: 1F of hoger' });
const taal = indicator('ref_taal_2f', { name: 'Taalverzorging: 2F of hoger' });

/** One school (GET /schools/{school}): rekenen 1F hidden, lezen 2F significantly below its band, taalverzorging 2F alone in its band. */
const response = SchoolsResponse.parse({
  gemeente: { code: 'GM0001', name: 'Ergenstad' },
  counts: { po: 1, vo: 0 },
  far: [],
  columns: [rekenen, lezen, taal].map((i) => ({
    ...schoolsColumn(i),
    similar: { scoreCohort: { code: 'sj2019-2020', label: 'Schooljaar 2019-2020' }, bands: [band(2, 9.3, 15.8, 0.75)] },
  })),
  schools: [
    {
      school: school('SC00AA00', 'De Regenboog', { sector: 'po' }),
      values: [
        {
          ...hidden('SC00AA00', 'De Regenboog'),
          indicator: 'ref_rekenen_1f',
          similar: similar({ value: null, ciLow: null, ciHigh: null, difference: null, differenceLow: null, differenceHigh: null, significance: 'onbekend' }),
        },
        { ...value('SC00AA00', 'De Regenboog', 24, 40), indicator: 'ref_lezen_2f', similar: similar({}) },
        {
          ...value('SC00AA00', 'De Regenboog', 24, 40),
          indicator: 'ref_taal_2f',
          similar: similar({ bandValue: 0.6, difference: null, differenceLow: null, differenceHigh: null, significance: 'onbekend' }),
        },
      ],
    },
  ],
});

describe('a school against schools of a similar achterstandsscore', () => {
  const rows = similarRows(response);

  it('says per referentieniveau what the school reached, what similar schools reached, and the verdict', () => {
    expect(rows.map((r) => r.sentence)).toEqual([
      'Het cijfer van deze school voor 1F of hoger voor rekenen is afgeschermd (te weinig leerlingen); scholen met een vergelijkbare achterstandsscore (9,3 tot 15,8 per 100 leerlingen): 75,0%.',
      'Van de leerlingen haalde 60,0% 2F of hoger voor lezen; scholen met een vergelijkbare achterstandsscore (9,3 tot 15,8 per 100 leerlingen): 75,0%; significant lager (−15,0 procentpunt).',
      "Van de leerlingen haalde 60,0% 2F of hoger voor taalverzorging; scholen met een vergelijkbare achterstandsscore (9,3 tot 15,8 per 100 leerlingen): 60,0%: geen andere school met zo'n achterstandsscore om mee te vergelijken.",
    ]);
    expect(rows.map((r) => r.verdict)).toEqual(['onbekend', 'ongunstig', 'onbekend']);
  });

  const option = similarOption({ rows });
  const series = option.series as { name: string; data: unknown[] }[];

  it('draws each referentieniveau as a row, the first on top, with the school and its band at their shares', () => {
    // ECharts draws the first category at the bottom.
    expect((option.yAxis as { data: string[] }).data).toEqual(['Taalverzorging 2F', 'Lezen 2F', 'Rekenen 1F']);
    const formatter = (option.yAxis as { axisLabel: { formatter: (l: string, i: number) => string } }).axisLabel.formatter;
    expect(formatter('Rekenen 1F', 2)).toBe('Rekenen 1F: afgeschermd');
    expect(formatter('Lezen 2F', 1)).toBe('Lezen 2F: 60,0%');
    // On a phone the value goes under the label.
    const phone = similarOption({ rows, narrow: true }).yAxis as { axisLabel: { formatter: (l: string, i: number) => string } };
    expect(phone.axisLabel.formatter('Lezen 2F', 1)).toBe('Lezen 2F\n60,0%');
    const school = series.find((s) => s.name === 'Deze school')!.data as { value: number | null; itemStyle: { color: string } }[];
    expect(school.map((d) => d.value)).toEqual([0.6, 0.6, null]);
    // Coloured by the verdict: lezen significantly below similar schools, a share where higher is better.
    expect(school[1]!.itemStyle.color).toBe('#c51b7d');
    expect(series.find((s) => s.name === 'Vergelijkbare scholen')!.data).toEqual([0.6, 0.75, 0.75]);
  });

  it('gives the whisker the interval the verdict follows, and none to a hidden figure', () => {
    expect(series.find((s) => s.name === '95%-interval')!.data).toEqual([
      [0.45, 0.73, 0],
      [0.45, 0.73, 1],
    ]);
    expect(option.xAxis).toMatchObject({ min: 0, max: 1 });
  });
});
