import { describe, expect, it } from 'vitest';
import type { ProfileIndicator } from '@gka/shared';
import { covidBand, covidRuns, figureCohorts, hasTrend, interventionMarks, schoolYearOf, scaleNote, trendLegend, trendOption, yRange } from './trendOption.ts';

type Point = ProfileIndicator['trend'][number];

function point(year: string, value: number | null, o: Partial<Point> & { covid?: boolean; nederland?: number | null } = {}): Point {
  const { covid = false, nederland = null, ...rest } = o;
  return {
    cohort: { code: `sj${year}`, label: `Schooljaar ${year}`, schoolYears: [year], pooled: [], covid, note: covid ? 'Coronajaar.' : null },
    value,
    ciLow: value === null ? null : value - 0.01,
    ciHigh: value === null ? null : value + 0.01,
    suppressed: false,
    benchmarks: nederland === null ? [] : [{ kind: 'nederland', value: nederland }],
    ...rest,
  };
}

const passRates = [
  point('2018-2019', 0.91, { nederland: 0.92 }),
  point('2019-2020', 0.985, { covid: true, nederland: 0.987 }),
  point('2020-2021', 0.94, { covid: true, nederland: 0.949 }),
  point('2021-2022', 0.93, { covid: true, nederland: 0.943 }),
  point('2022-2023', 0.88, { nederland: 0.895 }),
];

type Series = { name?: string; type?: string; data?: unknown[]; yAxisIndex?: number };
const seriesOf = (o: ReturnType<typeof trendOption>) => o.series as Series[];

describe('yRange', () => {
  it('fits pass rates near 90% on whole percents instead of starting at 0', () => {
    const r = yRange(passRates, 'percentage')!;
    expect(r.fromZero).toBe(false);
    expect(r.min).toBeGreaterThan(0.8);
    expect(r.min).toBeLessThanOrEqual(0.87);
    expect(r.max).toBeGreaterThanOrEqual(0.995);
    expect(r.max).toBeLessThanOrEqual(1);
    // Bounds on the tick grid, so the first and last labels do not crowd the ticks next to them.
    for (const v of [r.min, r.max]) expect(Math.abs(v / r.interval - Math.round(v / r.interval))).toBeLessThan(1e-9);
    expect(r.interval).toBeGreaterThanOrEqual(0.01);
  });

  it('keeps shares within 0–100% and means on whole points', () => {
    expect(yRange([point('2018-2019', 0.02), point('2019-2020', 0.05)], 'percentage')).toMatchObject({ min: 0, fromZero: true });
    const eindtoets = yRange(
      [point('2018-2019', 535.2, { ciLow: null, ciHigh: null }), point('2019-2020', 536.9, { ciLow: null, ciHigh: null })],
      'gemiddelde',
    )!;
    expect(eindtoets.min).toBeGreaterThan(500);
    expect(Number.isInteger(eindtoets.min) && Number.isInteger(eindtoets.max)).toBe(true);
    expect(yRange([point('2018-2019', null)], 'percentage')).toBeNull();
  });

  it('says so when the axis does not start at 0', () => {
    expect(scaleNote(passRates, 'percentage')).toMatch(/^Let op: de verticale as begint bij \d+%, niet bij 0, en loopt tot 100%\.$/);
    expect(scaleNote([point('2018-2019', 0.02), point('2019-2020', 0.05)], 'percentage')).toMatch(/^De verticale as loopt van 0% tot \d+%\.$/);
  });
});

describe('covid band', () => {
  it('covers the runs of cohorts COVID touched, by their axis labels', () => {
    expect(covidRuns(passRates)).toEqual([[1, 3]]);
    expect(covidBand(passRates)).toEqual([['2019-2020', '2021-2022']]);
    const gaps = [point('2018-2019', 0.5, { covid: true }), point('2019-2020', 0.5), point('2020-2021', 0.5, { covid: true })];
    expect(covidRuns(gaps)).toEqual([
      [0, 0],
      [2, 2],
    ]);
    expect(covidRuns([point('2018-2019', 0.5)])).toEqual([]);
  });
});

describe('trendOption', () => {
  const option = trendOption({ trend: passRates, unit: 'percentage', area: 'Tilburg' });

  it('draws the indicator’s own cohorts on the x-axis, nothing else', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['2018-2019', '2019-2020', '2020-2021', '2021-2022', '2022-2023']);
  });

  it('fills the COVID cohorts with full-width bars on their own axis, labelled once per run', () => {
    const band = seriesOf(option).find((s) => s.name === 'COVID')!;
    expect(band).toMatchObject({ type: 'bar', yAxisIndex: 1 });
    expect(band.data!.map((d) => (d === null ? null : (d as { label: { show: boolean } }).label.show))).toEqual([null, true, false, false, null]);
  });

  it('draws the interval as a band from the lower to the upper bound', () => {
    const [lower, width] = seriesOf(option).filter((s) => s.name === '95%-interval van de waarde van Tilburg');
    const top = (lower!.data as number[]).map((l, i) => l + (width!.data as number[])[i]!);
    expect(lower!.data).toEqual(passRates.map((p) => p.ciLow));
    top.forEach((t, i) => expect(t).toBeCloseTo(passRates[i]!.ciHigh!, 12));
  });

  it('draws a line per benchmark that has values, the area’s own last (over a benchmark of the same value), and leaves a hidden value out of it', () => {
    expect(
      seriesOf(option)
        .filter((s) => s.type === 'line')
        .map((s) => s.name),
    ).toEqual(['95%-interval van de waarde van Tilburg', '95%-interval van de waarde van Tilburg', 'Nederland', 'Tilburg']);
    const hidden = trendOption({ trend: [point('2018-2019', 0.5), point('2019-2020', null, { suppressed: true })], unit: 'percentage', area: 'X' });
    expect(seriesOf(hidden).find((s) => s.name === 'X')!.data).toEqual([0.5, null]);
    expect(seriesOf(hidden).some((s) => s.name === 'COVID')).toBe(true);
  });
});

describe('trend legend', () => {
  const school = [
    point('2018-2019', 0.9, {
      nederland: 0.92,
      benchmarks: [
        { kind: 'nederland', value: 0.92 },
        { kind: 'stedelijkheid', value: 0.91 },
        { kind: 'gka', value: 0.9 },
        { kind: 'gemeente', value: 0.93 },
      ],
    }),
    point('2019-2020', 0.95, {
      covid: true,
      benchmarks: [
        { kind: 'nederland', value: 0.97 },
        { kind: 'stedelijkheid', value: 0.96 },
        { kind: 'gka', value: 0.96 },
        { kind: 'gemeente', value: 0.95 },
      ],
    }),
  ];
  const name = 'Beatrix College voor Mavo, Havo, Atheneum';

  it('never pages: no legend inside the chart, which could only scroll, but every entry beside it', () => {
    const option = trendOption({ trend: school, unit: 'percentage', area: name, ownGemeente: 'Tilburg' });
    expect(option.legend).toBeUndefined();
    expect(trendLegend({ trend: school, area: name, ownGemeente: 'Tilburg' }).map((i) => i.label)).toEqual([
      name,
      `95%-interval van de waarde van ${name}`,
      'Nederland',
      'Gemeenten met dezelfde stedelijkheid',
      'GKA-gemeenten',
      'Eigen gemeente (Tilburg)',
      'Cohorten waarin COVID een rol speelde',
    ]);
    // Each line in the legend as in the chart: its colour, its dash and its marker.
    const lines = (option.series as { name: string; color?: string; lineStyle?: { type?: unknown }; symbol?: string }[]).filter((s) =>
      s.name.startsWith('Eigen'),
    );
    expect(lines).toHaveLength(1);
    expect(trendLegend({ trend: school, area: name, ownGemeente: 'Tilburg' }).find((i) => i.label === lines[0]!.name)).toMatchObject({
      colour: lines[0]!.color,
      line: lines[0]!.lineStyle!.type,
      marker: lines[0]!.symbol,
    });
  });

  it('leaves out what the chart does not draw', () => {
    expect(trendLegend({ trend: [point('2018-2019', 0.5, { ciLow: null, ciHigh: null })], area: 'X' }).map((i) => i.label)).toEqual(['X']);
  });
});

describe('trend or figures', () => {
  it('draws a trend through two or more cohorts with a value, and shows one value as a figure', () => {
    expect(hasTrend(passRates)).toBe(true);
    expect(hasTrend([point('2019-2020', 0.6)])).toBe(false);
    // A hidden value is no point on a line.
    const oneShown = [point('2018-2019', null, { suppressed: true }), point('2019-2020', 0.6), point('2020-2021', null)];
    expect(hasTrend(oneShown)).toBe(false);
    expect(figureCohorts(oneShown).map((p) => p.cohort.code)).toEqual(['sj2018-2019', 'sj2019-2020']);
  });
});

describe('interventies on the trend', () => {
  const cohorts = ['2018-2019', '2019-2020', '2020-2021'].map((y) => ({ cohort: { schoolYears: [y] } }));
  it('puts an interventie at the first cohort of the school year it starts in, and leaves out one after the last', () => {
    expect(schoolYearOf('2019-08-01')).toBe('2019-2020');
    expect(schoolYearOf('2020-07-31')).toBe('2019-2020');
    const marks = interventionMarks(cohorts as never, [
      { naam: 'Zomerschool', start: '2019-09-01' },
      { naam: 'Vroeg', start: '2001-01-01' },
      { naam: 'Later', start: '2024-09-01' },
    ]);
    expect(marks).toEqual([
      { index: 1, naam: 'Zomerschool' },
      { index: 0, naam: 'Vroeg' },
    ]);
  });
});

describe('the interventie lines', () => {
  it('draws each interventie as a vertical line at its cohort on the area series, with its name', () => {
    const option = trendOption({ trend: passRates, unit: 'percentage', area: 'Tilburg', marks: [{ index: 1, naam: 'Zomerschool' }] });
    const area = seriesOf(option).at(-1) as Series & { markLine?: { data: { name: string; xAxis: string }[] } };
    const labels = (option.xAxis as { data: string[] }).data;
    expect(area.markLine?.data).toEqual([{ name: 'Zomerschool', xAxis: labels[1] }]);
    expect(seriesOf(trendOption({ trend: passRates, unit: 'percentage', area: 'Tilburg' })).some((s) => 'markLine' in s)).toBe(false);
  });
});
