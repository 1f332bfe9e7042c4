import { keepPreviousData, queryOptions, skipToken, useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import {
  AreasResponse,
  BulkExportInfo,
  ChangeResponse,
  CohortsResponse,
  CompareResponse,
  ExpectedResponse,
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
  syntheticBoundaries,
  type DataLevel,
  type Dimension,
  type MixDimension,
} from '@gka/shared';
import { apiUrl, getJson, type Params } from './client.ts';
import { FeatureCollectionSchema } from './geo.ts';
import { queryKeys } from './keys.ts';

export function useIndicators() {
  return useQuery({
    queryKey: queryKeys.indicators(),
    queryFn: ({ signal }) => getJson(apiUrl('indicators'), IndicatorsResponse, signal),
  });
}

/** The imported datasets; fetched once so the layout can say from the start whether figures are synthetic. */
export function useSources() {
  return useQuery({
    queryKey: queryKeys.sources(),
    queryFn: ({ signal }) => getJson(apiUrl('sources'), SourcesResponse, signal),
  });
}

/** Whether the loaded boundaries are a fictitious region (the fixtures); undefined while loading. */
export function useBoundariesSynthetic(): boolean | undefined {
  const sources = useSources();
  return sources.data ? syntheticBoundaries(sources.data.sources) : undefined;
}

export function useCohorts() {
  return useQuery({
    queryKey: queryKeys.cohorts(),
    queryFn: ({ signal }) => getJson(apiUrl('cohorts'), CohortsResponse, signal),
  });
}

export function useAreas(level: DataLevel, parent?: string) {
  return useQuery({
    queryKey: queryKeys.areas(level, parent),
    queryFn: level === 'gemeente' || parent ? ({ signal }) => getJson(apiUrl('areas', { level, parent }), AreasResponse, signal) : skipToken,
  });
}

/** One area with its details (a school's address and kind). */
export function useArea(code: string | undefined) {
  return useQuery({
    queryKey: queryKeys.area(code),
    queryFn: code ? ({ signal }) => getJson(apiUrl(`areas/${encodeURIComponent(code)}`), AreaResponse, signal) : skipToken,
  });
}

/** One area's values over the indicator's own cohorts, with the benchmarks of each. */
export function useTrend(indicator: string, area: string | undefined) {
  return useQuery({
    queryKey: queryKeys.trend(indicator, area),
    queryFn: area ? ({ signal }) => getJson(apiUrl('trend', { indicator, area }), TrendResponse, signal) : skipToken,
  });
}

export function useGeo(level: 'gemeente' | 'wijk', parent?: string) {
  return useQuery({
    queryKey: queryKeys.geo(level, parent),
    queryFn: level === 'gemeente' || parent ? ({ signal }) => getJson(apiUrl(`geo/${level}`, { parent }), FeatureCollectionSchema, signal) : skipToken,
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

/** Whether the parameters name enough to ask for: an indicator, a cohort, and a parent below gemeente level. */
const complete = (p: Omit<ValuesParams, 'group'>): boolean => !!p.indicator && !!p.cohort && (p.level === 'gemeente' || !!p.parent);

export function useValues(p: ValuesParams, enabled = true) {
  return useQuery({
    queryKey: queryKeys.values(p),
    queryFn: enabled && complete(p) ? ({ signal }) => getJson(apiUrl('values', valuesParams(p)), ValuesResponse, signal) : skipToken,
    placeholderData: keepPreviousData,
  });
}

/** A funnel plot of a level (a gemeente's wijken or schools, or all gemeenten); only for shares. */
export function useFunnel(p: Omit<ValuesParams, 'group'>, enabled = true) {
  return useQuery({
    queryKey: queryKeys.funnel(p),
    queryFn:
      enabled && complete(p)
        ? ({ signal }) =>
            getJson(
              apiUrl('funnel', { indicator: p.indicator, cohort: p.cohort, level: p.level, parent: p.parent, dimension: p.dimension }),
              FunnelResponse,
              signal,
            )
        : skipToken,
    placeholderData: keepPreviousData,
  });
}

/** The API compares at most this many areas per request; larger selections are split and merged. */
const COMPARE_BATCH = 100;

export type CompareParams = { indicator: string; cohort: string; areas: string[] };

export function useCompare(p: CompareParams) {
  return useQuery(compareQuery(p));
}

/** The answers in the order asked, the first failure with its retry, and whether any is still loading. */
function combineCompares(results: UseQueryResult<CompareResponse>[]) {
  const failed = results.find((r) => r.error);
  return {
    data: results.map((r) => r.data),
    error: failed?.error ?? null,
    retry: () => void failed?.refetch(),
    isLoading: results.some((r) => r.isLoading),
  };
}

/** Several indicators' comparisons at once (the heatmap), sharing the cache of useCompare. */
export function useCompares(list: CompareParams[]) {
  return useQueries({ queries: list.map(compareQuery), combine: combineCompares });
}

function compareQuery(p: CompareParams) {
  return queryOptions({
    queryKey: queryKeys.compare(p),
    queryFn:
      p.areas.length > 0 && p.cohort
        ? async ({ signal }) => {
            const batches = [];
            for (let i = 0; i < p.areas.length; i += COMPARE_BATCH) batches.push(p.areas.slice(i, i + COMPARE_BATCH));
            const parts = await Promise.all(
              batches.map((areas) => getJson(apiUrl('compare', { indicator: p.indicator, cohort: p.cohort, areas: areas.join(',') }), CompareResponse, signal)),
            );
            // One answer with every batch's rows (benchmarks and meta are the same in each); there is a batch, as there are areas.
            return parts.reduce((all, r) => ({ ...all, data: all.data.concat(r.data) }));
          }
        : skipToken,
    placeholderData: keepPreviousData,
  });
}

/** Values of a cohort against a reference cohort, or `voor-covid` (the pooled cohorts before COVID). */
export function useChange(p: ValuesParams & { reference: string }, enabled = true) {
  return useQuery({
    queryKey: queryKeys.change(p),
    queryFn:
      enabled && complete(p) ? ({ signal }) => getJson(apiUrl('change', { ...valuesParams(p), reference: p.reference }), ChangeResponse, signal) : skipToken,
    placeholderData: keepPreviousData,
  });
}

export type ExpectedParams = { indicator?: string; cohort?: string; level: 'gemeente' | 'wijk'; parent?: string; dimension?: MixDimension };

/**
 * Each area's share against what its pupils predict (observed − expected). Only shares can have one:
 * for another indicator or a share without a breakdown the API answers 400 with its reason in Dutch.
 */
export function useExpected(p: ExpectedParams, enabled = true) {
  return useQuery({
    queryKey: queryKeys.expected(p),
    queryFn:
      enabled && complete(p)
        ? ({ signal }) =>
            getJson(
              apiUrl('expected', { indicator: p.indicator, cohort: p.cohort, level: p.level, parent: p.parent, dimension: p.dimension }),
              ExpectedResponse,
              signal,
            )
        : skipToken,
    placeholderData: keepPreviousData,
  });
}

export function useProfile(code: string, cohort?: string, group?: string) {
  return useQuery({
    queryKey: queryKeys.profile(code, cohort, group),
    queryFn: ({ signal }) => getJson(apiUrl(`profile/${encodeURIComponent(code)}`, { cohort, group }), ProfileResponse, signal),
    placeholderData: keepPreviousData,
  });
}

/** A gemeente's schools with their figures and comparisons, as the API decided them. */
export function useSchools(gemeente: string) {
  return useQuery({
    queryKey: queryKeys.schools(gemeente),
    queryFn: ({ signal }) => getJson(apiUrl(`schools/${encodeURIComponent(gemeente)}`), SchoolsResponse, signal),
  });
}

/** One school with its figures and comparisons, as its gemeente's table has them (GET /schools/{school}). */
export function useSchool(code: string) {
  return useQuery({
    queryKey: queryKeys.schools(code),
    queryFn: ({ signal }) => getJson(apiUrl(`schools/${encodeURIComponent(code)}`), SchoolsResponse, signal),
    enabled: code !== '',
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
    queryKey: queryKeys.bulkInfo(level, parent),
    queryFn: ({ signal }) => getJson(apiUrl('export/bulk/info', { level, parent }), BulkExportInfo, signal),
  });
}

export function useGroups() {
  return useQuery({
    queryKey: queryKeys.groups(),
    queryFn: ({ signal }) => getJson(apiUrl('groups'), GroupsResponse, signal),
  });
}

/** What an overview is of: a group, or chosen gemeenten (`areas`). */
export type OverviewParams = { group?: string; areas?: string[]; benchmark: string };
const overviewParams = (p: OverviewParams) => ({ group: p.areas ? undefined : p.group, areas: p.areas?.join(','), benchmark: p.benchmark });

/** The overview as a file (one line per gemeente × indicator). */
export function overviewExportUrl(format: 'csv' | 'xlsx', p: OverviewParams): string {
  return apiUrl('overview/export', { format, ...overviewParams(p) });
}

/** The overview of a group, or of chosen gemeenten, against a benchmark. */
export function useOverview(p: OverviewParams) {
  return useQuery({
    queryKey: queryKeys.overview(p),
    queryFn:
      p.group || p.areas?.length
        ? async ({ signal }) => expandOverview(await getJson(apiUrl('overview', overviewParams(p)), OverviewResponse, signal))
        : skipToken,
    placeholderData: keepPreviousData,
  });
}

/** One group by code, also the ones not listed (a gemeente's vergelijkbare gemeenten). */
export function useGroup(code: string | undefined) {
  return useQuery({
    queryKey: queryKeys.group(code),
    queryFn: code ? ({ signal }) => getJson(apiUrl(`groups/${encodeURIComponent(code)}`), GroupResponse, signal) : skipToken,
  });
}
