import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import {
  AreasResponse,
  BulkExportInfo,
  ChangeResponse,
  CohortsResponse,
  CompareResponse,
  GroupResponse,
  GroupsResponse,
  OverviewResponse,
  expandOverview,
  IndicatorsResponse,
  ProfileResponse,
  SchoolsResponse,
  SourcesResponse,
  ValuesResponse,
  FunnelResponse,
  TrendResponse,
  AreaResponse,
  type DataLevel,
  type Dimension,
} from '@gka/shared';
import { apiUrl, getJson, type Params } from './client.ts';
import { FeatureCollectionSchema } from './geo.ts';

export function useIndicators() {
  return useQuery({
    queryKey: ['indicators'],
    queryFn: ({ signal }) => getJson(apiUrl('indicators'), IndicatorsResponse, signal),
  });
}

/** The imported datasets; fetched once so the layout can say from the start whether figures are synthetic. */
export function useSources() {
  return useQuery({
    queryKey: ['sources'],
    queryFn: ({ signal }) => getJson(apiUrl('sources'), SourcesResponse, signal),
  });
}

/** Whether the loaded boundaries are a fictitious region (the fixtures); undefined while loading. */
export function useBoundariesSynthetic(): boolean | undefined {
  const sources = useSources();
  return sources.data ? sources.data.sources.some((s) => s.kind === 'geo' && s.synthetic) : undefined;
}

export function useCohorts() {
  return useQuery({
    queryKey: ['cohorts'],
    queryFn: ({ signal }) => getJson(apiUrl('cohorts'), CohortsResponse, signal),
  });
}

export function useAreas(level: DataLevel, parent?: string) {
  return useQuery({
    queryKey: ['areas', level, parent],
    queryFn: ({ signal }) => getJson(apiUrl('areas', { level, parent }), AreasResponse, signal),
    enabled: level === 'gemeente' || !!parent,
  });
}

/** One area with its details (a school's address and kind). */
export function useArea(code: string | undefined) {
  return useQuery({
    queryKey: ['area', code],
    queryFn: ({ signal }) => getJson(apiUrl(`areas/${encodeURIComponent(code!)}`), AreaResponse, signal),
    enabled: !!code,
  });
}

/** One area's values over the indicator's own cohorts, with the benchmarks of each. */
export function useTrend(indicator: string, area: string | undefined) {
  return useQuery({
    queryKey: ['trend', indicator, area],
    queryFn: ({ signal }) => getJson(apiUrl('trend', { indicator, area }), TrendResponse, signal),
    enabled: !!area,
  });
}

export function useGeo(level: 'gemeente' | 'wijk', parent?: string) {
  return useQuery({
    queryKey: ['geo', level, parent],
    queryFn: ({ signal }) => getJson(apiUrl(`geo/${level}`, { parent }), FeatureCollectionSchema, signal),
    enabled: level === 'gemeente' || !!parent,
  });
}

export type ValuesParams = {
  indicator?: string;
  cohort?: string;
  level: DataLevel;
  /** An area, gemeenten comma-separated, or a group code: whose wijken or schools. */
  parent?: string;
  dimension?: Dimension;
  /** A group of gemeenten as an extra benchmark (kind 'groep'). */
  group?: string;
};

function valuesParams(p: ValuesParams): Params {
  return { indicator: p.indicator, cohort: p.cohort, level: p.level, parent: p.parent, dimension: p.dimension, group: p.group };
}

function valuesQuery(p: ValuesParams) {
  return queryOptions({
    queryKey: ['values', p],
    queryFn: ({ signal }) => getJson(apiUrl('values', valuesParams(p)), ValuesResponse, signal),
    enabled: !!p.indicator && !!p.cohort && (p.level === 'gemeente' || !!p.parent),
    placeholderData: keepPreviousData,
  });
}

export function useValues(p: ValuesParams, enabled = true) {
  const options = valuesQuery(p);
  return useQuery({ ...options, enabled: enabled && options.enabled });
}

/** A funnel plot of a level (a gemeente's wijken or schools, or all gemeenten); only for shares. */
export function useFunnel(p: Omit<ValuesParams, 'group'>, enabled = true) {
  return useQuery({
    queryKey: ['funnel', p],
    queryFn: ({ signal }) =>
      getJson(apiUrl('funnel', { indicator: p.indicator, cohort: p.cohort, level: p.level, parent: p.parent, dimension: p.dimension }), FunnelResponse, signal),
    enabled: enabled && !!p.indicator && !!p.cohort && (p.level === 'gemeente' || !!p.parent),
    placeholderData: keepPreviousData,
  });
}

/** The API compares at most this many areas per request; larger selections are split and merged. */
const COMPARE_BATCH = 100;

type CompareParams = { indicator: string; cohort: string; areas: string[] };

export function useCompare(p: CompareParams) {
  return useQuery(compareQuery(p));
}

/** Several indicators' comparisons at once (the heatmap), sharing the cache of useCompare. */
export function useCompares(list: CompareParams[]) {
  return useQueries({ queries: list.map(compareQuery) });
}

function compareQuery(p: CompareParams) {
  return queryOptions({
    queryKey: ['compare', p],
    queryFn: async ({ signal }) => {
      const batches = [];
      for (let i = 0; i < p.areas.length; i += COMPARE_BATCH) batches.push(p.areas.slice(i, i + COMPARE_BATCH));
      const parts = await Promise.all(
        batches.map((areas) => getJson(apiUrl('compare', { indicator: p.indicator, cohort: p.cohort, areas: areas.join(',') }), CompareResponse, signal)),
      );
      return { ...parts[0], data: parts.flatMap((r) => r.data) };
    },
    enabled: p.areas.length > 0 && !!p.cohort,
    placeholderData: keepPreviousData,
  });
}

/** Values of a cohort against a reference cohort, or `voor-covid` (the pooled cohorts before COVID). */
export function useChange(p: ValuesParams & { reference: string }, enabled = true) {
  return useQuery({
    queryKey: ['change', p],
    queryFn: ({ signal }) => getJson(apiUrl('change', { ...valuesParams(p), reference: p.reference }), ChangeResponse, signal),
    enabled: enabled && !!p.indicator && !!p.cohort && (p.level === 'gemeente' || !!p.parent),
    placeholderData: keepPreviousData,
  });
}

export function useProfile(code: string, cohort?: string, group?: string) {
  return useQuery({
    queryKey: ['profile', code, cohort, group],
    queryFn: ({ signal }) => getJson(apiUrl(`profile/${encodeURIComponent(code)}`, { cohort, group }), ProfileResponse, signal),
    placeholderData: keepPreviousData,
  });
}

/** A gemeente's schools with their figures and comparisons, as the API decided them. */
export function useSchools(gemeente: string) {
  return useQuery({
    queryKey: ['schools', gemeente],
    queryFn: ({ signal }) => getJson(apiUrl(`schools/${encodeURIComponent(gemeente)}`), SchoolsResponse, signal),
  });
}

/** The export of the table; with a reference the change columns, with `metadata` the definitions and sources as text. */
export function exportUrl(format: 'csv' | 'xlsx', p: ValuesParams, reference?: string, metadata = false): string {
  return apiUrl('export', { format, ...valuesParams(p), reference, metadata: metadata ? '1' : undefined });
}

/** Everything of a level (or of a parent's areas) in one long CSV. */
export const bulkUrl = (level: DataLevel, parent?: string): string => apiUrl('export/bulk', { level, parent });

/** How many lines that file has, counted by the API without building it. */
export function useBulkInfo(level: DataLevel, parent?: string) {
  return useQuery({
    queryKey: ['bulk-info', level, parent],
    queryFn: ({ signal }) => getJson(apiUrl('export/bulk/info', { level, parent }), BulkExportInfo, signal),
  });
}

export function useGroups() {
  return useQuery({
    queryKey: ['groups'],
    queryFn: ({ signal }) => getJson(apiUrl('groups'), GroupsResponse, signal),
  });
}

/** What an overview is of: a group, or chosen gemeenten (`areas`). */
type OverviewParams = { group?: string; areas?: string[]; benchmark: string };
const overviewParams = (p: OverviewParams) => ({ group: p.areas ? undefined : p.group, areas: p.areas?.join(','), benchmark: p.benchmark });

/** The overview as a file (one line per gemeente × indicator). */
export function overviewExportUrl(format: 'csv' | 'xlsx', p: OverviewParams): string {
  return apiUrl('overview/export', { format, ...overviewParams(p) });
}

/** The overview of a group, or of chosen gemeenten, against a benchmark. */
export function useOverview(p: OverviewParams) {
  return useQuery({
    queryKey: ['overview', p],
    queryFn: async ({ signal }) => expandOverview(await getJson(apiUrl('overview', overviewParams(p)), OverviewResponse, signal)),
    enabled: !!p.group || !!p.areas?.length,
    placeholderData: keepPreviousData,
  });
}

/** One group by code, also the ones not listed (a gemeente's vergelijkbare gemeenten). */
export function useGroup(code: string | undefined) {
  return useQuery({
    queryKey: ['group', code],
    queryFn: ({ signal }) => getJson(apiUrl(`groups/${encodeURIComponent(code!)}`), GroupResponse, signal),
    enabled: !!code,
  });
}
