import {
  cohortPhrase,
  preCovidCohortsFor,
  DIMENSION_LABELS,
  DIMENSIONS,
  GROUP_LABELS,
  isGroupOf,
  PRE_COVID,
  type Cohort,
  type Dimension,
  type Indicator,
} from '@gka/shared';
import type { Option } from './Select.tsx';

/** 'Cohort 2020-2021 (COVID)': COVID is named only where it touched this indicator's cohort. */
export function cohortLabel(c: Pick<Cohort, 'label'> & { covid?: boolean }): string {
  return c.covid ? `${c.label} (COVID)` : c.label;
}

/** The indicator's own cohorts, each marked where COVID touched it, then its pooled periods ('… samen'). */
export function cohortOptions(indicator: Pick<Indicator, 'cohorts' | 'pools'> | undefined): Option[] {
  return [...(indicator?.cohorts ?? []), ...(indicator?.pools ?? [])].map((c) => ({ value: c.code, label: cohortLabel(c) }));
}

/**
 * What a cohort's change can be measured against: the indicator's cohorts before COVID together
 * (from its first COVID cohort on, when it has cohorts before that), or any earlier cohort.
 */
export function referenceOptions(indicator: Pick<Indicator, 'cohorts'> | undefined, cohort: string | undefined): Option[] {
  const own = indicator?.cohorts ?? [];
  const here = own.findIndex((c) => c.code === cohort);
  return [
    ...(preCovidCohortsFor(own, cohort).length ? [{ value: PRE_COVID, label: 'vóór COVID (de cohorten ervoor samen)' }] : []),
    ...own.slice(0, Math.max(here, 0)).map((c) => ({ value: c.code, label: cohortPhrase(c) })),
  ];
}

/** Every dimension:group pair, e.g. 'opleiding_ouders:laag' → 'Opleiding ouders: laag'. */
export const GROUP_OPTIONS: Option[] = (Object.keys(DIMENSIONS) as Dimension[]).flatMap((d) =>
  DIMENSIONS[d].map((g) => ({
    value: `${d}:${g}`,
    label: d === 'totaal' ? 'Alle leerlingen' : `${DIMENSION_LABELS[d]}: ${(GROUP_LABELS[g] ?? g).toLowerCase()}`,
  })),
);

export const DIMENSION_OPTIONS: Option[] = (Object.keys(DIMENSIONS) as Dimension[]).map((d) => ({ value: d, label: DIMENSION_LABELS[d] }));

export function parseGroup(value: string | undefined): { dimension: Dimension; group: string } {
  const [d, g] = (value ?? '').split(':');
  if (d && g && isGroupOf(d, g)) return { dimension: d as Dimension, group: g };
  return { dimension: 'totaal', group: 'totaal' };
}

/**
 * The indicators a profile shows in another period than the chosen one, because they have no figures
 * for it (DUO counts per school year, the GKA monitor per two-year cohort): grouped by the period
 * each shows instead, latest first. Empty when no period was chosen (each shows its latest anyway).
 */
export function otherPeriods(
  shown: { indicator: Pick<Indicator, 'name'>; cohort: Cohort }[],
  chosen: string | undefined,
): { period: string; names: string[] }[] {
  if (!chosen) return [];
  const groups = new Map<string, { period: string; names: string[]; last: string }>();
  for (const { indicator, cohort } of shown) {
    if (cohort.code === chosen) continue;
    const group = groups.get(cohort.code) ?? { period: cohortPhrase(cohort), names: [], last: cohort.schoolYears.at(-1) ?? '' };
    group.names.push(indicator.name);
    groups.set(cohort.code, group);
  }
  return [...groups.values()].sort((a, b) => b.last.localeCompare(a.last)).map(({ period, names }) => ({ period, names }));
}
