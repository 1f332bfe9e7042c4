import { DIMENSION_LABELS, DIMENSIONS, GROUP_LABELS, isGroupOf, type Cohort, type Dimension, type Indicator } from '@gka/shared';
import type { Option } from './Select.tsx';

/** 'Cohort 2022-2023' → '2022-2023': the UI puts 'cohort' in front where the sentence needs it. */
export function shortCohortLabel(c: Pick<Cohort, 'label'>): string {
  return c.label.replace(/^cohort\s+/i, '');
}

export function cohortLabel(c: Pick<Cohort, 'label' | 'covid'>): string {
  return c.covid ? `${shortCohortLabel(c)} (COVID-cohort)` : shortCohortLabel(c);
}

export function cohortOptions(indicator: Indicator | undefined, cohorts: Cohort[]): Option[] {
  const available = indicator ? cohorts.filter((c) => indicator.cohorts.includes(c.code)) : cohorts;
  return available.map((c) => ({ value: c.code, label: cohortLabel(c) }));
}

/** Every dimension:group pair, e.g. 'opleiding_ouders:laag' → 'Opleiding ouders: laag'. */
export const GROUP_OPTIONS: Option[] = (Object.keys(DIMENSIONS) as Dimension[]).flatMap((d) =>
  DIMENSIONS[d].map((g) => ({
    value: `${d}:${g}`,
    label: d === 'totaal' ? 'Alle leerlingen' : `${DIMENSION_LABELS[d]}: ${GROUP_LABELS[g].toLowerCase()}`,
  })),
);

export const DIMENSION_OPTIONS: Option[] = (Object.keys(DIMENSIONS) as Dimension[]).map((d) => ({ value: d, label: DIMENSION_LABELS[d] }));

export function parseGroup(value: string | undefined): { dimension: Dimension; group: string } {
  const [d, g] = (value ?? '').split(':');
  if (d && g && isGroupOf(d, g)) return { dimension: d as Dimension, group: g };
  return { dimension: 'totaal', group: 'totaal' };
}
