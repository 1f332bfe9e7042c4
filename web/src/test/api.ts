import {
  Area,
  Benchmark,
  ComparedValue,
  Comparison,
  ExpectedResponse,
  ExpectedRow,
  Indicator,
  IndicatorCohort,
  Meta,
  SchoolsColumn,
  type BenchmarkKind,
  type Significance,
} from '@gka/shared';

/**
 * API answers for component and row-builder tests, built from a few fields and parsed with the shared
 * contract, so a fixture that drifts from what the API sends fails here and not as a wrong assertion.
 */

export const cohort = (code: string, extra: Partial<IndicatorCohort> = {}): IndicatorCohort =>
  IndicatorCohort.parse({ code, label: `Cohort ${code}`, schoolYears: [code], pooled: [], covid: false, note: null, ...extra });

/** A share (the default) or a mean; its cohorts oldest first. */
export function indicator(code: string, extra: Partial<Indicator> = {}): Indicator {
  return Indicator.parse({
    code,
    name: `Indicator ${code}`,
    definition: `Definitie van ${code}`,
    numeratorDefinition: 'Leerlingen met het advies',
    denominatorDefinition: 'Leerlingen in groep 8',
    unit: 'percentage',
    higherIsBetter: true,
    source: 'DUO',
    definedBy: null,
    cohorts: [cohort('2022-2023'), cohort('2023-2024')],
    pools: [],
    hasWijken: true,
    hasSchools: true,
    mixDimensions: ['opleiding_ouders', 'inkomen_ouders', 'migratieachtergrond'],
    synthetic: false,
    ...extra,
  });
}

export function area(code: string, name: string, extra: Partial<Area> = {}): Area {
  return Area.parse({
    code,
    name,
    level: code.startsWith('GM') ? 'gemeente' : code.startsWith('WK') ? 'wijk' : code.startsWith('SC') ? 'school' : 'land',
    parent: null,
    stedelijkheid: 2,
    inwoners: 50_000,
    provincie: 'Noord-Brabant',
    gka: false,
    gkaSinds: null,
    school: null,
    ...extra,
  });
}

/** A comparison as the API makes it; `value` fills in the difference when it is not given. */
export const comparison = (kind: BenchmarkKind, benchmark: number | null, significance: Significance, difference?: number | null): Comparison =>
  Comparison.parse({
    kind,
    benchmark,
    difference: difference ?? null,
    ciLow: null,
    ciHigh: null,
    share: null,
    significance,
  });

/** A published share with its Wilson-like interval; `comparisons` as /values decides them. */
export function value(
  areaCode: string,
  name: string,
  numerator: number,
  denominator: number,
  comparisons: Comparison[] = [],
  extra: Partial<ComparedValue> = {},
) {
  const v = numerator / denominator;
  return ComparedValue.parse({
    area: areaCode,
    name,
    group: 'totaal',
    numerator,
    denominator,
    value: v,
    ciLow: v - 0.05,
    ciHigh: v + 0.05,
    suppressed: false,
    comparisons: comparisons.map((c) => (c.benchmark === null ? c : { ...c, difference: c.difference ?? v - c.benchmark })),
    ...extra,
  });
}

/** A cell hidden by disclosure control: its counts never leave the database. */
export const hidden = (areaCode: string, name: string, extra: Partial<ComparedValue> = {}) =>
  ComparedValue.parse({
    area: areaCode,
    name,
    group: 'totaal',
    numerator: null,
    denominator: null,
    value: null,
    ciLow: null,
    ciHigh: null,
    suppressed: true,
    comparisons: [],
    ...extra,
  });

export const benchmark = (kind: BenchmarkKind, label: string, v: number, n: number, extra: Partial<Benchmark> = {}): Benchmark =>
  Benchmark.parse({ kind, label, group: 'totaal', value: v, ciLow: v - 0.01, ciHigh: v + 0.01, n, ...extra });

export function meta(ind: Indicator, cohortCode = ind.cohorts.at(-1)!.code): Meta {
  const { cohorts, synthetic, ...rest } = ind;
  return Meta.parse({
    indicator: rest,
    cohort: cohorts.find((c) => c.code === cohortCode) ?? ind.pools.find((c) => c.code === cohortCode),
    minCell: 10,
    sources: [{ kind: 'duo', source: ind.source, synthetic, importedAt: '2026-01-01T00:00:00Z' }],
    synthetic,
  });
}

/** A school location (level school) with the DUO address list's details. */
export const school = (code: string, name: string, info: { sector: 'po' | 'vo'; gesloten?: boolean; plaats?: string; adres?: string }) =>
  area(code, name, {
    parent: 'GM0001',
    stedelijkheid: null,
    inwoners: null,
    provincie: null,
    school: {
      brin: code.slice(2, 6),
      vestiging: code.slice(2),
      sector: info.sector,
      soort: info.sector === 'po' ? 'Bo' : 'HAVO/VWO',
      denominatie: 'Openbaar',
      adres: info.adres ?? 'Schoolstraat 1',
      postcode: '1234 AB',
      plaats: info.plaats ?? 'Ergens',
      gesloten: info.gesloten ?? false,
    },
  });

/** A column of /schools: the indicator without its cohorts, in the cohort shown. */
export const schoolsColumn = (ind: Indicator, cohortCode = ind.cohorts.at(-1)!.code) => {
  const { cohorts, ...rest } = ind;
  return SchoolsColumn.parse({ indicator: rest, cohort: cohorts.find((c) => c.code === cohortCode) });
};

/** A row of /expected: the share against what its pupils predict; the interval ±3 procentpunt around the difference. */
export const expectedRow = (areaCode: string, name: string, observed: number, expected: number, significance: Significance) =>
  ExpectedRow.parse({
    area: areaCode,
    name,
    observed,
    expected,
    difference: observed - expected,
    ciLow: observed - expected - 0.03,
    ciHigh: observed - expected + 0.03,
    significance,
    suppressed: false,
  });

/** An area of /expected whose breakdown has a hidden group: no expected value. */
export const expectedHidden = (areaCode: string, name: string) =>
  ExpectedRow.parse({
    area: areaCode,
    name,
    observed: null,
    expected: null,
    difference: null,
    ciLow: null,
    ciHigh: null,
    significance: 'onbekend',
    suppressed: true,
  });

export const expectedResponse = (ind: Indicator, rows: ExpectedRow[], cohortCode?: string) =>
  ExpectedResponse.parse({
    data: rows,
    reference: [
      { group: 'laag', rate: 0.2 },
      { group: 'midden', rate: 0.4 },
      { group: 'hoog', rate: 0.7 },
    ],
    dispersion: { units: rows.length, phi: 1, tau2: 0 },
    meta: meta(ind, cohortCode),
  });
