import type { DataLevel } from '@gka/shared';
import type { CompareParams, ExpectedParams, OverviewParams, ValuesParams } from './hooks.ts';

/**
 * Every query key of the app, built here only: the first element names the endpoint, so one
 * endpoint's queries can be found (or invalidated) together, and no two hooks collide by accident.
 */
export const queryKeys = {
  indicators: () => ['indicators'] as const,
  sources: () => ['sources'] as const,
  cohorts: () => ['cohorts'] as const,
  groups: () => ['groups'] as const,
  group: (code: string | undefined) => ['group', code] as const,
  areas: (level: DataLevel, parent: string | undefined) => ['areas', level, parent] as const,
  area: (code: string | undefined) => ['area', code] as const,
  trend: (indicator: string, area: string | undefined) => ['trend', indicator, area] as const,
  geo: (level: 'gemeente' | 'wijk', parent: string | undefined) => ['geo', level, parent] as const,
  values: (p: ValuesParams) => ['values', p] as const,
  funnel: (p: Omit<ValuesParams, 'group'>) => ['funnel', p] as const,
  compare: (p: CompareParams) => ['compare', p] as const,
  change: (p: ValuesParams & { reference: string }) => ['change', p] as const,
  expected: (p: ExpectedParams) => ['expected', p] as const,
  profile: (code: string, cohort: string | undefined, group: string | undefined) => ['profile', code, cohort, group] as const,
  /** A gemeente's schools, or one school. */
  schools: (code: string) => ['schools', code] as const,
  bulkInfo: (level: DataLevel, parent: string | undefined) => ['bulk-info', level, parent] as const,
  overview: (p: OverviewParams) => ['overview', p] as const,
  me: () => ['ik'] as const,
  signInOptions: () => ['sessie-opties'] as const,
  dossier: (gemeente: string) => ['dossier', gemeente] as const,
  sharedInterventions: (indicator: string) => ['interventies', indicator] as const,
};
